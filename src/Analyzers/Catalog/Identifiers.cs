using Microsoft.CodeAnalysis.CSharp;

namespace DewAnalyzers.Catalog;

internal static class Identifiers
{
    /// <summary>True for a plain ASCII identifier that is not a C# keyword (names become generated constants).</summary>
    public static bool IsValidConstantName(string name)
    {
        if (name.Length == 0 || !CodeShape.IsAsciiLetter(name[0]))
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            var c = name[i];
            if (!CodeShape.IsAsciiLetter(c) && !CodeShape.IsDigit(c) && c != '_')
            {
                return false;
            }
        }

        // No C# keyword or contextual keyword is longer than 10 characters: long names skip the two look-ups.
        return (name.Length > 10
                || (SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None))
            && name != ErrorCodeConstantsGenerator.IsTransientMethodName;
    }
}
