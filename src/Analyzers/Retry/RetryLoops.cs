using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers.Retry;

/// <summary>
/// Hand-written retry loops: a <c>try</c> inside <c>for</c>/<c>while</c>/<c>do</c>/<c>foreach</c> whose <c>catch</c> selects a
/// code (by its <c>when</c> filter or an <c>if</c> in the handler) and lets the loop go round again: no
/// <c>throw</c>/<c>return</c>/<c>break</c> on that path (<c>continue</c> counts as a retry).
/// A <c>foreach</c> whose <c>try</c> uses the iteration variable walks items rather than retrying, and is skipped.
/// </summary>
internal static class RetryLoops
{
    /// <summary>Cheap test run before anything else on every <c>try</c>: it has handlers and sits in a loop (returned).</summary>
    public static bool MayRetry(ITryOperation tryOperation, out ILoopOperation loop)
    {
        loop = tryOperation.Catches.IsEmpty ? null! : EnclosingLoop(tryOperation)!;
        return loop is not null;
    }

    /// <summary>The codes the handlers of <paramref name="tryOperation"/> send round <paramref name="loop"/> (from <see cref="MayRetry"/>).</summary>
    public static void AddRetriedCodes(ITryOperation tryOperation, ILoopOperation loop, AdmittedCodes codes)
    {
        if (WalksItems(loop, tryOperation))
        {
            return;
        }

        foreach (var handler in tryOperation.Catches)
        {
            if (handler.Filter is not null && GoesRound(handler))
            {
                codes.AddRetriedCondition(handler.Filter, whenTrue: true, handler.Handler);
            }

            var statements = handler.Handler.Operations;
            for (var i = 0; i < statements.Length; i++)
            {
                if (statements[i] is not IConditionalOperation { } branch)
                {
                    continue;
                }

                // What runs before the next attempt: the statements before the branch, then the branch taken (or, when the
                // test fails and there is no else, the statements after it).
                var restExits = AnyExits(statements, i + 1);
                if (LetsLoopGoRound(branch.WhenTrue, restExits))
                {
                    codes.AddRetriedCondition(branch.Condition, whenTrue: true, Scopes(statements, i, branch.WhenTrue));
                }

                if (branch.WhenFalse is null ? !restExits && AlwaysExits(branch.WhenTrue) : LetsLoopGoRound(branch.WhenFalse, restExits))
                {
                    codes.AddRetriedCondition(branch.Condition, whenTrue: false, Scopes(statements, i, branch.WhenFalse));
                }
            }
        }
    }

    /// <summary>
    /// True when <paramref name="loop"/> runs <paramref name="tryOperation"/> again only after a failure (DEW007, which
    /// reports handlers that do not look at the code and so must not mistake a loop over items for a retry): the loop does
    /// not walk items, and the try block leaves the loop when it completes (<c>return</c>, <c>break</c>, <c>throw</c>) or
    /// sets a variable the loop's condition reads (<c>done = true</c>).
    /// </summary>
    public static bool RetriesAfterFailureOnly(ITryOperation tryOperation, ILoopOperation loop)
    {
        if (WalksItems(loop, tryOperation))
        {
            return false;
        }

        if (OperationHelpers.AlwaysLeaves(tryOperation.Body, continueLeaves: false))
        {
            return true;
        }

        var condition = loop switch
        {
            IForLoopOperation forLoop => forLoop.Condition,
            IWhileLoopOperation whileLoop => whileLoop.Condition,
            _ => null,
        };
        if (condition is null)
        {
            return false;
        }

        foreach (var operation in tryOperation.Body.Descendants())
        {
            if (operation is ISimpleAssignmentOperation assignment && OperationHelpers.SymbolOf(assignment.Target) is { } assigned)
            {
                foreach (var read in condition.DescendantsAndSelf())
                {
                    if (SymbolEqualityComparer.Default.Equals(OperationHelpers.SymbolOf(read), assigned))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>True when some path through the handler lets the loop go round (no <c>throw</c>/<c>return</c>/<c>break</c> on it).</summary>
    public static bool GoesRound(ICatchClauseOperation handler) => !AlwaysExits(handler.Handler);

    /// <summary>The statements other than the branch at <paramref name="index"/>, and the branch's taken arm (null: none).</summary>
    private static IOperation[] Scopes(System.Collections.Immutable.ImmutableArray<IOperation> statements, int index, IOperation? taken)
    {
        var scopes = new System.Collections.Generic.List<IOperation>(statements.Length);
        for (var i = 0; i < statements.Length; i++)
        {
            if (i != index)
            {
                scopes.Add(statements[i]);
            }
        }

        if (taken is not null)
        {
            scopes.Add(taken);
        }

        return scopes.ToArray();
    }

    private static bool LetsLoopGoRound(IOperation branch, bool restExits)
        => !AlwaysExits(branch) && (EndsWithContinue(branch) || !restExits);

    private static ILoopOperation? EnclosingLoop(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case ILoopOperation loop:
                    return loop;
                case IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation or ITryOperation:
                    return null;
            }
        }

        return null;
    }

    private static bool WalksItems(ILoopOperation loop, ITryOperation tryOperation)
    {
        if (loop is not IForEachLoopOperation || loop.Locals.IsEmpty)
        {
            return false;
        }

        foreach (var operation in tryOperation.Body.Descendants())
        {
            if (operation is ILocalReferenceOperation reference && loop.Locals.Contains(reference.Local))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some statement from <paramref name="start"/> on always leaves the loop.</summary>
    private static bool AnyExits(System.Collections.Immutable.ImmutableArray<IOperation> statements, int start)
        => OperationHelpers.AnyAlwaysLeaves(statements, start, continueLeaves: false);

    /// <summary>True when every path through <paramref name="operation"/> leaves the loop (throw, return, break, goto).</summary>
    private static bool AlwaysExits(IOperation? operation) => OperationHelpers.AlwaysLeaves(operation, continueLeaves: false);

    private static bool EndsWithContinue(IOperation? operation)
        => operation switch
        {
            IBranchOperation { BranchKind: BranchKind.Continue } => true,
            IBlockOperation { Operations.Length: > 0 } block => EndsWithContinue(block.Operations[block.Operations.Length - 1]),
            _ => false,
        };
}
