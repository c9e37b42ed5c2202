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
/// dotnet run -c Release --project benchmarks/DewAnalyzers.Benchmarks -- [--quick] [--sizes 10000,100000,400000] [--repeat N]
///   [--peer-repeat N] [--no-peer] [--output PATH]
/// </summary>
internal static class Program
{
    private const double MaxShareOfCompiler = 0.02;
    private const double MaxTimesBaseline = 3.0;
    private const double MaxPerLineDrift = 0.20;

    public static int Main(string[] args)
    {
        var options = BenchmarkOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: DewAnalyzers.Benchmarks [--quick] [--sizes 10000,100000,400000] [--repeat N] [--peer-repeat N] [--no-peer] [--output PATH]");
            return 2;
        }

        var total = Stopwatch.StartNew();
        var started = DateTimeOffset.Now;
        var dew = AnalyzerSets.Dew();
        var generator = AnalyzerSets.Generator();
        var (peer, peerDescription) = options.Peer ? AnalyzerSets.Peer() : (ImmutableArray<DiagnosticAnalyzer>.Empty, "skipped (--no-peer)");
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var constants = Workload.GeneratedConstants(generator);
        var codeBase = new CodeBaseGenerator();

        Console.WriteLine($"DewAnalyzers: {dew.Length} analyzers ({string.Join(", ", dew.Select(a => a.GetType().Name))})");
        Console.WriteLine($"Peer: {peerDescription}, {peer.Length} analyzers");

        // Warm-up (JIT, catalog load, peer assembly load) on a small code base; not reported.
        var warm = new Workload(codeBase.Generate(options.Quick ? 3000 : 10000), constants);
        var errors = warm.CompilerErrors();
        if (errors.Length > 0)
        {
            Console.Error.WriteLine($"The synthetic code has {errors.Length} compiler errors, e.g.:");
            foreach (var error in errors.Take(10))
            {
                Console.Error.WriteLine("  " + error);
            }

            return 1;
        }

        var baselineSet = AnalyzerSets.Baseline(dew, Workload.CreateCompilation(Array.Empty<SyntaxTree>()), analyzerOptions);
        var baseline = baselineSet.Select(b => (DiagnosticAnalyzer)b.Baseline).ToImmutableArray();
        var primer = new SymbolTablePrimer();
        var baselinePass = baseline.Insert(0, primer);
        var combinedPass = baselinePass.AddRange(dew);
        warm.MeasureCompiler();
        warm.MeasureAnalyzers(baselinePass, analyzerOptions);
        warm.MeasureAnalyzers(combinedPass, analyzerOptions);
        if (!peer.IsEmpty)
        {
            warm.MeasureAnalyzers(peer, analyzerOptions);
        }

        warm.MeasureGenerator(generator);
        Console.WriteLine($"Warm-up done in {total.Elapsed.TotalSeconds:0}s");
        if (options.Isolate)
        {
            // Diagnostic mode: each DEW analyzer alone (after the primer), to see costs that do not depend on order.
            var isolated = new Workload(codeBase.Generate(options.Sizes[0]), constants);
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
            var workload = new Workload(codeBase.Generate(size), constants);
            var result = new SizeResult(workload.Lines, workload.Files);
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
                result.BaselineMs.Add(dewRun.ExecutionMs.Where(p => p.Key is EmptyBaselineAnalyzer).Sum(p => p.Value));
                result.DewMs.Add(dewRun.ExecutionMs.Where(p => dew.Contains(p.Key)).Sum(p => p.Value));
                result.SetupMs.Add(dewRun.ExecutionMs[primer]);
                result.DewWallMs.Add(dewRun.WallMs);
                result.DewMemory.Add(dewRun.Memory);

                foreach (var (analyzer, ms) in dewRun.ExecutionMs.Where(p => dew.Contains(p.Key)))
                {
                    result.PerAnalyzer.GetOrAdd(analyzer.GetType().Name).Add(ms);
                }

                foreach (var (analyzer, ms) in dewRun.ExecutionMs.Where(p => p.Key is EmptyBaselineAnalyzer))
                {
                    result.PerBaseline.GetOrAdd(((EmptyBaselineAnalyzer)analyzer).Mirrored).Add(ms);
                }

                result.DewDiagnostics = dewRun.DiagnosticCounts;
                result.DewExceptions = Math.Max(result.DewExceptions, dewRun.AnalyzerExceptions);
                result.FirstException ??= dewRun.FirstException;

                if (!peer.IsEmpty && i < options.PeerRepeat)
                {
                    var peerRun = workload.MeasureAnalyzers(peer, analyzerOptions);
                    result.PeerMs.Add(peerRun.ExecutionMs.Values.Sum());
                    result.PeerActive = peerRun.ExecutionMs.Values.Count(v => v > 0);
                }

                var generated = workload.MeasureGenerator(generator);
                result.GeneratorMs.Add(generated.WallMs);

                Console.WriteLine(
                    $"  {workload.Lines,7:N0} lines #{i + 1}: compiler {AnalyzerSets.Ms(compiler.Ms)} ms, DEW {AnalyzerSets.Ms(result.DewMs[^1])} ms, " +
                    $"baseline {AnalyzerSets.Ms(result.BaselineMs[^1])} ms" +
                    (result.PeerMs.Count > i ? $", peer {AnalyzerSets.Ms(result.PeerMs[^1])} ms" : string.Empty) +
                    $", generator {AnalyzerSets.Ms(generated.WallMs)} ms  [{total.Elapsed.TotalSeconds:0}s]");
            }

