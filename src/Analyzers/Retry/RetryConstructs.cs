using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers.Retry;

/// <summary>
/// The retry constructs DEW004 and DEW007 recognize (docs/rules/DEW004.md), resolved by symbol once per compilation (<see cref="CompilationState"/>): the SDK's
/// <c>BaseInvoker.WithRetry</c>, Polly v7 <c>Handle/Or</c> chains ending in a retry, Polly v8
/// <c>RetryStrategyOptions.ShouldHandle</c>. Each family is off when its types are absent. A construct is read into its
/// <see cref="RetryHandlers"/>: DEW004 collects the codes they admit, DEW007 asks whether they admit every code. Loops and
/// named predicates live in <see cref="RetryLoops"/> and <see cref="RetryNames"/>.
/// </summary>
internal sealed class RetryConstructs
{
    public RetryConstructs(Compilation compilation, SdkSymbols sdk)
    {
        BaseInvoker = sdk.BaseInvoker;
        var types = new KnownTypes(compilation, "Polly");
        Policy = types.Get("Polly.Policy");
        PolicyOfT = types.Get("Polly.Policy`1");
        PolicyBuilder = types.Get("Polly.PolicyBuilder");
        PolicyBuilderOfT = types.Get("Polly.PolicyBuilder`1");
        RetryStrategyOptionsOfT = types.Get("Polly.Retry.RetryStrategyOptions`1");
        PredicateBuilderOfT = types.Get("Polly.PredicateBuilder`1");
    }

    public INamedTypeSymbol? BaseInvoker { get; }

    public INamedTypeSymbol? Policy { get; }

    public INamedTypeSymbol? PolicyOfT { get; }

    public INamedTypeSymbol? PolicyBuilder { get; }

    public INamedTypeSymbol? PolicyBuilderOfT { get; }

    /// <summary><c>RetryStrategyOptions&lt;TResult&gt;</c>; the non-generic options derive from it and inherit <c>ShouldHandle</c>.</summary>
    public INamedTypeSymbol? RetryStrategyOptionsOfT { get; }

    /// <summary><c>PredicateBuilder&lt;TResult&gt;</c>; the non-generic builder derives from it.</summary>
    public INamedTypeSymbol? PredicateBuilderOfT { get; }

    public bool HasSdkRetry => BaseInvoker is not null;

    public bool HasPolly7 => PolicyBuilder is not null || PolicyBuilderOfT is not null;

    public bool HasPolly8 => RetryStrategyOptionsOfT is not null;

    /// <summary>
    /// Registers a rule's callbacks for the families present: <paramref name="invocation"/> on invocations (SDK
    /// <c>WithRetry</c>, Polly v7), <paramref name="shouldHandle"/> on assignments (Polly v8 <c>ShouldHandle</c>).
    /// </summary>
    public void RegisterActions(CompilationStartAnalysisContext start, Action<OperationAnalysisContext> invocation, Action<OperationAnalysisContext> shouldHandle)
    {
        if (HasSdkRetry || HasPolly7)
        {
            start.RegisterOperationAction(invocation, OperationKind.Invocation);
        }

        if (HasPolly8)
        {
            start.RegisterOperationAction(shouldHandle, OperationKind.SimpleAssignment);
        }
    }

    /// <summary>Cheap name test run before anything else on every invocation: <c>WithRetry</c> or a Polly v7 retry method.</summary>
    public bool MayConfigureRetry(IInvocationOperation invocation)
    {
        var name = invocation.TargetMethod.Name;
        return (HasSdkRetry && name == "WithRetry") || (HasPolly7 && IsPolly7RetryName(name));
    }

    /// <summary>Cheap test run before anything else on every assignment: <c>x.ShouldHandle = ...</c> with Polly v8 present.</summary>
    public bool MaySetShouldHandle(ISimpleAssignmentOperation assignment)
        => HasPolly8 && assignment.Target is IPropertyReferenceOperation { Property.Name: "ShouldHandle" };

    /// <summary>
    /// For an invocation that configures a retry, adds its condition(s) to <paramref name="codes"/>:
    /// <c>invoker.WithRetry(condition, n, backoff)</c> or a Polly v7 <c>Policy.Handle&lt;T&gt;(p).Or&lt;U&gt;(q).WaitAndRetry(...)</c>.
    /// </summary>
    public bool TryAddInvocation(IInvocationOperation invocation, AdmittedCodes codes)
    {
        if (!TryGetHandlers(invocation, out var handlers))
        {
            return false;
        }

        handlers.AddTo(codes);
        return true;
    }

