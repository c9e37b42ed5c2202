using System.Collections.Immutable;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DewAnalyzers;

/// <summary>DEW002: a documented error code written as a string literal, where the generated constant can be used.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UseCatalogConstantAnalyzer : DewAnalyzer
{
    public UseCatalogConstantAnalyzer()
        : base(Descriptors.UseCatalogConstant)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext start, CompilationState state)
    {
        if (!state.MayHoldCodes(start.CancellationToken))
        {
            return;
        }

        start.RegisterSyntaxNodeAction(c => Analyze(in c, state.Catalog, state.Constants), SyntaxKind.StringLiteralExpression);
    }

    private static void Analyze(in SyntaxNodeAnalysisContext context, ErrorCodeCatalog catalog, CatalogConstants constants)
    {
        if (context.IsGeneratedCode
            || !ErrorCodeLiterals.TryGetCandidate(context.Node, catalog, out var literal, out var text)
            || !catalog.TryGetEntry(text, out var entry)
            || constants.ReferenceTo(entry) is null
            || GeneratedCode.InGeneratedAccessor(context.ContainingSymbol))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.UseCatalogConstant,
            literal.GetLocation(),
            constants.SuggestionProperties(entry),
            CatalogConstants.DisplayName(entry),
            entry.Code,
            entry.Message.Trim()));
    }
}
