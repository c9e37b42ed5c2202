using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers.CodeFixes;

/// <summary>Shared by the literal fixes: swap a string literal for a catalog constant (adding the <c>using</c>) or another literal.</summary>
internal static class ErrorCodeReplacement
{
    /// <summary>The suggestion at <paramref name="index"/> of a diagnostic's Codes/Constants properties.</summary>
    public static bool TryGetSuggestion(Diagnostic diagnostic, int index, out string code, out string? constant)
    {
        code = string.Empty;
        constant = null;
        if (!diagnostic.Properties.TryGetValue(FixProperties.Codes, out var codes) || codes is null)
        {
            return false;
        }

        var codeList = codes.Split(',');
        if (index >= codeList.Length || codeList[index].Length == 0)
        {
            return false;
        }

        code = codeList[index];
        if (diagnostic.Properties.TryGetValue(FixProperties.Constants, out var constants) && constants is not null)
        {
            var constantList = constants.Split(',');
            if (index < constantList.Length && constantList[index].Length != 0)
            {
                constant = constantList[index];
            }
        }

        return true;
    }

    public static int SuggestionCount(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(FixProperties.Codes, out var codes) && !string.IsNullOrEmpty(codes)
            ? codes!.Split(',').Length
            : 0;

    /// <summary>Short name for titles: <c>global::Dew.ErrorCodes.KmsErrorCodes.KeyNotFound</c> → <c>KmsErrorCodes.KeyNotFound</c>.</summary>
    public static string ShortName(string constant)
    {
        var last = constant.LastIndexOf('.');
        var previous = last > 0 ? constant.LastIndexOf('.', last - 1) : -1;
        return previous < 0 ? constant : constant.Substring(previous + 1);
    }

    public static async Task<Document> ReplaceAsync(Document document, TextSpan literalSpan, string code, string? constant, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        AddReplacement(root, literalSpan, code, constant, replacements);
        return await CatalogConstantSyntax.ReplaceAndImportAsync(document, root, replacements, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fix All: replaces every diagnostic's suggestion at <paramref name="index"/> in one document in one pass, so the
    /// <c>using</c> is added once (the batch fixer drops all but one of the per-literal changes that each add it).
    /// </summary>
    public static async Task<Document?> ReplaceAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, int index, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (TryGetSuggestion(diagnostic, index, out var code, out var constant))
            {
                AddReplacement(root, diagnostic.Location.SourceSpan, code, constant, replacements);
            }
        }

        return await CatalogConstantSyntax.ReplaceAndImportAsync(document, root, replacements, cancellationToken).ConfigureAwait(false);
    }

    private static void AddReplacement(SyntaxNode root, TextSpan literalSpan, string code, string? constant, Dictionary<SyntaxNode, SyntaxNode> replacements)
    {
        if (root.FindNode(literalSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal)
        {
            replacements[literal] = CatalogConstantSyntax.CodeExpression(code, constant).WithTriviaFrom(literal);
        }
    }
}
