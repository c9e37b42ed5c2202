using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers.Retry;

/// <summary>
/// The retry constructs DEW004 recognizes (docs/rules/DEW004.md), resolved by symbol once per compilation (<see cref="CompilationState"/>): the SDK's
/// <c>BaseInvoker.WithRetry</c>, Polly v7 <c>Handle/Or</c> chains ending in a retry, Polly v8
/// <c>RetryStrategyOptions.ShouldHandle</c>. Each family is off when its types are absent. Loops and named
/// predicates live in <see cref="RetryLoops"/> and <see cref="RetryNames"/>.
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
        var method = invocation.TargetMethod;
        if (method.Name == "WithRetry")
        {
            if (!OperationHelpers.DerivesFrom(method.ContainingType, BaseInvoker))
            {
                return false;
            }

            codes.AddDelegate(ArgumentAt(invocation, 0));
            return true;
        }

        if (!HasPolly7 || !IsPolly7RetryName(method.Name) || !method.IsExtensionMethod || method.Parameters.Length == 0
            || !IsOneOf(method.Parameters[0].Type.OriginalDefinition, PolicyBuilder, PolicyBuilderOfT))
        {
            return false;
        }

        var found = false;
        for (var link = OperationHelpers.Unwrap(ArgumentAt(invocation, 0)); link is IInvocationOperation step; link = OperationHelpers.Unwrap(step.Instance))
        {
            if (!IsOneOf(step.TargetMethod.ContainingType.OriginalDefinition, Policy, PolicyOfT, PolicyBuilder, PolicyBuilderOfT))
            {
                break;
            }

            AddDelegateArguments(step, codes);
            found = true;
        }

        return found;
    }

    /// <summary>For <c>options.ShouldHandle = ...</c> on Polly v8 retry options, adds the predicate builder's predicates or the lambda.</summary>
    public bool TryAddShouldHandle(ISimpleAssignmentOperation assignment, AdmittedCodes codes)
    {
        if (!HasPolly8 || assignment.Target is not IPropertyReferenceOperation { Property.Name: "ShouldHandle" } target
            || !OperationHelpers.DerivesFrom(target.Property.ContainingType, RetryStrategyOptionsOfT))
        {
            return false;
        }

        var value = OperationHelpers.Unwrap(assignment.Value);
        if (value is IInvocationOperation or IObjectCreationOperation && OperationHelpers.DerivesFrom(value.Type, PredicateBuilderOfT))
        {
            for (var link = value; link is IInvocationOperation step; link = OperationHelpers.Unwrap(step.Instance))
            {
                AddDelegateArguments(step, codes);
            }

            return true;
        }

        codes.AddDelegate(value);
        return true;
    }

    /// <summary><c>Retry</c>, <c>RetryAsync</c>, <c>RetryForever*</c>, <c>WaitAndRetry*</c>; not circuit breakers, fallbacks or timeouts.</summary>
    private static bool IsPolly7RetryName(string name)
        => name.StartsWith("Retry", System.StringComparison.Ordinal) || name.StartsWith("WaitAndRetry", System.StringComparison.Ordinal);

    private static void AddDelegateArguments(IInvocationOperation invocation, AdmittedCodes codes)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value.Type?.TypeKind == TypeKind.Delegate)
            {
                codes.AddDelegate(argument.Value);
            }
        }
    }

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
