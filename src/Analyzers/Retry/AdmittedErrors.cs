using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers.Retry;

/// <summary>
/// Does a retry handler admit service errors whatever their code (DEW007)? A handler does when its exception type takes a
/// <c>ClientRequestException</c> (the type every 4xx code arrives as) and its condition — a Polly predicate, a
/// <c>WithRetry</c> condition, a <c>catch</c> filter and the handler's own branches — holds for one without looking at it
/// beyond its type and null-ness. A condition that reads anything else of the exception (<c>ErrorCode</c>,
/// <c>HttpStatusCode</c>, a message, a method it is passed to) may restrict the codes and is not blind: precision first,
/// such handlers are DEW004's. The answer is the type the handler admits the error as (the most derived type a test
/// admitted it by, else the handler's type), or null.
/// </summary>
internal sealed class AdmittedErrors
{
    private readonly SdkSymbols _sdk;
    private readonly ErrorCodeExpressions _errorCodes;
    private readonly CancellationToken _cancellationToken;

    public AdmittedErrors(CompilationState state, CancellationToken cancellationToken)
    {
        _sdk = state.Sdk;
        _errorCodes = state.ErrorCodes;
        _cancellationToken = cancellationToken;
    }

    /// <summary>How a condition evaluates for a <c>ClientRequestException</c> of any code.</summary>
    private enum Truth
    {
        False,

        True,

        /// <summary>True or false by something other than the exception (an attempt counter, a flag): blind to the code.</summary>
        Gated,

        /// <summary>Depends on the exception beyond its type, or cannot be read.</summary>
        Unknown,
    }

    /// <summary>
    /// A Polly builder step <c>Handle&lt;T&gt;(p?)</c>, <c>Or&lt;T&gt;</c>, <c>HandleInner&lt;T&gt;</c>, <c>OrInner&lt;T&gt;</c> (v7 and
    /// v8): the admitted type when the step takes a client error and its predicate, if any, is blind to the code.
    /// </summary>
    public ITypeSymbol? OfStep(IInvocationOperation step)
    {
        if (step.TargetMethod is not { Name: "Handle" or "Or" or "HandleInner" or "OrInner", TypeArguments.Length: 1 } method
            || !TakesClientErrors(method.TypeArguments[0]))
        {
            return null;
        }

        ITypeSymbol admitted = method.TypeArguments[0];
        foreach (var argument in step.Arguments)
        {
            if (argument.Value.Type?.TypeKind != TypeKind.Delegate)
            {
                continue;
            }

            if (OperationHelpers.LambdaOf(argument.Value) is not { Symbol.Parameters.Length: 1 } function)
            {
                return null;
            }

            var scope = new Scope(function.Body);
            scope.Exceptions.Add(function.Symbol.Parameters[0]);
            if (!IsAdmitted(EvaluateBody(function.Body, scope)))
            {
                return null;
            }

            admitted = scope.Tested ?? admitted;
        }

        return admitted;
    }

    /// <summary>
    /// A condition delegate: <c>WithRetry((response, exception) =&gt; …)</c> or Polly v8 <c>ShouldHandle = args =&gt; …</c>. The
    /// admitted type, and the boolean expression a fix can narrow (null when the body has another shape).
    /// </summary>
    public ITypeSymbol? OfCondition(RetryHandlerKind kind, IOperation? condition, out IOperation? narrowable)
    {
        narrowable = null;
        if (OperationHelpers.LambdaOf(condition) is not { } function)
        {
            return null;
        }

        var parameters = function.Symbol.Parameters;
        var scope = new Scope(function.Body);
        switch (kind)
        {
            case RetryHandlerKind.SdkCondition when parameters.Length == 2:
                scope.Response = parameters[0];
                scope.Exceptions.Add(parameters[1]);
                scope.ExceptionType = parameters[1].Type;
                break;
            case RetryHandlerKind.OutcomePredicate when parameters.Length == 1:
                scope.Arguments = parameters[0];
                break;
            default:
                return null;
        }

        if (!IsAdmitted(EvaluateBody(function.Body, scope)) || (scope.Tested ?? scope.ExceptionType) is not { } admitted || !TakesClientErrors(admitted))
        {
            return null;
        }

        narrowable = ReturnedValue(function.Body) is { } returned
            ? (kind == RetryHandlerKind.OutcomePredicate ? RetryNames.WrappedCondition(OperationHelpers.Unwrap(returned)) : returned)
            : null;
        return admitted;
    }

