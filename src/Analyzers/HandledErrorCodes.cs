using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>One error code a switch handles: the code and the constant operation that names it.</summary>
internal readonly struct HandledCode
{
    public HandledCode(string code, IOperation value, IOperation arm, bool inGuard)
    {
        Code = code;
        Value = value;
        Arm = arm;
        InGuard = inGuard;
    }

    /// <summary>The constant value (<c>KMS.0207</c>), whether written as a literal, a user const or a catalog constant.</summary>
    public string Code { get; }

    /// <summary>The constant operation naming the code (the label value, the pattern's value, the comparand in a <c>when</c>).</summary>
    public IOperation Value { get; }

    /// <summary>The <see cref="ISwitchCaseOperation"/> (switch statement section) or <see cref="ISwitchExpressionArmOperation"/> it belongs to.</summary>
    public IOperation Arm { get; }

    /// <summary>True when the code is tested in a <c>when</c> clause rather than in the label/pattern itself.</summary>
    public bool InGuard { get; }
}

/// <summary>
/// What a <c>switch</c> statement or switch expression over an error-code expression handles: the codes of its case labels,
/// <c>or</c> patterns and <c>when</c> clauses (compared by constant value), and its default arm.
/// </summary>
internal sealed class HandledErrorCodes
{
    private HandledErrorCodes(ImmutableArray<HandledCode> codes, IOperation? defaultArm, bool defaultOnlyThrows)
    {
        Codes = codes;
        DefaultArm = defaultArm;
        DefaultOnlyThrows = defaultOnlyThrows;
    }

    /// <summary>Every code named by a label, pattern or <c>when</c> test, in source order (a code may appear twice).</summary>
    public ImmutableArray<HandledCode> Codes { get; }

    /// <summary>
    /// The section/arm that takes every other value: <c>default:</c>, <c>_</c>, <c>var x</c>, <c>case string s</c>,
    /// <c>not "…"</c>… without a <c>when</c> clause. Null when there is none.
    /// </summary>
    public IOperation? DefaultArm { get; }

    public bool HasDefault => DefaultArm is not null;

    /// <summary>
    /// True when the default arm ends in <c>throw;</c>/<c>throw new …</c> with no branch before it (statement), or is a
    /// throw expression (switch expression): it says "anything else is unexpected" rather than handling the rest.
    /// </summary>
    public bool DefaultOnlyThrows { get; }

