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

/// <summary>One measured edit.</summary>
/// <param name="Kind">Which of <see cref="IdeBenchmark.Kinds"/>.</param>
/// <param name="DewMs">Wall time of DEW's document request (syntax + semantic diagnostics), own instance.</param>
/// <param name="BaselineMs">The same for the empty baseline.</param>
/// <param name="DewCallbacksMs">The driver's execution-time telemetry summed over the DEW analyzers (primer excluded).</param>
/// <param name="BaselineCallbacksMs">The same over the empty mirrors.</param>
/// <param name="GeneratorMs">The kept generator driver's run on the new compilation.</param>
/// <param name="WorkspaceMs">The workspace's edited tree and new compilation (compiler work every edit costs, for scale).</param>
/// <param name="GeneratorCached">Whether every output step of the generator was Cached or Unchanged (null: no tracked output step).</param>
internal sealed record EditRun(
    int Kind,
    double DewMs,
    double BaselineMs,
    double DewCallbacksMs,
    double BaselineCallbacksMs,
    double GeneratorMs,
    double WorkspaceMs,
    bool? GeneratorCached);

/// <summary>What the IDE mode measured.</summary>
internal sealed class IdeResult
{
    public int Lines { get; init; }
    public int Files { get; init; }
    public string Document { get; init; } = string.Empty;
    public int DocumentLines { get; init; }
    public int WarmUp { get; init; }
    public double OpenSeconds { get; init; }
    public List<EditRun> Edits { get; } = new();

    /// <summary>Per generator output step kind and reason, how many outputs over the measured edits.</summary>
    public Dictionary<string, int> GeneratorReasons { get; } = new(StringComparer.Ordinal);

    /// <summary>The same for the generator's tracked (named) steps: its inputs and the steps that carry a tracking name.</summary>
    public Dictionary<string, int> GeneratorStepReasons { get; } = new(StringComparer.Ordinal);
    public IReadOnlyDictionary<string, int> DewDiagnostics { get; set; } = new Dictionary<string, int>();
    public int CompilerErrorsAfter { get; set; }
    public int Exceptions { get; set; }
    public string? FirstException { get; set; }

    public double AddedP95Ms => IdeBenchmark.Percentile(Edits.Select(e => e.DewMs), 0.95) - IdeBenchmark.Percentile(Edits.Select(e => e.BaselineMs), 0.95);
}

/// <summary>
/// The IDE mode: the synthetic code base open in an <see cref="AdhocWorkspace"/>; one document with KMS error handling
/// is edited the way a user types (add a <c>case</c>, change its code literal, type a statement), and after each edit the
/// analyzers run on that document only, as an editor asks for them, and the generator takes its incremental step.
/// </summary>
internal static class IdeBenchmark
{
    /// <summary>Target: what DEW adds to an edit's p95 latency over the empty baseline.</summary>
    public const double MaxAddedP95Ms = 2.0;

    public static readonly string[] Kinds = { "add a case", "change a literal", "type a statement" };

    private const string CodeSwitch = "switch (e.ErrorCode)";
    private const string ConstructorStatement = "_log = log;";