            results.Add(result);
        }

        var report = Report.Render(options, started, total.Elapsed, results, dew.Length, baselineSet, peerDescription, peer.Length);
        Console.WriteLine();
        Console.WriteLine(report);
        var output = options.Output ?? (options.Quick ? null : Path.Combine(RepoRoot(), "benchmarks", "results.md"));
        if (output is not null)
        {
            File.WriteAllText(output, report);
            Console.WriteLine($"Written to {output}");
        }

        return results.Any(r => r.DewExceptions > 0) ? 3 : 0;
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
        public int DewExceptions { get; set; }
        public string? FirstException { get; set; }
        public int PeerActive { get; set; }

        public double DewPer1k => DewMs.Median() / (Lines / 1000.0);
    }

    internal sealed class BenchmarkOptions
    {
        public bool Quick { get; private set; }
        public int[] Sizes { get; private set; } = { 10000, 100000, 400000 };
        public int Repeat { get; private set; } = 7;
        public int PeerRepeat { get; private set; } = 1;
        public bool Peer { get; private set; } = true;
        public bool Isolate { get; private set; }
        public string? Output { get; private set; }
        public string CommandLine { get; private set; } = string.Empty;

        public static BenchmarkOptions? Parse(string[] args)
        {
            var o = new BenchmarkOptions { CommandLine = string.Join(" ", args) };
            int? repeat = null;
            int? peerRepeat = null;
            int[]? sizes = null;
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

            if (o.Quick)
            {
                o.Sizes = new[] { 10000 };
                o.Repeat = 1;
            }

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
            string peerDescription,
            int peerCount)
        {
            var s = new StringBuilder();
            var inv = CultureInfo.InvariantCulture;
            s.AppendLine("# DewAnalyzers performance").AppendLine();
            s.AppendLine($"- Date: {started:yyyy-MM-dd HH:mm zzz}; run took {elapsed.TotalMinutes.ToString("0.0", inv)} min");
            s.AppendLine($"- Command: `dotnet run -c Release --project benchmarks/DewAnalyzers.Benchmarks --{(options.CommandLine.Length > 0 ? " " + options.CommandLine : string.Empty)}`");
            s.AppendLine($"- Machine: {Environment.ProcessorCount} logical cores ({Cpu()}), {(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024)).ToString("0.0", inv)} GiB memory, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}");
            s.AppendLine($"- Runtime: {RuntimeInformation.FrameworkDescription}; Roslyn {typeof(Compilation).Assembly.GetName().Version} (set by `BenchmarkRoslynVersion`, default 5.9.0: the compiler `dotnet build` runs with the .NET 10.0.401 SDK; DewAnalyzers compiles against 4.8); {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, as csc/VBCSCompiler");
            s.AppendLine($"- Repeats: {options.Repeat} per size (peer: {options.PeerRepeat}); every number is the median. Synthetic code: seed {CodeBaseGenerator.Seed}, C# latest, references the Huawei SDK stand-in, Polly 7 and Polly.Core 8, the runtime's assemblies.");
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
            s.AppendLine("| Lines | DEW ≤ 2% of compiler | DEW ≤ 3× empty baseline | Per 1k lines within ±20% of the 10k figure |");
            s.AppendLine("|---:|---|---|---|");
            var reference = results.Count > 0 ? results[0].DewPer1k : double.NaN;
            foreach (var r in results)
            {
                var share = r.DewMs.Median() / r.CompilerMs.Median();
                var times = r.DewMs.Median() / r.BaselineMs.Median();
                var drift = r.DewPer1k / reference - 1;
                s.AppendLine(
                    $"| {r.Lines.ToString("N0", inv)} | {Verdict(share <= MaxShareOfCompiler)} ({(share * 100).ToString("0.00", inv)}%) | {Verdict(times <= MaxTimesBaseline)} ({times.ToString("0.00", inv)}×) | " +
                    (ReferenceEquals(r, results[0]) ? "reference" : $"{Verdict(Math.Abs(drift) <= MaxPerLineDrift)} ({(drift * 100).ToString("+0;-0;0", inv)}%)") + " |");
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
            s.AppendLine("- **DEW memory added**: managed memory of the baseline + DEW pass minus a baseline-only pass (medians over the repeats; same compilation, same registrations): bytes allocated (`GC.GetTotalAllocatedBytes`) / peak managed heap above the heap before the pass (`GC.GetTotalMemory` sampled every 5 ms). Best effort: GC timing makes the peak noisy, and under server GC the allocation difference of a single run can be off by several MB (even negative); read small values as a few MB at most. For scale, the compiler pass allocates " +
                string.Join(", ", results.Select(r => $"{Mb(r.CompilerMemory.MedianOf(m => m.AllocatedBytes))} ({r.Lines.ToString("N0", inv)} lines)")) + $"; process peak working set {Mb(Process.GetCurrentProcess().PeakWorkingSet64)}.");
            return s.ToString();
        }

        private static string MemoryAdded(SizeResult r)
        {
            var allocated = r.DewMemory.MedianOf(m => m.AllocatedBytes) - r.BaselineMemory.MedianOf(m => m.AllocatedBytes);
            var peak = r.DewMemory.MedianOf(m => m.PeakHeapAddedBytes) - r.BaselineMemory.MedianOf(m => m.PeakHeapAddedBytes);
            return $"{Mb(allocated)} alloc / {Mb(peak)} peak";
        }

        private static string Mb(double bytes) => (bytes / (1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

        private static string Verdict(bool pass) => pass ? "PASS" : "**FAIL**";

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
