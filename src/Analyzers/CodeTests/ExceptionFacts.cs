using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// What a condition says about the exception a code is read from: its most derived type (catch type, <c>is</c> tests,
/// typed patterns) and its tested <c>HttpStatusCode</c> (in the same <c>&amp;&amp;</c> chain or property pattern). Read by DEW006
/// for a compared code and by DEW003 for a catch filter.
/// </summary>
internal sealed class ExceptionFacts
{
    private readonly SdkSymbols _sdk;

    private ExceptionFacts(SdkSymbols sdk) => _sdk = sdk;

    public ITypeSymbol? Type { get; private set; }

    public int? Status { get; private set; }

    public ISymbol? Instance { get; set; }

    /// <summary>The facts a catch clause establishes for its exception: the caught type, and its filter's type and status tests.</summary>
    public static ExceptionFacts OfCatch(ICatchClauseOperation catchClause, SdkSymbols sdk, CancellationToken cancellationToken)
    {
        var facts = new ExceptionFacts(sdk);
        facts.Narrow(catchClause.ExceptionType);
        facts.Instance = catchClause.Locals.IsEmpty ? null : catchClause.Locals[0];
        if (catchClause.Filter is { } filter)
        {
            facts.FromConjunctsOf(filter, cancellationToken);
        }

        return facts;
    }

    /// <summary>The facts the condition of <paramref name="test"/> establishes for the exception its code is read from.</summary>
    public static ExceptionFacts Of(ErrorCodeTest test, CompilationState state, CancellationToken cancellationToken)
    {
        var facts = new ExceptionFacts(state.Sdk);
        var errorCode = test.Subject;
        if (state.ErrorCodes.TryGetException(errorCode, cancellationToken, out var instance, out var type))
        {
            facts.Narrow(type);
            facts.Instance = instance;
        }
        else if (errorCode is IPropertyReferenceOperation { Parent: IPropertySubpatternOperation { Parent: IRecursivePatternOperation pattern } })
        {
            facts.FromPropertyPattern(pattern);
        }

        facts.FromConjuncts(TestOperation(test), cancellationToken);
        return facts;
    }

    /// <summary>The operation that stands for the test in its condition (a property subpattern's is its <c>is</c>).</summary>
    private static IOperation TestOperation(ErrorCodeTest test)
    {
        var operation = test.Operation;
        while (operation is IPropertySubpatternOperation or IPatternOperation)
        {
            operation = operation.Parent!;
        }

        return operation;
    }

    private void FromPropertyPattern(IRecursivePatternOperation pattern)
    {
        Narrow(pattern.MatchedType);
        foreach (var subpattern in pattern.PropertySubpatterns)
        {
            if (IsHttpStatus(subpattern.Member) && subpattern.Pattern is IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: int status } })
            {
                Status = status;
            }
        }

        if (pattern.Parent is IIsPatternOperation isPattern)
        {
            Narrow(isPattern.Value.Type);
            Instance = OperationHelpers.SymbolOf(isPattern.Value);
        }
    }

    /// <summary>The other operands of the <c>&amp;&amp;</c> chain the test is part of.</summary>
    private void FromConjuncts(IOperation test, CancellationToken cancellationToken)
    {
        if (Instance is null)
        {
            return;
        }

        var top = test;
        while (top.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd })
        {
            top = top.Parent;
        }

        if (top != test)
        {
            FromConjunctsOf(top, cancellationToken);
        }
    }

    /// <summary>The operands of the <c>&amp;&amp;</c> chain <paramref name="top"/> (itself when it is not one).</summary>
    private void FromConjunctsOf(IOperation top, CancellationToken cancellationToken)
    {
        if (Instance is null)
        {
            return;
        }

        foreach (var operation in top.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IIsTypeOperation isType when IsConjunct(isType, top) && IsInstance(isType.ValueOperand):
                    Narrow(isType.TypeOperand);
                    break;
                case IIsPatternOperation isPattern when IsConjunct(isPattern, top) && IsInstance(isPattern.Value):
                    Narrow(isPattern.Pattern switch
                    {
                        IDeclarationPatternOperation declaration => declaration.MatchedType,
                        ITypePatternOperation type => type.MatchedType,
                        IRecursivePatternOperation recursive => recursive.MatchedType,
                        _ => null,
                    });
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } binary when IsConjunct(binary, top):
                    FromStatusComparison(binary.LeftOperand, binary.RightOperand);
                    FromStatusComparison(binary.RightOperand, binary.LeftOperand);
                    break;
            }
        }
    }

    private void FromStatusComparison(IOperation property, IOperation value)
    {
        if (OperationHelpers.Unwrap(value)?.ConstantValue is not { HasValue: true, Value: int status })
        {
            return;
        }

        var access = OperationHelpers.Unwrap(property);
        if (access is IConditionalAccessOperation conditional && IsInstance(conditional.Operation) && IsHttpStatus(conditional.WhenNotNull))
        {
            Status = status;
        }
        else if (access is IPropertyReferenceOperation reference && IsHttpStatus(reference) && IsInstance(reference.Instance))
        {
            Status = status;
        }
    }

    /// <summary>True for an operand of the chain itself (not a comparison nested in a call or lambda inside it).</summary>
    private static bool IsConjunct(IOperation operation, IOperation top)
    {
        for (var current = operation.Parent; current is not null && current != top.Parent; current = current.Parent)
        {
            if (current is not IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd })
            {
                return false;
            }
        }

        return true;
    }

    private bool IsHttpStatus(IOperation? operation)
        => OperationHelpers.Unwrap(operation) is IPropertyReferenceOperation reference
            && _sdk.HttpStatusCodeProperty is not null
            && SymbolEqualityComparer.Default.Equals(reference.Property.OriginalDefinition, _sdk.HttpStatusCodeProperty);

    private bool IsInstance(IOperation? operation)
        => Instance is not null && SymbolEqualityComparer.Default.Equals(OperationHelpers.SymbolOf(operation), Instance);

    public void Narrow(ITypeSymbol? type)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return;
        }

        if (Type is null || OperationHelpers.DerivesFrom(type, Type as INamedTypeSymbol))
        {
            Type = type;
        }
    }
}
