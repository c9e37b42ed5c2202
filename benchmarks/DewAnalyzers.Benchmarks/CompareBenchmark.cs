using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DewAnalyzers.Benchmarks;

/// <summary>
/// The compare mode (<c>--compare PATH</c>): this build's DEW analyzers against another build's (PATH: its
/// <c>DewAnalyzers.dll</c>, loaded into a load context of its own), in one process, on the same synthetic code base.
/// Pairs of passes alternate which build goes first, so a slow stretch of the machine falls on both builds of a pair;
/// the report gives each build's medians and the median of the paired differences. This is how a change's before/after
/// is measured on a machine whose speed drifts between two sequential runs.
/// </summary>
internal static class CompareBenchmark
{
    private const int WarmUpPairs = 2;

    public static int Run(Program.BenchmarkOptions options, AnalyzerPasses passes, DateTimeOffset started, Stopwatch total)
    {
        var path = Path.GetFullPath(options.Compare!);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"--compare: no file {path} (a DewAnalyzers.dll of another build)");
            return 2;
        }

        var other = Load(path);
        if (other.IsEmpty)
        {
            Console.Error.WriteLine($"--compare: {path} has no C# analyzers");
            return 2;
        }

        var builds = new[] { passes.Dew, other };
        Console.WriteLine($"Compare: this build ({builds[0].Length} analyzers) with {path} ({builds[1].Length} analyzers)");
        var codeBase = new CodeBaseGenerator();
        var results = new List<SizeComparison>();
        var exceptions = 0;
        foreach (var size in options.Sizes)
        {
            var workload = new Workload(codeBase.Generate(size), passes.Constants);
            var comparison = new SizeComparison(workload.Lines);
            for (var pair = 0; pair < WarmUpPairs + options.Repeat; pair++)
            {
                var ms = new double[2];
                foreach (var index in pair % 2 == 0 ? new[] { 0, 1 } : new[] { 1, 0 })
                {
                    var run = workload.MeasureAnalyzers(builds[index].Insert(0, passes.Primer), passes.Options);
                    exceptions += run.AnalyzerExceptions;
                    ms[index] = run.ExecutionMs.Where(p => p.Key is not SymbolTablePrimer).Sum(p => p.Value);
                    if (pair < WarmUpPairs)
                    {
                        comparison.Diagnostics[index] = run.DiagnosticCounts;
                        continue;
                    }

                    comparison.Sums[index].Add(ms[index]);
                    foreach (var (analyzer, analyzerMs) in run.ExecutionMs.Where(p => p.Key is not SymbolTablePrimer))
                    {
                        var name = analyzer.GetType().Name;
                        if (!comparison.PerAnalyzer[index].TryGetValue(name, out var list))
                        {
                            comparison.PerAnalyzer[index][name] = list = new List<double>();
                        }

                        list.Add(analyzerMs);
                    }
                }

                if (pair >= WarmUpPairs)
                {
                    comparison.Differences.Add(ms[0] - ms[1]);
                    Console.WriteLine(
                        $"  {comparison.Lines:N0} lines pair {pair - WarmUpPairs + 1}: this build {AnalyzerSets.Ms(ms[0])} ms, other {AnalyzerSets.Ms(ms[1])} ms  [{total.Elapsed.TotalSeconds:0}s]");
                }
            }

            results.Add(comparison);
        }

        var report = Render(options, started, total.Elapsed, path, results);
        Console.WriteLine();
        Console.WriteLine(report);
        Program.WriteOutput(options.Output, report);
        return exceptions > 0 ? 3 : 0;
    }

    /// <summary>Every analyzer of the assembly at <paramref name="path"/>, from a load context of its own (same assembly name as ours).</summary>
    private static ImmutableArray<DiagnosticAnalyzer> Load(string path)
        => new AnalyzerFileReference(path, new IsolatedLoader())
            .GetAnalyzers(LanguageNames.CSharp)
            .OrderBy(a => a.GetType().Name, StringComparer.Ordinal)
            .ToImmutableArray();

    private static string Render(Program.BenchmarkOptions options, DateTimeOffset started, TimeSpan elapsed, string path, List<SizeComparison> results)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        Program.Report.AppendHeader(s, "# DewAnalyzers performance: this build against another", options, started, elapsed);
        s.AppendLine($"- Other build: `{path}`, loaded into its own `AssemblyLoadContext`.");
        s.AppendLine($"- Per size: {WarmUpPairs} warm-up pairs, then {options.Repeat} measured pairs; each pair runs the primer and one build's analyzers on a fresh compilation of the same trees, then the other build's, the order alternating from pair to pair. DEW ms is the analyzers' execution-time telemetry summed; every number is a median. A difference is this build minus the other in the same pair: negative means this build was faster.");
        s.AppendLine();
        s.AppendLine("| Lines | This build ms | Other build ms | Median paired difference ms | This build faster in | Diagnostics identical |");
        s.AppendLine("|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var same = Describe(r.Diagnostics[0]) == Describe(r.Diagnostics[1]);
            s.AppendLine(
                $"| {r.Lines.ToString("N0", inv)} | {r.Sums[0].Median().ToString("0.00", inv)} | {r.Sums[1].Median().ToString("0.00", inv)} | {r.Differences.Median().ToString("+0.00;-0.00;0.00", inv)} | " +
                $"{r.Differences.Count(d => d < 0)} of {r.Differences.Count} | {(same ? "yes" : $"**no**: this build {Describe(r.Diagnostics[0])}; other {Describe(r.Diagnostics[1])}")} |");
        }

        foreach (var r in results)
        {
            s.AppendLine().AppendLine($"Per analyzer at {r.Lines.ToString("N0", inv)} lines (ms, this build → other):").AppendLine();
            foreach (var name in r.PerAnalyzer[0].Keys.Union(r.PerAnalyzer[1].Keys).OrderBy(n => n, StringComparer.Ordinal))
            {
                s.AppendLine($"- {name}: {MedianOf(r.PerAnalyzer[0], name)} → {MedianOf(r.PerAnalyzer[1], name)}");
            }

            s.AppendLine().AppendLine($"Diagnostics: {Describe(r.Diagnostics[0])}.");
        }

        return s.ToString();
    }

    private static string MedianOf(Dictionary<string, List<double>> perAnalyzer, string name)
        => perAnalyzer.TryGetValue(name, out var list) ? list.Median().ToString("0.00", CultureInfo.InvariantCulture) : "—";

    private static string Describe(IReadOnlyDictionary<string, int>? counts)
        => counts is null || counts.Count == 0
            ? "none"
            : string.Join(" ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private sealed class SizeComparison
    {
        public SizeComparison(int lines) => Lines = lines;

        public int Lines { get; }

        public List<double>[] Sums { get; } = { new(), new() };

        public Dictionary<string, List<double>>[] PerAnalyzer { get; } = { new(), new() };

        public IReadOnlyDictionary<string, int>?[] Diagnostics { get; } = new IReadOnlyDictionary<string, int>?[2];

        /// <summary>This build minus the other, per measured pair.</summary>
        public List<double> Differences { get; } = new();
    }

    /// <summary>Loads the other build (and anything it loads by path) into one load context of its own; Roslyn comes from the default context.</summary>
    private sealed class IsolatedLoader : IAnalyzerAssemblyLoader
    {
        private readonly AssemblyLoadContext _context = new("DewAnalyzers.Compare");

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => _context.LoadFromAssemblyPath(fullPath);
    }
}
