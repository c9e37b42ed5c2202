using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace DewAnalyzers.Benchmarks;

/// <summary>
/// The tree mode (<c>--tree DIR</c>): DEW and the empty baseline on a real source tree, every <c>.cs</c> file under DIR
/// (bin/ and obj/ skipped) as one compilation, without a build: the references are the harness's own (the runtime's
/// assemblies, the SDK stand-in, Polly 7 and 8) plus the generated constants, so symbols the tree gets from elsewhere
/// stay unresolved (the compiler errors are counted, not fatal). Users measure DEW on their own code with it.
/// </summary>
internal static class TreeBenchmark
{
    public static int Run(Program.BenchmarkOptions options, AnalyzerPasses passes, DateTimeOffset started, Stopwatch total)
    {
        var root = Path.GetFullPath(options.Tree!);
        if (!Directory.Exists(root))
        {
            Console.Error.WriteLine($"--tree: no folder {root}");
            return 2;
        }

        var files = SourceFiles(root);
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"--tree: no .cs file under {root} (bin/ and obj/ skipped)");
            return 2;
        }

        var workload = new Workload(files, passes.Constants);
        var errors = workload.CompilerErrors().Length;
        Console.WriteLine($"Tree: {root}, {workload.Files:N0} files, {workload.Lines:N0} lines, {errors:N0} compiler errors without a build");

        // Warm-up (JIT, catalog load) on a small synthetic code base, so the tree is not measured twice; not reported.
        var warm = new Workload(new CodeBaseGenerator().Generate(3000), passes.Constants);
        warm.MeasureCompiler();
        warm.MeasureAnalyzers(passes.CombinedPass, passes.Options);
        warm.MeasureGenerator(passes.Generator);

        var result = new Program.SizeResult(workload.Lines, workload.Files);
        for (var i = 0; i < options.Repeat; i++)
        {
            result.CompilerMs.Add(workload.MeasureCompiler().Ms);
            result.Record(workload.MeasureAnalyzers(passes.CombinedPass, passes.Options), passes);
            result.GeneratorMs.Add(workload.MeasureGenerator(passes.Generator).WallMs);
            Console.WriteLine(
                $"  #{i + 1}: compiler {AnalyzerSets.Ms(result.CompilerMs[^1])} ms, DEW {AnalyzerSets.Ms(result.DewMs[^1])} ms, " +
                $"baseline {AnalyzerSets.Ms(result.BaselineMs[^1])} ms, generator {AnalyzerSets.Ms(result.GeneratorMs[^1])} ms  [{total.Elapsed.TotalSeconds:0}s]");
        }

        var report = Render(options, started, total.Elapsed, root, errors, result, passes);
        Console.WriteLine();
        Console.WriteLine(report);
        Program.WriteOutput(options.Output, report);
        return result.DewExceptions > 0 ? 3 : 0;
    }

    /// <summary>Every .cs file under <paramref name="root"/>, in ordinal path order, outside bin/ and obj/ folders.</summary>
    private static List<SourceFile> SourceFiles(string root)
        => Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(relative => !relative.Split('/').SkipLast(1).Any(folder => folder is "bin" or "obj"))
            .OrderBy(relative => relative, StringComparer.Ordinal)
            .Select(relative =>
            {
                var text = File.ReadAllText(Path.Combine(root, relative));
                return new SourceFile(relative, text, text.Count(c => c == '\n') + 1);
            })
            .ToList();

    private static string Render(Program.BenchmarkOptions options, DateTimeOffset started, TimeSpan elapsed, string root, int errors, Program.SizeResult r, AnalyzerPasses passes)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        Program.Report.AppendHeader(s, "# DewAnalyzers performance: source tree", options, started, elapsed);
        s.AppendLine($"- Tree: `{root}`: {r.Files.ToString("N0", inv)} .cs files, {r.Lines.ToString("N0", inv)} lines (bin/ and obj/ skipped), one compilation without a build; references: the runtime's assemblies, the Huawei SDK stand-in, Polly 7 and Polly.Core 8, plus the generated constants. " +
            $"Compiler errors: {errors.ToString("N0", inv)} (unresolved symbols are expected: a tree does not bind fully without its own references).");
        s.AppendLine($"- Repeats: {options.Repeat}; every number is the median. DEW ms and Baseline ms as in the main report (one pass: primer, the empty baseline with DEW's registrations, DEW; each analyzer's execution-time telemetry).");
        s.AppendLine();
        s.AppendLine("| Files | Lines | Compiler ms | DEW ms | DEW % of compiler | Baseline ms | DEW ÷ baseline | Generator ms | DEW diagnostics |");
        s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        var compiler = r.CompilerMs.Median();
        var dew = r.DewMs.Median();
        var baseline = r.BaselineMs.Median();
        var diagnostics = string.Join(", ", r.DewDiagnostics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
        s.AppendLine(
            $"| {r.Files.ToString("N0", inv)} | {r.Lines.ToString("N0", inv)} | {AnalyzerSets.Ms(compiler)} | {AnalyzerSets.Ms(dew)} | {(dew / compiler * 100).ToString("0.00", inv)}% | " +
            $"{AnalyzerSets.Ms(baseline)} | {(dew / baseline).ToString("0.00", inv)}× | {AnalyzerSets.Ms(r.GeneratorMs.Median())} | {(diagnostics.Length == 0 ? "none" : diagnostics)} |");
        s.AppendLine().AppendLine("Per analyzer (ms; in brackets its empty mirror's ms):").AppendLine();
        foreach (var (analyzer, _, _) in passes.BaselineSet)
        {
            var name = analyzer.GetType().Name;
            var own = r.PerAnalyzer.TryGetValue(name, out var list) ? AnalyzerSets.Ms(list.Median()) : "—";
            var floor = r.PerBaseline.TryGetValue(name, out var floors) ? AnalyzerSets.Ms(floors.Median()) : "—";
            s.AppendLine($"- {name}: {own} ({floor})");
        }

        if (r.DewExceptions > 0)
        {
            s.AppendLine().AppendLine($"**{r.DewExceptions} analyzer exceptions**, first: {r.FirstException}");
        }

        return s.ToString();
    }
}
