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

        // Every C# keyword and contextual keyword is lower case and at most 10 characters long: names that start with an
        // upper-case letter (every name derived from a page) or are longer skip the two look-ups.
        return (name.Length > 10
                || (name[0] >= 'A' && name[0] <= 'Z')
                || (SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None))
            && !IsGeneratedMemberName(name);
    }

    /// <summary>
    /// A name the generated code uses for a member of its own (<c>DewErrorCodes.IsTransient</c>). A PascalCase name of ASCII
    /// letters and digits that starts with an upper-case letter is a valid constant name unless it is one of these.
    /// </summary>
    public static bool IsGeneratedMemberName(string name) => name == ErrorCodeConstantsGenerator.IsTransientMethodName;
}
