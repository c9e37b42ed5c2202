using System.Collections.Generic;
using System.Threading;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers.Retry;

/// <summary>
/// Collects every code a retry condition admits: the constants of the code tests (<see cref="ErrorCodeTest"/>), <c>case</c>
/// labels and switch arms that lead to <c>true</c>, and the elements of
/// collections the condition calls <c>Contains</c> on. Predicates called from the condition (lambdas, method groups and
/// methods of the same compilation) are followed one level. The result is constant string operations; the caller
/// decides which are catalog codes.
/// </summary>
internal sealed class AdmittedCodes
{
    private const int MaxFollowDepth = 1;

    private readonly MethodBodies _bodies;
    private readonly LocalValues.Memo _locals;
    private readonly CompilationState _state;
    private readonly SemanticModel? _model;
    private readonly CancellationToken _cancellationToken;
    private static readonly IReadOnlyList<IOperation> s_none = new IOperation[0];

    // Created on first use: most AdmittedCodes never see a code.
    private List<IOperation>? _codes;
    private HashSet<ISymbol>? _followed;
    private int _depth;

    public AdmittedCodes(CompilationState state, SemanticModel? model, CancellationToken cancellationToken)
    {
        _state = state;
        _bodies = state.MethodBodies;
        _locals = state.Locals;
        _model = model;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The constant operands found so far (string constants, implicit conversions removed).</summary>
    public IReadOnlyList<IOperation> Codes => _codes ?? s_none;

    private HashSet<ISymbol> Followed => _followed ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);

    /// <summary>A predicate passed as a value: a lambda, an anonymous method or a method group.</summary>
    public void AddDelegate(IOperation? value)
    {
        switch (OperationHelpers.Unwrap(value))
        {
            case IDelegateCreationOperation creation:
                AddDelegate(creation.Target);
                break;
            case IAnonymousFunctionOperation function:
                AddBody(function.Body);
                break;
            case IMethodReferenceOperation method:
                FollowMethod(method.Method);
                break;
        }
    }

    /// <summary>A body whose <c>return true</c> paths (and returned conditions) admit codes.</summary>
    public void AddBody(IOperation? body)
    {
        if (body is null)
        {
            return;
        }

        foreach (var operation in OperationHelpers.DescendantsOutsideFunctions(body, _cancellationToken))
        {
            if (operation is IReturnOperation { ReturnedValue: { } value } returned)
            {
                if (IsTruthy(value))
                {
                    AddGuardsOf(returned, body);
                }
                else if (!IsConstant(value))
                {
                    AddCondition(value, whenTrue: true);
                }
            }
        }
    }

    /// <summary>
    /// The codes for which <paramref name="condition"/> evaluates to <paramref name="whenTrue"/>, except
    /// <c>after-action:state</c> codes whose remedy (Remedies.tsv: KeyDisabled → EnableKey…) is called on a KMS/CSMS client
    /// in one of <paramref name="remedyScopes"/>, the statements that run before the next attempt.
    /// </summary>
    public void AddRetriedCondition(IOperation condition, bool whenTrue, params IOperation[] remedyScopes)
    {
        var start = Codes.Count;
        AddCondition(condition, whenTrue);
        for (var i = Codes.Count - 1; i >= start; i--)
        {
            if (IsRemedied(_codes![i], remedyScopes))
            {
                _codes.RemoveAt(i);
            }
        }
    }

