using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DewAnalyzers.Tests.Robustness;

/// <summary>Analyzers give the same diagnostics however they are scheduled; the generator's output is byte-identical.</summary>
[Trait("Category", "Robustness")]
public sealed class DeterminismTests
{
    private const string Apig = "APIG.0308\t429\tThrottlingThresholdReached\ttransient\tThrottled.\tToo many requests.\tRetry later.\nAPIG.0309\t400\n";
    private const string Overrides = "KMS.0207\t404\t\ttransient\t\t\t\nAPIG.0310\t400\tBadSignature\tpermanent\tm\td\tx\n";

    private static readonly ImmutableArray<AdditionalText> Catalogs = ImmutableArray.Create<AdditionalText>(
        new InMemoryAdditionalText("/0/apig.errorcodes.tsv", Apig),
        new InMemoryAdditionalText("/0/overrides.errorcodes.tsv", Overrides));

    [Fact]
    public async Task Analyzers_SameDiagnostics_SequentialConcurrentAndInParallel()
    {
        var compilation = await CorpusCompilationAsync();
        var expected = Describe(await AnalyzerHarness.AnalyzeAsync(compilation, Catalogs, concurrent: false));
        Assert.Contains(expected, d => d.StartsWith("DEW100", StringComparison.Ordinal));
        Assert.True(expected.Select(d => d.Substring(0, 6)).Distinct().Count() >= 4, string.Join("\n", expected));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected, Describe(await AnalyzerHarness.AnalyzeAsync(compilation, Catalogs, concurrent: true)));
        }

        // Shared analyzer instances, several analyses at once (as when a host analyzes several projects).
        var shared = AnalyzerHarness.AllAnalyzers();
        var parallel = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => AnalyzerHarness.AnalyzeAsync(compilation, Catalogs, concurrent: true, analyzers: shared))));
        Assert.All(parallel, run => Assert.Equal(expected, Describe(run)));
    }

    [Fact]
    public void Generator_OutputIsByteIdentical_AcrossRunsAndFileOrder()
    {
        var compilation = CSharpCompilation.Create("Gen", new[] { CSharpSyntaxTree.ParseText("class C { }") });
        var reversed = ImmutableArray.Create(Catalogs[1], Catalogs[0]);

        var first = Generated(compilation, Catalogs);
        Assert.Contains("ApigErrorCodes", first, StringComparison.Ordinal);
        Assert.Equal(first, Generated(compilation, Catalogs));
        Assert.Equal(first, Generated(compilation, reversed));
        Assert.Equal(first, Generated(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class D { }")), Catalogs));

        // Fresh text instances with the same content (new parse objects are not needed: the cache returns the same parse).
        var copies = Catalogs.Select(c => (AdditionalText)new InMemoryAdditionalText(c.Path, c.GetText()!.ToString())).Reverse().ToImmutableArray();
        Assert.Equal(first, Generated(compilation, copies));
    }

    [Fact]
    public async Task PreCancelledToken_ThrowsOperationCanceled_NotAnAnalyzerException()
    {
        var compilation = await CorpusCompilationAsync();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AnalyzerHarness.AnalyzeAsync(compilation, Catalogs, cancellationToken: cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => DewAnalyzers.Catalog.CustomCatalogs.GetCatalog(Catalogs, cancelled.Token));

        // The generator driver may stop early or ignore the token, but must not turn cancellation into a generator failure.
        try
        {
            var run = CSharpGeneratorDriver.Create(AnalyzerHarness.AllGenerators(), Catalogs).RunGenerators(compilation, cancelled.Token).GetRunResult();
            Assert.All(run.Results, r => Assert.True(r.Exception is null or OperationCanceledException, r.Exception?.ToString()));
            Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
        }
        catch (OperationCanceledException)
        {
        }
    }

    [Fact]
    public async Task CancelledDuringAnalysis_ThrowsOperationCanceled_NotAnAnalyzerException()
    {
        var compilation = await CorpusCompilationAsync();
        var cancelledRuns = 0;
        for (var delay = 1; delay <= 64; delay *= 4)
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(delay));
            try
            {
                var run = await AnalyzerHarness.AnalyzeAsync(compilation, Catalogs, cancellationToken: cancellation.Token);
                Assert.Empty(run.Exceptions);
            }
            catch (OperationCanceledException exception)
            {
                // Expected when the token fires mid-analysis: the cancellation is the caller's, not an analyzer failure.
                Assert.True(cancellation.IsCancellationRequested, exception.ToString());
                cancelledRuns++;
            }
        }

        // The shortest delay fires long before a corpus analysis can finish, so at least one run observed the cancellation.
        Assert.True(cancelledRuns > 0, "no run was cancelled");
    }

    private static async Task<Compilation> CorpusCompilationAsync()
    {
        var parseOptions = AnalyzerHarness.ParseOptions(LanguageVersion.Latest);
        var trees = AnalyzerHarness.Corpus()
            .Where(c => !AnalyzerHarness.RefsOf(c.Text).Contains("polly", StringComparison.Ordinal))
            .Select(c => CSharpSyntaxTree.ParseText(c.Text, parseOptions, "/0/" + c.Name));
        var compilation = (await AnalyzerHarness.BaseCompilationAsync(string.Empty)).AddSyntaxTrees(trees);
        return AnalyzerHarness.RunGenerators(compilation, parseOptions, Catalogs).Compilation;
    }

    private static string[] Describe(AnalysisRun run)
    {
        Assert.Empty(run.Exceptions);
        return run.Diagnostics.Select(AnalyzerHarness.Describe).OrderBy(d => d, StringComparer.Ordinal).ToArray();
    }

    private static string Generated(Compilation compilation, ImmutableArray<AdditionalText> catalogs)
    {
        var (updated, run) = AnalyzerHarness.RunGenerators(compilation, AnalyzerHarness.ParseOptions(LanguageVersion.Latest), catalogs);
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        return string.Join("\n---\n", run.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName + "\n" + s.SourceText));
    }
}
