using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DewAnalyzers.Benchmarks;

/// <summary>What one analyzer registers: action kinds with their syntax/operation/symbol kinds.</summary>
internal sealed class Registrations
{
    public List<ImmutableArray<SyntaxKind>> SyntaxNodeActions { get; } = new();
    public List<ImmutableArray<OperationKind>> OperationActions { get; } = new();
    public List<ImmutableArray<SymbolKind>> SymbolActions { get; } = new();
    public List<SymbolKind> SymbolStartActions { get; } = new();
    public int CompilationActions { get; set; }
    public int CompilationEndActions { get; set; }
    public int SemanticModelActions { get; set; }
    public int SyntaxTreeActions { get; set; }
    public int AdditionalFileActions { get; set; }
    public int CodeBlockActions { get; set; }
    public int CodeBlockStartActions { get; set; }
    public int OperationBlockActions { get; set; }
    public int OperationBlockStartActions { get; set; }

    /// <summary>The generated-code setting (decides whether the driver calls the analyzer in generated code).</summary>
    public GeneratedCodeAnalysisFlags GeneratedCode { get; set; } = GeneratedCodeAnalysisFlags.None;

    /// <summary>When recording failed (the analyzer threw or bailed out), the reason.</summary>
    public string? Problem { get; set; }

    public string Describe()
    {
        var parts = new List<string>();
        foreach (var kinds in SyntaxNodeActions)
        {
            parts.Add("syntax " + string.Join("/", kinds));
        }

        foreach (var kinds in OperationActions)
        {
            parts.Add("operation " + string.Join("/", kinds));
        }

        foreach (var kinds in SymbolActions)
        {
            parts.Add("symbol " + string.Join("/", kinds));
        }

        foreach (var kind in SymbolStartActions)
        {
            parts.Add("symbol-start " + kind);
        }

        void Add(int count, string name)
        {
            if (count > 0)
            {
                parts.Add(count == 1 ? name : $"{name} ×{count}");
            }
        }

        Add(CompilationActions, "compilation");
        Add(CompilationEndActions, "compilation-end");
        Add(SemanticModelActions, "semantic-model");
        Add(SyntaxTreeActions, "syntax-tree");
        Add(AdditionalFileActions, "additional-file");
        Add(CodeBlockActions, "code-block");
        Add(CodeBlockStartActions, "code-block-start");
        Add(OperationBlockActions, "operation-block");
        Add(OperationBlockStartActions, "operation-block-start");
        return parts.Count == 0 ? "(none)" : string.Join("; ", parts);
    }

    /// <summary>
    /// Runs <paramref name="analyzer"/>'s Initialize and its compilation-start actions against recording contexts on
    /// <paramref name="compilation"/>, so the baseline registers exactly what the real analyzer registers.
    /// </summary>
    public static Registrations Record(DiagnosticAnalyzer analyzer, Compilation compilation, AnalyzerOptions options)
    {
        var registrations = new Registrations();
        try
        {
            var context = new RecordingAnalysisContext(registrations);
            analyzer.Initialize(context);
            foreach (var start in context.CompilationStartActions)
            {
                start(new RecordingCompilationStartContext(registrations, compilation, options));
            }
        }
        catch (Exception e)
        {
            registrations.Problem = e.GetType().Name + ": " + e.Message;
        }

        return registrations;
    }

    private sealed class RecordingAnalysisContext : AnalysisContext
    {
        private readonly Registrations _r;

        public RecordingAnalysisContext(Registrations r) => _r = r;

