using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DewAnalyzers.Tests.Infrastructure;

/// <summary>
/// Code-fix test with the SDK stand-in and the catalog constants; the fixed code must compile.
/// The constants are added as a generated-code document (<c>DewErrorCodes.g.cs</c>, the generator's exact output) rather
/// than by running the generator, because the test framework's workspace does not bind names to generator output
/// (real hosts do; the dotnet-format integration test covers that path).
/// </summary>
public sealed class CodeFixTest<TAnalyzer, TFixer> : CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFixer : CodeFixProvider, new()
{
    public CodeFixTest(bool withSdk = true)
    {
        var references = ReferenceAssemblies;
        DewTestSetup.Apply(TestState, ref references, withSdk);
        ReferenceAssemblies = references;
    }

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    /// <summary>Adds the generated constants to the test and fixed states (call after setting TestCode/FixedCode).</summary>
    public CodeFixTest<TAnalyzer, TFixer> WithConstants()
    {
        var source = DewTestSetup.ConstantsSource(LanguageVersion);
        TestState.Sources.Add(source);
        FixedState.Sources.Add(source);
        return this;
    }

    protected override ParseOptions CreateParseOptions() => DewTestSetup.WithLanguageVersion(base.CreateParseOptions(), LanguageVersion);
}

/// <summary>Short aliases for fix tests.</summary>
public static class VerifyFix<TAnalyzer, TFixer>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFixer : CodeFixProvider, new()
{
    public static Task FixAsync(string source, string fixedSource, LanguageVersion languageVersion = LanguageVersion.Latest, int? codeActionIndex = null)
    {
        var test = new CodeFixTest<TAnalyzer, TFixer>
        {
            TestCode = source,
            FixedCode = fixedSource,
            LanguageVersion = languageVersion,
            CodeActionIndex = codeActionIndex,
        };
        return test.WithConstants().RunAsync();
    }
}
