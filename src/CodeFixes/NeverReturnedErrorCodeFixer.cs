using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers.CodeFixes;

/// <summary>
/// DEW005: remove the case for a code the operation never returns — the label (the whole section when it was the only
/// label), the <c>or</c> operand, or the switch-expression arm. FixAll removes every such case of a document in one
/// pass (<see cref="CaseRemoval"/>), so two dead labels of one section remove the section instead of leaving
/// it without labels.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NeverReturnedErrorCodeFixer))]
[Shared]
public sealed class NeverReturnedErrorCodeFixer : CodeFixProvider
{
    public const string EquivalenceKey = "DEW005.RemoveCase";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NeverReturnedErrorCode);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (CaseRemoval.Apply(root, new[] { diagnostic.Location.SourceSpan }) is null)
            {
                continue;
            }

            var code = diagnostic.Properties.TryGetValue(FixProperties.Code, out var value) ? value : null;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove case for {code}",
                    cancellationToken => RemoveAsync(context.Document, new[] { diagnostic.Location.SourceSpan }, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var spans = diagnostics.Select(d => d.Location.SourceSpan).ToList();
        return spans.Count == 0 ? document : await RemoveAsync(document, spans, context.CancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document> RemoveAsync(Document document, IReadOnlyCollection<TextSpan> spans, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var newRoot = root is null ? null : CaseRemoval.Apply(root, spans);
        return newRoot is null ? document : document.WithSyntaxRoot(newRoot);
    }
}
