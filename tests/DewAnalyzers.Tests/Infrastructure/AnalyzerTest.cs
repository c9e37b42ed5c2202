using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DewAnalyzers.Tests.Infrastructure;

/// <summary>
/// Analyzer test with the SDK stand-in referenced and the constants generator running (as in a consumer project).
/// Generated sources are not compared (the generator has its own tests).
/// </summary>
public sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest(bool withSdk = true, bool withGenerator = true)
    {
        var references = ReferenceAssemblies;
        DewTestSetup.Apply(TestState, ref references, withSdk);
        ReferenceAssemblies = references;
        WithGenerator = withGenerator;
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    public bool WithGenerator { get; }

    protected override IEnumerable<Type> GetSourceGenerators() => DewTestSetup.Generators(WithGenerator);

    protected override ParseOptions CreateParseOptions() => DewTestSetup.WithLanguageVersion(base.CreateParseOptions(), LanguageVersion);
}

/// <summary>Short aliases: <c>Verify&lt;TAnalyzer&gt;.AnalyzerAsync(source)</c>.</summary>
public static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static Task AnalyzerAsync(string source, LanguageVersion languageVersion = LanguageVersion.Latest)
    {
        var test = new AnalyzerTest<TAnalyzer> { TestCode = source, LanguageVersion = languageVersion };
        return test.RunAsync();
    }
}
