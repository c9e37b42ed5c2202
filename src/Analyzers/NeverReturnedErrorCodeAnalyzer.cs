using System.Collections.Immutable;
using System.Linq;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// DEW005: inside a catch whose try block calls KMS/CSMS operations, a case label, pattern, <c>when</c> test or
/// comparison for a catalog code that none of those operations can return (in any tier), or a code of the other service.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NeverReturnedErrorCodeAnalyzer : DewAnalyzer
{
    public NeverReturnedErrorCodeAnalyzer()
        : base(Descriptors.NeverReturnedErrorCode)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext start, CompilationState state)
    {
        if (!state.Sdk.HasErrorCodes || !state.Sdk.HasClients)
        {
            return;
        }

        ComparedConstants.Register(start, state.Catalog, (in OperationAnalysisContext c, IOperation constant, ErrorCodeEntry entry) => Analyze(in c, constant, entry, state));
    }

    private static void Analyze(in OperationAnalysisContext context, IOperation constant, ErrorCodeEntry entry, CompilationState state)
    {
        if (CalledOperations.EnclosingCatch(constant) is not { } innermostCatch
            || state.ErrorCodes.TestOf(constant, context.CancellationToken) is null
            || !state.Calls.TryGetForCatch(innermostCatch, context.CancellationToken, out _, out var operations)
            || Unreachable(entry, operations) is not { } reason
            || GeneratedCode.InGeneratedAccessor(context.ContainingSymbol))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.NeverReturnedErrorCode,
            constant.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Code, entry.Code),
            entry.Code,
            entry.Message.Trim().TrimEnd('.'),
            string.Join(", ", operations.Select(o => o.Name)),
            reason));
    }

    /// <summary>
    /// Null when some called operation can return the code (or the catalog cannot tell); otherwise the message suffix.
    /// Tiers only know built-in codes: a custom code of a called service is never reported.
    /// </summary>
    private static string? Unreachable(ErrorCodeEntry entry, ImmutableArray<OperationInfo> operations)
    {
        var sameService = false;
        foreach (var operation in operations)
        {
            if (operation.Service != entry.Prefix)
            {
                continue;
            }

            sameService = true;
            if (operation.CanReturn(entry.Code))
            {
                return null;
            }
        }

        if (!sameService)
        {
            return IsServicePrefix(entry.Prefix, operations) ? $" (a {entry.Prefix} code; the try block calls only {OtherServices(entry.Prefix, operations)} operations)" : null;
        }

        if (!ErrorCodeCatalog.BuiltIn.Contains(entry.Code))
        {
            return null;
        }

        return operations.Any(o => o.Service == entry.Prefix && o.IsInferred) ? " in any tier of its inferred (not documented) code list" : " in any documented tier";
    }

    /// <summary>True for a service prefix (KMS, CSMS); a user catalog's own prefix says nothing about SDK operations.</summary>
    private static bool IsServicePrefix(string prefix, ImmutableArray<OperationInfo> operations)
        => prefix is "KMS" or "CSMS" && operations.Length > 0;

    private static string OtherServices(string prefix, ImmutableArray<OperationInfo> operations)
        => string.Join("/", operations.Select(o => o.Service).Where(s => s != prefix).Distinct());
}