    public static IdeResult? Run(Program.BenchmarkOptions options, AnalyzerPasses passes, CodeBaseGenerator codeBase, Stopwatch total)
    {
        var inv = CultureInfo.InvariantCulture;
        var files = codeBase.Generate(options.IdeLines);

        // The largest KMS caller with a statement switch over the code (the edits need its switch and constructor).
        var target = files
            .Where(f => f.Path.StartsWith("Security/", StringComparison.Ordinal) && f.Text.Contains("using HuaweiCloud.SDK.Kms.V2;", StringComparison.Ordinal)
                && f.Text.Contains(CodeSwitch, StringComparison.Ordinal) && f.Text.Contains(ConstructorStatement, StringComparison.Ordinal))
            .OrderByDescending(f => f.Lines)
            .FirstOrDefault();
        if (target is null)
        {
            Console.Error.WriteLine($"IDE mode: no KMS caller with `{CodeSwitch}` in the {options.IdeLines.ToString("N0", inv)}-line code base; use a larger --ide-lines.");
            return null;
        }

        Console.WriteLine($"IDE: opening {files.Sum(f => f.Lines).ToString("N0", inv)} lines in a workspace; editing {target.Path} ({target.Lines} lines), {options.Edits} edits  [{total.Elapsed.TotalSeconds:0}s]");
        var open = Stopwatch.StartNew();
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documents = files.Append(passes.Constants)
            .Select(f => DocumentInfo.Create(
                DocumentId.CreateNewId(projectId, f.Path),
                f.Path,
                loader: TextLoader.From(TextAndVersion.Create(SourceText.From(f.Text, Encoding.UTF8), VersionStamp.Create())),
                filePath: "/src/" + f.Path))
            .ToList();
        workspace.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Create(),
            "Contoso.Synthetic",
            "Contoso.Synthetic",
            LanguageNames.CSharp,
            compilationOptions: Workload.CompilationOptions,
            parseOptions: Workload.ParseOptions,
            documents: documents,
            metadataReferences: Workload.References));
        var documentId = documents[files.IndexOf(target)].Id;

        // Open: the full compilation, bound once (as the IDE's first background analysis does); its errors must be none.
        var compilation = Sync(workspace.CurrentSolution.GetProject(projectId)!.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"IDE mode: the code base has {errors.Count} compiler errors, e.g. {errors[0]}");
            return null;
        }

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { passes.Generator },
            parseOptions: Workload.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        open.Stop();

        var warmUp = 3 * Math.Max(2, options.Edits / 30);
        var result = new IdeResult
        {
            Lines = files.Sum(f => f.Lines),
            Files = files.Count,
            Document = target.Path,
            DocumentLines = target.Lines,
            WarmUp = warmUp,
            OpenSeconds = open.Elapsed.TotalSeconds,
        };
        var editor = new Editor();
        for (var i = 0; i < warmUp + options.Edits; i++)
        {
            var kind = i % Kinds.Length;
            var solution = workspace.CurrentSolution;
            var text = Sync(solution.GetDocument(documentId)!.GetTextAsync());
            if (!workspace.TryApplyChanges(solution.WithDocumentText(documentId, text.WithChanges(editor.Next(kind, text.ToString(), i)))))
            {
                throw new InvalidOperationException("The workspace refused the edit.");
            }

            var stopwatch = Stopwatch.StartNew();
            var document = workspace.CurrentSolution.GetDocument(documentId)!;
            var tree = Sync(document.GetSyntaxTreeAsync())!;
            compilation = Sync(document.Project.GetCompilationAsync())!;
            var workspaceMs = stopwatch.Elapsed.TotalMilliseconds;

            // DEW and the baseline each in a CompilationWithAnalyzers of their own on this snapshot, SamplesPerEdit times
            // each, which goes first alternating; the fastest of each side is the edit's time (the machine's noise only
            // ever adds). A full collection before each request, so a collection that other work made due does not land
            // in one side's time.
            DocumentRun? dew = null;
            DocumentRun? baseline = null;
            for (var sample = 0; sample < SamplesPerEdit; sample++)
            {
                if ((i + sample) % 2 == 0)
                {
                    dew = Fastest(dew, AnalyzeDocument(compilation, tree, passes.DewPass, passes));
                    baseline = Fastest(baseline, AnalyzeDocument(compilation, tree, passes.BaselinePass, passes));
                }
                else
                {
                    baseline = Fastest(baseline, AnalyzeDocument(compilation, tree, passes.BaselinePass, passes));
                    dew = Fastest(dew, AnalyzeDocument(compilation, tree, passes.DewPass, passes));
                }
            }

            stopwatch.Restart();
            driver = driver.RunGenerators(compilation);
            var generatorMs = stopwatch.Elapsed.TotalMilliseconds;
            var run = driver.GetRunResult().Results[0];
            var steps = Reasons(run.TrackedOutputSteps);
            bool? cached = steps.Count == 0 ? null : steps.All(s => s.EndsWith(" " + nameof(IncrementalStepRunReason.Cached), StringComparison.Ordinal) || s.EndsWith(" " + nameof(IncrementalStepRunReason.Unchanged), StringComparison.Ordinal));

            result.Exceptions += dew!.Exceptions + baseline!.Exceptions;
            result.FirstException ??= dew.FirstException ?? baseline.FirstException;
            result.DewDiagnostics = dew.Diagnostics;
            if (i < warmUp)
            {
                continue;
            }

            result.Edits.Add(new EditRun(kind, dew.WallMs, baseline.WallMs, dew.CallbacksMs, baseline.CallbacksMs, generatorMs, workspaceMs, cached));
            foreach (var step in steps)
            {
                result.GeneratorReasons[step] = result.GeneratorReasons.GetValueOrDefault(step) + 1;
            }

            foreach (var step in Reasons(run.TrackedSteps))
            {
                result.GeneratorStepReasons[step] = result.GeneratorStepReasons.GetValueOrDefault(step) + 1;
            }

            if (result.Edits.Count % 10 == 0 || result.Edits.Count == options.Edits)
            {
                var recent = result.Edits.Skip(Math.Max(0, result.Edits.Count - 10)).ToList();
                Console.WriteLine(
                    $"  edits {result.Edits.Count - recent.Count + 1}–{result.Edits.Count}: DEW p50 {Ms(Percentile(recent.Select(e => e.DewMs), 0.5))} ms, " +
                    $"baseline p50 {Ms(Percentile(recent.Select(e => e.BaselineMs), 0.5))} ms, generator p50 {Ms(Percentile(recent.Select(e => e.GeneratorMs), 0.5))} ms, " +
                    $"cached {recent.Count(e => e.GeneratorCached == true)}/{recent.Count}  [{total.Elapsed.TotalSeconds:0}s]");
            }
        }

        var last = workspace.CurrentSolution.GetDocument(documentId)!;
        result.CompilerErrorsAfter = Sync(last.GetSemanticModelAsync())!.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        return result;
    }

    /// <summary>The IDE mode's own report (<c>--ide</c>).</summary>
    public static string RenderDocument(Program.BenchmarkOptions options, DateTimeOffset started, TimeSpan elapsed, IdeResult r)
    {
        var s = new StringBuilder();
        Program.Report.AppendHeader(s, "# DewAnalyzers performance: IDE per-edit latency", options, started, elapsed);
        s.AppendLine();
        s.Append(RenderSection(r));
        return s.ToString();
    }

    /// <summary>The IDE section (also part of the full run's report).</summary>
    public static string RenderSection(IdeResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine($"## IDE: per-edit latency ({r.Lines.ToString("N0", inv)} lines, one document)").AppendLine();
        s.AppendLine($"- Workspace: `AdhocWorkspace` with the synthetic code base ({r.Files.ToString("N0", inv)} files and the generated constants), opened, compiled and bound once in {r.OpenSeconds.ToString("0.0", inv)} s (not part of the numbers).");
        s.AppendLine($"- Edited document: `{r.Document}` ({r.DocumentLines} lines before the edits; KMS calls with a switch over `e.ErrorCode`). {r.Edits.Count} measured edits after {r.WarmUp} warm-up edits, cycling: " +
            $"add a `case \"KMS.xxxx\":` before that switch's `default`, change the code literal of the case just added, type a statement into the constructor. Compiler errors in the document after the last edit: {r.CompilerErrorsAfter}.");
        s.AppendLine("- Per edit, on the workspace's new compilation: DEW (primer + DEW's analyzers) and the empty baseline (primer + the empty mirrors) each in a new `CompilationWithAnalyzers` (one per snapshot, as an IDE creates it; `concurrentAnalysis: false`), " +
            "asked for the document's `GetAnalyzerSyntaxDiagnosticsAsync(tree)` and `GetAnalyzerSemanticDiagnosticsAsync(semanticModel, filterSpan: null)`; each side " + SamplesPerEdit + " times per snapshot, which goes first alternating, and the fastest of each side is the edit's time (noise on this machine only adds); a full garbage collection precedes each request. " +
            "**Wall** is what that request takes (it includes binding the document in that instance, the same work for both); **callbacks** is the driver's execution-time telemetry of DEW's analyzers or the empty mirrors (primer excluded).");
        s.AppendLine("- Generator: one `GeneratorDriver` (`GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true)`) kept across the edits, `RunGenerators` on each new compilation; cached = every output of its tracked output steps is `Cached` or `Unchanged`.");
        s.AppendLine();
        s.AppendLine("| Per edit, ms | p50 | p95 | max |");
        s.AppendLine("|---|---:|---:|---:|");
        void Row(string name, Func<EditRun, double> value)
        {
            var values = r.Edits.Select(value).ToList();
            s.AppendLine($"| {name} | {Ms(Percentile(values, 0.5))} | {Ms(Percentile(values, 0.95))} | {Ms(values.DefaultIfEmpty(double.NaN).Max())} |");
        }

        Row("DEW: document diagnostics (wall)", e => e.DewMs);
        Row("Empty baseline: document diagnostics (wall)", e => e.BaselineMs);
        Row("DEW callbacks", e => e.DewCallbacksMs);
        Row("Empty baseline callbacks", e => e.BaselineCallbacksMs);
        Row("Generator incremental step", e => e.GeneratorMs);
        Row("Workspace: edited tree and new compilation (for scale)", e => e.WorkspaceMs);
        s.AppendLine();
        s.AppendLine("| Edit | Edits | DEW p50 | DEW p95 | Baseline p50 | Baseline p95 | DEW callbacks p95 | Baseline callbacks p95 |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (var kind = 0; kind < Kinds.Length; kind++)
        {
            var edits = r.Edits.Where(e => e.Kind == kind).ToList();
            s.AppendLine(
                $"| {Kinds[kind]} | {edits.Count} | {Ms(Percentile(edits.Select(e => e.DewMs), 0.5))} | {Ms(Percentile(edits.Select(e => e.DewMs), 0.95))} | " +
                $"{Ms(Percentile(edits.Select(e => e.BaselineMs), 0.5))} | {Ms(Percentile(edits.Select(e => e.BaselineMs), 0.95))} | " +
                $"{Ms(Percentile(edits.Select(e => e.DewCallbacksMs), 0.95))} | {Ms(Percentile(edits.Select(e => e.BaselineCallbacksMs), 0.95))} |");
        }

        var callbacksAdded = Percentile(r.Edits.Select(e => e.DewCallbacksMs), 0.95) - Percentile(r.Edits.Select(e => e.BaselineCallbacksMs), 0.95);
        s.AppendLine();
        s.AppendLine($"- DEW p95 − baseline p95 (wall): {Ms(r.AddedP95Ms)} ms: {Program.Report.Verdict(r.AddedP95Ms <= MaxAddedP95Ms)} (target ≤ {MaxAddedP95Ms.ToString("0", inv)} ms). The same for the callbacks: {Ms(callbacksAdded)} ms. " +
            $"For context, DEW − baseline on the same snapshot, per edit: p50 {Ms(Percentile(r.Edits.Select(e => e.DewMs - e.BaselineMs), 0.5))} ms, p95 {Ms(Percentile(r.Edits.Select(e => e.DewMs - e.BaselineMs), 0.95))} ms.");
        s.AppendLine($"- Generator steps cached on edits that do not touch catalogs: {CachedText(r)} (no edit here touches a catalog). Output steps over the measured edits: " +
            Summary(r.GeneratorReasons) + "; tracked steps: " + Summary(r.GeneratorStepReasons) + ".");
        s.AppendLine($"- DEW diagnostics in the document after the last edit: {(r.DewDiagnostics.Count == 0 ? "none" : string.Join(", ", r.DewDiagnostics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")))}" +
            (r.Exceptions > 0 ? $"; **{r.Exceptions} analyzer exceptions**, first: {r.FirstException}" : string.Empty) + ".");
        return s.ToString();
    }

    private static string Summary(Dictionary<string, int> reasons)
        => reasons.Count == 0 ? "none" : string.Join(", ", reasons.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} ×{p.Value}"));

    /// <summary>"yes (n of m)" when every measured edit's generator outputs were cached, else "no (n of m)".</summary>
    public static string CachedText(IdeResult r)
    {
        var cached = r.Edits.Count(e => e.GeneratorCached == true);
        return $"{(cached == r.Edits.Count && cached > 0 ? "yes" : "no")} ({cached} of {r.Edits.Count})";
    }

    /// <summary>The p-quantile with linear interpolation between the closest ranks (NaN when empty).</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((rank - low) * (sorted[high] - sorted[low]));
    }

    public static string Ms(double value) => value.ToString(Math.Abs(value) >= 100 ? "0" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>How many times each side analyzes one snapshot; the fastest counts.</summary>
    internal const int SamplesPerEdit = 3;

    /// <summary>The faster of two runs of one side on one snapshot, keeping the fastest callbacks and any exception seen.</summary>
    private static DocumentRun Fastest(DocumentRun? best, DocumentRun run)
        => best is null
            ? run
            : (run.WallMs < best.WallMs ? run : best) with
            {
                CallbacksMs = Math.Min(run.CallbacksMs, best.CallbacksMs),
                Exceptions = Math.Max(run.Exceptions, best.Exceptions),
                FirstException = best.FirstException ?? run.FirstException,
            };

    private sealed record DocumentRun(double WallMs, double CallbacksMs, IReadOnlyDictionary<string, int> Diagnostics, int Exceptions, string? FirstException);

    /// <summary>One document request in a new <see cref="CompilationWithAnalyzers"/>: syntax, then semantic diagnostics.</summary>
    private static DocumentRun AnalyzeDocument(Compilation compilation, SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerPasses passes)
    {
        var exceptions = 0;
        string? first = null;
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                passes.Options,
                onAnalyzerException: (exception, analyzer, _) =>
                {
                    Interlocked.Increment(ref exceptions);
                    first ??= analyzer.GetType().Name + ": " + exception.GetType().Name + ": " + exception.Message;
                },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false));
        var model = compilation.GetSemanticModel(tree);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var stopwatch = Stopwatch.StartNew();
        var syntax = Sync(withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None));
        var semantic = Sync(withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None));
        stopwatch.Stop();

        var callbacks = analyzers
            .Where(a => a != passes.Primer)
            .Sum(a => Sync(withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None)).ExecutionTime.TotalMilliseconds);
        var counts = syntax.Concat(semantic).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        return new DocumentRun(stopwatch.Elapsed.TotalMilliseconds, callbacks, counts, exceptions, first);
    }

    /// <summary>"step-name reason", once per output of each tracked step.</summary>
    private static List<string> Reasons(ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps)
        => steps.SelectMany(p => p.Value.SelectMany(step => step.Outputs.Select(o => p.Key + " " + o.Reason))).ToList();

    private static T Sync<T>(System.Threading.Tasks.Task<T> task) => task.GetAwaiter().GetResult();

    /// <summary>The edits, as text changes on the document's current text (so the workspace reparses incrementally).</summary>
    private sealed class Editor
    {
        private readonly ErrorCodeEntry[] _codes = ErrorCodeCatalog.BuiltIn.Entries.Where(e => e.Prefix == "KMS").ToArray();
        private int _nextCode;
        private string? _lastCase;

        public TextChange Next(int kind, string text, int n)
        {
            switch (kind)
            {
                case 0:
                {
                    // A new case before the default of the switch over the code.
                    var defaultLabel = text.IndexOf("default:", text.IndexOf(CodeSwitch, StringComparison.Ordinal), StringComparison.Ordinal);
                    var lineStart = text.LastIndexOf('\n', defaultLabel) + 1;
                    var indent = text.Substring(lineStart, defaultLabel - lineStart);
                    _lastCase = NextCode(text);
                    return new TextChange(new TextSpan(lineStart, 0), $"{indent}case {_lastCase}:\n{indent}    _log.Warn(\"added case {n}\");\n{indent}    return null;\n");
                }

                case 1:
                {
                    // The code literal of the case just added becomes another code.
                    var at = text.IndexOf("case " + _lastCase + ":", StringComparison.Ordinal) + "case ".Length;
                    var span = new TextSpan(at, _lastCase!.Length);
                    _lastCase = NextCode(text);
                    return new TextChange(span, _lastCase);
                }

                default:
                {
                    // A statement typed into the constructor.
                    var statement = text.IndexOf(ConstructorStatement, StringComparison.Ordinal);
                    var lineStart = text.LastIndexOf('\n', statement) + 1;
                    var indent = text.Substring(lineStart, statement - lineStart);
                    return new TextChange(new TextSpan(statement + ConstructorStatement.Length, 0), $"\n{indent}_log.Info(\"typed statement {n}\");");
                }
            }
        }

        /// <summary>The next documented KMS code (as a literal) not yet in the text, as a literal or its constant: no duplicate case label.</summary>
        private string NextCode(string text)
        {
            for (var i = 0; i < _codes.Length; i++)
            {
                var entry = _codes[_nextCode++ % _codes.Length];
                var literal = "\"" + entry.Code + "\"";
                if (!text.Contains(literal, StringComparison.Ordinal) && !text.Contains(CatalogConstants.DisplayName(entry), StringComparison.Ordinal))
                {
                    return literal;
                }
            }

            throw new InvalidOperationException("Every KMS code is already in the document.");
        }
    }
}
