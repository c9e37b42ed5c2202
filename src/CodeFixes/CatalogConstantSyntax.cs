using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace DewAnalyzers.CodeFixes;

/// <summary>Shared by the fixes that write error codes: the code as a catalog constant (or literal) and the clean-up that adds the <c>using</c>.</summary>
internal static class CatalogConstantSyntax
{
    /// <summary>
    /// <paramref name="constant"/> (<c>global::Dew.ErrorCodes.KmsErrorCodes.KeyNotFound</c>) annotated so that
    /// <see cref="AddImportsAndSimplifyAsync"/> adds the <c>using</c> and shortens it; the literal when there is no constant.
    /// </summary>
    public static ExpressionSyntax CodeExpression(string code, string? constant)
    {
        return constant is null
            ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(code)).WithAdditionalAnnotations(Formatter.Annotation)
            : ImportedName(constant);
    }

    /// <summary>
    /// A fully qualified generated name (<c>global::Dew.ErrorCodes.DewErrorCodes.IsTransient</c>) annotated so that
    /// <see cref="AddImportsAndSimplifyAsync"/> adds the <c>using</c> and shortens it.
    /// </summary>
    public static ExpressionSyntax ImportedName(string qualifiedName)
        => SyntaxFactory.ParseExpression(qualifiedName).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);

    /// <summary>
    /// <c>DewErrorCodes.IsTransient(code)</c>: the generated helper (<paramref name="isTransientReference"/>, fully
    /// qualified, imported and shortened like <see cref="ImportedName"/>) called on <paramref name="code"/>.
    /// </summary>
    public static InvocationExpressionSyntax IsTransientCall(string isTransientReference, ExpressionSyntax code)
        => SyntaxFactory.InvocationExpression(
            ImportedName(isTransientReference),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(code))));

    /// <summary>As <see cref="ImportedName"/>, for a type (<c>global::System.Exception</c>).</summary>
    public static TypeSyntax ImportedType(string qualifiedName)
        => SyntaxFactory.ParseTypeName(qualifiedName).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);

    /// <summary>
    /// Replaces nodes of <paramref name="root"/> (the document's root) and runs <see cref="AddImportsAndSimplifyAsync"/>
    /// once for all of them; the document unchanged when there is nothing to replace.
    /// </summary>
    public static async Task<Document> ReplaceAndImportAsync(Document document, SyntaxNode root, IReadOnlyDictionary<SyntaxNode, SyntaxNode> replacements, CancellationToken cancellationToken)
    {
        if (replacements.Count == 0)
        {
            return document;
        }

        document = document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
        return await AddImportsAndSimplifyAsync(document, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the imports for, simplifies and formats the annotated nodes. Hosts differ in the clean-up they run after a
    /// code action; doing it here gives every host the <c>using</c> and the short name.
    /// </summary>
    public static async Task<Document> AddImportsAndSimplifyAsync(Document document, CancellationToken cancellationToken)
    {
        var startedWithBlankLine = StartsWithBlankLine(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false));
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);

        // When a user type hides the constant's class (a `KmsErrorCodes` of your own), the simplifier drops the `using` the
        // import step added, but not the blank line that separated it: remove a blank first line the file did not have.
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is not null && !startedWithBlankLine && BlankFirstLine(root) is { } end)
        {
            var first = root.GetFirstToken(includeZeroWidth: true);
            var trivia = first.LeadingTrivia;
            for (var i = end; i >= 0; i--)
            {
                trivia = trivia.RemoveAt(i);
            }

            document = document.WithSyntaxRoot(root.ReplaceToken(first, first.WithLeadingTrivia(trivia)));
        }

        return document;
    }

    private static bool StartsWithBlankLine(SyntaxNode? root) => root is not null && BlankFirstLine(root) is not null;

    /// <summary>The index of the end-of-line trivia that ends a blank first line of the file (only white space before it), or null.</summary>
    private static int? BlankFirstLine(SyntaxNode root)
    {
        var trivia = root.GetFirstToken(includeZeroWidth: true).LeadingTrivia;
        for (var i = 0; i < trivia.Count; i++)
        {
            if (trivia[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return i;
            }

            if (!trivia[i].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                return null;
            }
        }

        return null;
    }
}