        public List<Action<CompilationStartAnalysisContext>> CompilationStartActions { get; } = new();

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
            _r.GeneratedCode = analysisMode;
        }

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStartActions.Add(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _r.CompilationActions++;

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _r.SemanticModelActions++;

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _r.SymbolActions.Add(symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _r.SymbolStartActions.Add(symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _r.CodeBlockStartActions++;

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _r.CodeBlockActions++;

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _r.SyntaxTreeActions++;

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _r.AdditionalFileActions++;

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            => _r.SyntaxNodeActions.Add(ToSyntaxKinds(syntaxKinds));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _r.OperationActions.Add(operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _r.OperationBlockStartActions++;

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _r.OperationBlockActions++;
    }

    private sealed class RecordingCompilationStartContext : CompilationStartAnalysisContext
    {
        private readonly Registrations _r;

        public RecordingCompilationStartContext(Registrations r, Compilation compilation, AnalyzerOptions options)
            : base(compilation, options, CancellationToken.None)
            => _r = r;

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _r.CompilationEndActions++;

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _r.SemanticModelActions++;

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _r.SymbolActions.Add(symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _r.SymbolStartActions.Add(symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _r.CodeBlockStartActions++;

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _r.CodeBlockActions++;

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _r.SyntaxTreeActions++;

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _r.AdditionalFileActions++;

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            => _r.SyntaxNodeActions.Add(ToSyntaxKinds(syntaxKinds));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _r.OperationActions.Add(operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _r.OperationBlockStartActions++;

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _r.OperationBlockActions++;
    }

    private static ImmutableArray<SyntaxKind> ToSyntaxKinds<TLanguageKindEnum>(ImmutableArray<TLanguageKindEnum> kinds)
        where TLanguageKindEnum : struct
    {
        var builder = ImmutableArray.CreateBuilder<SyntaxKind>(kinds.Length);
        foreach (var kind in kinds)
        {
            builder.Add((SyntaxKind)(object)kind);
        }

        return builder.MoveToImmutable();
    }
}

/// <summary>
/// The floor: an analyzer that registers the same actions as one DEW analyzer (recorded by <see cref="Registrations.Record"/>)
/// inside a compilation-start action, with callbacks that do nothing. One instance mirrors one DEW analyzer, so the
/// baseline's total is what the analyzer driver charges for dispatching DEW's callbacks. Nested registrations of
/// operation-block-start and symbol-start actions are mirrored as empty start actions.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyBaselineAnalyzer : DiagnosticAnalyzer
{
    private readonly Registrations _registrations;
    private readonly DiagnosticDescriptor _descriptor;

    public EmptyBaselineAnalyzer(string mirrored, Registrations registrations)
    {
        Mirrored = mirrored;
        _registrations = registrations;
        _descriptor = new DiagnosticDescriptor("BASE" + (uint)mirrored.GetHashCode(), "Empty baseline", "Empty baseline", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);
    }

    /// <summary>The DEW analyzer this instance mirrors.</summary>
    public string Mirrored { get; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(_descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        var r = _registrations;
        context.ConfigureGeneratedCodeAnalysis(r.GeneratedCode);
        context.RegisterCompilationStartAction(start =>
        {
            foreach (var kinds in r.SyntaxNodeActions)
            {
                start.RegisterSyntaxNodeAction(static _ => { }, kinds);
            }

            foreach (var kinds in r.OperationActions)
            {
                start.RegisterOperationAction(static _ => { }, kinds);
            }

            foreach (var kinds in r.SymbolActions)
            {
                start.RegisterSymbolAction(static _ => { }, kinds);
            }

            foreach (var kind in r.SymbolStartActions)
            {
                start.RegisterSymbolStartAction(static _ => { }, kind);
            }

            for (var i = 0; i < r.CompilationEndActions; i++)
            {
                start.RegisterCompilationEndAction(static _ => { });
            }

            for (var i = 0; i < r.SemanticModelActions; i++)
            {
                start.RegisterSemanticModelAction(static _ => { });
            }

            for (var i = 0; i < r.SyntaxTreeActions; i++)
            {
                start.RegisterSyntaxTreeAction(static _ => { });
            }

            for (var i = 0; i < r.CodeBlockActions; i++)
            {
                start.RegisterCodeBlockAction(static _ => { });
            }

            for (var i = 0; i < r.CodeBlockStartActions; i++)
            {
                start.RegisterCodeBlockStartAction<SyntaxKind>(static _ => { });
            }

            for (var i = 0; i < r.OperationBlockActions; i++)
            {
                start.RegisterOperationBlockAction(static _ => { });
            }

            for (var i = 0; i < r.OperationBlockStartActions; i++)
            {
                start.RegisterOperationBlockStartAction(static _ => { });
            }
        });

        for (var i = 0; i < r.CompilationActions; i++)
        {
            context.RegisterCompilationAction(static _ => { });
        }
    }
}
