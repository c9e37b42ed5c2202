using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using DewAnalyzers.Catalog;

namespace DewAnalyzers;

/// <summary>
/// The first, cheap filter every string literal goes through. Literals are handled on syntax (not IOperation) so that
/// attribute arguments and default parameter values are seen too, and so that the common case needs no semantic model.
/// </summary>
internal static class ErrorCodeLiterals
{
    /// <summary>True when the literal's value might be an error code (or a near miss); false for almost every literal.</summary>
    public static bool TryGetCandidate(SyntaxNode node, ErrorCodeCatalog catalog, out LiteralExpressionSyntax literal, out string text)
    {
        literal = (LiteralExpressionSyntax)node;
        text = ValueOf(literal.Token);
        return catalog.MayBeCodeText(text) && !IsInsideInterpolation(literal);
    }

    /// <summary>
    /// A string literal token's value: the token's value is the string itself, where <c>Token.ValueText</c> formats it
    /// through <c>Convert.ToString</c>. The literal rules (DEW001, DEW002) and the compared-constant filter of DEW005/DEW006
    /// read a literal's text with it; elsewhere a constant's value comes from its operation.
    /// </summary>
    public static string ValueOf(SyntaxToken token) => token.Value as string ?? token.ValueText;

    private static bool IsInsideInterpolation(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current.IsKind(SyntaxKind.Interpolation))
            {
                return true;
            }

            if (current is StatementSyntax or MemberDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }
}
