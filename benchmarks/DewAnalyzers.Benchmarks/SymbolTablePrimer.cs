using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DewAnalyzers.Benchmarks;

/// <summary>
/// Runs first in every analyzer pass and does, once per compilation, the symbol lookups that the first DEW analyzer
/// would otherwise pay for alone: <c>GetTypeByMetadataName</c> on a fresh compilation builds the merged declaration
/// table and the referenced assemblies' namespace symbols, compiler work that a build does anyway. Its time is reported
/// on its own ("shared setup"), so the per-analyzer figures show each analyzer's own work and do not depend on which
/// analyzer happens to run first.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SymbolTablePrimer : DiagnosticAnalyzer
{
    private static readonly string[] s_metadataNames =
    {
        "Polly.Policy", "Polly.Policy`1", "Polly.PolicyBuilder", "Polly.PolicyBuilder`1", "Polly.Retry.RetryStrategyOptions`1", "Polly.PredicateBuilder`1",
        "Dew.ErrorCodes.KmsErrorCodes", "Dew.ErrorCodes.CsmsErrorCodes", "Dew.ErrorCodes.DewErrorCodes",
    };

    private static readonly DiagnosticDescriptor s_descriptor = new("PRIME", "Primer", "Primer", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            SdkSymbols.Create(start.Compilation);
            foreach (var name in s_metadataNames)
            {
                start.Compilation.GetTypeByMetadataName(name);
            }
        });
    }
}
