using System.Threading;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// Which codes can reach a handler set in a catch clause: only codes of the caught type's status class (a
/// <c>ClientRequestException</c> carries 4xx codes), of the status its filter tests (<c>when (e.HttpStatusCode == 404)</c>),
/// and among the codes its filter tests (<c>when (e.ErrorCode == A || e.ErrorCode == B)</c>). DEW003 asks only for those.
/// </summary>
internal sealed class ReachingCodes
{
    private readonly int _statusClass;
    private readonly int? _status;
    private readonly HandlerSet? _filterCodes;

    private ReachingCodes(int statusClass, int? status, HandlerSet? filterCodes)
    {
        _statusClass = statusClass;
        _status = status;
        _filterCodes = filterCodes;
    }

    /// <summary>
    /// The codes that can reach <paramref name="handled"/> inside <paramref name="innermostCatch"/>. The filter narrows only
    /// when the set reads the code of the caught exception itself.
    /// </summary>
    public static ReachingCodes For(HandlerSet handled, ICatchClauseOperation innermostCatch, ICatchClauseOperation operationsCatch, CompilationState state, CancellationToken cancellationToken)
    {
        var exception = ExceptionOf(handled, state, cancellationToken, out var exceptionType);
        var statusClass = state.Sdk.StatusClassOf(exceptionType ?? operationsCatch.ExceptionType);
        var catchLocal = innermostCatch.Locals.IsEmpty ? null : innermostCatch.Locals[0];
        if (innermostCatch.Filter is null || catchLocal is null || !SymbolEqualityComparer.Default.Equals(exception, catchLocal))
        {
            return new ReachingCodes(statusClass, status: null, filterCodes: null);
        }

        var facts = ExceptionFacts.OfCatch(innermostCatch, state.Sdk, cancellationToken);
        if (statusClass == 0)
        {
            statusClass = state.Sdk.StatusClassOf(facts.Type);
        }

        return new ReachingCodes(statusClass, facts.Status, HandlerSet.FromFilter(innermostCatch, state.ErrorCodes, cancellationToken));
    }

    /// <summary>True when an exception carrying <paramref name="entry"/>'s code can get to the handler set.</summary>
    public bool CanReach(ErrorCodeEntry entry)
        => (_statusClass == 0 || entry.HttpStatus == 0 || entry.HttpStatus / 100 == _statusClass)
            && (_status is not { } status || entry.HttpStatus == 0 || entry.HttpStatus == status)
            && (_filterCodes is null || _filterCodes.Handles(entry.Code));

    /// <summary>The exception (variable) the set's codes are read from, and its static type.</summary>
    private static ISymbol? ExceptionOf(HandlerSet handled, CompilationState state, CancellationToken cancellationToken, out ITypeSymbol? type)
    {
        if (handled.Shape == HandlerShape.ExceptionSwitch)
        {
            type = handled.Subject.Type;
            return OperationHelpers.SymbolOf(handled.Subject);
        }

        state.ErrorCodes.TryGetException(handled.Subject, cancellationToken, out var instance, out type);
        return instance;
    }
}
