using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// DEW003: a switch over an error code, in a catch clause whose try block calls KMS/CSMS operations, that has no case for
/// codes those operations return (their <c>handle</c> tier; with <c>dew003.required_codes = all</c> also the <c>also</c>
/// tier), and no default arm that handles the rest (none, or one that only throws).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingErrorCodeCaseAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Per missing code, the comment the fix writes above the new case; separated by <see cref="CommentSeparator"/>.</summary>
    public const string CommentsProperty = "Comments";

    public const char CommentSeparator = '\n';

    /// <summary>The <c>.editorconfig</c> key (Roslyn lower-cases keys): <c>handle</c> (default) or <c>all</c>.</summary>
    public const string RequiredCodesOption = "dew003.required_codes";

    private const int ListedCodeCount = 3;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MissingErrorCodeCase);

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
            var constants = CatalogConstants.Create(start.Compilation, catalog, start.Options);
            var cache = CalledOperations.CreateCache();
            start.RegisterOperationAction(
                c => Analyze(c, sdk, catalog, constants, cache),
                OperationKind.Switch,
                OperationKind.SwitchExpression);
        });
    }

    private static void Analyze(
        OperationAnalysisContext context,
        SdkSymbols sdk,
        ErrorCodeCatalog catalog,
        CatalogConstants constants,
        ConcurrentDictionary<SyntaxNode, ImmutableArray<OperationInfo>> cache)
    {
        var operation = context.Operation;
        var value = HandledErrorCodes.SwitchedValue(operation);
        if (context.IsGeneratedCode
            || value?.Type?.SpecialType != SpecialType.System_String
            || CalledOperations.EnclosingCatch(operation) is not { } innermostCatch
            || !ErrorCodeExpressions.TryGetAccess(value, sdk, context.CancellationToken, out var receiver)
            || !CalledOperations.TryGetForCatch(innermostCatch, sdk, catalog, cache, context.CancellationToken, out var catchClause, out var operations)
            || HandledErrorCodes.From(operation, sdk, context.CancellationToken) is not { } handled
            || (handled.HasDefault && !handled.DefaultOnlyThrows))
        {
            return;
        }

        var includeAlso = IncludesAlsoTier(context, operation.Syntax.SyntaxTree);
        var status = StatusClassOf(receiver?.Type ?? catchClause.ExceptionType, sdk);
        var missing = Missing(operations, handled, catalog, includeAlso, status);
        if (missing.Count == 0)
        {
            return;
        }

        var location = SwitchKeyword(operation.Syntax);
        if (location is null || GeneratedCode.InGeneratedAccessor(context.ContainingSymbol))
        {
            return;
        }

        var properties = constants.SuggestionProperties(missing)
            .Add(CommentsProperty, string.Join(CommentSeparator.ToString(), missing.Select(Comment)));
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.MissingErrorCodeCase,
            location,
            properties,
            missing.Count,
            string.Join(", ", operations.Select(o => o.Name)),
            Describe(missing)));
    }

    private static bool IncludesAlsoTier(OperationAnalysisContext context, SyntaxTree tree)
        => context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(RequiredCodesOption, out var value)
            && string.Equals(value.Trim(), "all", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The HTTP status class the switched code can have: a <c>ClientRequestException</c> only carries 4xx codes and a
    /// <c>ServerResponseException</c> only 5xx codes (requiring the others would contradict DEW006). 0 = any.
    /// </summary>
    private static int StatusClassOf(ITypeSymbol? exceptionType, SdkSymbols sdk)
        => OperationHelpers.DerivesFrom(exceptionType, sdk.ClientRequestException) ? 4
            : OperationHelpers.DerivesFrom(exceptionType, sdk.ServerResponseException) ? 5
            : 0;

    private static List<ErrorCodeEntry> Missing(ImmutableArray<OperationInfo> operations, HandledErrorCodes handled, ErrorCodeCatalog catalog, bool includeAlso, int statusClass)
    {
        var missing = new List<ErrorCodeEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var info in operations)
        {
            AddMissing(info.Handle, handled, catalog, statusClass, seen, missing);
            if (includeAlso)
            {
                AddMissing(info.Also, handled, catalog, statusClass, seen, missing);
            }
        }

        return missing;
    }

    private static void AddMissing(ImmutableArray<string> codes, HandledErrorCodes handled, ErrorCodeCatalog catalog, int statusClass, HashSet<string> seen, List<ErrorCodeEntry> missing)
    {
        foreach (var code in codes)
        {
            if (seen.Add(code)
                && !handled.Handles(code)
                && catalog.TryGetEntry(code, out var entry)
                && (statusClass == 0 || entry.HttpStatus == 0 || entry.HttpStatus / 100 == statusClass))
            {
                missing.Add(entry);
            }
        }
    }

    private static string Describe(List<ErrorCodeEntry> missing)
    {
        var listed = string.Join(", ", missing.Take(ListedCodeCount).Select(e => e.CodeAndMessage));
        return missing.Count > ListedCodeCount ? $"{listed} and {missing.Count - ListedCodeCount} more" : listed;
    }

    private static string Comment(ErrorCodeEntry entry)
    {
        var measure = entry.Measure.Trim();
        var text = measure.Length == 0 ? $"{entry.Code}: {entry.Message.Trim()}" : $"{entry.Code}: {entry.Message.Trim()} Measure: {measure}";
        return text.Replace('\r', ' ').Replace('\n', ' ');
    }

    private static Location? SwitchKeyword(SyntaxNode syntax)
        => syntax switch
        {
            SwitchStatementSyntax statement => statement.SwitchKeyword.GetLocation(),
            SwitchExpressionSyntax expression => expression.SwitchKeyword.GetLocation(),
            _ => null,
        };
}
