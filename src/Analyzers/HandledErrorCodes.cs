using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// What a <c>switch</c> statement or switch expression over an error-code expression handles: the codes of its case labels,
/// <c>or</c> patterns and <c>when</c> clauses (compared by constant value), and its default arm.
/// </summary>
internal sealed class HandledErrorCodes
{
    private HandledErrorCodes(ImmutableArray<string> codes, IOperation? defaultArm, bool defaultOnlyThrows)
    {
        Codes = codes;
        DefaultArm = defaultArm;
        DefaultOnlyThrows = defaultOnlyThrows;
    }

    /// <summary>Every code (constant value) named by a label, pattern or <c>when</c> test, in source order (a code may appear twice).</summary>
    public ImmutableArray<string> Codes { get; }

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
    public bool Handles(string code) => Codes.IndexOf(code) >= 0;

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
        var codes = ImmutableArray.CreateBuilder<string>();
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
                        AddConstant(single.Value, codes);
                        break;
                    case IPatternCaseClauseOperation patternClause:
                        AddPattern(patternClause.Pattern, codes);
                        if (patternClause.Guard is { } guard)
                        {
                            AddGuard(guard, patternClause.Pattern, sdk, cancellationToken, codes);
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
        var codes = ImmutableArray.CreateBuilder<string>();
        ISwitchExpressionArmOperation? defaultArm = null;
        foreach (var arm in expression.Arms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AddPattern(arm.Pattern, codes);
            if (arm.Guard is { } guard)
            {
                AddGuard(guard, arm.Pattern, sdk, cancellationToken, codes);
            }
            else if (IsCatchAll(arm.Pattern))
            {
                defaultArm ??= arm;
            }
        }

        var onlyThrows = defaultArm is not null && OperationHelpers.Unwrap(defaultArm.Value) is IThrowOperation;
        return new HandledErrorCodes(codes.ToImmutable(), defaultArm, onlyThrows);
    }

    private static void AddConstant(IOperation? value, ImmutableArray<string>.Builder codes)
    {
        if (value?.ConstantValue is { HasValue: true, Value: string code })
        {
            codes.Add(code);
        }
    }

    /// <summary>Constant patterns, also combined with <c>or</c> (an <c>and</c> or <c>not</c> names no handled code).</summary>
    private static void AddPattern(IPatternOperation? pattern, ImmutableArray<string>.Builder codes)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                AddConstant(constant.Value, codes);
                break;
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                AddPattern(or.LeftPattern, codes);
                AddPattern(or.RightPattern, codes);
                break;
        }
    }

    /// <summary>
    /// Codes a <c>when</c> clause tests for equality (<c>==</c>, <c>Equals</c>, <c>is</c> constant/or patterns) against the
    /// switched value: an error-code expression or the variable the arm's pattern declares.
    /// </summary>
    private static void AddGuard(IOperation guard, IPatternOperation? pattern, SdkSymbols sdk, CancellationToken cancellationToken, ImmutableArray<string>.Builder codes)
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
                        AddConstant(binary.RightOperand, codes);
                    }
                    else if (IsSubject(binary.RightOperand, declared, sdk, cancellationToken))
                    {
                        AddConstant(binary.LeftOperand, codes);
                    }

                    break;
                case IInvocationOperation invocation when OperationHelpers.IsStringEquals(invocation):
                    AddEqualsArguments(invocation, declared, sdk, cancellationToken, codes);
                    break;
                case IIsPatternOperation isPattern when IsSubject(isPattern.Value, declared, sdk, cancellationToken):
                    AddPattern(isPattern.Pattern, codes);
                    break;
            }
        }
    }

    private static void AddEqualsArguments(IInvocationOperation invocation, ILocalSymbol? declared, SdkSymbols sdk, CancellationToken cancellationToken, ImmutableArray<string>.Builder codes)
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
            AddConstant(second, codes);
        }
        else if (IsSubject(second, declared, sdk, cancellationToken))
        {
            AddConstant(first, codes);
        }
    }

    private static bool IsSubject(IOperation operation, ILocalSymbol? declared, SdkSymbols sdk, CancellationToken cancellationToken)
    {
        var unwrapped = OperationHelpers.Unwrap(operation);
        if (declared is not null && unwrapped is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, declared))
        {
            return true;
        }

        return unwrapped is not null && !unwrapped.ConstantValue.HasValue && ErrorCodeExpressions.IsErrorCode(unwrapped, sdk, cancellationToken);
    }

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
}