    /// <summary>True when some code in <see cref="Codes"/> equals <paramref name="code"/>.</summary>
    public bool Handles(string code)
    {
        foreach (var handled in Codes)
        {
            if (handled.Code == code)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads a switch statement (<see cref="ISwitchOperation"/>) or switch expression (<see cref="ISwitchExpressionOperation"/>).
    /// Null for any other operation. Does not check that the switched value is an error code.
    /// </summary>
    public static HandledErrorCodes? From(IOperation switchOperation, SdkSymbols sdk, CancellationToken cancellationToken)
        => switchOperation switch
        {
            ISwitchOperation statement => FromStatement(statement, sdk, cancellationToken),
            ISwitchExpressionOperation expression => FromExpression(expression, sdk, cancellationToken),
            _ => null,
        };

    /// <summary>The value a switch statement or expression switches on; null for other operations.</summary>
    public static IOperation? SwitchedValue(IOperation switchOperation)
        => switchOperation switch
        {
            ISwitchOperation statement => statement.Value,
            ISwitchExpressionOperation expression => expression.Value,
            _ => null,
        };

    private static HandledErrorCodes FromStatement(ISwitchOperation statement, SdkSymbols sdk, CancellationToken cancellationToken)
    {
        var codes = ImmutableArray.CreateBuilder<HandledCode>();
        IOperation? defaultArm = null;
        foreach (var section in statement.Cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var clause in section.Clauses)
            {
                switch (clause)
                {
                    case IDefaultCaseClauseOperation:
                        defaultArm ??= section;
                        break;
                    case ISingleValueCaseClauseOperation single:
                        AddConstant(single.Value, section, inGuard: false, codes);
                        break;
                    case IPatternCaseClauseOperation patternClause:
                        AddPattern(patternClause.Pattern, section, codes);
                        if (patternClause.Guard is { } guard)
                        {
                            AddGuard(guard, patternClause.Pattern, section, sdk, cancellationToken, codes);
                        }
                        else if (IsCatchAll(patternClause.Pattern))
                        {
                            defaultArm ??= section;
                        }

                        break;
                }
            }
        }

        var onlyThrows = defaultArm is ISwitchCaseOperation defaultSection && OnlyThrows(defaultSection.Body);
        return new HandledErrorCodes(codes.ToImmutable(), defaultArm, onlyThrows);
    }

    private static HandledErrorCodes FromExpression(ISwitchExpressionOperation expression, SdkSymbols sdk, CancellationToken cancellationToken)
    {
        var codes = ImmutableArray.CreateBuilder<HandledCode>();
        ISwitchExpressionArmOperation? defaultArm = null;
        foreach (var arm in expression.Arms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AddPattern(arm.Pattern, arm, codes);
            if (arm.Guard is { } guard)
            {
                AddGuard(guard, arm.Pattern, arm, sdk, cancellationToken, codes);
            }
            else if (IsCatchAll(arm.Pattern))
            {
                defaultArm ??= arm;
            }
        }

        var onlyThrows = defaultArm is not null && Unwrap(defaultArm.Value) is IThrowOperation;
        return new HandledErrorCodes(codes.ToImmutable(), defaultArm, onlyThrows);
    }

    private static void AddConstant(IOperation? value, IOperation arm, bool inGuard, ImmutableArray<HandledCode>.Builder codes)
    {
        if (value is null)
        {
            return;
        }

        var constant = value.ConstantValue;
        if (constant.HasValue && constant.Value is string code)
        {
            codes.Add(new HandledCode(code, Unwrap(value)!, arm, inGuard));
        }
    }

    /// <summary>Constant patterns, also combined with <c>or</c> (an <c>and</c> or <c>not</c> names no handled code).</summary>
    private static void AddPattern(IPatternOperation? pattern, IOperation arm, ImmutableArray<HandledCode>.Builder codes)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                AddConstant(constant.Value, arm, inGuard: false, codes);
                break;
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                AddPattern(or.LeftPattern, arm, codes);
                AddPattern(or.RightPattern, arm, codes);
                break;
        }
    }

    /// <summary>
    /// Codes a <c>when</c> clause tests for equality (<c>==</c>, <c>Equals</c>, <c>is</c> constant/or patterns) against the
    /// switched value: an error-code expression or the variable the arm's pattern declares.
    /// </summary>
    private static void AddGuard(IOperation guard, IPatternOperation? pattern, IOperation arm, SdkSymbols sdk, CancellationToken cancellationToken, ImmutableArray<HandledCode>.Builder codes)
    {
        var declared = (pattern as IDeclarationPatternOperation)?.DeclaredSymbol as ILocalSymbol;
        foreach (var operation in guard.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } binary:
                    if (IsSubject(binary.LeftOperand, declared, sdk, cancellationToken))
                    {
                        AddConstant(binary.RightOperand, arm, inGuard: true, codes);
                    }
                    else if (IsSubject(binary.RightOperand, declared, sdk, cancellationToken))
                    {
                        AddConstant(binary.LeftOperand, arm, inGuard: true, codes);
                    }

                    break;
                case IInvocationOperation invocation when IsStringEquals(invocation):
                    AddEqualsArguments(invocation, arm, declared, sdk, cancellationToken, codes);
                    break;
                case IIsPatternOperation isPattern when IsSubject(isPattern.Value, declared, sdk, cancellationToken):
                    AddGuardPattern(isPattern.Pattern, arm, codes);
                    break;
            }
        }
    }

    private static void AddGuardPattern(IPatternOperation pattern, IOperation arm, ImmutableArray<HandledCode>.Builder codes)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                AddConstant(constant.Value, arm, inGuard: true, codes);
                break;
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                AddGuardPattern(or.LeftPattern, arm, codes);
                AddGuardPattern(or.RightPattern, arm, codes);
                break;
        }
    }

    private static void AddEqualsArguments(IInvocationOperation invocation, IOperation arm, ILocalSymbol? declared, SdkSymbols sdk, CancellationToken cancellationToken, ImmutableArray<HandledCode>.Builder codes)
    {
        // x.Equals("KMS.0207") / "KMS.0207".Equals(x) / string.Equals(x, "KMS.0207"[, comparison]).
        IOperation? first;
        IOperation? second;
        if (invocation.Instance is not null)
        {
            first = invocation.Instance;
            second = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
        }
        else
        {
            first = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
            second = invocation.Arguments.Length > 1 ? invocation.Arguments[1].Value : null;
        }

        if (first is null || second is null)
        {
            return;
        }

        if (IsSubject(first, declared, sdk, cancellationToken))
        {
            AddConstant(second, arm, inGuard: true, codes);
        }
        else if (IsSubject(second, declared, sdk, cancellationToken))
        {
            AddConstant(first, arm, inGuard: true, codes);
        }
    }

    private static bool IsSubject(IOperation operation, ILocalSymbol? declared, SdkSymbols sdk, CancellationToken cancellationToken)
    {
        var unwrapped = Unwrap(operation);
        if (declared is not null && unwrapped is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, declared))
        {
            return true;
        }

        return unwrapped is not null && !unwrapped.ConstantValue.HasValue && ErrorCodeExpressions.IsErrorCode(unwrapped, sdk, cancellationToken);
    }

    private static bool IsStringEquals(IInvocationOperation invocation)
        => invocation.TargetMethod.Name == "Equals" && invocation.TargetMethod.ContainingType.SpecialType == SpecialType.System_String;

    /// <summary>A pattern that matches every string (the switch's input is a string): <c>_</c>, <c>var x</c>, <c>string s</c>, <c>string</c>, <c>not "…"</c>.</summary>
    private static bool IsCatchAll(IPatternOperation? pattern)
        => pattern switch
        {
            IDiscardPatternOperation => true,
            IDeclarationPatternOperation declaration => declaration.MatchesNull || declaration.MatchedType?.SpecialType is SpecialType.System_String or SpecialType.System_Object,
            ITypePatternOperation type => type.MatchedType?.SpecialType is SpecialType.System_String or SpecialType.System_Object,
            INegatedPatternOperation { Pattern: IConstantPatternOperation } => true,
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or => IsCatchAll(or.LeftPattern) || IsCatchAll(or.RightPattern),
            _ => false,
        };

    /// <summary>A statement list that ends in a throw and branches nowhere before it.</summary>
    private static bool OnlyThrows(ImmutableArray<IOperation> statements)
    {
        while (statements.Length == 1 && statements[0] is IBlockOperation block)
        {
            statements = block.Operations;
        }

        if (statements.IsEmpty || !IsThrow(statements[statements.Length - 1]))
        {
            return false;
        }

        for (var i = 0; i < statements.Length - 1; i++)
        {
            if (statements[i] is IBranchOperation or IReturnOperation || IsThrow(statements[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsThrow(IOperation statement)
        => statement is IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation };

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
