using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// if/else chains over one error code as handler sets, among the statements of a catch block:
/// <list type="bullet">
/// <item><see cref="HandlerShape.IfElseChain"/>: <c>if (c == A) … else if (c == B) … else …</c>;</item>
/// <item><see cref="HandlerShape.IfSequence"/>: <c>if (c == A) { …; return; } if (c == B) { …; return; } throw;</c>, each
/// branch leaving the catch, the <c>throw</c> ending the catch block.</item>
/// </list>
/// Every condition is a membership test (<see cref="ErrorCodeTest.IsMembership"/>) or a <c>||</c> of them, on one
/// error-code expression; a chain has at least two conditions (a single <c>if</c> is not a handler set).
/// </summary>
internal sealed partial class HandlerSet
{
    private const int MinChainLength = 2;

    /// <summary>The handler set among the top-level statements of <paramref name="catchClause"/>'s block, or null.</summary>
    public static HandlerSet? FromCatch(ICatchClauseOperation catchClause, ErrorCodeExpressions errorCodes, CancellationToken cancellationToken)
    {
        var statements = catchClause.Handler.Operations;
        for (var i = 0; i < statements.Length; i++)
        {
            if (statements[i] is IConditionalOperation { WhenFalse: not null } first && ReadElseChain(first, errorCodes, cancellationToken) is { } chain)
            {
                return chain.WithEarlierTests(statements, i, errorCodes, cancellationToken);
            }
        }

        return ReadSequence(statements, errorCodes, cancellationToken);
    }

    /// <summary>
    /// The codes tested on the same error-code expression by the <c>if</c> statements before the chain also count as
    /// handled: they never reach it. Null when an earlier <c>if</c> that leaves the block tests something else (a status,
    /// another expression): it may take codes the chain never sees.
    /// </summary>
    private HandlerSet? WithEarlierTests(ImmutableArray<IOperation> statements, int chainStart, ErrorCodeExpressions errorCodes, CancellationToken cancellationToken)
    {
        var earlier = new ChainReader(errorCodes, cancellationToken, Subject);
        for (var i = 0; i < chainStart; i++)
        {
            if (statements[i] is not IConditionalOperation conditional)
            {
                continue;
            }

            var leavesWhenTrue = OperationHelpers.AlwaysLeaves(conditional.WhenTrue, continueLeaves: true);
            var leaves = leavesWhenTrue || OperationHelpers.AlwaysLeaves(conditional.WhenFalse, continueLeaves: true);
            if (leaves && !(leavesWhenTrue && conditional.WhenFalse is null && earlier.AddCondition(conditional.Condition)))
            {
                return null;
            }
        }

        return earlier.IsEmpty ? this : earlier.AddTo(this);
    }

    /// <summary>
    /// The codes a catch filter lets through when it tests only codes of the caught exception, alone or as an operand of an
    /// <c>&amp;&amp;</c> chain (<c>when (e.ErrorCode == A || e.ErrorCode == B)</c>): a set with no default. Null otherwise.
    /// </summary>
    public static HandlerSet? FromFilter(ICatchClauseOperation catchClause, ErrorCodeExpressions errorCodes, CancellationToken cancellationToken)
    {
        var pending = new Stack<IOperation>();
        if (catchClause.Filter is { } filter)
        {
            pending.Push(filter);
        }

        while (pending.Count > 0)
        {
            var condition = OperationHelpers.Unwrap(pending.Pop())!;
            if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and)
            {
                pending.Push(and.RightOperand);
                pending.Push(and.LeftOperand);
                continue;
            }

            var reader = new ChainReader(errorCodes, cancellationToken);
            if (reader.AddCondition(condition))
            {
                return reader.Build(HandlerShape.CatchFilter, condition, defaultArm: null, defaultOnlyThrows: false);
            }
        }

