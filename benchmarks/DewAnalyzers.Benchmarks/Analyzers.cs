using System;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DewAnalyzers.Benchmarks;

/// <summary>What every mode measures: DEW's analyzers, their empty mirrors, the primer, the generator and its constants.</summary>
internal sealed class AnalyzerPasses
{
    public AnalyzerPasses()
    {
        Dew = AnalyzerSets.Dew();
        Generator = AnalyzerSets.Generator();
        Options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        Constants = Workload.GeneratedConstants(Generator);
        BaselineSet = AnalyzerSets.Baseline(Dew, Workload.CreateCompilation(Array.Empty<SyntaxTree>()), Options);
        Baseline = BaselineSet.Select(b => (DiagnosticAnalyzer)b.Baseline).ToImmutableArray();
        BaselinePass = Baseline.Insert(0, Primer);
        CombinedPass = BaselinePass.AddRange(Dew);
        DewPass = Dew.Insert(0, Primer);
    }

    public ImmutableArray<DiagnosticAnalyzer> Dew { get; }

    public ISourceGenerator Generator { get; }

    public AnalyzerOptions Options { get; }

    /// <summary>The generator's output on an empty compilation: the constants file a build adds to the user's code.</summary>
    public SourceFile Constants { get; }

    /// <summary>Per DEW analyzer: its registrations on a compilation that references the SDK, and its empty mirror.</summary>
    public ImmutableArray<(DiagnosticAnalyzer Dew, Registrations Registrations, EmptyBaselineAnalyzer Baseline)> BaselineSet { get; }

    /// <summary>The empty mirrors: the same baseline in every mode and code base.</summary>
    public ImmutableArray<DiagnosticAnalyzer> Baseline { get; }

    public SymbolTablePrimer Primer { get; } = new();

    /// <summary>Primer, then the empty baseline.</summary>
    public ImmutableArray<DiagnosticAnalyzer> BaselinePass { get; }

    /// <summary>Primer, empty baseline, then DEW: one pass times both on the same compilation state.</summary>
    public ImmutableArray<DiagnosticAnalyzer> CombinedPass { get; }

    /// <summary>Primer, then DEW (the IDE mode runs DEW and the baseline in separate instances).</summary>
    public ImmutableArray<DiagnosticAnalyzer> DewPass { get; }
}

/// <summary>The analyzer sets under measurement.</summary>
internal static class AnalyzerSets
{
    /// <summary>Every analyzer type in the DewAnalyzers assembly (so rules added later are measured without edits).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Dew()
        => typeof(UndocumentedErrorCodeAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static ISourceGenerator Generator() => new ErrorCodeConstantsGenerator().AsSourceGenerator();

    /// <summary>One empty analyzer per DEW analyzer, registering what that analyzer registers on <paramref name="compilation"/>.</summary>
    public static ImmutableArray<(DiagnosticAnalyzer Dew, Registrations Registrations, EmptyBaselineAnalyzer Baseline)> Baseline(
        ImmutableArray<DiagnosticAnalyzer> dew, Compilation compilation, AnalyzerOptions options)
        => dew.Select(a =>
        {
            var registrations = Registrations.Record(a, compilation, options);
            return (a, registrations, new EmptyBaselineAnalyzer(a.GetType().Name, registrations));
        }).ToImmutableArray();

    /// <summary>The peer's analyzers, loaded from its NuGet package (the folder for the newest Roslyn not newer than ours).</summary>
    public static (ImmutableArray<DiagnosticAnalyzer> Analyzers, string Description) Peer()
    {
        var packageDirectory = typeof(AnalyzerSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "PeerPackageDirectory")?.Value;
        if (string.IsNullOrEmpty(packageDirectory) || !Directory.Exists(packageDirectory))
        {
            return (ImmutableArray<DiagnosticAnalyzer>.Empty, "peer package not restored");
        }

        var roslyn = typeof(Compilation).Assembly.GetName().Version!;
        var folder = Directory.GetDirectories(Path.Combine(packageDirectory, "analyzers", "dotnet"))
            .Select(d => (Path: d, Version: ParseRoslynFolder(Path.GetFileName(d))))
            .Where(d => d.Version is not null && d.Version <= roslyn)
            .OrderByDescending(d => d.Version)
            .Select(d => d.Path)
            .FirstOrDefault()
            ?? Path.Combine(packageDirectory, "analyzers", "dotnet");
        var dll = Directory.GetFiles(folder, "*.dll", SearchOption.AllDirectories)
            .First(p => !p.Contains("CodeFix", StringComparison.OrdinalIgnoreCase) && p.Contains(Path.DirectorySeparatorChar + "cs" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        var reference = new AnalyzerFileReference(dll, new Loader());
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        var version = Path.GetFileName(packageDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return (analyzers, $"{reference.Display} {version} ({Path.GetFileName(folder)})");
    }

    private static Version? ParseRoslynFolder(string name)
        => name.StartsWith("roslyn", StringComparison.Ordinal) && Version.TryParse(name.Substring(6), out var v) ? new Version(v.Major, v.Minor, 0, 0) : null;

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    public static string Ms(double value) => value.ToString(value >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);
}