    /// <summary>
    /// The <c>catch</c> clauses of a retry loop's <c>try</c> (<see cref="RetryLoops"/>) that let the loop go round for client
    /// errors of every code, with the type each admits them as. A clause is blind when it takes a client error, its filter
    /// is blind to the code, and no branch of its handler that leaves or continues the loop looks at the exception. The
    /// clauses after one that takes every client error, or that selects client errors by reading the exception, are not
    /// reached by every code and are left out.
    /// </summary>
    public List<(ICatchClauseOperation Clause, ITypeSymbol Admitted)> OfCatches(ITryOperation tryOperation)
    {
        var blind = new List<(ICatchClauseOperation, ITypeSymbol)>();
        foreach (var catchClause in tryOperation.Catches)
        {
            if (!TakesClientErrors(catchClause.ExceptionType))
            {
                continue;
            }

            var exception = (catchClause.ExceptionDeclarationOrExpression as IVariableDeclaratorOperation)?.Symbol;
            var admitted = (ITypeSymbol)catchClause.ExceptionType;
            var filter = Truth.True;
            if (catchClause.Filter is not null)
            {
                var scope = new Scope(catchClause.Filter);
                AddException(scope, exception);
                filter = Evaluate(catchClause.Filter, scope);
                admitted = scope.Tested ?? admitted;
            }

            if (IsAdmitted(filter) && RetryLoops.GoesRound(catchClause) && !HandlerReadsError(catchClause.Handler, exception))
            {
                blind.Add((catchClause, admitted));
            }

            if (filter is Truth.True or Truth.Unknown)
            {
                break;
            }
        }

        return blind;
    }

    /// <summary>True when a branch of the handler that leaves or continues the loop depends on the exception.</summary>
    private bool HandlerReadsError(IBlockOperation handler, ISymbol? exception)
    {
        var scope = new Scope(handler);
        AddException(scope, exception);
        foreach (var operation in OperationHelpers.DescendantsOutsideFunctions(handler, _cancellationToken))
        {
            var decides = operation switch
            {
                IConditionalOperation conditional when Exits(conditional.WhenTrue) || Exits(conditional.WhenFalse) => conditional.Condition,
                ISwitchOperation switchStatement => switchStatement.Value,
                _ => null,
            };
            if (decides is not null && ReadsError(decides, scope))
            {
                return true;
            }
        }

        return false;
    }

