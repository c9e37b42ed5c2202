using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DewAnalyzers.Benchmarks;

/// <summary>
/// dotnet run -c Release --project benchmarks/DewAnalyzers.Benchmarks -- [options]
/// <list type="bullet">
/// <item>(no mode) the synthetic code base at each size, with the SDK and without it (the "no SDK" variant), then the
///   IDE per-edit section at 100k lines, then the catalog section (a 20,000-row error-code page at the smallest size,
///   also in --quick, with at least 3 repeats); writes benchmarks/results.md unless --quick or --output.
///   --quick: 10k lines, one repeat, no IDE section. --sizes 10000,100000,400000, --repeat N, --peer-repeat N,
///   --no-peer (skip Meziantou.Analyzer), --no-ide (skip the IDE section), --isolate (each DEW analyzer alone).</item>
/// <item>--ide: only the IDE per-edit latency (a workspace with the --ide-lines N code base, default 100000; one
///   document edited --edits N times, default 90, --quick: 30).</item>
/// <item>--tree DIR: DEW on every .cs file under DIR (bin/ and obj/ skipped) as one compilation; --repeat N (default 3).</item>
/// <item>--compare PATH: this build's DEW analyzers against another build's DewAnalyzers.dll, pairs of passes in one
///   process, alternating which goes first; --sizes (default 100000), --repeat N pairs (default 15, --quick: 10k lines, 3).</item>
/// <item>--output PATH: write the report there (every mode).</item>
/// </list>
/// Targets are reported (PASS/FAIL in the report), not asserted: the exit code is 0 unless the harness fails (2: bad
/// arguments, 1: the synthetic code does not compile) or an analyzer throws (3).
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: DewAnalyzers.Benchmarks [--quick] [--sizes 10000,100000,400000] [--repeat N] [--peer-repeat N] [--no-peer] [--no-ide] [--isolate] [--output PATH]\n" +
        "       DewAnalyzers.Benchmarks --ide [--quick] [--edits N] [--ide-lines N] [--output PATH]\n" +
        "       DewAnalyzers.Benchmarks --tree DIR [--repeat N] [--output PATH]\n" +
        "       DewAnalyzers.Benchmarks --compare PATH/DewAnalyzers.dll [--quick] [--sizes N,...] [--repeat N] [--output PATH]";

    /// <summary>DEW's share of the compiler's time, a target from <see cref="ShareTargetFromLines"/> lines on.</summary>
    internal const double MaxShareOfCompiler = 0.01;
    internal const int ShareTargetFromLines = 100_000;
    internal const double MaxTimesBaseline = 2.0;

    /// <summary>Pay only for what you use: DEW on code without the SDK and without code-like literals.</summary>
    internal const double MaxNoSdkTimesBaseline = 1.2;
    private const double MaxPerLineDrift = 0.20;

    public static int Main(string[] args)
    {
        var options = BenchmarkOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var total = Stopwatch.StartNew();
        var started = DateTimeOffset.Now;
        var passes = new AnalyzerPasses();
        var dew = passes.Dew;
        Console.WriteLine($"DewAnalyzers: {dew.Length} analyzers ({string.Join(", ", dew.Select(a => a.GetType().Name))})");
        if (options.Tree is not null)
        {
            return TreeBenchmark.Run(options, passes, started, total);
        }

        if (options.Compare is not null)
        {
            return CompareBenchmark.Run(options, passes, started, total);
        }

        var codeBase = new CodeBaseGenerator();
        if (options.IdeOnly)
        {
            var ide = IdeBenchmark.Run(options, passes, codeBase, total);
            if (ide is null)
            {
                return 1;
            }

            var ideReport = IdeBenchmark.RenderDocument(options, started, total.Elapsed, ide);
            Console.WriteLine();
            Console.WriteLine(ideReport);
            WriteOutput(options.Output, ideReport);
            return ide.Exceptions > 0 ? 3 : 0;
        }

        var noSdkCodeBase = new CodeBaseGenerator(withSdk: false);
        var (peer, peerDescription) = options.Peer ? AnalyzerSets.Peer() : (ImmutableArray<DiagnosticAnalyzer>.Empty, "skipped (--no-peer)");
        var analyzerOptions = passes.Options;
        var generator = passes.Generator;
        var primer = passes.Primer;
        var baselinePass = passes.BaselinePass;
        var combinedPass = passes.CombinedPass;
        Console.WriteLine($"Peer: {peerDescription}, {peer.Length} analyzers");

        // Warm-up (JIT, catalog load, peer assembly load) on a small code base of each variant; not reported.
        var warm = new Workload(codeBase.Generate(options.Quick ? 3000 : 10000), passes.Constants);
        var warmNoSdk = new Workload(noSdkCodeBase.Generate(3000), generatedConstants: null, withSdk: false);
        if (!Compiles(warm, "synthetic") || !Compiles(warmNoSdk, "no-SDK synthetic"))
        {
            return 1;
        }

        warm.MeasureCompiler();
        warm.MeasureAnalyzers(baselinePass, analyzerOptions);
        warm.MeasureAnalyzers(combinedPass, analyzerOptions);
        warmNoSdk.MeasureAnalyzers(combinedPass, analyzerOptions);
        if (!peer.IsEmpty)
        {
            warm.MeasureAnalyzers(peer, analyzerOptions);
        }

        warm.MeasureGenerator(generator);
        Console.WriteLine($"Warm-up done in {total.Elapsed.TotalSeconds:0}s");
        if (options.Isolate)
        {
            // Diagnostic mode: each DEW analyzer alone (after the primer), to see costs that do not depend on order.
            var isolated = new Workload(codeBase.Generate(options.Sizes[0]), passes.Constants);
            for (var i = 0; i < options.Repeat; i++)
            {
                foreach (var analyzer in dew)
                {
                    var run = isolated.MeasureAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(primer, analyzer), analyzerOptions);
                    Console.WriteLine($"  #{i + 1} {analyzer.GetType().Name,-36} {AnalyzerSets.Ms(run.ExecutionMs[analyzer]),8} ms (pass {AnalyzerSets.Ms(run.WallMs)} ms)");
                }
            }

            return 0;
        }

        var results = new List<SizeResult>();
        foreach (var size in options.Sizes)
        {
            var files = codeBase.Generate(size);
            var workload = new Workload(files, passes.Constants);
            var noSdkWorkload = new Workload(noSdkCodeBase.Generate(size), generatedConstants: null, withSdk: false);
            var (callsSdkFiles, otherFiles) = CodeBaseGenerator.Split(files);
            var callsSdkWorkload = new Workload(callsSdkFiles, passes.Constants);
            var otherWorkload = new Workload(otherFiles, passes.Constants);
            var noSdk = new SizeResult(noSdkWorkload.Lines, noSdkWorkload.Files);
            var result = new SizeResult(workload.Lines, workload.Files)
            {
                NoSdk = noSdk,
                CallsSdkPart = new SizeResult(callsSdkWorkload.Lines, callsSdkWorkload.Files),
                OtherPart = new SizeResult(otherWorkload.Lines, otherWorkload.Files),
            };
            for (var i = 0; i < options.Repeat; i++)
            {
                var compiler = workload.MeasureCompiler();
                result.CompilerMs.Add(compiler.Ms);
                result.CompilerMemory.Add(compiler.Memory);

                // One pass runs the primer, the empty baseline analyzers and the DEW analyzers (sequentially, each timed on
                // its own); a baseline-only pass in every repeat gives the wall time and memory DEW adds (medians: one
                // pass's allocation counter can be off under server GC).
                var baseRun = workload.MeasureAnalyzers(baselinePass, analyzerOptions);
                result.BaselineWallMs.Add(baseRun.WallMs);
                result.BaselineMemory.Add(baseRun.Memory);

                var dewRun = workload.MeasureAnalyzers(combinedPass, analyzerOptions);
                result.Record(dewRun, passes);

                if (!peer.IsEmpty && i < options.PeerRepeat)
                {
                    var peerRun = workload.MeasureAnalyzers(peer, analyzerOptions);
                    result.PeerMs.Add(peerRun.ExecutionMs.Values.Sum());
                    result.PeerActive = peerRun.ExecutionMs.Values.Count(v => v > 0);
                }

                var generated = workload.MeasureGenerator(generator);
                result.GeneratorMs.Add(generated.WallMs);

                // The no-SDK variant: the compiler and the same combined pass (DEW and the same empty baseline).
                noSdk.CompilerMs.Add(noSdkWorkload.MeasureCompiler().Ms);
                noSdk.Record(noSdkWorkload.MeasureAnalyzersOnNewTrees(combinedPass, analyzerOptions), passes);

                // The two parts of the same code base, each compiled on its own: where DEW's time goes.
                result.CallsSdkPart.Record(callsSdkWorkload.MeasureAnalyzers(combinedPass, analyzerOptions), passes);
                result.OtherPart.Record(otherWorkload.MeasureAnalyzers(combinedPass, analyzerOptions), passes);

                Console.WriteLine(
                    $"  {workload.Lines,7:N0} lines #{i + 1}: compiler {AnalyzerSets.Ms(compiler.Ms)} ms, DEW {AnalyzerSets.Ms(result.DewMs[^1])} ms, " +
                    $"baseline {AnalyzerSets.Ms(result.BaselineMs[^1])} ms" +
                    (result.PeerMs.Count > i ? $", peer {AnalyzerSets.Ms(result.PeerMs[^1])} ms" : string.Empty) +
                    $", generator {AnalyzerSets.Ms(generated.WallMs)} ms; no SDK: compiler {AnalyzerSets.Ms(noSdk.CompilerMs[^1])} ms, " +
                    $"DEW {AnalyzerSets.Ms(noSdk.DewMs[^1])} ms, baseline {AnalyzerSets.Ms(noSdk.BaselineMs[^1])} ms; " +
                    $"files that call the SDK: DEW {AnalyzerSets.Ms(result.CallsSdkPart.DewMs[^1])} ms, baseline {AnalyzerSets.Ms(result.CallsSdkPart.BaselineMs[^1])} ms; " +
                    $"the other files: DEW {AnalyzerSets.Ms(result.OtherPart.DewMs[^1])} ms, baseline {AnalyzerSets.Ms(result.OtherPart.BaselineMs[^1])} ms  [{total.Elapsed.TotalSeconds:0}s]");
            }

            results.Add(result);
        }

        IdeResult? ideResult = null;
        if (options.IdeSection)
        {
            ideResult = IdeBenchmark.Run(options, passes, codeBase, total);
            if (ideResult is null)
            {
                return 1;
            }
        }

        // The catalog section last: the pages it parses stay in CustomCatalogs' cache, which the other sections never use.
        var catalogResult = CatalogBenchmark.Run(options, passes, codeBase, total);

        var noSdkRegistrations = dew.Select(a => (a.GetType().Name, Registrations.Record(a, Workload.CreateCompilation(Array.Empty<SyntaxTree>(), withSdk: false), analyzerOptions))).ToList();
        var report = Report.Render(options, started, total.Elapsed, results, dew.Length, passes.BaselineSet, noSdkRegistrations, peerDescription, peer.Length, ideResult, catalogResult);
        Console.WriteLine();
        Console.WriteLine(report);
        WriteOutput(options.Output ?? (options.Quick ? null : Path.Combine(RepoRoot(), "benchmarks", "results.md")), report);
        var exceptions = results.Any(r => r.DewExceptions > 0 || r.NoSdk?.DewExceptions > 0 || r.CallsSdkPart?.DewExceptions > 0 || r.OtherPart?.DewExceptions > 0) || ideResult?.Exceptions > 0 || catalogResult.Exceptions > 0;
        return exceptions ? 3 : 0;
    }

    /// <summary>False (and the first errors on stderr) when the code does not compile: its numbers would mean nothing.</summary>
    private static bool Compiles(Workload workload, string what)
    {
        var errors = workload.CompilerErrors();
        if (errors.Length == 0)
        {
            return true;
        }

        Console.Error.WriteLine($"The {what} code has {errors.Length} compiler errors, e.g.:");
        foreach (var error in errors.Take(10))
        {
            Console.Error.WriteLine("  " + error);
        }

        return false;
    }

    internal static void WriteOutput(string? output, string report)
    {
        if (output is not null)
        {
            File.WriteAllText(output, report);
            Console.WriteLine($"Written to {output}");
        }
    }

    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static List<double> GetOrAdd(this Dictionary<string, List<double>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = new List<double>();
            map[key] = list;
        }

        return list;
    }

    internal static double Median(this List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.OrderBy(v => v).ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    internal static double MedianOf(this List<MemoryUse> values, Func<MemoryUse, long> selector)
        => values.Select(v => (double)selector(v)).ToList().Median();

    /// <summary>Measurements of one size.</summary>
    internal sealed class SizeResult
    {
        public SizeResult(int lines, int files)
        {
            Lines = lines;
            Files = files;
        }

        public int Lines { get; }
        public int Files { get; }
        public List<double> CompilerMs { get; } = new();
        public List<double> DewMs { get; } = new();
        public List<double> DewWallMs { get; } = new();
        public List<double> BaselineMs { get; } = new();
        public List<double> BaselineWallMs { get; } = new();
        public List<double> SetupMs { get; } = new();
        public List<double> PeerMs { get; } = new();
        public List<double> GeneratorMs { get; } = new();
        public List<MemoryUse> CompilerMemory { get; } = new();
        public List<MemoryUse> DewMemory { get; } = new();
        public List<MemoryUse> BaselineMemory { get; } = new();
        public Dictionary<string, List<double>> PerAnalyzer { get; } = new();

        /// <summary>Per DEW analyzer name: the time of its empty mirror.</summary>
        public Dictionary<string, List<double>> PerBaseline { get; } = new();
        public IReadOnlyDictionary<string, int> DewDiagnostics { get; set; } = new Dictionary<string, int>();

        /// <summary>The same size without the SDK (the main mode measures both).</summary>
        public SizeResult? NoSdk { get; init; }

        /// <summary>The files of this code base that call or retry the SDK (and the shared files), compiled on their own.</summary>
        public SizeResult? CallsSdkPart { get; init; }

        /// <summary>The other files of this code base (and the shared files), compiled on their own.</summary>
        public SizeResult? OtherPart { get; init; }
        public int DewExceptions { get; set; }
        public string? FirstException { get; set; }
        public int PeerActive { get; set; }

        public double DewPer1k => DewMs.Median() / (Lines / 1000.0);

        /// <summary>Records a <see cref="AnalyzerPasses.CombinedPass"/> run: DEW's and the baseline's times, diagnostics, exceptions.</summary>
        public void Record(AnalyzerRun run, AnalyzerPasses passes)
        {
            BaselineMs.Add(run.ExecutionMs.Where(p => p.Key is EmptyBaselineAnalyzer).Sum(p => p.Value));
            DewMs.Add(run.ExecutionMs.Where(p => passes.Dew.Contains(p.Key)).Sum(p => p.Value));
            SetupMs.Add(run.ExecutionMs[passes.Primer]);
            DewWallMs.Add(run.WallMs);
            DewMemory.Add(run.Memory);
            foreach (var (analyzer, ms) in run.ExecutionMs.Where(p => passes.Dew.Contains(p.Key)))
            {
                PerAnalyzer.GetOrAdd(analyzer.GetType().Name).Add(ms);
            }

            foreach (var (analyzer, ms) in run.ExecutionMs.Where(p => p.Key is EmptyBaselineAnalyzer))
            {
                PerBaseline.GetOrAdd(((EmptyBaselineAnalyzer)analyzer).Mirrored).Add(ms);
            }

            DewDiagnostics = run.DiagnosticCounts.Where(p => p.Key.StartsWith("DEW", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value);
            DewExceptions = Math.Max(DewExceptions, run.AnalyzerExceptions);
            FirstException ??= run.FirstException;
        }
    }

    internal sealed class BenchmarkOptions
    {
        public bool Quick { get; private set; }
        public int[] Sizes { get; private set; } = { 10000, 100000, 400000 };
        public int Repeat { get; private set; } = 7;
        public int PeerRepeat { get; private set; } = 1;
        public bool Peer { get; private set; } = true;
        public bool Isolate { get; private set; }

        /// <summary>--ide: the IDE per-edit mode only.</summary>
        public bool IdeOnly { get; private set; }

        /// <summary>Whether the main mode appends the IDE section (a full run: not --quick, not --no-ide).</summary>
        public bool IdeSection { get; private set; }
        public int IdeLines { get; private set; } = 100_000;
        public int Edits { get; private set; } = 90;

        /// <summary>--tree DIR: the tree mode.</summary>
        public string? Tree { get; private set; }

        /// <summary>--compare PATH: the compare mode (another build's DewAnalyzers.dll).</summary>
        public string? Compare { get; private set; }
        public string? Output { get; private set; }
        public string CommandLine { get; private set; } = string.Empty;

        public static BenchmarkOptions? Parse(string[] args)
        {
            var o = new BenchmarkOptions { CommandLine = string.Join(" ", args) };
            int? repeat = null;
            int? peerRepeat = null;
            int[]? sizes = null;
            int? edits = null;
            var noIde = false;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--quick":
                        o.Quick = true;
                        break;
                    case "--isolate":
                        o.Isolate = true;
                        break;
                    case "--no-peer":
                        o.Peer = false;
                        break;
                    case "--no-ide":
                        noIde = true;
                        break;
                    case "--ide":
                        o.IdeOnly = true;
                        break;
                    case "--ide-lines" when i + 1 < args.Length:
                        o.IdeLines = int.Parse(args[++i].Replace("_", string.Empty), CultureInfo.InvariantCulture);
                        break;
                    case "--edits" when i + 1 < args.Length:
                        edits = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    case "--tree" when i + 1 < args.Length:
                        o.Tree = args[++i];
                        break;
                    case "--compare" when i + 1 < args.Length:
                        o.Compare = args[++i];
                        break;
                    case "--sizes" when i + 1 < args.Length:
                        sizes = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s.Replace("_", string.Empty), CultureInfo.InvariantCulture)).ToArray();
                        break;
                    case "--repeat" when i + 1 < args.Length:
                        repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    case "--peer-repeat" when i + 1 < args.Length:
                        peerRepeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    case "--output" when i + 1 < args.Length:
                        o.Output = Path.GetFullPath(args[++i]);
                        break;
                    default:
                        return null;
                }
            }

            if ((o.IdeOnly ? 1 : 0) + (o.Tree is not null ? 1 : 0) + (o.Compare is not null ? 1 : 0) > 1)
            {
                return null;
            }

            if (o.Quick)
            {
                o.Sizes = new[] { 10000 };
                o.Repeat = o.Compare is not null ? 3 : 1;
                o.Edits = 30;
            }
            else if (o.Tree is not null)
            {
                o.Repeat = 3;
            }
            else if (o.Compare is not null)
            {
                o.Sizes = new[] { 100000 };
                o.Repeat = 15;
            }

            o.IdeSection = !o.Quick && !noIde && !o.IdeOnly;
            o.Edits = Math.Max(3, edits ?? o.Edits);

            o.Sizes = sizes ?? o.Sizes;
            o.Repeat = Math.Max(1, repeat ?? o.Repeat);
            o.PeerRepeat = Math.Max(1, Math.Min(o.Repeat, peerRepeat ?? o.PeerRepeat));
            return o;
        }
    }

    internal static class Report
    {
        public static string Render(
            BenchmarkOptions options,
            DateTimeOffset started,
            TimeSpan elapsed,
            List<SizeResult> results,
            int dewCount,
            ImmutableArray<(DiagnosticAnalyzer Dew, Registrations Registrations, EmptyBaselineAnalyzer Baseline)> baseline,
            List<(string Name, Registrations Registrations)> noSdkRegistrations,
            string peerDescription,
            int peerCount,
            IdeResult? ide,
            CatalogResult? catalog)
        {
            var s = new StringBuilder();
            var inv = CultureInfo.InvariantCulture;
            AppendHeader(s, "# DewAnalyzers performance", options, started, elapsed);
            s.AppendLine($"- Repeats: {options.Repeat} per size (peer: {options.PeerRepeat}); every number is the median. Synthetic code: seed {CodeBaseGenerator.Seed}, C# latest, references the Huawei SDK stand-in, Polly 7 and Polly.Core 8, the runtime's assemblies; the no-SDK variant (section \"No SDK\") the same without the SDK stand-in.");
            s.AppendLine($"- DewAnalyzers: {dewCount} analyzers. Peer: {peerDescription}, {peerCount} analyzers.");
            s.AppendLine();

            s.AppendLine("| Lines | Files | Compiler ms | DEW ms | DEW % of compiler | Baseline ms | DEW ÷ baseline | DEW ms per 1k lines | Peer ms (avg per active analyzer) | Generator ms | DEW memory added |");
            s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                var compiler = r.CompilerMs.Median();
                var dew = r.DewMs.Median();
                var baseMs = r.BaselineMs.Median();
                var peer = r.PeerMs.Median();
                var peerText = r.PeerMs.Count == 0 ? "—" : $"{AnalyzerSets.Ms(peer)} ({(peer / Math.Max(1, r.PeerActive)).ToString("0.00", inv)} × {r.PeerActive})";
                s.AppendLine(
                    $"| {r.Lines.ToString("N0", inv)} | {r.Files.ToString("N0", inv)} | {AnalyzerSets.Ms(compiler)} | {AnalyzerSets.Ms(dew)} | {(dew / compiler * 100).ToString("0.00", inv)}% | " +
                    $"{AnalyzerSets.Ms(baseMs)} | {(dew / baseMs).ToString("0.00", inv)}× | {r.DewPer1k.ToString("0.000", inv)} | {peerText} | {AnalyzerSets.Ms(r.GeneratorMs.Median())} | {MemoryAdded(r)} |");
            }

            s.AppendLine();
            s.AppendLine("Whole analyzer passes (wall clock, includes the compiler's binding and the driver's work, e.g. building IOperation trees):").AppendLine();
            s.AppendLine("| Lines | Baseline-only pass ms | Baseline + DEW pass ms | Ratio | Compiler setup ms (primer, not in DEW ms) |");
            s.AppendLine("|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                s.AppendLine($"| {r.Lines.ToString("N0", inv)} | {AnalyzerSets.Ms(r.BaselineWallMs.Median())} | {AnalyzerSets.Ms(r.DewWallMs.Median())} | {(r.DewWallMs.Median() / r.BaselineWallMs.Median()).ToString("0.00", inv)}× | {AnalyzerSets.Ms(r.SetupMs.Median())} |");
            }

            s.AppendLine();
            s.AppendLine("## Targets").AppendLine();
            s.AppendLine("Reported, not asserted (the benchmark exits 0 whatever they say). The share of the compiler is a target from " +
                $"{ShareTargetFromLines.ToString("N0", inv)} lines on (n/a below); the no-SDK column compares DEW on the no-SDK code base of the same size with the same empty baseline.").AppendLine();
            s.AppendLine($"| Lines | DEW ≤ {Percent(MaxShareOfCompiler)} of compiler | DEW ≤ {Times(MaxTimesBaseline)} empty baseline | No SDK: DEW ≤ {Times(MaxNoSdkTimesBaseline)} empty baseline | Per 1k lines within ±20% of the first size's figure |");
            s.AppendLine("|---:|---|---|---|---|");
            var reference = results.Count > 0 ? results[0].DewPer1k : double.NaN;
            foreach (var r in results)
            {
                var share = r.DewMs.Median() / r.CompilerMs.Median();
                var times = r.DewMs.Median() / r.BaselineMs.Median();
                var noSdkTimes = r.NoSdk is { } n ? n.DewMs.Median() / n.BaselineMs.Median() : double.NaN;
                var drift = r.DewPer1k / reference - 1;
                var shareText = $"({(share * 100).ToString("0.00", inv)}%)";
                s.AppendLine(
                    $"| {r.Lines.ToString("N0", inv)} | {(r.Lines >= ShareTargetFromLines ? Verdict(share <= MaxShareOfCompiler) + " " + shareText : "n/a " + shareText)} | " +
                    $"{Verdict(times <= MaxTimesBaseline)} ({times.ToString("0.00", inv)}×) | {Verdict(noSdkTimes <= MaxNoSdkTimesBaseline)} ({noSdkTimes.ToString("0.00", inv)}×) | " +
                    (ReferenceEquals(r, results[0]) ? "reference" : $"{Verdict(Math.Abs(drift) <= MaxPerLineDrift)} ({(drift * 100).ToString("+0;-0;0", inv)}%)") + " |");
            }

            if (ide is not null)
            {
                s.AppendLine().AppendLine($"IDE (section below): DEW p95 − baseline p95 per edit {IdeBenchmark.Ms(ide.AddedP95Ms)} ms: {Verdict(ide.AddedP95Ms <= IdeBenchmark.MaxAddedP95Ms)} (target ≤ {IdeBenchmark.MaxAddedP95Ms.ToString("0", inv)} ms); " +
                    $"generator steps cached on edits that do not touch catalogs: {IdeBenchmark.CachedText(ide)}.");
            }

            if (catalog is not null)
            {
                s.AppendLine().AppendLine($"Catalog (section below): a {CatalogBenchmark.Rows.ToString("N0", inv)}-row `*.errorcodes.md` page adds {AnalyzerSets.Ms(catalog.AddedMs)} ms to a build of {catalog.Lines.ToString("N0", inv)} lines (generator + DEW analyzers): " +
                    $"{Verdict(catalog.AddedMs < CatalogBenchmark.MaxAddedMs)} (target < {CatalogBenchmark.MaxAddedMs.ToString("0", inv)} ms); compiling its generated constants adds {AnalyzerSets.Ms(catalog.CompileAddedMs)} ms more.");
            }

            var ends = baseline.Where(b => b.Registrations.CompilationEndActions > 0).Select(b => b.Dew.GetType().Name).ToList();
            s.AppendLine();
            s.AppendLine(ends.Count == 0
                ? "No DEW analyzer registers a compilation-end action."
                : $"Compilation-end actions: {string.Join(", ", ends)} (their cost is inside the per-analyzer times below; check that it grows linearly).");

            s.AppendLine().AppendLine("## Per analyzer (ms, median; in brackets its empty mirror's ms and the ratio)").AppendLine();
            s.Append("| Analyzer | Registers |");
            foreach (var r in results)
            {
                s.Append($" {r.Lines.ToString("N0", inv)} lines |");
            }

            s.AppendLine().Append("|---|---|").AppendLine(string.Concat(results.Select(_ => "---:|")));
            foreach (var (analyzer, registrations, _) in baseline)
            {
                var name = analyzer.GetType().Name;
                s.Append($"| {name} | {registrations.Describe()}{(registrations.Problem is null ? string.Empty : " (recording failed: " + registrations.Problem + ")")} |");
                foreach (var r in results)
                {
                    var own = r.PerAnalyzer.TryGetValue(name, out var list) ? list.Median() : (double?)null;
                    var floor = r.PerBaseline.TryGetValue(name, out var floors) ? floors.Median() : (double?)null;
                    var cell = own is null ? "—" : AnalyzerSets.Ms(own.Value);
                    if (own is > 0 && floor is > 0)
                    {
                        cell += $" ({AnalyzerSets.Ms(floor.Value)}; {(own.Value / floor.Value).ToString("0.0", inv)}×)";
                    }

                    s.Append($" {cell} |");
                }

                s.AppendLine();
            }

            RenderNoSdk(s, results, noSdkRegistrations);
            RenderParts(s, results);
            if (ide is not null)
            {
                s.AppendLine().Append(IdeBenchmark.RenderSection(ide));
            }

            if (catalog is not null)
            {
                s.AppendLine().Append(CatalogBenchmark.RenderSection(catalog));
            }

            s.AppendLine().AppendLine("## DEW diagnostics on the synthetic code (last repeat)").AppendLine();
            foreach (var r in results)
            {
                var counts = string.Join(", ", r.DewDiagnostics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
                var findings = r.DewDiagnostics.Where(p => p.Key != "DEW002").Sum(p => p.Value);
                s.AppendLine($"- {r.Lines.ToString("N0", inv)} lines: {(counts.Length == 0 ? "none" : counts)} ({(findings / (r.Lines / 1000.0)).ToString("0.0", inv)} findings other than DEW002 per 1k lines)" +
                    (r.DewExceptions > 0 ? $"; **{r.DewExceptions} analyzer exceptions**, first: {r.FirstException}" : string.Empty));
            }

            s.AppendLine().AppendLine("## What is measured").AppendLine();
            s.AppendLine("- **Compiler ms**: a fresh parse of every file plus `Compilation.GetDiagnostics()` (declaration and method-body binding, all compiler diagnostics; no emit), with `concurrentBuild: false` so it is single-threaded like the analyzer times.");
            s.AppendLine("- **DEW ms**: the sum over the DewAnalyzers analyzers (every `DiagnosticAnalyzer` type in the assembly, found by reflection) of the analyzer driver's `ExecutionTime` telemetry (`CompilationWithAnalyzers`, `logAnalyzerExecutionTime: true`, `concurrentAnalysis: false`) on a fresh compilation per repeat. This is the time inside DEW's callbacks, which is what DEW adds to a build.");
            s.AppendLine("- DEW and the baseline run in the same pass (primer, baseline analyzers, DEW analyzers, executed one after another by the driver, each timed on its own), so both see the same compilation state.");
            s.AppendLine("- **Baseline ms**: the same telemetry for empty analyzers, one per DEW analyzer, each registering exactly the actions (syntax kinds, operation kinds, symbol kinds, end actions) that its DEW analyzer registers on this compilation (recorded by running its `Initialize` and compilation-start actions), with callbacks that do nothing: the cost of being called.");
            s.AppendLine("- **Compiler setup**: a primer analyzer runs first in both passes and looks up `System.Object`: the first `GetTypeByMetadataName` on a fresh compilation binds the references and builds the declaration table, compiler work a build does anyway. Without it, that cost lands on whichever analyzer runs first. DEW's own look-ups (SDK types, Polly, generated constants) are not primed: they count in DEW ms.");
            s.AppendLine("- **Peer ms**: the same telemetry for Meziantou.Analyzer's analyzers loaded from its NuGet package with `AnalyzerFileReference` (rules disabled by default do not run, as in a build); the average is per analyzer that ran.");
            s.AppendLine("- **Generator ms**: `CSharpGeneratorDriver.RunGeneratorsAndUpdateCompilation` with `ErrorCodeConstantsGenerator` on the user code (wall clock).");
            s.AppendLine("- **No SDK**: the same generator with the KMS/CSMS parts off (`CodeBaseGenerator(withSdk: false)`): the 20% of files that call or retry the SDK are the same shapes (try/catch, switches and if-chains over a string code, switch expressions over the exception, Polly 7/8 retries, retry loops) against a client of the code base's own, so the volume and the compiler time stay comparable; the compilation does not reference the SDK stand-in, there are no generated constants and no code-like literals. Measured like DEW ms and Baseline ms above, with the same empty baseline (DEW's registrations on a compilation with the SDK), but each repeat on trees parsed anew, as a build has them: without the SDK, DEW first asks whether any file or referenced assembly can hold a catalog code (`CatalogUse`; each file's answer is kept with its tree, each assembly's with its reference), and DEW001, DEW002 and DEW004 register nothing when none can, so every repeat pays that scan of every file as a fresh build does.");
            s.AppendLine("- **DEW memory added**: managed memory of the baseline + DEW pass minus a baseline-only pass (medians over the repeats; same compilation, same registrations): bytes allocated (`GC.GetTotalAllocatedBytes`) / peak managed heap above the heap before the pass (`GC.GetTotalMemory` sampled every 5 ms). Best effort: GC timing makes the peak noisy, and under server GC the allocation difference of a single run can be off by several MB (even negative); read small values as a few MB at most. For scale, the compiler pass allocates " +
                string.Join(", ", results.Select(r => $"{Mb(r.CompilerMemory.MedianOf(m => m.AllocatedBytes))} ({r.Lines.ToString("N0", inv)} lines)")) + $"; process peak working set {Mb(Process.GetCurrentProcess().PeakWorkingSet64)}.");
            return s.ToString();
        }

        /// <summary>Title, date, command, machine and runtime: the first lines of every mode's report.</summary>
        public static void AppendHeader(StringBuilder s, string title, BenchmarkOptions options, DateTimeOffset started, TimeSpan elapsed)
        {
            var inv = CultureInfo.InvariantCulture;
            s.AppendLine(title).AppendLine();
            s.AppendLine($"- Date: {started:yyyy-MM-dd HH:mm zzz}; run took {elapsed.TotalMinutes.ToString("0.0", inv)} min");
            s.AppendLine($"- Command: `dotnet run -c Release --project benchmarks/DewAnalyzers.Benchmarks --{(options.CommandLine.Length > 0 ? " " + options.CommandLine : string.Empty)}`");
            s.AppendLine($"- Machine: {Environment.ProcessorCount} logical cores ({Cpu()}), {(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024)).ToString("0.0", inv)} GiB memory, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}");
            s.AppendLine($"- Runtime: {RuntimeInformation.FrameworkDescription}; Roslyn {typeof(Compilation).Assembly.GetName().Version} (set by `BenchmarkRoslynVersion`, default 5.9.0: the compiler `dotnet build` runs with the .NET 10.0.401 SDK; DewAnalyzers compiles against 4.8); {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, as csc/VBCSCompiler");
        }

        private static string MemoryAdded(SizeResult r)
        {
            var allocated = r.DewMemory.MedianOf(m => m.AllocatedBytes) - r.BaselineMemory.MedianOf(m => m.AllocatedBytes);
            var peak = r.DewMemory.MedianOf(m => m.PeakHeapAddedBytes) - r.BaselineMemory.MedianOf(m => m.PeakHeapAddedBytes);
            return $"{Mb(allocated)} alloc / {Mb(peak)} peak";
        }

        private static string Mb(double bytes) => (bytes / (1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

        /// <summary>The "No SDK" section: DEW and the same empty baseline on the code base without the SDK.</summary>
        private static void RenderNoSdk(StringBuilder s, List<SizeResult> results, List<(string Name, Registrations Registrations)> noSdkRegistrations)
        {
            var inv = CultureInfo.InvariantCulture;
            s.AppendLine().AppendLine("## No SDK (pay only for what you use)").AppendLine();
            s.AppendLine("The synthetic code base with the KMS/CSMS parts off: no SDK reference, no code-like literals, no generated constants (see \"What is measured\"). Baseline: the same empty analyzers as above.").AppendLine();
            s.AppendLine($"| Lines | Files | Compiler ms | DEW ms | DEW % of compiler | Baseline ms | DEW ÷ baseline | DEW ≤ {Times(MaxNoSdkTimesBaseline)} baseline | DEW diagnostics |");
            s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---|---|");
            foreach (var n in results.Select(r => r.NoSdk).OfType<SizeResult>())
            {
                var dew = n.DewMs.Median();
                var times = dew / n.BaselineMs.Median();
                var diagnostics = string.Join(", ", n.DewDiagnostics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
                s.AppendLine(
                    $"| {n.Lines.ToString("N0", inv)} | {n.Files.ToString("N0", inv)} | {AnalyzerSets.Ms(n.CompilerMs.Median())} | {AnalyzerSets.Ms(dew)} | {(dew / n.CompilerMs.Median() * 100).ToString("0.00", inv)}% | " +
                    $"{AnalyzerSets.Ms(n.BaselineMs.Median())} | {times.ToString("0.00", inv)}× | {Verdict(times <= MaxNoSdkTimesBaseline)} | {(diagnostics.Length == 0 ? "none" : diagnostics)} |" +
                    (n.DewExceptions > 0 ? $" **{n.DewExceptions} analyzer exceptions**, first: {n.FirstException}" : string.Empty));
            }

            if (results.LastOrDefault()?.NoSdk is { } largest)
            {
                s.AppendLine().AppendLine($"Per analyzer at {largest.Lines.ToString("N0", inv)} lines without the SDK (ms; in brackets its empty mirror's ms), and what it registers on a compilation without the SDK:").AppendLine();
                foreach (var (name, registrations) in noSdkRegistrations)
                {
                    var own = largest.PerAnalyzer.TryGetValue(name, out var list) ? AnalyzerSets.Ms(list.Median()) : "—";
                    var floor = largest.PerBaseline.TryGetValue(name, out var floors) ? AnalyzerSets.Ms(floors.Median()) : "—";
                    s.AppendLine($"- {name}: {own} ({floor}); registers {registrations.Describe()}{(registrations.Problem is null ? string.Empty : " (recording failed: " + registrations.Problem + ")")}");
                }
            }
        }

        /// <summary>
        /// "Where the time goes": DEW and the empty baseline on the files that call the SDK and on the other files, each
        /// part compiled on its own; and what the whole would cost if DEW cost no more than the baseline on the other files.
        /// </summary>
        private static void RenderParts(StringBuilder s, List<SizeResult> results)
        {
            var inv = CultureInfo.InvariantCulture;
            s.AppendLine().AppendLine("## Where the time goes: the files that call the SDK and the rest").AppendLine();
            s.AppendLine("The same code base in two parts, each compiled and analyzed on its own in every repeat (DEW and the same empty baseline, as above): " +
                "the files that call or retry KMS/CSMS, and the other files (services, repositories, models, controllers); the shared logging file is in both. " +
                "The last column is a bound: what the whole code base would cost if DEW cost no more than the empty baseline on the other files (the files that call the SDK as measured), " +
                "as a multiple of the whole code base's baseline and a share of its compiler time: the most that skipping code which cannot matter could bring.").AppendLine();
            s.AppendLine("| Lines | Part | Files | Lines of the part | DEW ms | Baseline ms | DEW ÷ baseline | DEW diagnostics | Bound: other files at the baseline |");
            s.AppendLine("|---:|---|---:|---:|---:|---:|---:|---|---|");
            foreach (var r in results)
            {
                if (r.CallsSdkPart is not { } sdk || r.OtherPart is not { } other)
                {
                    continue;
                }

                var bound = other.BaselineMs.Median() + sdk.DewMs.Median();
                var boundText = $"{AnalyzerSets.Ms(bound)} ms: {(bound / r.BaselineMs.Median()).ToString("0.00", inv)}× the whole's baseline, {(bound / r.CompilerMs.Median() * 100).ToString("0.00", inv)}% of its compiler";
                foreach (var (name, part, last) in new[] { ("files that call the SDK", sdk, string.Empty), ("the other files", other, boundText) })
                {
                    var dew = part.DewMs.Median();
                    var diagnostics = string.Join(", ", part.DewDiagnostics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
                    s.AppendLine(
                        $"| {r.Lines.ToString("N0", inv)} | {name} | {part.Files.ToString("N0", inv)} | {part.Lines.ToString("N0", inv)} | {AnalyzerSets.Ms(dew)} | {AnalyzerSets.Ms(part.BaselineMs.Median())} | " +
                        $"{(dew / part.BaselineMs.Median()).ToString("0.00", inv)}× | {(diagnostics.Length == 0 ? "none" : diagnostics)} | {last} |" +
                        (part.DewExceptions > 0 ? $" **{part.DewExceptions} analyzer exceptions**, first: {part.FirstException}" : string.Empty));
                }
            }

            if (results.LastOrDefault(r => r.CallsSdkPart is not null && r.OtherPart is not null) is { } largest)
            {
                s.AppendLine().AppendLine($"Per analyzer at {largest.Lines.ToString("N0", inv)} lines (ms; in brackets its empty mirror's ms): the files that call the SDK; the other files.").AppendLine();
                foreach (var name in largest.PerAnalyzer.Keys.OrderBy(n => n, StringComparer.Ordinal))
                {
                    string Cell(SizeResult part)
                        => (part.PerAnalyzer.TryGetValue(name, out var own) ? AnalyzerSets.Ms(own.Median()) : "—") +
                           " (" + (part.PerBaseline.TryGetValue(name, out var floor) ? AnalyzerSets.Ms(floor.Median()) : "—") + ")";
                    s.AppendLine($"- {name}: {Cell(largest.CallsSdkPart!)}; {Cell(largest.OtherPart!)}");
                }
            }
        }

        private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

        private static string Times(double times) => times.ToString("0.##", CultureInfo.InvariantCulture) + "×";

        internal static string Verdict(bool pass) => pass ? "PASS" : "**FAIL**";

        private static string Cpu()
        {
            try
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line.Substring(line.IndexOf(':') + 1).Trim();
            }
            catch (IOException)
            {
                return RuntimeInformation.ProcessArchitecture.ToString();
            }
            catch (UnauthorizedAccessException)
            {
                return RuntimeInformation.ProcessArchitecture.ToString();
            }
        }
    }
}