    /// <summary>For <c>options.ShouldHandle = ...</c> on Polly v8 retry options, adds the predicate builder's predicates or the lambda.</summary>
    public bool TryAddShouldHandle(ISimpleAssignmentOperation assignment, AdmittedCodes codes)
    {
        if (!TryGetHandlers(assignment, out var handlers))
        {
            return false;
        }

        handlers.AddTo(codes);
        return true;
    }

    /// <summary>
    /// The handlers of an invocation that configures a retry: the condition of <c>invoker.WithRetry(condition, n, backoff)</c>,
    /// or the steps of a Polly v7 <c>Policy.Handle&lt;T&gt;(p).Or&lt;U&gt;(q)</c> chain ending in a retry. False for anything else.
    /// </summary>
    public bool TryGetHandlers(IInvocationOperation invocation, out RetryHandlers handlers)
    {
        handlers = null!;
        var method = invocation.TargetMethod;
        if (method.Name == "WithRetry")
        {
            if (!OperationHelpers.DerivesFrom(method.ContainingType, BaseInvoker))
            {
                return false;
            }

            handlers = RetryHandlers.Condition(RetryHandlerKind.SdkCondition, ArgumentAt(invocation, 0));
            return true;
        }

        if (!HasPolly7 || !IsPolly7RetryName(method.Name) || !method.IsExtensionMethod || method.Parameters.Length == 0
            || !IsOneOf(method.Parameters[0].Type.OriginalDefinition, PolicyBuilder, PolicyBuilderOfT))
        {
            return false;
        }

        var steps = ImmutableArray.CreateBuilder<IInvocationOperation>();
        for (var link = OperationHelpers.Unwrap(ArgumentAt(invocation, 0)); link is IInvocationOperation step; link = OperationHelpers.Unwrap(step.Instance))
        {
            if (!IsOneOf(step.TargetMethod.ContainingType.OriginalDefinition, Policy, PolicyOfT, PolicyBuilder, PolicyBuilderOfT))
            {
                break;
            }

            steps.Add(step);
        }

        handlers = RetryHandlers.Steps(steps.ToImmutable());
        return steps.Count > 0;
    }

    /// <summary>
    /// The handlers of <c>options.ShouldHandle = ...</c> on Polly v8 retry options: the predicate builder's steps, or the
    /// predicate itself. False for anything else (circuit breakers, fallbacks, hedging).
    /// </summary>
    public bool TryGetHandlers(ISimpleAssignmentOperation assignment, out RetryHandlers handlers)
    {
        handlers = null!;
        if (!HasPolly8 || assignment.Target is not IPropertyReferenceOperation { Property.Name: "ShouldHandle" } target
            || !OperationHelpers.DerivesFrom(target.Property.ContainingType, RetryStrategyOptionsOfT))
        {
            return false;
        }

        var value = OperationHelpers.Unwrap(assignment.Value);
        if (value is IInvocationOperation or IObjectCreationOperation && OperationHelpers.DerivesFrom(value.Type, PredicateBuilderOfT))
        {
            var steps = ImmutableArray.CreateBuilder<IInvocationOperation>();
            for (var link = value; link is IInvocationOperation step; link = OperationHelpers.Unwrap(step.Instance))
            {
                steps.Add(step);
            }

            handlers = RetryHandlers.Steps(steps.ToImmutable());
            return true;
        }

        handlers = RetryHandlers.Condition(RetryHandlerKind.OutcomePredicate, value);
        return true;
    }

    /// <summary><c>Retry</c>, <c>RetryAsync</c>, <c>RetryForever*</c>, <c>WaitAndRetry*</c>; not circuit breakers, fallbacks or timeouts.</summary>
    private static bool IsPolly7RetryName(string name)
        => name.StartsWith("Retry", System.StringComparison.Ordinal) || name.StartsWith("WaitAndRetry", System.StringComparison.Ordinal);

    private static IOperation? ArgumentAt(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static bool IsOneOf(ITypeSymbol type, params INamedTypeSymbol?[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate is not null && SymbolEqualityComparer.Default.Equals(type, candidate))
            {
                return true;
            }
        }

        return false;
    }
}
