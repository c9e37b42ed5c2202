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
/// DEW003: a handler set (<see cref="HandlerSet"/>: a switch over an error code or over the exception, an if/else chain
/// over one code) in a catch clause whose try block calls KMS/CSMS operations, that has no case for codes those operations
/// return (their <c>handle</c> tier; with <c>dew003.required_codes = all</c> also the <c>also</c> tier), and no default
/// that handles the rest (none, or one that only throws).
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

        start.RegisterOperationAction(c => AnalyzeSwitch(c, state), OperationKind.Switch, OperationKind.SwitchExpression);
        start.RegisterOperationAction(c => AnalyzeCatch(c, state), OperationKind.CatchClause);
    }

    private static void AnalyzeSwitch(OperationAnalysisContext context, CompilationState state)
    {
        var operation = context.Operation;
        if (context.IsGeneratedCode
            || !MaySwitchOverErrorCodes(operation, state.Sdk)
            || CalledOperations.EnclosingCatch(operation) is not { } innermostCatch
            || HandlerSet.FromSwitch(operation, state, context.CancellationToken) is not { } handled)
        {
            return;
        }

        Analyze(context, state, handled, innermostCatch);
    }

    /// <summary>if/else chains over one error code among the statements of a catch block.</summary>
    private static void AnalyzeCatch(OperationAnalysisContext context, CompilationState state)
    {
        var catchClause = (ICatchClauseOperation)context.Operation;
        if (context.IsGeneratedCode
            || catchClause.Handler.Operations.IsEmpty
            || HandlerSet.FromCatch(catchClause, state.ErrorCodes, context.CancellationToken) is not { } handled)
        {
            return;
        }

        Analyze(context, state, handled, catchClause);
    }

    /// <summary>Cheap first test: a switch over a string or over a class (an exception).</summary>
    private static bool MaySwitchOverErrorCodes(IOperation operation, SdkSymbols sdk)
    {
        return HandlerSet.SwitchedValue(operation)?.Type is { } type
            && (type.SpecialType == SpecialType.System_String || (type.TypeKind == TypeKind.Class && sdk.ServiceResponseException is not null));
    }

    private static void Analyze(OperationAnalysisContext context, CompilationState state, HandlerSet handled, ICatchClauseOperation innermostCatch)
    {
        if ((handled.HasDefault && !handled.DefaultOnlyThrows)
            || !state.Calls.TryGetForCatch(innermostCatch, context.CancellationToken, out var catchClause, out var operations))
        {
            return;
        }

        var includeAlso = IncludesAlsoTier(context, handled.Operation.Syntax.SyntaxTree);
        var reaching = ReachingCodes.For(handled, innermostCatch, catchClause, state, context.CancellationToken);
        var missing = Missing(operations, handled, state.Catalog, includeAlso, reaching);
        if (missing.Count == 0 || handled.ReportLocation() is not { } location || GeneratedCode.InGeneratedAccessor(context.ContainingSymbol))
        {
            return;
        }

        var properties = state.Constants.SuggestionProperties(missing)
            .Add(FixProperties.Comments, string.Join(FixProperties.CommentSeparator.ToString(), missing.Select(Comment)));
        if (handled.InsertionIndex() is { } insertAt)
        {
            properties = properties.Add(FixProperties.InsertAt, insertAt.ToString(CultureInfo.InvariantCulture));
            properties = handled.Shape switch
            {
                HandlerShape.ExceptionSwitch => properties.Add(FixProperties.CodeMember, "ErrorCode"),
                HandlerShape.IfElseChain or HandlerShape.IfSequence => properties.Add(FixProperties.Subject, handled.Subject.Syntax.ToString()),
                _ => properties,
            };
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.MissingErrorCodeCase,
            location,
            properties,
            missing.Count,
            string.Join(", ", operations.Select(o => o.Name)),
            Describe(missing) + InferredSuffix(operations)));
    }

    private static bool IncludesAlsoTier(OperationAnalysisContext context, SyntaxTree tree)
        => context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(RequiredCodesOption, out var value)
            && string.Equals(value.Trim(), "all", StringComparison.OrdinalIgnoreCase);

    private static List<ErrorCodeEntry> Missing(ImmutableArray<OperationInfo> operations, HandlerSet handled, ErrorCodeCatalog catalog, bool includeAlso, ReachingCodes reaching)
    {
        var missing = new List<ErrorCodeEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var info in operations)
        {
            AddMissing(info.Handle, handled, catalog, reaching, seen, missing);
            if (includeAlso)
            {
                AddMissing(info.Also, handled, catalog, reaching, seen, missing);
            }
        }

        return missing;
    }

    private static void AddMissing(ImmutableArray<string> codes, HandlerSet handled, ErrorCodeCatalog catalog, ReachingCodes reaching, HashSet<string> seen, List<ErrorCodeEntry> missing)
    {
        foreach (var code in codes)
        {
            if (seen.Add(code)
                && !handled.Handles(code)
                && catalog.TryGetEntry(code, out var entry)
                && reaching.CanReach(entry))
            {
                missing.Add(entry);
            }
        }
    }

    /// <summary>Says so when the codes asked for come from a code list inferred by analogy rather than documented.</summary>
    private static string InferredSuffix(ImmutableArray<OperationInfo> operations)
    {
        var inferred = operations.Where(o => o.IsInferred).Select(o => o.Name).ToList();
        return inferred.Count == 0 ? string.Empty : $" ({string.Join(", ", inferred)}: code list inferred, not documented)";
    }

    private static string Describe(List<ErrorCodeEntry> missing) => ErrorCodeEntry.Describe(missing, ListedCodeCount);

    private static string Comment(ErrorCodeEntry entry)
    {
        var measure = entry.Measure.Trim();
        var text = measure.Length == 0 ? $"{entry.Code}: {entry.Message.Trim()}" : $"{entry.Code}: {entry.Message.Trim()} Measure: {measure}";
        return text.Replace('\r', ' ').Replace('\n', ' ');
    }
}
