using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
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
public sealed class MissingErrorCodeCaseAnalyzer : DewAnalyzer
{
    public MissingErrorCodeCaseAnalyzer()
        : base(Descriptors.MissingErrorCodeCase)
    {
    }

    /// <summary>The <c>.editorconfig</c> key (Roslyn lower-cases keys): <c>handle</c> (default) or <c>all</c>.</summary>
    public const string RequiredCodesOption = "dew003.required_codes";

    private const int ListedCodeCount = 3;

    private protected override void Register(CompilationStartAnalysisContext start, CompilationState state)
    {
        if (!state.Sdk.HasErrorCodes || !state.Sdk.HasClients)
        {
            return;
        }

        start.RegisterOperationAction(c => Analyze(c, state), OperationKind.Switch, OperationKind.SwitchExpression);
    }

    private static void Analyze(OperationAnalysisContext context, CompilationState state)
    {
        var operation = context.Operation;
        var value = HandlerSet.SwitchedValue(operation);
        if (context.IsGeneratedCode
            || value?.Type?.SpecialType != SpecialType.System_String
            || CalledOperations.EnclosingCatch(operation) is not { } innermostCatch
            || !state.ErrorCodes.TryGetAccess(value, context.CancellationToken, out var receiver)
            || !state.Calls.TryGetForCatch(innermostCatch, context.CancellationToken, out var catchClause, out var operations)
            || HandlerSet.From(operation, state.ErrorCodes, context.CancellationToken) is not { } handled
            || (handled.HasDefault && !handled.DefaultOnlyThrows))
        {
            return;
        }

        var includeAlso = IncludesAlsoTier(context, operation.Syntax.SyntaxTree);
        var statusClass = state.Sdk.StatusClassOf(receiver?.Type ?? catchClause.ExceptionType);
        var missing = Missing(operations, handled, state.Catalog, includeAlso, statusClass);
        if (missing.Count == 0)
        {
            return;
        }

        var location = SwitchKeyword(operation.Syntax);
        if (location is null || GeneratedCode.InGeneratedAccessor(context.ContainingSymbol))
        {
            return;
        }

        var properties = state.Constants.SuggestionProperties(missing)
            .Add(FixProperties.Comments, string.Join(FixProperties.CommentSeparator.ToString(), missing.Select(Comment)));
        if (handled.InsertionIndex(operation) is { } insertAt)
        {
            properties = properties.Add(FixProperties.InsertAt, insertAt.ToString(CultureInfo.InvariantCulture));
        }

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

    private static List<ErrorCodeEntry> Missing(ImmutableArray<OperationInfo> operations, HandlerSet handled, ErrorCodeCatalog catalog, bool includeAlso, int statusClass)
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

    private static void AddMissing(ImmutableArray<string> codes, HandlerSet handled, ErrorCodeCatalog catalog, int statusClass, HashSet<string> seen, List<ErrorCodeEntry> missing)
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
