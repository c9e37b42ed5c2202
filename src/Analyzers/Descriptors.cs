using Microsoft.CodeAnalysis;

namespace DewAnalyzers;

/// <summary>Every rule's descriptor, built in one place so help links and categories stay consistent.</summary>
internal static class Descriptors
{
    /// <summary>
    /// <c>$(RepositoryUrl)/blob/$(RepositoryBranch)/docs/rules/</c>: the repository address is set once, in
    /// Directory.Build.props, and reaches this assembly as metadata.
    /// </summary>
    public static readonly string HelpLinkBase = ReadHelpLinkBase();

    public static readonly DiagnosticDescriptor UndocumentedErrorCode = Create(
        DiagnosticIds.UndocumentedErrorCode,
        "Error code is not in the catalog",
        "'{0}' is not a documented error code; did you mean {1}?",
        Categories.Correctness,
        DiagnosticSeverity.Warning,
        "The string has the shape of a KMS/CSMS error code (or is compared with an error code) but no documented code has this text, so a comparison with it never matches.");

    public static readonly DiagnosticDescriptor UseCatalogConstant = Create(
        DiagnosticIds.UseCatalogConstant,
        "Use the catalog constant for an error code",
        "Use {0} instead of the literal \"{1}\" ({2})",
        Categories.Maintainability,
        DiagnosticSeverity.Info,
        "A documented error code written as a string literal can be replaced by its generated catalog constant, which documents the code on hover and cannot be mistyped.");

    public static readonly DiagnosticDescriptor MissingErrorCodeCase = Create(
        DiagnosticIds.MissingErrorCodeCase,
        "Handler does not handle error codes the operation can return",
        "No case handles {0} error code(s) that {1} can return: {2}",
        Categories.Correctness,
        DiagnosticSeverity.Warning,
        "A switch over an error code in a catch clause has no case for codes that the KMS/CSMS operations called in the try block are documented to return, and its default arm (if any) only throws, so those expected outcomes are treated as unexpected.");

    public static readonly DiagnosticDescriptor NonTransientRetry = Create(
        DiagnosticIds.NonTransientRetry,
        "Retry of an error code that is not transient",
        "{0} {1} {2}: {3} (retry class: {4})",
        Categories.Correctness,
        DiagnosticSeverity.Warning,
        "A retry condition admits an error code whose catalog retry class is not transient: retrying a permanent code only adds latency and load, and an after-action code succeeds only after its remedy.");

    public static readonly DiagnosticDescriptor NeverReturnedErrorCode = Create(
        DiagnosticIds.NeverReturnedErrorCode,
        "Handler for an error code the operation never returns",
        "{0} ({1}) is never returned by {2}{3}",
        Categories.Correctness,
        DiagnosticSeverity.Warning,
        "A case, pattern or comparison in a catch clause tests for an error code that none of the KMS/CSMS operations called in the try block can return (in any tier of the catalog), or a code of the other service; the handler is dead code and often a sign that the wrong code was meant.");

    public static readonly DiagnosticDescriptor ErrorCodeStatusMismatch = Create(
        DiagnosticIds.ErrorCodeStatusMismatch,
        "Error code can never match the exception or status it is tested with",
        "{0} is returned with HTTP {1}, so it can never match {2}",
        Categories.Correctness,
        DiagnosticSeverity.Warning,
        "The SDK raises 4xx responses as ClientRequestException and 5xx responses as ServerResponseException, and every documented code comes with one HTTP status; a code tested on the other exception type, or together with another HttpStatusCode, never matches.");

    public static readonly DiagnosticDescriptor BlanketRetry = Create(
        DiagnosticIds.BlanketRetry,
        "Retry of every service error",
        "Retry of every {0} admits {1} non-transient error code(s){2}: {3}",
        Categories.Correctness,
        DiagnosticSeverity.Warning,
        "A retry admits ServiceResponseException or ClientRequestException (or SdkException, or Exception around a KMS/CSMS call) without a condition on the error code: every code that is not transient fails the same way on every attempt, so the retry only adds latency and load.");

    public static readonly DiagnosticDescriptor InvalidCatalogEntry = Create(
        DiagnosticIds.InvalidCatalogEntry,
        "Invalid error-code catalog entry",
        "Invalid error-code catalog entry: {0}",
        Categories.Configuration,
        DiagnosticSeverity.Warning,
        "A row of a catalog file (*.errorcodes.md page or *.errorcodes.tsv lines) cannot be loaded and is skipped; the rest of the file still loads.");

    public static string HelpLinkFor(string id) => HelpLinkBase + id + ".md";

    private static string ReadHelpLinkBase()
    {
        foreach (var attribute in typeof(Descriptors).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), inherit: false))
        {
            if (attribute is System.Reflection.AssemblyMetadataAttribute { Key: "DewHelpLinkBase", Value: { Length: > 0 } value })
            {
                return value;
            }
        }

        throw new System.InvalidOperationException("DewHelpLinkBase metadata is missing: build with the repository's Directory.Build.props");
    }

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description)
        => new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkFor(id));

    private static class Categories
    {
        public const string Correctness = "Correctness";
        public const string Maintainability = "Maintainability";
        public const string Configuration = "Configuration";
    }
}
