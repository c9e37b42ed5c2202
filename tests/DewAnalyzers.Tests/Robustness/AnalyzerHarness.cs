using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers.Tests.Robustness;

/// <summary>
/// Runs every analyzer and generator of the DewAnalyzers assembly on a compilation outside the testing framework,
/// capturing analyzer exceptions instead of failing, so that thousands of (broken) inputs can be tried quickly.
/// </summary>
internal static class AnalyzerHarness
{
    private static readonly ConcurrentDictionary<string, Task<ImmutableArray<MetadataReference>>> s_references = new();
    private static readonly ConcurrentDictionary<string, Task<CSharpCompilation>> s_baseCompilations = new();

    /// <summary>Every concrete <see cref="DiagnosticAnalyzer"/> with a <see cref="DiagnosticAnalyzerAttribute"/> in the analyzers assembly.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers()
        => typeof(InvalidCatalogEntryAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), false))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Every incremental generator with a <see cref="GeneratorAttribute"/> in the analyzers assembly.</summary>
    public static ImmutableArray<ISourceGenerator> AllGenerators()
        => typeof(InvalidCatalogEntryAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t) && t.IsDefined(typeof(GeneratorAttribute), false))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())
            .ToImmutableArray();

    /// <summary>.NET 8 + the SDK stand-in, plus Polly 7 or Polly.Core 8 when the corpus file's <c>// refs:</c> line asks for it.</summary>
    public static Task<ImmutableArray<MetadataReference>> ReferencesAsync(string refs)
    {
        return s_references.GetOrAdd(RefsKey(refs), static async k =>
        {
            var assemblies = k switch
            {
                "polly7" => TestReferences.Net80WithPolly7,
                "polly8" => TestReferences.Net80WithPolly8,
                _ => TestReferences.Net80,
            };
            var resolved = await assemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
            return resolved.Add(TestReferences.HuaweiSdk);
        });
    }

    /// <summary>
    /// An empty compilation with the references already bound, per reference set: adding a tree to it reuses the bound
    /// references, which makes trying thousands of inputs affordable.
    /// </summary>
    public static Task<CSharpCompilation> BaseCompilationAsync(string refs)
        => s_baseCompilations.GetOrAdd(RefsKey(refs), static async key =>
        {
            var compilation = Compile(Array.Empty<SyntaxTree>(), await ReferencesAsync(key).ConfigureAwait(false));
            _ = compilation.GetSpecialType(SpecialType.System_Object);
            _ = compilation.GetTypeByMetadataName("HuaweiCloud.SDK.Core.ServiceResponseException");
            return compilation;
        });

    public static CSharpParseOptions ParseOptions(LanguageVersion version) => new(version, DocumentationMode.Diagnose);

    private static string RefsKey(string refs)
        => refs.Contains("polly7", StringComparison.Ordinal) ? "polly7" : refs.Contains("polly8", StringComparison.Ordinal) ? "polly8" : "net80";

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
        => CSharpCompilation.Create(
            "Robustness",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs the generators; returns the updated compilation and the generator run (exceptions included).</summary>
    public static (Compilation Compilation, GeneratorDriverRunResult Run) RunGenerators(
        Compilation compilation, CSharpParseOptions parseOptions, ImmutableArray<AdditionalText> additionalTexts, CancellationToken cancellationToken = default)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(AllGenerators(), additionalTexts, parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out _, cancellationToken);
        return (updated, driver.GetRunResult());
    }

    /// <summary>Runs all analyzers, capturing analyzer exceptions (and AD0001 diagnostics) as failures.</summary>
    public static async Task<AnalysisRun> AnalyzeAsync(
        Compilation compilation,
        ImmutableArray<AdditionalText> additionalTexts,
        bool concurrent = true,
        ImmutableArray<DiagnosticAnalyzer> analyzers = default,
        CancellationToken cancellationToken = default)
    {
        analyzers = analyzers.IsDefault ? AllAnalyzers() : analyzers;
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalTexts),
            (exception, analyzer, diagnostic) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Enqueue(diagnostic.ToString());
        }

        return new AnalysisRun(diagnostics, exceptions.ToImmutableArray());
    }

    /// <summary>A stable text form of a diagnostic (ID, file, span, message) for comparisons.</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{diagnostic.Id} {span.Path}({span.StartLinePosition}-{span.EndLinePosition}) {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>The corpus files (embedded resources <c>Corpus.*.cs</c>), by name.</summary>
    public static ImmutableArray<(string Name, string Text)> Corpus()
    {
        var assembly = typeof(AnalyzerHarness).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Corpus.", StringComparison.Ordinal) && n.EndsWith(".cs", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n.Substring("Corpus.".Length), reader.ReadToEnd());
            })
            .ToImmutableArray();
    }

    /// <summary>The <c>// refs:</c> line of a corpus file (first line).</summary>
    public static string RefsOf(string text)
    {
        var end = text.IndexOf('\n');
        var first = end < 0 ? text : text.Substring(0, end);
        return first.StartsWith("// refs:", StringComparison.Ordinal) ? first : string.Empty;
    }
}

internal sealed record AnalysisRun(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Exceptions);

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
        : this(path, SourceText.From(text))
    {
    }

    public InMemoryAdditionalText(string path, SourceText text)
    {
        Path = path;
        _text = text;
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
