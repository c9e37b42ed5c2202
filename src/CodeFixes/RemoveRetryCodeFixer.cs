using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers.CodeFixes;

/// <summary>
/// DEW004: "Remove KMS.xxxx from the retry condition" (drop the code's alternative) and "Retry only transient codes"
/// (replace the code test with <c>DewErrorCodes.IsTransient(code)</c>). FixAll merges every removal of a document in
/// one pass, so several codes of one <c>||</c> chain can go at once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveRetryCodeFixer))]
[Shared]
public sealed class RemoveRetryCodeFixer : CodeFixProvider
{
    public const string RemoveEquivalenceKey = "DEW004.RemoveCode";
    public const string TransientEquivalenceKey = "DEW004.RetryOnlyTransient";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RetryOfNonTransientErrorCode);

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
            var code = diagnostic.Properties.TryGetValue(RetryErrorCodeAnalyzer.CodeProperty, out var value) ? value : null;
            if (code is null)
            {
                continue;
            }

            if (RetryCodeRemoval.TryRemove(root, new[] { diagnostic.Location.SourceSpan }, out var removed))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Remove {code} from the retry condition",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(removed)),
                        RemoveEquivalenceKey),
                    diagnostic);
            }

            if (TryGetTest(root, diagnostic, out _))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Retry only transient codes",
                        cancellationToken => RetryOnlyTransientAsync(context.Document, new[] { diagnostic }, cancellationToken),
                        TransientEquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        if (context.CodeActionEquivalenceKey == TransientEquivalenceKey)
        {
            return await RetryOnlyTransientAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);
        }

        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var spans = new List<TextSpan>();
        foreach (var diagnostic in diagnostics)
        {
            spans.Add(diagnostic.Location.SourceSpan);
        }

        return root is not null && RetryCodeRemoval.TryRemove(root, spans, out var removed) ? document.WithSyntaxRoot(removed) : document;
    }

    private static async Task<Document> RetryOnlyTransientAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (TryGetTest(root, diagnostic, out var test) && !replacements.ContainsKey(test.Test))
            {
                var call = SyntaxFactory.InvocationExpression(
                    CatalogConstantSyntax.ImportedName(test.IsTransient),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(test.Compared.WithoutTrivia()))));
                replacements.Add(test.Test, call.WithTriviaFrom(test.Test));
            }
        }

        return await CatalogConstantSyntax.ReplaceAndImportAsync(document, root, replacements, cancellationToken).ConfigureAwait(false);
    }

    private static bool TryGetTest(SyntaxNode root, Diagnostic diagnostic, out (ExpressionSyntax Test, ExpressionSyntax Compared, string IsTransient) test)
    {
        test = default;
        if (!diagnostic.Properties.TryGetValue(RetryErrorCodeAnalyzer.IsTransientProperty, out var isTransient) || isTransient is null
            || !TryGetNode(root, diagnostic, RetryErrorCodeAnalyzer.TestSpanProperty, out var testNode)
            || !TryGetNode(root, diagnostic, RetryErrorCodeAnalyzer.ComparedSpanProperty, out var compared))
        {
            return false;
        }

        test = (testNode, compared, isTransient);
        return true;
    }

    private static bool TryGetNode(SyntaxNode root, Diagnostic diagnostic, string property, out ExpressionSyntax node)
    {
        node = null!;
        if (!diagnostic.Properties.TryGetValue(property, out var text) || text is null)
        {
            return false;
        }

        var parts = text.Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || start + length > root.FullSpan.End)
        {
            return false;
        }

        var span = new TextSpan(start, length);
        if (root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax found || found.Span != span)
        {
            return false;
        }

        node = found;
        return true;
    }
}
