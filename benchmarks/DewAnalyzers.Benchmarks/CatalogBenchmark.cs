using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers.Benchmarks;

/// <summary>What the catalog section measured: each step without and with the page, one value per repeat.</summary>
internal sealed class CatalogResult
{
    public int Lines { get; init; }
    public int Files { get; init; }
    public int Repeats { get; init; }
    public int PageChars { get; init; }
    public int PageLines { get; init; }

    /// <summary>Catalog entries without the page and with it; the page's parse errors and merge problems (DEW100 material).</summary>
    public int EntriesWithout { get; set; }
    public int EntriesWith { get; set; }
    public int ParseErrors { get; set; }
    public int MergeProblems { get; set; }

    /// <summary>The generated file (DewErrorCodes.g.cs) without and with the page: lines and characters.</summary>
    public (int Lines, int Chars) GeneratedWithout { get; set; }
    public (int Lines, int Chars) GeneratedWith { get; set; }
    public int CompilerErrorsWithout { get; set; }
    public int CompilerErrorsWith { get; set; }

    /// <summary>Case labels of the generated <c>IsTransient</c> switch (the catalog's transient codes) without and with the page.</summary>
    public int TransientCasesWithout { get; set; }
    public int TransientCasesWith { get; set; }

    /// <summary>The section's time budget (seconds) that limits the samples of the slow steps with the page.</summary>
    public double BudgetSeconds { get; init; }
    public double Seconds { get; set; }

