using System.Collections.Immutable;
using System.Threading;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// DEW006: a code tested together with an exception type or HTTP status it can never carry — a 5xx code read from a
/// <c>ClientRequestException</c>, a 4xx code read from a <c>ServerResponseException</c>, or <c>HttpStatusCode == N</c>
/// (or <c>{ HttpStatusCode: N }</c>) in the same condition when the code comes with another status.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ErrorCodeStatusMismatchAnalyzer : DewAnalyzer
{
    public ErrorCodeStatusMismatchAnalyzer()
        : base(Descriptors.ErrorCodeStatusMismatch)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext start, CompilationState state)
    {
        if (state.Sdk.ServiceResponseException is null)
        {
            return;
        }

        ComparedConstants.Register(start, state.Catalog, (in OperationAnalysisContext c, IOperation constant, ErrorCodeEntry entry) => Analyze(in c, constant, entry, state));
    }

    private static void Analyze(in OperationAnalysisContext context, IOperation constant, ErrorCodeEntry entry, CompilationState state)
    {
        if (entry.HttpStatus < 400
            || state.ErrorCodes.TestOf(constant, context.CancellationToken) is not { } test
            || test.IsNegated(constant))
        {
            return;
        }

        var facts = ExceptionFacts.Of(test, state, context.CancellationToken);
        var conflict = Conflict(entry.HttpStatus, facts, state.Sdk);
        if (conflict is not null && !GeneratedCode.InGeneratedAccessor(context.ContainingSymbol))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ErrorCodeStatusMismatch, constant.Syntax.GetLocation(), entry.Code, entry.HttpStatus, conflict));
        }
    }

    private static string? Conflict(int status, ExceptionFacts facts, SdkSymbols sdk)
    {
        if (facts.Status is { } tested && tested != status)
        {
            return $"HttpStatusCode {tested}";
        }

        return (sdk.StatusClassOf(facts.Type), status / 100) switch
        {
            (4, 5) => "a ClientRequestException (HTTP 4xx)",
            (5, 4) => "a ServerResponseException (HTTP 5xx)",
            _ => null,
        };
    }
}
