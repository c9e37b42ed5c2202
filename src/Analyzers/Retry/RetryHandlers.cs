using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers.Retry;

/// <summary>What decides which failures a delegate-configured retry retries.</summary>
internal enum RetryHandlerKind
{
    /// <summary>Polly builder steps: v7 <c>Handle&lt;T&gt;(p)</c>/<c>Or&lt;T&gt;</c>/<c>HandleInner</c>/<c>OrInner</c>/<c>HandleResult</c>…, v8 <c>PredicateBuilder</c> calls.</summary>
    Steps,

    /// <summary>The SDK's <c>WithRetry((response, exception) =&gt; …)</c>: called with <c>(null, exception)</c> after a failure.</summary>
    SdkCondition,

    /// <summary>Polly v8 <c>ShouldHandle = args =&gt; …</c>: the failure is <c>args.Outcome.Exception</c>.</summary>
    OutcomePredicate,
}

/// <summary>
/// The handlers of one retry construct that <see cref="RetryConstructs"/> recognized: the builder steps (outermost call
/// first) or the one condition delegate. DEW004 reads the codes their predicates admit (<see cref="AddTo"/>); DEW007 reads
/// which exceptions they admit whatever the code (<see cref="AdmittedErrors"/>).
/// </summary>
internal sealed class RetryHandlers
{
    private RetryHandlers(RetryHandlerKind kind, ImmutableArray<IInvocationOperation> steps, IOperation? condition)
    {
        Kind = kind;
        StepCalls = steps;
        ConditionValue = condition;
    }

    public RetryHandlerKind Kind { get; }

    /// <summary>The builder calls (<see cref="RetryHandlerKind.Steps"/>), outermost first; empty otherwise.</summary>
    public ImmutableArray<IInvocationOperation> StepCalls { get; }

    /// <summary>The condition delegate (a lambda, anonymous method or method group; null when absent).</summary>
    public IOperation? ConditionValue { get; }

    public static RetryHandlers Steps(ImmutableArray<IInvocationOperation> steps) => new(RetryHandlerKind.Steps, steps, null);

    public static RetryHandlers Condition(RetryHandlerKind kind, IOperation? condition) => new(kind, ImmutableArray<IInvocationOperation>.Empty, condition);

    /// <summary>Adds every predicate of the handlers to <paramref name="codes"/> (DEW004).</summary>
    public void AddTo(AdmittedCodes codes)
    {
        foreach (var step in StepCalls)
        {
            foreach (var argument in step.Arguments)
            {
                if (argument.Value.Type?.TypeKind == TypeKind.Delegate)
                {
                    codes.AddDelegate(argument.Value);
                }
            }
        }

        codes.AddDelegate(ConditionValue);
    }
}