    private bool Exits(IOperation? branch)
    {
        if (branch is null)
        {
            return false;
        }

        foreach (var operation in OperationHelpers.DescendantsOutsideFunctions(branch, _cancellationToken))
        {
            if (operation is IThrowOperation or IReturnOperation or IBranchOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when an exception of <paramref name="type"/> can be a client error (4xx): the type is one of its bases.</summary>
    private bool TakesClientErrors(ITypeSymbol? type) => _sdk.ClientRequestException is { } client && OperationHelpers.DerivesFrom(client, type as INamedTypeSymbol);

    private static bool IsAdmitted(Truth truth) => truth is Truth.True or Truth.Gated;

    private static void AddException(Scope scope, ISymbol? exception)
    {
        if (exception is not null)
        {
            scope.Exceptions.Add(exception);
        }
    }

    /// <summary>The value of a body that is one <c>return</c> (every expression-bodied lambda), else null.</summary>
    private static IOperation? ReturnedValue(IBlockOperation body)
        => body.Operations.Length == 1 && body.Operations[0] is IReturnOperation { ReturnedValue: { } value } ? value : null;

    private Truth EvaluateBody(IBlockOperation body, Scope scope)
        => ReturnedValue(body) is { } value ? Evaluate(value, scope) : Truth.Unknown;

    private Truth Evaluate(IOperation? operation, Scope scope)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        operation = UnwrapConversions(operation);
        if (operation is null)
        {
            return Truth.Unknown;
        }

        if (operation.ConstantValue is { HasValue: true, Value: bool constant })
        {
            return constant ? Truth.True : Truth.False;
        }

        switch (operation)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Not(Evaluate(not.Operand, scope));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } both when IsBoolean(both):
                return And(Evaluate(both.LeftOperand, scope), Evaluate(both.RightOperand, scope));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } either when IsBoolean(either):
                return Or(Evaluate(either.LeftOperand, scope), Evaluate(either.RightOperand, scope));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                when NullTest(comparison, scope) is { } isNull:
                return comparison.OperatorKind == BinaryOperatorKind.Equals ? isNull : Not(isNull);
            case IIsTypeOperation { IsNegated: var negated } typeTest when IsException(typeTest.ValueOperand, scope):
                var tested = TypeTest(typeTest.TypeOperand, scope);
                return negated ? Not(tested) : tested;
            case IIsPatternOperation pattern when IsException(pattern.Value, scope):
                return Pattern(pattern.Pattern, scope);
            case IIsPatternOperation pattern when IsResponse(pattern.Value, scope):
                return pattern.Pattern is IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: null } } ? Truth.True : Truth.Unknown;
            case ISwitchExpressionOperation switchExpression when IsException(switchExpression.Value, scope):
                return Arms(switchExpression, scope);
            case IConditionalOperation { WhenFalse: not null } ternary:
                return Ternary(Evaluate(ternary.Condition, scope), ternary.WhenTrue, ternary.WhenFalse, scope);
            case var _ when RetryNames.IsTrueResult(operation):
                return Truth.True;
            case var _ when RetryNames.IsFalseResult(operation):
                return Truth.False;
            case var _ when RetryNames.WrappedCondition(operation) is { } wrapped:
                return Evaluate(wrapped, scope);
            default:
                return ReadsError(operation, scope) ? Truth.Unknown : Truth.Gated;
        }
    }

    private Truth Ternary(Truth condition, IOperation whenTrue, IOperation whenFalse, Scope scope)
        => condition switch
        {
            Truth.True => Evaluate(whenTrue, scope),
            Truth.False => Evaluate(whenFalse, scope),
            Truth.Gated when Evaluate(whenTrue, scope) is var left && left == Evaluate(whenFalse, scope) => left,
            _ => Truth.Unknown,
        };

    /// <summary>A switch expression over the exception: the value of the first arm its pattern takes a client error by.</summary>
    private Truth Arms(ISwitchExpressionOperation switchExpression, Scope scope)
    {
        foreach (var arm in switchExpression.Arms)
        {
            var matches = Pattern(arm.Pattern, scope);
            if (matches == Truth.False)
            {
                continue;
            }

            if (matches != Truth.True || (arm.Guard is not null && Evaluate(arm.Guard, scope) != Truth.True))
            {
                return Truth.Unknown;
            }

            return Evaluate(arm.Value, scope);
        }

        return Truth.False;
    }

    private Truth Pattern(IPatternOperation? pattern, Scope scope)
    {
        switch (pattern)
        {
            case IDeclarationPatternOperation declaration:
                AddException(scope, declaration.DeclaredSymbol);
                return declaration.MatchesNull || declaration.MatchedType is null ? Truth.True : TypeTest(declaration.MatchedType, scope);
            case ITypePatternOperation type:
                return TypeTest(type.MatchedType, scope);
            case IRecursivePatternOperation recursive when recursive.PropertySubpatterns.IsEmpty && recursive.DeconstructionSubpatterns.IsEmpty:
                AddException(scope, recursive.DeclaredSymbol);
                return TypeTest(recursive.MatchedType, scope);
            case IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: null } }:
                return Truth.False;
            case INegatedPatternOperation negated:
                return Not(Pattern(negated.Pattern, scope));
            case IBinaryPatternOperation binary:
                var left = Pattern(binary.LeftPattern, scope);
                var right = Pattern(binary.RightPattern, scope);
                return binary.OperatorKind == BinaryOperatorKind.And ? And(left, right) : Or(left, right);
            case IDiscardPatternOperation:
                return Truth.True;
            default:
                return Truth.Unknown;
        }
    }

    /// <summary>Does a client error pass <c>is <paramref name="type"/></c>? Remembers the most derived type it passed.</summary>
    private Truth TypeTest(ITypeSymbol? type, Scope scope)
    {
        if (!TakesClientErrors(type))
        {
            return Truth.False;
        }

        if (scope.Tested is null || OperationHelpers.DerivesFrom(type, scope.Tested as INamedTypeSymbol))
        {
            scope.Tested = type;
        }

        return Truth.True;
    }

    /// <summary>For <c>x == null</c>: true/false when x is the exception (never null) or WithRetry's response (always null).</summary>
    private static Truth? NullTest(IBinaryOperation comparison, Scope scope)
    {
        IOperation tested;
        if (IsNullConstant(comparison.RightOperand))
        {
            tested = comparison.LeftOperand;
        }
        else if (IsNullConstant(comparison.LeftOperand))
        {
            tested = comparison.RightOperand;
        }
        else
        {
            return null;
        }

        return IsException(tested, scope) ? Truth.False : IsResponse(tested, scope) ? Truth.True : null;
    }

    private static bool IsNullConstant(IOperation operation) => UnwrapConversions(operation)?.ConstantValue is { HasValue: true, Value: null };

    /// <summary>The handled exception: its variable, a pattern variable declared on it, or Polly v8's <c>args.Outcome.Exception</c>.</summary>
    private static bool IsException(IOperation? operation, Scope scope)
    {
        operation = UnwrapConversions(operation);
        if (operation is IPropertyReferenceOperation { Property.Name: "Exception", Instance: IPropertyReferenceOperation { Property.Name: "Outcome", Instance: var arguments } } outcome
            && scope.Arguments is not null
            && SymbolEqualityComparer.Default.Equals(OperationHelpers.SymbolOf(arguments), scope.Arguments))
        {
            scope.ExceptionType ??= outcome.Type;
            return true;
        }

        return OperationHelpers.SymbolOf(operation) is { } symbol && scope.Exceptions.Contains(symbol);
    }

    private static bool IsResponse(IOperation? operation, Scope scope)
        => scope.Response is not null && SymbolEqualityComparer.Default.Equals(OperationHelpers.SymbolOf(operation), scope.Response);

    /// <summary>
    /// True when <paramref name="operation"/> may read the exception beyond a type or null test: it refers to the exception
    /// or a parameter of the handler, to a variable declared inside the handler, or reads an error code or status.
    /// </summary>
    private bool ReadsError(IOperation operation, Scope scope)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IParameterReferenceOperation parameter when scope.Exceptions.Contains(parameter.Parameter)
                    || SymbolEqualityComparer.Default.Equals(parameter.Parameter, scope.Response)
                    || SymbolEqualityComparer.Default.Equals(parameter.Parameter, scope.Arguments):
                    return true;
                case ILocalReferenceOperation local when scope.Exceptions.Contains(local.Local) || scope.Declares(local.Local):
                    return true;
                case IPropertyReferenceOperation property when _errorCodes.IsErrorCode(property, _cancellationToken)
                    || ReferenceEquals(property.Property.OriginalDefinition, _sdk.HttpStatusCodeProperty)
                    || SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, _sdk.HttpStatusCodeProperty):
                    return true;
                case IFieldReferenceOperation field when _errorCodes.IsErrorCode(field, _cancellationToken):
                    return true;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.PatternInput }:
                    return true;
            }
        }

        return false;
    }

    private static Truth Not(Truth truth) => truth switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => truth };

    private static Truth And(Truth left, Truth right)
        => left == Truth.False || right == Truth.False ? Truth.False
            : left == Truth.Unknown || right == Truth.Unknown ? Truth.Unknown
            : left == Truth.True && right == Truth.True ? Truth.True
            : Truth.Gated;

    private static Truth Or(Truth left, Truth right)
        => left == Truth.True || right == Truth.True ? Truth.True
            : left == Truth.Unknown || right == Truth.Unknown ? Truth.Unknown
            : left == Truth.False && right == Truth.False ? Truth.False
            : Truth.Gated;

    private static bool IsBoolean(IBinaryOperation operation) => operation.Type?.SpecialType == SpecialType.System_Boolean;

    /// <summary>Conversions, except <c>as</c> (a failed <c>as</c> is null, so it is not the exception).</summary>
    private static IOperation? UnwrapConversions(IOperation? operation)
    {
        while (operation is IConversionOperation { IsTryCast: false } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>What a condition is evaluated against.</summary>
    private sealed class Scope
    {
        private readonly IOperation _root;

        public Scope(IOperation root) => _root = root;

        /// <summary>The variables that hold the handled exception (its parameter or catch variable, pattern variables on it).</summary>
        public HashSet<ISymbol> Exceptions { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>WithRetry's response parameter: null whenever the condition sees an exception.</summary>
        public ISymbol? Response { get; set; }

        /// <summary>Polly v8's <c>args</c>: <c>args.Outcome.Exception</c> is the exception.</summary>
        public ISymbol? Arguments { get; set; }

        /// <summary>The exception's static type where the handler does not name one (WithRetry, Polly v8).</summary>
        public ITypeSymbol? ExceptionType { get; set; }

        /// <summary>The most derived type a type test admitted the client error by.</summary>
        public ITypeSymbol? Tested { get; set; }

        /// <summary>True for a local declared inside the handler (its value may come from the exception).</summary>
        public bool Declares(ILocalSymbol local)
        {
            foreach (var location in local.Locations)
            {
                if (location.SourceTree == _root.Syntax.SyntaxTree && _root.Syntax.Span.Contains(location.SourceSpan))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
