using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DewAnalyzers;

/// <summary>
/// The base of every DEW rule: concurrent, out of generated code (<see cref="GeneratedCode"/>), and one compilation-start
/// action that hands the rule the compilation's shared <see cref="CompilationState"/>. A rule only says what it registers.
/// </summary>
public abstract class DewAnalyzer : DiagnosticAnalyzer
{
    private protected DewAnalyzer(DiagnosticDescriptor descriptor) => SupportedDiagnostics = ImmutableArray.Create(descriptor);

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start => Register(start, CompilationState.For(start.Compilation, start.Options, start.CancellationToken)));
    }

    /// <summary>Registers the rule's actions for one compilation; registers nothing when the compilation lacks what the rule needs.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext start, CompilationState state);
}