    public List<double> ParseMergeMs { get; } = new();
    public List<double> GeneratorWithoutMs { get; } = new();
    public List<double> GeneratorWithMs { get; } = new();
    public List<double> DewWithoutMs { get; } = new();
    public List<double> DewWithMs { get; } = new();
    public List<double> PassWithoutMs { get; } = new();
    public List<double> PassWithMs { get; } = new();
    public List<double> CompileWithoutMs { get; } = new();
    public List<double> CompileWithMs { get; } = new();
    /// <summary>Per DEW analyzer (type name): its telemetry ms per sample, without and with the page.</summary>
    public Dictionary<string, List<double>> PerAnalyzerWithout { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<double>> PerAnalyzerWith { get; } = new(StringComparer.Ordinal);
    public IReadOnlyDictionary<string, int> DewDiagnosticsWithout { get; set; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> DewDiagnosticsWith { get; set; } = new Dictionary<string, int>();

    /// <summary>Analyzer exceptions in the passes and generator exceptions.</summary>
    public int Exceptions { get; set; }
    public string? FirstException { get; set; }

    public double GeneratorAddedMs => GeneratorWithMs.Median() - GeneratorWithoutMs.Median();
    /// <summary>
    /// Per DEW analyzer, its median with the page minus its median without, summed. The pass with the page collects
    /// garbage for hundreds of ms (the compiler's work on 20,000 more constants); a pause that falls inside one analyzer's
    /// callback in one sample lands on that analyzer's telemetry, and per analyzer the median leaves it out where a median
    /// of the sums would not.
    /// </summary>
    public double DewAddedMs => PerAnalyzerWithout.Keys.Sum(name => PerAnalyzerWith.TryGetValue(name, out var with) ? with.Median() - PerAnalyzerWithout[name].Median() : 0);

    /// <summary>Garbage collections in each analyzer pass with the page: total pause (ms) and gen0/gen1/gen2 counts.</summary>
    public List<double> PassWithPauseMs { get; } = new();
    public string PassWithCollections { get; set; } = string.Empty;
    public double PassAddedMs => PassWithMs.Median() - PassWithoutMs.Median();
    public double CompileAddedMs => CompileWithMs.Median() - CompileWithoutMs.Median();

    /// <summary>What the page adds to a build in DEW's own work: the generator's delta plus the DEW analyzers' delta.</summary>
    public double AddedMs => GeneratorAddedMs + DewAddedMs;

    /// <summary><see cref="AddedMs"/> plus the compiler's work on the page's generated constants.</summary>
    public double AddedWithCompileMs => AddedMs + CompileAddedMs;
}

/// <summary>
/// The catalog section (issue 13: "a 20,000-row page adds less than 50 ms to a build"): the synthetic code base at its
/// smallest size, built without and with a deterministic 20,000-row <c>*.errorcodes.md</c> page as an additional file,
/// step by step as a build runs them: the generator (which parses and merges the page through
/// <see cref="CustomCatalogs"/> and emits the constants), the compiler on the code plus the generated file, and the DEW
/// analyzers with the page in their options (the page's content is already parsed by then, as in a build, where the
/// generator and the analyzers share the process and its cache). Parse + merge alone is measured cold on its own.
/// Every repeat uses new page content (a different "Copied on run" line), so no repeat finds an earlier one's parse in
/// the content-keyed cache, as a fresh build process would not.
/// </summary>
internal static class CatalogBenchmark
{
    /// <summary>Target: what the page adds to a build (generator + DEW analyzers).</summary>
    public const double MaxAddedMs = 50.0;

    public const int PrefixCount = 20;
    public const int CodesPerPrefix = 1000;
    public const int Rows = PrefixCount * CodesPerPrefix;

    /// <summary>Repeats in <c>--quick</c> (at least; <c>--repeat</c> can ask for more): a median needs a few.</summary>
    private const int QuickRepeats = 3;

    /// <summary>
    /// Seconds the section aims to stay within (full run, <c>--quick</c>): the compile and the analyzer pass with the page
    /// are repeated only while they fit (at least once). The cheap steps always run every repeat.
    /// </summary>
    private const double FullBudgetSeconds = 30;
    private const double QuickBudgetSeconds = 15;

    private const string PagePath = "/src/Catalogs/synthetic-services.errorcodes.md";

    private static readonly int[] s_statuses = { 400, 400, 400, 403, 404, 404, 409, 429, 500, 500, 503, 200 };

    private static readonly string[] s_words =
    {
        "invalid", "request", "parameter", "volume", "instance", "cluster", "node", "quota", "exceeded", "not", "found",
        "the", "resource", "already", "exists", "failed", "to", "create", "delete", "update", "query", "network",
        "subnet", "security", "group", "policy", "token", "expired", "permission", "denied", "service", "unavailable",
        "internal", "error", "too", "many", "requests", "conflict", "with", "current", "state", "backup", "snapshot",
        "image", "flavor", "disk", "bucket", "object", "version", "limit", "tenant", "project", "region", "listener",
    };

    private static readonly Lazy<string> s_table = new(BuildTable);

    /// <summary><c>DEW_CATALOG_BREAKDOWN=1</c>: print each step's split (text, parse, merge, emit), collections, page faults and per-analyzer times.</summary>
    private static readonly bool Breakdown = Environment.GetEnvironmentVariable("DEW_CATALOG_BREAKDOWN") == "1";

    public static CatalogResult Run(Program.BenchmarkOptions options, AnalyzerPasses passes, CodeBaseGenerator codeBase, Stopwatch total)
    {
        var inv = CultureInfo.InvariantCulture;
        var files = codeBase.Generate(options.Sizes.Min());
        var userTrees = files
            .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text, Encoding.UTF8), Workload.ParseOptions, "/src/" + f.Path))
            .ToImmutableArray();
        var repeats = options.Quick ? Math.Max(QuickRepeats, options.Repeat) : options.Repeat;
        var sample = Page(0, "sample");
        var section = Stopwatch.StartNew();
        var result = new CatalogResult
        {
            Lines = files.Sum(f => f.Lines),
            Files = files.Count,
            Repeats = repeats,
            PageChars = sample.Length,
            PageLines = sample.Count(c => c == '\n'),
            BudgetSeconds = options.Quick ? QuickBudgetSeconds : FullBudgetSeconds,
        };
        Console.WriteLine(
            $"Catalog: {result.Lines.ToString("N0", inv)} lines without and with a {Rows.ToString("N0", inv)}-row page ({PrefixCount} prefixes, {(sample.Length / (1024.0 * 1024)).ToString("0.0", inv)} MB), " +
            $"{repeats} repeats after a warm-up  [{total.Elapsed.TotalSeconds:0}s]");

