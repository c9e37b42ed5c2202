using Microsoft.CodeAnalysis.Diagnostics;

namespace DewAnalyzers;

/// <summary>MSBuild properties made compiler-visible by the package's buildTransitive props.</summary>
internal static class DewOptions
{
    public const string DefaultNamespace = "Dew.ErrorCodes";
    public const string GenerateProperty = "build_property.DewGenerateErrorCodes";
    public const string NamespaceProperty = "build_property.DewErrorCodesNamespace";

    /// <summary>False only when the user set <c>DewGenerateErrorCodes=false</c>.</summary>
    public static bool GenerateConstants(AnalyzerConfigOptions globalOptions)
        => !(globalOptions.TryGetValue(GenerateProperty, out var value) && value.Trim().Equals("false", System.StringComparison.OrdinalIgnoreCase));

    /// <summary>The namespace of the generated constants; the default when unset or not a valid namespace.</summary>
    public static string ConstantsNamespace(AnalyzerConfigOptions globalOptions)
    {
        if (!globalOptions.TryGetValue(NamespaceProperty, out var value))
        {
            return DefaultNamespace;
        }

        value = value.Trim();
        return IsValidNamespace(value) ? value : DefaultNamespace;
    }

    internal static bool IsValidNamespace(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var part in value.Split('.'))
        {
            if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
                || Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None)
            {
                return false;
            }
        }

        return true;
    }
}
