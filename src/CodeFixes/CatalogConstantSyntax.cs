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
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