        // Repeat 0 warms up the parser, the merge and the larger emit (the cheap steps only) and is not recorded. The
        // compile and the analyzer pass with the page run in the first repeat and then again only while the section is
        // within its budget: with a large catalog they can take many seconds each (see RenderSection).
        for (var i = 0; i <= repeats; i++)
        {
            var slowWithPage = i == 1 || (i > 1 && section.Elapsed.TotalSeconds + ((result.CompileWithMs[^1] + result.PassWithMs[^1]) / 1000) <= result.BudgetSeconds);
            Repeat(i, i == 0 ? null : result, passes, userTrees, slowWithPage);
            if (i > 0)
            {
                var slow = slowWithPage
                    ? $"DEW {AnalyzerSets.Ms(result.DewWithoutMs[^1])} → {AnalyzerSets.Ms(result.DewWithMs[^1])} ms (pass {AnalyzerSets.Ms(result.PassWithoutMs[^1])} → {AnalyzerSets.Ms(result.PassWithMs[^1])} ms), " +
                      $"compile {AnalyzerSets.Ms(result.CompileWithoutMs[^1])} → {AnalyzerSets.Ms(result.CompileWithMs[^1])} ms"
                    : $"DEW {AnalyzerSets.Ms(result.DewWithoutMs[^1])} ms (pass {AnalyzerSets.Ms(result.PassWithoutMs[^1])} ms), compile {AnalyzerSets.Ms(result.CompileWithoutMs[^1])} ms; with the page not again (over the {result.BudgetSeconds.ToString("0", inv)} s budget)";
                Console.WriteLine(
                    $"  catalog #{i}: parse+merge {AnalyzerSets.Ms(result.ParseMergeMs[^1])} ms; without → with the page: generator {AnalyzerSets.Ms(result.GeneratorWithoutMs[^1])} → {AnalyzerSets.Ms(result.GeneratorWithMs[^1])} ms, " +
                    slow + $"  [{total.Elapsed.TotalSeconds:0}s]");
            }
        }

        result.Seconds = section.Elapsed.TotalSeconds;