        return null;
    }

    private static HandlerSet? ReadElseChain(IConditionalOperation first, ErrorCodeExpressions errorCodes, CancellationToken cancellationToken)
    {
        var chain = new ChainReader(errorCodes, cancellationToken);
        IOperation? current = first;
        var length = 0;
        while (current is IConditionalOperation conditional)
        {
            if (!chain.AddCondition(conditional.Condition))
            {
                return null;
            }

            length++;
            current = conditional.WhenFalse;
        }

        return length < MinChainLength || current is null
            ? null
            : chain.Build(HandlerShape.IfElseChain, first, current, OnlyThrows(ImmutableArray.Create(current)));
    }

    private static HandlerSet? ReadSequence(ImmutableArray<IOperation> statements, ErrorCodeExpressions errorCodes, CancellationToken cancellationToken)
    {
        if (statements.Length <= MinChainLength || !IsThrow(statements[statements.Length - 1]))
        {
            return null;
        }

        // The longest run of `if (test) { …; leave; }` statements right before the final throw.
        var start = statements.Length - 1;
        var chain = new ChainReader(errorCodes, cancellationToken);
        while (start > 0
            && statements[start - 1] is IConditionalOperation { WhenFalse: null } branch
            && OperationHelpers.AlwaysLeaves(branch.WhenTrue, continueLeaves: true)
            && chain.AddCondition(branch.Condition))
        {
            start--;
        }

        return statements.Length - 1 - start < MinChainLength
            ? null
            : chain.Build(HandlerShape.IfSequence, statements[start], statements[statements.Length - 1], defaultOnlyThrows: true)
                .WithEarlierTests(statements, start, errorCodes, cancellationToken);
    }

    /// <summary>Reads the conditions of a chain: membership tests on one error-code expression, joined by <c>||</c>.</summary>
    private sealed class ChainReader
    {
        private readonly ErrorCodeExpressions _errorCodes;
        private readonly CancellationToken _cancellationToken;
        private readonly List<IOperation> _codes = new();
        private readonly List<IOperation> _codesIgnoringCase = new();
        private IOperation? _subject;

        public ChainReader(ErrorCodeExpressions errorCodes, CancellationToken cancellationToken, IOperation? subject = null)
        {
            _errorCodes = errorCodes;
            _cancellationToken = cancellationToken;
            _subject = subject;
        }

        public bool IsEmpty => _codes.Count == 0 && _codesIgnoringCase.Count == 0;

        /// <summary>True when <paramref name="condition"/> only tests the chain's error-code expression for codes.</summary>
        public bool AddCondition(IOperation condition)
        {
            var (codes, codesIgnoringCase, subject) = (_codes.Count, _codesIgnoringCase.Count, _subject);
            if (Add(condition))
            {
                return true;
            }

            // All or nothing: a condition that also tests something else names no handled code.
            _codes.RemoveRange(codes, _codes.Count - codes);
            _codesIgnoringCase.RemoveRange(codesIgnoringCase, _codesIgnoringCase.Count - codesIgnoringCase);
            _subject = subject;
            return false;
        }

        private bool Add(IOperation condition)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            condition = OperationHelpers.Unwrap(condition)!;
            if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or)
            {
                return Add(or.LeftOperand) && Add(or.RightOperand);
            }

            if (ErrorCodeTest.Read(condition) is not { IsMembership: true } test || test.Admitted.IsEmpty)
            {
                return false;
            }

            if (_subject is null)
            {
                if (!_errorCodes.IsErrorCode(test.Subject, _cancellationToken))
                {
                    return false;
                }

                _subject = test.Subject;
            }
            else if (!SyntaxFactory.AreEquivalent(_subject.Syntax, test.Subject.Syntax))
            {
                return false;
            }

            AddCodes(test, _codes, _codesIgnoringCase);
            return true;
        }

        public HandlerSet Build(HandlerShape shape, IOperation first, IOperation? defaultArm, bool defaultOnlyThrows)
            => new(shape, first, _subject!, _codes, _codesIgnoringCase, defaultArm, defaultOnlyThrows);

        /// <summary><paramref name="set"/> with these codes handled too.</summary>
        public HandlerSet AddTo(HandlerSet set)
            => new(set.Shape, set.Operation, set.Subject, set.Codes.AddRange(Values(_codes)), set._codesIgnoringCase.AddRange(Values(_codesIgnoringCase)), set._families, set.DefaultArm, set.DefaultOnlyThrows);
    }
}