    private bool IsRemedied(IOperation code, IOperation[] scopes)
    {
        if (code.ConstantValue.Value is not string text
            || !_state.Catalog.TryGetEntry(text, out var entry)
            || entry.RetryText != "after-action:state"
            || !Remedies.HasRemedy(entry.Code))
        {
            return false;
        }

        foreach (var scope in scopes)
        {
            foreach (var operation in scope.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation && _state.Calls.Resolve(invocation) is { } called && Remedies.IsRemedy(entry.Code, called))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The codes for which <paramref name="condition"/> evaluates to <paramref name="whenTrue"/>.</summary>
    public void AddCondition(IOperation? condition, bool whenTrue = true)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        condition = OperationHelpers.Unwrap(condition);
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                AddCondition(not.Operand, !whenTrue);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.Or or BinaryOperatorKind.And } logical:
                // a || b admits the codes of both; a && b admits the codes its code-testing operand admits.
                if (whenTrue)
                {
                    AddCondition(logical.LeftOperand, whenTrue);
                    AddCondition(logical.RightOperand, whenTrue);
                }

                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
            case IIsPatternOperation:
                AddTest(condition, whenTrue);
                break;
            case ISwitchExpressionOperation switchExpression when whenTrue:
                foreach (var arm in switchExpression.Arms)
                {
                    if (IsTruthy(arm.Value))
                    {
                        AddPattern(arm.Pattern);
                    }
                    else if (!IsConstant(arm.Value))
                    {
                        AddCondition(arm.Value, whenTrue: true);
                    }
                }

                break;
            case IConditionalOperation { WhenFalse: not null } ternary when whenTrue:
                if (IsTruthy(ternary.WhenTrue))
                {
                    AddCondition(ternary.Condition, whenTrue: true);
                }

                if (IsTruthy(ternary.WhenFalse))
                {
                    AddCondition(ternary.Condition, whenTrue: false);
                }

                break;
            case IInvocationOperation invocation when whenTrue:
                AddInvocation(invocation);
                break;
            case IObjectCreationOperation creation when whenTrue && RetryNames.WrappedCondition(creation) is { } wrapped:
                AddCondition(wrapped, whenTrue: true);
                break;
        }
    }

    /// <summary>Every string constant in a collection's initializer (array, collection initializer, collection expression, factory call).</summary>
    public void AddCollection(IOperation? collection)
    {
        if (collection is null)
        {
            return;
        }

        foreach (var operation in OperationHelpers.DescendantsOutsideFunctions(collection, _cancellationToken))
        {
            if (operation.ConstantValue is { HasValue: true, Value: string } && !IsConstantString(operation.Parent))
            {
                AddCode(operation);
            }
        }
    }

    /// <summary>Follows a local to the values it is given and collects the codes in them.</summary>
    public void AddValuesOf(ILocalReferenceOperation local)
    {
        foreach (var value in _locals.Of(local, _cancellationToken).Values)
        {
            AddCollection(value);
        }
    }

    /// <summary>Follows a field or property to its initializer and collects the codes in it.</summary>
    public void AddInitializerOf(ISymbol symbol)
    {
        if (symbol is not (IFieldSymbol or IPropertySymbol) || !Followed.Add(symbol))
        {
            return;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var initializer = reference.GetSyntax(_cancellationToken) switch
            {
                VariableDeclaratorSyntax variable => variable.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value,
                _ => null,
            };
            if (initializer is not null)
            {
                AddCollection(OperationOf(initializer));
            }
        }
    }

    private void AddInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (ErrorCodeTest.IsStringComparison(invocation))
        {
            AddTest(invocation, whenTrue: true);
            return;
        }

        if (method.Name == "Contains")
        {
            var collection = invocation.Instance ?? (invocation.Arguments.Length == 2 ? invocation.Arguments[0].Value : null);
            AddContainsSource(OperationHelpers.Unwrap(collection));
            return;
        }

        if (RetryNames.WrappedCondition(invocation) is { } wrapped)
        {
            // ValueTask.FromResult(condition), Task.FromResult(condition): Polly v8 predicates.
            AddCondition(wrapped, whenTrue: true);
            return;
        }

        if (RetryNames.IsBoolean(method.ReturnType))
        {
            FollowMethod(method);
        }
    }

    private void AddContainsSource(IOperation? collection)
    {
        switch (collection)
        {
            case IFieldReferenceOperation field:
                AddInitializerOf(field.Field);
                break;
            case IPropertyReferenceOperation property:
                AddInitializerOf(property.Property);
                break;
            case ILocalReferenceOperation local:
                AddValuesOf(local);
                break;
            case IArrayCreationOperation or IObjectCreationOperation:
                AddCollection(collection);
                break;
            case IInvocationOperation factory when factory.Arguments.Length > 0:
                AddCollection(factory);
                break;
            default:
                if (collection?.Syntax is CollectionExpressionSyntax)
                {
                    AddCollection(collection);
                }

                break;
        }
    }

    /// <summary>The codes of an atomic test (<see cref="ErrorCodeTest"/>) for which it evaluates to <paramref name="whenTrue"/>.</summary>
    private void AddTest(IOperation operation, bool whenTrue)
    {
        if (ErrorCodeTest.Read(operation) is { } test)
        {
            foreach (var code in test.CodesWhen(whenTrue))
            {
                AddCode(code);
            }
        }
    }

    /// <summary>The codes a pattern admits when it matches.</summary>
    private void AddPattern(IPatternOperation? pattern)
    {
        var codes = new List<IOperation>();
        ErrorCodeTest.AddPatternCodes(pattern, outcome: true, codes);
        foreach (var code in codes)
        {
            AddCode(code);
        }
    }

    /// <summary>The conditions a <c>return true</c> depends on: enclosing <c>if</c>s and <c>case</c> labels.</summary>
    private void AddGuardsOf(IOperation returned, IOperation body)
    {
        var child = returned;
        for (var parent = returned.Parent; parent is not null && child != body; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when child == conditional.WhenTrue:
                    AddCondition(conditional.Condition, whenTrue: true);
                    break;
                case IConditionalOperation conditional when child == conditional.WhenFalse:
                    AddCondition(conditional.Condition, whenTrue: false);
                    break;
                case ISwitchCaseOperation switchCase:
                    foreach (var clause in switchCase.Clauses)
                    {
                        if (clause is ISingleValueCaseClauseOperation single)
                        {
                            AddCode(single.Value);
                        }
                        else if (clause is IPatternCaseClauseOperation patternClause)
                        {
                            AddPattern(patternClause.Pattern);
                        }
                    }

                    break;
            }
        }
    }

    private void AddCode(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion && conversion.Operand.ConstantValue.HasValue)
        {
            operation = conversion.Operand;
        }

        if (operation?.ConstantValue is { HasValue: true, Value: string } && !(_codes ??= new List<IOperation>()).Contains(operation))
        {
            _codes.Add(operation);
        }
    }

    private void FollowMethod(IMethodSymbol method)
    {
        method = method.PartialImplementationPart ?? method;

        // A predicate named as one (ShouldRetry, IsTransient) is analyzed on its own body, with the same walk and one
        // level more to follow, and reports every code it admits there: following it from a construct would only bind
        // its body early (the costliest step of DEW004 in profiles) to find the same codes.
        if (_depth >= MaxFollowDepth || method.DeclaringSyntaxReferences.IsEmpty || RetryNames.IsNamedPredicate(method)
            || GeneratedCode.HasGeneratedCodeAttribute(method) || !Followed.Add(method))
        {
            return;
        }

        _depth++;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            switch (OperationOf(reference.GetSyntax(_cancellationToken)))
            {
                case IMethodBodyOperation body:
                    AddBody((IOperation?)body.BlockBody ?? body.ExpressionBody);
                    break;
                case ILocalFunctionOperation local:
                    AddBody(local.Body ?? local.IgnoredBody);
                    break;
            }
        }

        _depth--;
    }

    /// <summary>
    /// A called method's operation tree: from the model the analysis already uses when the method is in the same file
    /// (its bindings are cached there), else bound once per compilation by <see cref="MethodBodies"/>.
    /// </summary>
    private IOperation? OperationOf(SyntaxNode syntax)
        => _model is not null && _model.SyntaxTree == syntax.SyntaxTree
            ? _model.GetOperation(syntax, _cancellationToken)
            : _bodies.OperationOf(syntax, _cancellationToken);

    /// <summary><c>true</c>, <c>PredicateResult.True()</c>, <c>ValueTask.FromResult(true)</c>, <c>new ValueTask&lt;bool&gt;(true)</c>.</summary>
    private static bool IsTruthy(IOperation? operation)
    {
        operation = OperationHelpers.Unwrap(operation);
        if (operation?.ConstantValue is { HasValue: true, Value: bool value })
        {
            return value;
        }

        return RetryNames.IsTrueResult(operation) || (RetryNames.WrappedCondition(operation) is { } wrapped && IsTruthy(wrapped));
    }

    private static bool IsConstant(IOperation? operation) => operation?.ConstantValue.HasValue == true;

    private static bool IsConstantString(IOperation? operation) => operation?.ConstantValue is { HasValue: true, Value: string };
}
