using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DewAnalyzers.Benchmarks;

/// <summary>
/// Runs first in every analyzer pass and does, once per compilation, the compiler work that the first analyzer to ask
/// for any type would otherwise pay for alone: on a fresh compilation the first <c>GetTypeByMetadataName</c> binds the
/// references and builds the merged declaration table, which every build does anyway. It looks up <c>System.Object</c>
/// only; DEW's own look-ups (SDK, Polly, generated constants) stay in the DEW analyzers' times. Its time is reported on
/// its own ("shared setup"), so the per-analyzer figures do not depend on which analyzer happens to run first.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SymbolTablePrimer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_descriptor = new("PRIME", "Primer", "Primer", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start => start.Compilation.GetTypeByMetadataName("System.Object"));
    }
}
