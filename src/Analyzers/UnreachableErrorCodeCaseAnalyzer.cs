using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// DEW005: inside a catch whose try block calls KMS/CSMS operations, a case label, pattern, <c>when</c> test or
/// comparison for a catalog code that none of those operations can return (in any tier), or a code of the other service.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnreachableErrorCodeCaseAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: what the fix removes — <see cref="RemoveLabel"/>, <see cref="RemoveArm"/> or <see cref="RemovePatternOperand"/>; absent when no fix applies.</summary>
    public const string RemovalProperty = "Removal";

    /// <summary>Property: the code, for the fix title.</summary>
    public const string CodeProperty = "Code";

    public const string RemoveLabel = "Label";
    public const string RemoveArm = "Arm";
    public const string RemovePatternOperand = "PatternOperand";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnreachableErrorCodeCase);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            var sdk = SdkSymbols.Create(start.Compilation);
            if (!sdk.HasErrorCodes || !sdk.HasClients)
            {
                return;
            }

            var catalog = CustomCatalogs.GetCatalog(start.Options.AdditionalFiles, start.CancellationToken);
            var cache = CalledOperations.CreateCache();
            ComparedErrorCodes.RegisterConstantAction(start, (in OperationAnalysisContext c, IOperation constant) => Analyze(in c, constant, catalog, sdk, cache));
        });
    }

    private static void Analyze(in OperationAnalysisContext context, IOperation constant, ErrorCodeCatalog catalog, SdkSymbols sdk, ConcurrentDictionary<SyntaxNode, ImmutableArray<OperationInfo>> cache)
    {
        if (!ComparedErrorCodes.TryGetCatalogCode(constant, catalog, out var entry)
            || CalledOperations.EnclosingCatch(constant) is not { } innermostCatch
            || ErrorCodeExpressions.FindComparedErrorCode(constant, sdk, context.CancellationToken) is null
            || !CalledOperations.TryGetForCatch(innermostCatch, sdk, catalog, cache, context.CancellationToken, out _, out var operations)
            || Unreachable(entry, operations) is not { } reason
            || GeneratedCode.InGeneratedAccessor(context.ContainingSymbol))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(CodeProperty, entry.Code);
        if (RemovalOf(constant) is { } removal)
        {
            properties = properties.Add(RemovalProperty, removal);
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.UnreachableErrorCodeCase,
            constant.Syntax.GetLocation(),
            properties,
            entry.Code,
            entry.Message.Trim().TrimEnd('.'),
            string.Join(", ", operations.Select(o => o.Name)),
            reason));
    }

    /// <summary>
    /// Null when some called operation can return the code (or the catalog cannot tell); otherwise the message suffix.
    /// Tiers only know built-in codes: a custom code of a called service is never reported.
    /// </summary>
    private static string? Unreachable(ErrorCodeEntry entry, ImmutableArray<OperationInfo> operations)
    {
        var sameService = false;
        foreach (var operation in operations)
        {
            if (operation.Service != entry.Prefix)
            {
                continue;
            }

            sameService = true;
            if (operation.CanReturn(entry.Code))
            {
                return null;
            }
        }

        if (!sameService)
        {
            return IsServicePrefix(entry.Prefix, operations) ? $" (a {entry.Prefix} code; the try block calls only {OtherServices(entry.Prefix, operations)} operations)" : null;
        }

        return ErrorCodeCatalog.BuiltIn.Contains(entry.Code) ? " in any documented tier" : null;
    }

    /// <summary>True for a service prefix (KMS, CSMS); a user catalog's own prefix says nothing about SDK operations.</summary>
    private static bool IsServicePrefix(string prefix, ImmutableArray<OperationInfo> operations)
        => prefix is "KMS" or "CSMS" && operations.Length > 0;

    private static string OtherServices(string prefix, ImmutableArray<OperationInfo> operations)
        => string.Join("/", operations.Select(o => o.Service).Where(s => s != prefix).Distinct());

    /// <summary>What removing this code from its switch/pattern means syntactically; null when only a rewrite of the condition could.</summary>
    private static string? RemovalOf(IOperation constant)
    {
        return OperationHelpers.WithConversions(constant).Parent switch
        {
            ISingleValueCaseClauseOperation => RemoveLabel,
            IConstantPatternOperation { Parent: IPatternCaseClauseOperation } => RemoveLabel,
            IConstantPatternOperation { Parent: ISwitchExpressionArmOperation } => RemoveArm,
            IConstantPatternOperation { Parent: IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } } => RemovePatternOperand,
            _ => null,
        };
    }
}
