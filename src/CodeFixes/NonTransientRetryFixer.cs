using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers.CodeFixes;

/// <summary>
/// DEW004: "Remove KMS.xxxx from the retry condition" (drop the code's alternative) and "Retry only transient codes"
/// (replace the code test with <c>DewErrorCodes.IsTransient(code)</c>). FixAll merges every removal of a document in
/// one pass, so several codes of one <c>||</c> chain can go at once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NonTransientRetryFixer))]
[Shared]
public sealed class NonTransientRetryFixer : CodeFixProvider
{
    public const string RemoveEquivalenceKey = "DEW004.RemoveCode";
    public const string TransientEquivalenceKey = "DEW004.RetryOnlyTransient";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NonTransientRetry);

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
            var code = diagnostic.Properties.TryGetValue(FixProperties.Code, out var value) ? value : null;
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

            if (diagnostic.Properties.ContainsKey(FixProperties.IsTransient)
                && await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) is { } model
                && TryGetTest(root, model, diagnostic, context.CancellationToken, out _))
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
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (TryGetTest(root, model, diagnostic, cancellationToken, out var test) && !replacements.ContainsKey(test.Test))
            {
                var call = CatalogConstantSyntax.IsTransientCall(test.IsTransient, test.Compared.WithoutTrivia());
                replacements.Add(test.Test, call.WithTriviaFrom(test.Test));
            }
        }

        return await CatalogConstantSyntax.ReplaceAndImportAsync(document, root, replacements, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The code test around the reported code (<see cref="ErrorCodeTest"/>: a case-sensitive membership test such as
    /// <c>x == "KMS.0207"</c>, <c>string.Equals(x, "…")</c> or <c>x is "…" or "…"</c>), widened over a <c>||</c> chain of such
    /// tests of the same expression, and the tested expression; false when the test is not one the fix can rewrite.
    /// </summary>
    private static bool TryGetTest(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken, out (ExpressionSyntax Test, ExpressionSyntax Compared, string IsTransient) test)
    {
        test = default;
        var span = diagnostic.Location.SourceSpan;
        if (!diagnostic.Properties.TryGetValue(FixProperties.IsTransient, out var isTransient) || isTransient is null
            || span.End > root.FullSpan.End
            || root.FindNode(span, getInnermostNodeForTie: true) is not { } node
            || model.GetOperation(node, cancellationToken) is not { } code
            || ErrorCodeTest.Of(code) is not { } codeTest
            || !IsRewritable(codeTest)
            || codeTest.Subject.Type?.SpecialType != SpecialType.System_String
            || codeTest.Subject.Syntax is not ExpressionSyntax compared)
        {
            return false;
        }

        var unit = codeTest.Operation;
        while (unit.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or
               && IsRewritableTestOf(or.LeftOperand == unit ? or.RightOperand : or.LeftOperand, compared))
        {
            unit = or;
        }

        if (unit.Syntax is not ExpressionSyntax testExpression)
        {
            return false;
        }

        test = (testExpression, compared, isTransient);
        return true;
    }

    /// <summary>A test <c>IsTransient(x)</c> can stand for: true exactly for its codes, case-sensitive, an expression.</summary>
    private static bool IsRewritable(ErrorCodeTest test)
        => test.IsMembership && !test.IgnoresCase && test.Operation is IBinaryOperation or IInvocationOperation or IIsPatternOperation;

    private static bool IsRewritableTestOf(IOperation operation, SyntaxNode compared)
        => operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or
            ? IsRewritableTestOf(or.LeftOperand, compared) && IsRewritableTestOf(or.RightOperand, compared)
            : ErrorCodeTest.Read(operation) is { } test && IsRewritable(test) && SyntaxFactory.AreEquivalent(test.Subject.Syntax, compared);
}
