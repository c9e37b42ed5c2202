using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DewAnalyzers.CodeFixes;

/// <summary>DEW002: replace the literal with the catalog constant and add the <c>using</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCatalogConstantFixer))]
[Shared]
public sealed class UseCatalogConstantFixer : CodeFixProvider
{
    public const string EquivalenceKey = "DEW002.UseConstant";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UseCatalogConstant);

    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create((context, document, diagnostics) => ErrorCodeReplacement.ReplaceAllAsync(document, diagnostics, 0, context.CancellationToken));

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!ErrorCodeReplacement.TryGetSuggestion(diagnostic, 0, out var code, out var constant) || constant is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use {ErrorCodeReplacement.ShortName(constant)}",
                    cancellationToken => ErrorCodeReplacement.ReplaceAsync(context.Document, diagnostic.Location.SourceSpan, code, constant, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
