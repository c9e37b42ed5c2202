using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers.Retry;

/// <summary>
/// Predicates that say what they are: methods named like <c>ShouldRetry</c>/<c>IsTransient</c>/<c>IsRetryable</c>/<c>CanRetry</c>
/// returning a bool, and string collections named like <c>RetryableCodes</c>/<c>TransientCodes</c>.
/// Names that negate (<c>ShouldNotRetry</c>, <c>NonTransientCodes</c>, <c>IsRetryExhausted</c>) are not predicates.
/// </summary>
internal static class RetryNames
{
    private static readonly string[] s_negations = { "not", "non", "never", "no", "dont", "cannot", "cant", "skip", "without", "exhausted", "un" };

    public static bool IsRetryName(string name)
    {
        if (!MentionsRetry(name))
        {
            return false;
        }

        if (name.IndexOf("nonretr", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("unretr", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("nontransient", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return false;
        }

        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || char.IsUpper(name[i]) || name[i] == '_' || char.IsDigit(name[i]))
            {
                if (IsNegation(name, start, i))
                {
                    return false;
                }

                start = i;
            }
        }

        return name.IndexOf("retry", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("retri", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("transient", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>
    /// The filter every method, field and local name goes through: does it contain <c>retr</c> or <c>transient</c> in any
    /// case? One pass over the characters, no culture or string-search machinery.
    /// </summary>
    private static bool MentionsRetry(string name)
    {
        for (var i = 0; i + 4 <= name.Length; i++)
        {
            var c = name[i] | 0x20;
            if (c == 'r' && (name[i + 1] | 0x20) == 'e' && (name[i + 2] | 0x20) == 't' && (name[i + 3] | 0x20) == 'r')
            {
                return true;
            }

            if (c == 't' && i + 9 <= name.Length && string.Compare(name, i, "transient", 0, 9, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <c>name[start..end]</c> (leading underscores ignored) is a negating word; no allocation.</summary>
    private static bool IsNegation(string name, int start, int end)
    {
        while (start < end && name[start] == '_')
        {
            start++;
        }

        var length = end - start;
        foreach (var negation in s_negations)
        {
            if (negation.Length == length && string.Compare(name, start, negation, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A method (or local function) named as a retry predicate that returns bool, <c>Task&lt;bool&gt;</c> or <c>ValueTask&lt;bool&gt;</c>.</summary>
    public static bool IsNamedPredicate(IMethodSymbol method)
        => IsRetryName(method.Name) && IsBoolean(method.ReturnType);

    /// <summary>
    /// A field, property or local named as a retry-code collection holding strings. The name comes first: it rejects
    /// almost every declaration, and a local's type is resolved only when asked for.
    /// </summary>
    public static bool IsNamedCodeCollection(ISymbol symbol)
        => IsRetryName(symbol.Name) && IsStringCollection(TypeOf(symbol));

    private static ITypeSymbol? TypeOf(ISymbol symbol)
        => symbol switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            ILocalSymbol local => local.Type,
            _ => null,
        };

    /// <summary>What a predicate returns: <c>bool</c>, <c>Task&lt;bool&gt;</c> or <c>ValueTask&lt;bool&gt;</c>.</summary>
    public static bool IsBoolean(ITypeSymbol? type)
        => type?.SpecialType == SpecialType.System_Boolean || IsBooleanTask(type);

    /// <summary><c>Task&lt;bool&gt;</c> or <c>ValueTask&lt;bool&gt;</c>.</summary>
    public static bool IsBooleanTask(ITypeSymbol? type)
        => type is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task
            && task.TypeArguments[0].SpecialType == SpecialType.System_Boolean;

    /// <summary>
    /// The condition a predicate result wraps: <c>x</c> of <c>ValueTask.FromResult(x)</c>, <c>Task.FromResult(x)</c> or
    /// <c>new ValueTask&lt;bool&gt;(x)</c> (Polly v8 predicates); null for anything else.
    /// </summary>
    public static IOperation? WrappedCondition(IOperation? operation)
        => operation switch
        {
            IInvocationOperation { Arguments.Length: 1 } invocation when IsBooleanTask(invocation.TargetMethod.ReturnType) => invocation.Arguments[0].Value,
            IObjectCreationOperation { Arguments.Length: 1 } creation when IsBooleanTask(creation.Type) => creation.Arguments[0].Value,
            _ => null,
        };

    /// <summary>True for Polly v8's <c>PredicateResult.True()</c> (a parameterless <c>True</c> returning a boolean task).</summary>
    public static bool IsTrueResult(IOperation? operation)
        => operation is IInvocationOperation { TargetMethod.Name: "True", Arguments.Length: 0 } invocation && IsBooleanTask(invocation.Type);

    /// <summary>True for Polly v8's <c>PredicateResult.False()</c>.</summary>
    public static bool IsFalseResult(IOperation? operation)
        => operation is IInvocationOperation { TargetMethod.Name: "False", Arguments.Length: 0 } invocation && IsBooleanTask(invocation.Type);

    private static bool IsStringCollection(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType.SpecialType == SpecialType.System_String;
        }

        // Names like "retries" or "retryCount" are common on counters: a special type (int, string...) or a non-generic
        // struct is never a collection of codes, and is rejected before its (long) interface list is built.
        if (type is null || IsScalar(type.SpecialType) || (type.IsValueType && type is not INamedTypeSymbol { IsGenericType: true }))
        {
            return false;
        }

        // List<string>, HashSet<string>, IReadOnlyList<string>…: decided on the generic definition, whose interface list
        // needs no substitution (a constructed type's AllInterfaces substitutes every interface on each call).
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
            && generic.TypeArguments[0].SpecialType == SpecialType.System_String
            && EnumeratesFirstTypeParameter(generic.OriginalDefinition))
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (@interface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                && @interface.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                return true;
            }
        }

        return type is INamedTypeSymbol { TypeKind: TypeKind.Interface, TypeArguments.Length: 1 } named && named.TypeArguments[0].SpecialType == SpecialType.System_String;
    }

    /// <summary>A special type other than the collection interfaces (<c>IEnumerable</c> … <c>IReadOnlyCollection&lt;T&gt;</c>).</summary>
    private static bool IsScalar(SpecialType type)
        => type != SpecialType.None && (type < SpecialType.System_Collections_IEnumerable || type > SpecialType.System_Collections_Generic_IReadOnlyCollection_T);

    /// <summary>True when a generic definition <c>C&lt;T&gt;</c> is or implements <c>IEnumerable&lt;T&gt;</c> of its own parameter.</summary>
    private static bool EnumeratesFirstTypeParameter(INamedTypeSymbol definition)
    {
        if (definition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
        {
            return true;
        }

        var parameter = definition.TypeParameters[0];
        foreach (var @interface in definition.AllInterfaces)
        {
            if (@interface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                && SymbolEqualityComparer.Default.Equals(@interface.TypeArguments[0], parameter))
            {
                return true;
            }
        }

        return false;
    }
}
