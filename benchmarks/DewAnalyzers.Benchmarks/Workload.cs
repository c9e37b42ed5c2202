using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers.Benchmarks;

/// <summary>Result of one analyzer pass.</summary>
internal sealed record AnalyzerRun(
    double WallMs,
    IReadOnlyDictionary<DiagnosticAnalyzer, double> ExecutionMs,
    IReadOnlyDictionary<string, int> DiagnosticCounts,
    int AnalyzerExceptions,
    string? FirstException,
    MemoryUse Memory);

/// <summary>Managed memory during a pass: bytes allocated, and the managed heap's peak above its size before the pass.</summary>
internal readonly record struct MemoryUse(long AllocatedBytes, long PeakHeapAddedBytes);

/// <summary>The compilation inputs for one code-base size and the passes measured on it.</summary>
internal sealed class Workload
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);
    private static readonly CSharpCompilationOptions s_compilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        concurrentBuild: false,
        nullableContextOptions: NullableContextOptions.Disable);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() => LoadReferences(withSdk: true));
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_referencesWithoutSdk = new(() => LoadReferences(withSdk: false));

    private readonly List<SourceFile> _files;
    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly ImmutableArray<MetadataReference> _references;

    /// <param name="files">The user code.</param>
    /// <param name="generatedConstants">The generator's output as a build has it; null for code that has none (the no-SDK variant).</param>
    /// <param name="withSdk">Whether the compilation references the SDK stand-in (<see cref="References"/> or <see cref="ReferencesWithoutSdk"/>).</param>
    public Workload(List<SourceFile> files, SourceFile? generatedConstants, bool withSdk = true)
    {
        _files = new List<SourceFile>(files);
        if (generatedConstants is not null)
        {
            _files.Add(generatedConstants);
        }

        Lines = files.Sum(f => f.Lines);
        Files = files.Count;
        _references = withSdk ? References : ReferencesWithoutSdk;
        _trees = Parse(_files);
        UserTrees = _trees.Take(files.Count).ToImmutableArray();
    }

    /// <summary>Lines of user code (the generated constants file is not counted).</summary>
    public int Lines { get; }

    /// <summary>Files of user code (the generated constants file is not counted).</summary>
    public int Files { get; }

    private ImmutableArray<SyntaxTree> UserTrees { get; }

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary><see cref="References"/> without the SDK stand-in (runtime, Polly 7, Polly.Core 8).</summary>
    public static ImmutableArray<MetadataReference> ReferencesWithoutSdk => s_referencesWithoutSdk.Value;

    public static CSharpParseOptions ParseOptions => s_parseOptions;

    public static CSharpCompilationOptions CompilationOptions => s_compilationOptions;

    public static CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree> trees, bool withSdk = true)
        => CSharpCompilation.Create("Contoso.Synthetic", trees, withSdk ? References : ReferencesWithoutSdk, s_compilationOptions);

    /// <summary>Compiler errors of the code (must be none in the synthetic code for the numbers to mean anything).</summary>
    public ImmutableArray<Diagnostic> CompilerErrors()
        => Compile(_trees).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    /// <summary>Compiler alone: parse every file, then bind and report diagnostics (no emit), single-threaded.</summary>
    public (double Ms, MemoryUse Memory) MeasureCompiler()
    {
        using var sampler = MemorySampler.Start();
        var stopwatch = Stopwatch.StartNew();
        var trees = Parse(_files);
        var diagnostics = Compile(trees).GetDiagnostics();
        stopwatch.Stop();
        GC.KeepAlive(diagnostics);
        return (stopwatch.Elapsed.TotalMilliseconds, sampler.Stop());
    }

    /// <summary>
    /// The analyzers on a fresh compilation of the already parsed trees, sequentially (concurrentAnalysis: false, so
    /// each analyzer's execution time is its own single-threaded cost), with the driver's execution-time telemetry.
    /// </summary>
    public AnalyzerRun MeasureAnalyzers(ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
        => MeasureAnalyzers(Compile(_trees), analyzers, options);

    /// <summary>
    /// <see cref="MeasureAnalyzers(ImmutableArray{DiagnosticAnalyzer}, AnalyzerOptions)"/> on trees parsed anew (untimed), as
    /// a build has them: what DEW keeps per syntax tree (whether a file can hold a catalog code, asked only without the
    /// SDK) is not found from an earlier repeat.
    /// </summary>
    public AnalyzerRun MeasureAnalyzersOnNewTrees(ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
        => MeasureAnalyzers(Compile(Parse(_files)), analyzers, options);

    /// <summary><see cref="MeasureAnalyzers(ImmutableArray{DiagnosticAnalyzer}, AnalyzerOptions)"/> on a given (fresh) compilation.</summary>
    public static AnalyzerRun MeasureAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
    {
        var exceptions = 0;
        string? first = null;
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (exception, analyzer, _) =>
                {
                    Interlocked.Increment(ref exceptions);
                    first ??= analyzer.GetType().Name + ": " + exception.GetType().Name + ": " + exception.Message;
                },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false));

        using var sampler = MemorySampler.Start();
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        stopwatch.Stop();
        var memory = sampler.Stop();

        var times = new Dictionary<DiagnosticAnalyzer, double>();
        foreach (var analyzer in analyzers)
        {
            var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
            times[analyzer] = telemetry.ExecutionTime.TotalMilliseconds;
        }

        var counts = diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        return new AnalyzerRun(stopwatch.Elapsed.TotalMilliseconds, times, counts, exceptions, first, memory);
    }

    /// <summary>The source generator on the user trees (what it adds to every build), timed by the generator driver.</summary>
    public (double WallMs, double DriverMs) MeasureGenerator(ISourceGenerator generator)
    {
        var compilation = Compile(UserTrees);
        var stopwatch = Stopwatch.StartNew();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { generator }, parseOptions: s_parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        stopwatch.Stop();
        GC.KeepAlive(output);
        return (stopwatch.Elapsed.TotalMilliseconds, driver.GetTimingInfo().ElapsedTime.TotalMilliseconds);
    }

    /// <summary>Runs the generator once on an empty compilation and returns its output as a source file.</summary>
    public static SourceFile GeneratedConstants(ISourceGenerator generator)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { generator }, parseOptions: s_parseOptions);
        driver = driver.RunGenerators(CreateCompilation(Array.Empty<SyntaxTree>()));
        var source = driver.GetRunResult().GeneratedTrees.Single().GetText().ToString();
        return new SourceFile("obj/generated/DewErrorCodes.g.cs", source, source.Count(c => c == '\n') + 1);
    }

    private CSharpCompilation Compile(IEnumerable<SyntaxTree> trees)
        => CSharpCompilation.Create("Contoso.Synthetic", trees, _references, s_compilationOptions);

    private static ImmutableArray<SyntaxTree> Parse(List<SourceFile> files)
    {
        var builder = ImmutableArray.CreateBuilder<SyntaxTree>(files.Count);
        foreach (var file in files)
        {
            builder.Add(CSharpSyntaxTree.ParseText(SourceText.From(file.Text, System.Text.Encoding.UTF8), s_parseOptions, "/src/" + file.Path));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>The running runtime's reference set (its own directory's assemblies), the SDK stand-in (unless not <paramref name="withSdk"/>) and Polly v7 + v8.</summary>
    private static ImmutableArray<MetadataReference> LoadReferences(bool withSdk)
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var paths = trusted
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal) && IsManaged(p))
            .ToList();
        if (withSdk)
        {
            paths.Add(typeof(HuaweiCloud.SDK.Core.ServiceResponseException).Assembly.Location);
        }

        paths.Add(typeof(Polly.Policy).Assembly.Location);
        paths.Add(typeof(Polly.ResiliencePipeline).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}

/// <summary>Samples the managed heap size every few milliseconds while a pass runs (best effort).</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly long _before;
    private readonly long _allocatedBefore;
    private readonly Thread _thread;
    private long _peak;
    private volatile bool _stop;

    private MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _before = GC.GetTotalMemory(forceFullCollection: false);
        _peak = _before;
        _allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        _thread = new Thread(Run) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public static MemorySampler Start() => new();

    public MemoryUse Stop()
    {
        _stop = true;
        _thread.Join();
        Sample();
        return new MemoryUse(GC.GetTotalAllocatedBytes(precise: true) - _allocatedBefore, Math.Max(0, _peak - _before));
    }

    public void Dispose()
    {
        _stop = true;
    }

    private void Run()
    {
        while (!_stop)
        {
            Sample();
            Thread.Sleep(5);
        }
    }

    private void Sample()
    {
        var now = GC.GetTotalMemory(forceFullCollection: false);
        if (now > Interlocked.Read(ref _peak))
        {
            Interlocked.Exchange(ref _peak, now);
        }
    }
}