        Console.WriteLine(
            $"  catalog: the page adds {AnalyzerSets.Ms(result.AddedMs)} ms (generator {Signed(result.GeneratorAddedMs)}, DEW {Signed(result.DewAddedMs)}): {Program.Report.Verdict(result.AddedMs < MaxAddedMs)} (target < {MaxAddedMs.ToString("0", inv)} ms); " +
            $"compiling its constants {Signed(result.CompileAddedMs)} ms more, {AnalyzerSets.Ms(result.AddedWithCompileMs)} ms in all" +
            (result.Exceptions > 0 ? $"; {result.Exceptions} exceptions, first: {result.FirstException}" : string.Empty));
        return result;
    }

    /// <summary>One repeat: parse + merge cold, then the build's steps without and with the page (which first alternates).</summary>
    private static void Repeat(int run, CatalogResult? result, AnalyzerPasses passes, ImmutableArray<SyntaxTree> userTrees, bool slowWithPage)
    {
        // Parse + merge alone, on content no earlier step has seen.
        var parsePage = new PageText(PagePath, ReadAsTheCompiler(Page(run, "parse + merge")));
        Settle();
        var stopwatch = Stopwatch.StartNew();
        var merged = CustomCatalogs.Load(ImmutableArray.Create<AdditionalText>(parsePage), CancellationToken.None);
        stopwatch.Stop();
        result?.ParseMergeMs.Add(stopwatch.Elapsed.TotalMilliseconds);
        if (Breakdown)
        {
            // The checksum the content cache keys on is already known (the compiler computed it reading the file).
            var fresh = ReadAsTheCompiler(Page(run, "breakdown"));
            var clock = Stopwatch.StartNew();
            var content = fresh.ToString();
            var textMs = clock.Elapsed.TotalMilliseconds;
            var (g0, g1, g2, alloc) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetAllocatedBytesForCurrentThread());
            clock.Restart();
            var parsed = PublishedPageParser.Parse(content);
            var parseMs = clock.Elapsed.TotalMilliseconds;
            var parseAllocated = $"{(GC.GetAllocatedBytesForCurrentThread() - alloc) / 1e6:0.0} MB, collections {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}";
            clock.Restart();
            var mergedCatalog = ErrorCodeCatalog.BuiltIn.Merge(parsed.Entries, out _);
            var mergeMs = clock.Elapsed.TotalMilliseconds;
            alloc = GC.GetAllocatedBytesForCurrentThread();
            clock.Restart();
            var emitted = ErrorCodeConstantsGenerator.Write(mergedCatalog, "DewAnalyzers.Generated", nullable: true, emitEmbeddedAttribute: true);
            Console.WriteLine($"    breakdown: text {textMs:0.0} ms, parse {parseMs:0.0} ms ({parseAllocated}), merge {mergeMs:0.0} ms, emit {clock.Elapsed.TotalMilliseconds:0.0} ms ({(GC.GetAllocatedBytesForCurrentThread() - alloc) / 1e6:0.0} MB, {emitted.Length:N0} chars)");
        }
        if (result is not null && result.ParseMergeMs.Count == 1)
        {
            result.EntriesWithout = ErrorCodeCatalog.BuiltIn.Entries.Length;
            result.EntriesWith = merged.Catalog.Entries.Length;
            result.TransientCasesWithout = ErrorCodeCatalog.BuiltIn.Entries.Count(e => e.Retry == RetryClass.Transient);
            result.TransientCasesWith = merged.Catalog.Entries.Count(e => e.Retry == RetryClass.Transient);
            result.ParseErrors = CustomCatalogs.Parse(parsePage.Path, parsePage.Text).Errors.Length;
            result.MergeProblems = merged.MergeProblems.Sum(p => p.Length);
        }

        // The build, with its own fresh page content: the generator parses it cold, the analyzers then share that parse.
        var buildPage = new PageText(PagePath, ReadAsTheCompiler(Page(run, "build")));
        var withFirst = run % 2 == 1;
        foreach (var withPage in withFirst ? new[] { true, false } : new[] { false, true })
        {
            var page = withPage ? buildPage : null;
            var generated = Generate(passes.Generator, userTrees, page);
            if (result is not null)
            {
                (withPage ? result.GeneratorWithMs : result.GeneratorWithoutMs).Add(generated.Ms);
                result.Exceptions += generated.Exception is null ? 0 : 1;
                result.FirstException ??= generated.Exception is { } e ? "ErrorCodeConstantsGenerator: " + e.GetType().Name + ": " + e.Message : null;
            }

            if (result is null || (withPage && !slowWithPage))
            {
                continue;
            }

            var compile = Compile(generated.Trees);
            var options = page is null ? passes.Options : new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(page));
            var analyzedCompilation = Workload.CreateCompilation(generated.Trees);
            Settle();
            var (pause, gen0, gen1, gen2) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var analyzed = Workload.MeasureAnalyzers(analyzedCompilation, passes.DewPass, options);
            var collections = $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}";
            var paused = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;
            if (withPage)
            {
                result.PassWithPauseMs.Add(paused);
                result.PassWithCollections = collections;
            }

            var passGc = $"collections {collections}, paused {paused:0.0} ms";
            var dewMs = analyzed.ExecutionMs.Where(p => passes.Dew.Contains(p.Key)).Sum(p => p.Value);
            var diagnostics = analyzed.DiagnosticCounts.Where(p => p.Key.StartsWith("DEW", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value);
            (withPage ? result.CompileWithMs : result.CompileWithoutMs).Add(compile.Ms);
            (withPage ? result.DewWithMs : result.DewWithoutMs).Add(dewMs);
            (withPage ? result.PassWithMs : result.PassWithoutMs).Add(analyzed.WallMs);
            foreach (var analyzer in passes.Dew)
            {
                var perAnalyzer = withPage ? result.PerAnalyzerWith : result.PerAnalyzerWithout;
                var name = analyzer.GetType().Name;
                if (!perAnalyzer.TryGetValue(name, out var times))
                {
                    perAnalyzer[name] = times = new List<double>();
                }

                times.Add(analyzed.ExecutionMs[analyzer]);
            }
            if (withPage && Breakdown)
            {
                Console.WriteLine($"    pass with the page ({passGc}): " + string.Join(", ", passes.Dew.Select(a => $"{a.GetType().Name.Replace("Analyzer", string.Empty)} {analyzed.ExecutionMs[a]:0.0}")));
            }

            if (withPage)
            {
                result.DewDiagnosticsWith = diagnostics;
                result.GeneratedWith = generated.Size;
                result.CompilerErrorsWith = compile.Errors;
            }
            else
            {
                result.DewDiagnosticsWithout = diagnostics;
                result.GeneratedWithout = generated.Size;
                result.CompilerErrorsWithout = compile.Errors;
            }

            result.Exceptions += analyzed.AnalyzerExceptions;
            result.FirstException ??= analyzed.FirstException;
        }
    }

    /// <summary>
    /// A fresh generator driver on a fresh compilation of the user code, with the page as its only additional text (or
    /// none): <c>RunGeneratorsAndUpdateCompilation</c>, as the compiler runs it, wall clock. Returns the output trees.
    /// </summary>
    private static (double Ms, ImmutableArray<SyntaxTree> Trees, (int Lines, int Chars) Size, Exception? Exception) Generate(
        ISourceGenerator generator, ImmutableArray<SyntaxTree> userTrees, AdditionalText? page)
    {
        var compilation = Workload.CreateCompilation(userTrees);
        Settle();
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var faults = MinorFaults();
        var stopwatch = Stopwatch.StartNew();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { generator }, page is null ? null : new[] { page }, Workload.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        stopwatch.Stop();
        if (Breakdown && page is not null)
        {
            Console.WriteLine($"    generator: {stopwatch.Elapsed.TotalMilliseconds:0.0} ms, collections {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3}, page faults {MinorFaults() - faults}");
        }
        var run = driver.GetRunResult().Results[0];
        var text = run.GeneratedSources.IsDefaultOrEmpty ? string.Empty : run.GeneratedSources[0].SourceText.ToString();
        return (stopwatch.Elapsed.TotalMilliseconds, output.SyntaxTrees.ToImmutableArray(), (text.Count(c => c == '\n'), text.Length), run.Exception);
    }

    /// <summary>The compiler on a fresh compilation of the user code and the generated file: <c>GetDiagnostics()</c>, single-threaded.</summary>
    private static (double Ms, int Errors) Compile(ImmutableArray<SyntaxTree> trees)
    {
        var compilation = Workload.CreateCompilation(trees);
        Settle();
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = compilation.GetDiagnostics();
        stopwatch.Stop();
        return (stopwatch.Elapsed.TotalMilliseconds, diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
    }

    /// <summary>The process's minor page faults so far (Linux; -1 elsewhere): fresh memory the step had to touch.</summary>
    private static long MinorFaults()
    {
        const string Stat = "/proc/self/stat";
        if (!System.IO.File.Exists(Stat))
        {
            return -1;
        }

        var stat = System.IO.File.ReadAllText(Stat);
        return long.Parse(stat.Substring(stat.LastIndexOf(')') + 2).Split(' ')[7], CultureInfo.InvariantCulture);
    }

    /// <summary>A full collection before each timed step, so garbage from the previous step is not collected inside it.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>
    /// The page as a user copies it: a title, a "Copied on run" line (the only text that changes between runs) and the
    /// table of <see cref="Rows"/> rows, the same every time.
    /// </summary>
    internal static string Page(int run, string purpose)
        => "# Synthetic services SVCA–SVCT: Error Codes\n\n" +
           $"Copied on run {run.ToString(CultureInfo.InvariantCulture)} ({purpose}) from the \"Error Codes\" page of a synthetic API reference (DewAnalyzers benchmark data).\n\n" +
           s_table.Value +
           "\nFor details, see the API reference of each service.\n";

    /// <summary>
    /// <see cref="PrefixCount"/> prefixes <c>SVCA</c>…<c>SVCT</c> × <see cref="CodesPerPrefix"/> codes of 8 digits (the
    /// status, then a 5-digit number: <c>SVCA.40000123</c>), statuses mixed (400, 403, 404, 409, 429, 500, 503, 200),
    /// messages of 5–10 words from a fixed word list (about one in 25 repeats an earlier message of its prefix, so derived
    /// names clash and get their digits appended), a description and a measure. Seeded: the same table every run.
    /// </summary>
    private static string BuildTable()
    {
        var random = new Random(CodeBaseGenerator.Seed);
        var s = new StringBuilder(Rows * 200);
        s.Append("| Status Code | Error Code | Error Message | Description | Measure |\n");
        s.Append("| --- | --- | --- | --- | --- |\n");
        for (var p = 0; p < PrefixCount; p++)
        {
            var prefix = "SVC" + (char)('A' + p);
            var messages = new List<string>(CodesPerPrefix);
            for (var n = 0; n < CodesPerPrefix; n++)
            {
                var status = s_statuses[random.Next(s_statuses.Length)];
                string message;
                if (messages.Count > 0 && random.Next(25) == 0)
                {
                    message = messages[random.Next(messages.Count)];
                }
                else
                {
                    var words = Enumerable.Range(0, random.Next(5, 11)).Select(_ => s_words[random.Next(s_words.Length)]).ToArray();
                    words[0] = char.ToUpperInvariant(words[0][0]) + words[0].Substring(1);
                    message = string.Join(" ", words);
                }

                messages.Add(message);
                var code = prefix + "." + status.ToString(CultureInfo.InvariantCulture) + n.ToString("D5", CultureInfo.InvariantCulture);
                var description = $"The {prefix} service could not complete the request: {message.ToLowerInvariant()}.";
                var measure = status switch
                {
                    200 => "No action is required.",
                    429 => "Reduce the request rate and try again later.",
                    >= 500 => "Try again later. If the problem persists, contact technical support.",
                    403 => "Check the permissions of the account and try again.",
                    _ => "Check the request parameters and try again.",
                };
                s.Append("| ").Append(status).Append(" | ").Append(code).Append(" | ").Append(message).Append(" | ")
                    .Append(description).Append(" | ").Append(measure).Append(" |\n");
            }
        }

        return s.ToString();
    }

    /// <summary>The catalog section of the report.</summary>
    public static string RenderSection(CatalogResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        void Row(string step, List<double> without, List<double> with)
            => s.AppendLine($"| {step} | {AnalyzerSets.Ms(without.Median())} | {AnalyzerSets.Ms(with.Median())} | {Signed(with.Median() - without.Median())} | {without.Count} / {with.Count} |");

        s.AppendLine($"## Catalog: a {Rows.ToString("N0", inv)}-row error-code page ({r.Lines.ToString("N0", inv)} lines)").AppendLine();
        s.AppendLine($"- Page: one `*.errorcodes.md` additional file, {r.PageLines.ToString("N0", inv)} lines ({(r.PageChars / (1024.0 * 1024)).ToString("0.0", inv)} MB): a Markdown pipe table " +
            $"`| Status Code | Error Code | Error Message | Description | Measure |` of {PrefixCount} prefixes (`SVCA`…`SVCT`) × {CodesPerPrefix.ToString("N0", inv)} codes of 8 digits (`SVCA.40000123`), statuses 400/403/404/409/429/500/503/200, " +
            $"messages of 5–10 words from a fixed word list (some repeated, so derived names clash), generated with seed {CodeBaseGenerator.Seed}. " +
            $"Loaded: catalog {r.EntriesWithout.ToString("N0", inv)} → {r.EntriesWith.ToString("N0", inv)} entries, {r.ParseErrors} parse errors, {r.MergeProblems} merge problems.");
        s.AppendLine($"- Repeats: {r.Repeats} after one warm-up (of the cheap steps); every number is the median of its samples (column Samples); \"added\" is the median with the page minus the median without. " +
            $"The compile and the analyzer pass with the page run in the first repeat and again only while the section stays within {r.BudgetSeconds.ToString("0", inv)} s (it took {r.Seconds.ToString("0", inv)} s). " +
            "Each repeat uses new page content (its \"Copied on run N\" line differs), so no step finds an earlier repeat's parse in the content-keyed cache of `CustomCatalogs`, as a fresh build process would not; which variant runs first alternates.");
        s.AppendLine("- Steps, in build order, each on a fresh compilation of the synthetic code base: **generator**: a new `CSharpGeneratorDriver` with `ErrorCodeConstantsGenerator` and the page as its only additional text, " +
            "`RunGeneratorsAndUpdateCompilation` (wall; it parses and merges the page cold, emits the constants and hands the generated tree to the compilation); " +
            "**compile**: `GetDiagnostics()` on the code base plus that generated file (`concurrentBuild: false`); " +
            "**DEW analyzers**: the primer and every DEW analyzer on the same trees with the page in `AnalyzerOptions.AdditionalFiles`: DEW ms is the driver's execution-time telemetry summed over the DEW analyzers, " +
            "pass is the wall time of `GetAnalyzerDiagnosticsAsync` (it includes the compiler's binding). DEW's analyzers are called on the generated file too (they register for generated code and return at once there), so DEW ms includes those calls. The analyzers get the same page text the generator just parsed, so they find its parse in the cache, as in a build (one process runs both). " +
            "**Parse + merge** is measured on its own: `CustomCatalogs.Load` with the page as an additional text, on content not seen before (it is part of the generator's time above, not an extra step).");
        s.AppendLine($"- Generated file `DewErrorCodes.g.cs`: {r.GeneratedWithout.Lines.ToString("N0", inv)} lines ({(r.GeneratedWithout.Chars / 1024.0).ToString("0", inv)} KB) without the page, " +
            $"{r.GeneratedWith.Lines.ToString("N0", inv)} lines ({(r.GeneratedWith.Chars / 1024.0).ToString("0", inv)} KB) with it; `IsTransient` covers {r.TransientCasesWithout.ToString("N0", inv)} transient codes without the page, {r.TransientCasesWith.ToString("N0", inv)} with it (a `switch` up to {ErrorCodeConstantsGenerator.MaxSwitchCases} codes, a `HashSet` above). " +
            $"Compiler errors: {r.CompilerErrorsWithout} without the page, {r.CompilerErrorsWith} with it.");
        s.AppendLine();
        s.AppendLine("| Step, ms | Without the page | With the page | Added | Samples (without / with) |");
        s.AppendLine("|---|---:|---:|---:|---:|");
        s.AppendLine($"| Parse + merge (`CustomCatalogs.Load`, cold; inside the generator's time) | — | {AnalyzerSets.Ms(r.ParseMergeMs.Median())} | {AnalyzerSets.Ms(r.ParseMergeMs.Median())} | — / {r.ParseMergeMs.Count} |");
        Row("Generator (wall)", r.GeneratorWithoutMs, r.GeneratorWithMs);
        Row("DEW analyzers (callbacks, telemetry; sum per sample)", r.DewWithoutMs, r.DewWithMs);
        Row("DEW analyzer pass (wall, with the compiler's binding)", r.PassWithoutMs, r.PassWithMs);
        Row("Compiler: code base + generated file (`GetDiagnostics`)", r.CompileWithoutMs, r.CompileWithMs);
        s.AppendLine();
        s.AppendLine($"- DEW analyzers' added time: per analyzer, its median with the page minus its median without, summed: {Signed(r.DewAddedMs)} ms. " +
            $"The pass with the page collects garbage (last pass: gen0/gen1/gen2 collections {r.PassWithCollections}; median pause {AnalyzerSets.Ms(r.PassWithPauseMs.Median())} ms per pass) for the compiler's work on the constants; " +
            "a pause that falls inside one analyzer's callback lands on that analyzer in that sample, and per-analyzer medians leave such a sample out where the median of the per-sample sums (row above) may not.");
        s.AppendLine($"- **Adds to a build** (generator + DEW analyzers): {AnalyzerSets.Ms(r.AddedMs)} ms: {Program.Report.Verdict(r.AddedMs < MaxAddedMs)} (target < {MaxAddedMs.ToString("0", inv)} ms, issue 13; reported, not asserted).");
        s.AppendLine($"- The compiler's own work on the page's {(r.EntriesWith - r.EntriesWithout).ToString("N0", inv)} generated constants adds {Signed(r.CompileAddedMs)} ms more: " +
            $"{AnalyzerSets.Ms(r.AddedWithCompileMs)} ms in all ({Program.Report.Verdict(r.AddedWithCompileMs < MaxAddedMs)} against the same {MaxAddedMs.ToString("0", inv)} ms).");
        s.AppendLine("- Per DEW analyzer, ms without → with the page: " + string.Join(", ", r.PerAnalyzerWithout.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(name =>
            $"{name} {AnalyzerSets.Ms(r.PerAnalyzerWithout[name].Median())} → {(r.PerAnalyzerWith.TryGetValue(name, out var with) ? AnalyzerSets.Ms(with.Median()) : "—")}")) + ".");
        s.AppendLine($"- DEW diagnostics without the page: {Describe(r.DewDiagnosticsWithout)}; with it: {Describe(r.DewDiagnosticsWith)} (DEW100 would report rows of the page that do not load)" +
            (r.Exceptions > 0 ? $"; **{r.Exceptions} exceptions**, first: {r.FirstException}" : string.Empty) + ".");
        return s.ToString();
    }

    private static string Describe(IReadOnlyDictionary<string, int> counts)
        => counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));

    private static string Signed(double ms) => (ms >= 0 ? "+" : "−") + AnalyzerSets.Ms(Math.Abs(ms));

    /// <summary>
    /// The page's text as the compiler reads an additional file (<c>EncodedStringText.Create</c>: a stream of the file's
    /// UTF-8 bytes, the default SHA-256 checksum computed from those bytes as the text is read): a page this large becomes
    /// a chunked text whose checksum is known and whose <c>ToString()</c> copies. Reading the file is the compiler's work,
    /// done before the generator runs, so it is outside every timed step.
    /// </summary>
    private static SourceText ReadAsTheCompiler(string content)
        => SourceText.From(new System.IO.MemoryStream(Encoding.UTF8.GetBytes(content)), Encoding.UTF8, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: true, canBeEmbedded: false);

    /// <summary>An additional file held in memory; the same text object for the generator and the analyzers, as in a build.</summary>
    private sealed class PageText : AdditionalText
    {
        public PageText(string path, SourceText text)
        {
            Path = path;
            Text = text;
        }

        public override string Path { get; }

        public SourceText Text { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => Text;
    }
}
