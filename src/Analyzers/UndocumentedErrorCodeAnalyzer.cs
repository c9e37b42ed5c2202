using System;
using System.Collections.Immutable;
using System.Linq;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DewAnalyzers;

/// <summary>
/// DEW001: a string that has the shape of a catalog code (<c>KMS.0213</c>) but is not documented, anywhere; and, where
/// it is compared with an error code, a malformed near miss (<c>"kms.0207"</c>, <c>"KMS-0207"</c>, <c>"KMS.207"</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndocumentedErrorCodeAnalyzer : DewAnalyzer
{
    public UndocumentedErrorCodeAnalyzer()
        : base(Descriptors.UndocumentedErrorCode)
    {
    }

    private const int SuggestionCount = 3;

    private protected override void Register(CompilationStartAnalysisContext start, CompilationState state)
    {
        if (!state.MayHoldCodes(start.CancellationToken))
        {
            return;
        }

        start.RegisterSyntaxNodeAction(c => Analyze(in c, state), SyntaxKind.StringLiteralExpression);
    }

    private static void Analyze(in SyntaxNodeAnalysisContext context, CompilationState state)
    {
        var catalog = state.Catalog;
        if (context.IsGeneratedCode || !ErrorCodeLiterals.TryGetCandidate(context.Node, catalog, out var literal, out var text))
        {
            return;
        }

        if (catalog.HasCodeShape(text))
        {
            if (!catalog.Contains(text))
            {
                Report(context, literal, text, catalog.NearestTo(text, SuggestionCount, CalledOperationsAround(context, literal, state)), state.Constants);
            }

            return;
        }

        if (!state.Sdk.HasErrorCodes
            || !catalog.TryNormalizeNearMiss(text, out var canonical)
            || context.SemanticModel.GetOperation(literal, context.CancellationToken) is not { } operation
            || state.ErrorCodes.TestOf(operation, context.CancellationToken) is not { } test
            || (test.IgnoresCase && string.Equals(text, canonical, StringComparison.OrdinalIgnoreCase)))
        {
            // Not compared with an error code, or compared ignoring case with a code it only differs from in case: it matches.
            return;
        }

        var suggestions = catalog.TryGetEntry(canonical, out var exact)
            ? ImmutableArray.Create(exact)
            : catalog.NearestTo(canonical, SuggestionCount, CalledOperationsAround(context, literal, state));
        Report(context, literal, text, suggestions, state.Constants);
    }

    /// <summary>
    /// Inside a catch whose try calls KMS/CSMS operations, those operations: the suggestions prefer the codes they can
    /// return (any tier). Default elsewhere. Only computed for a literal that is reported.
    /// </summary>
    private static ImmutableArray<OperationInfo> CalledOperationsAround(SyntaxNodeAnalysisContext context, LiteralExpressionSyntax literal, CompilationState state)
    {
        if (!state.Sdk.HasClients
            || context.SemanticModel.GetOperation(literal, context.CancellationToken) is not { } operation
            || CalledOperations.EnclosingCatch(operation) is not { } innermostCatch
            || !state.Calls.TryGetForCatch(innermostCatch, context.CancellationToken, out _, out var operations))
        {
            return default;
        }

        return operations;
    }

    private static void Report(SyntaxNodeAnalysisContext context, LiteralExpressionSyntax literal, string text, ImmutableArray<ErrorCodeEntry> suggestions, CatalogConstants constants)
    {
        if (suggestions.IsEmpty || GeneratedCode.InGeneratedAccessor(context.ContainingSymbol))
        {
            return;
        }

        var described = JoinAlternatives(suggestions.Select(s => s.CodeAndMessage).ToArray());
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UndocumentedErrorCode, literal.GetLocation(), constants.SuggestionProperties(suggestions), text, described));
    }

    private static string JoinAlternatives(string[] items)
        => items.Length == 1 ? items[0] : string.Join(", ", items, 0, items.Length - 1) + " or " + items[items.Length - 1];
}
