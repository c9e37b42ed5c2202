using Microsoft.CodeAnalysis;

namespace DewAnalyzers;

/// <summary>Every rule's descriptor, built in one place so help links and categories stay consistent.</summary>
internal static class Descriptors
{
    public const string HelpLinkBase = "https://github.com/dewanalyzers/dewanalyzers/blob/main/docs/rules/";

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

    public static string HelpLinkFor(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description)
        => new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkFor(id));

    private static class Categories
    {
        public const string Correctness = "Correctness";
        public const string Maintainability = "Maintainability";
    }
}
