using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers.Retry;

/// <summary>
/// For DEW004's "Retry only transient codes" fix: the code test around an admitted code (<c>x == "KMS.0207"</c>,
/// <c>string.Equals(x, "...")</c>, <c>x is "..." or "..."</c>, widened over a <c>||</c> chain of tests of the same
/// expression) and the tested expression, so that the whole test can become <c>DewErrorCodes.IsTransient(x)</c>.
/// </summary>
internal static class TransientTest
{
    public static bool TryFind(IOperation code, out SyntaxNode test, out SyntaxNode compared)
    {
        test = null!;
        compared = null!;
        if (!TryGetUnit(code, out var unit, out var comparedOperation))
        {
            return false;
        }

        if (comparedOperation.ConstantValue.HasValue || comparedOperation.Type?.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        var comparedSyntax = comparedOperation.Syntax;
        while (unit.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or
               && IsCodeTestOf(or.LeftOperand == unit ? or.RightOperand : or.LeftOperand, comparedSyntax))
        {
            unit = or;
        }

        test = unit.Syntax;
        compared = comparedSyntax;
        return true;
    }

    private static bool TryGetUnit(IOperation code, out IOperation unit, out IOperation compared)
    {
        unit = null!;
        compared = null!;
        var current = OperationHelpers.WithConversions(code);

        switch (current.Parent)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } binary:
                unit = binary;
                compared = OperationHelpers.Unwrap(binary.LeftOperand == current ? binary.RightOperand : binary.LeftOperand)!;
                return compared is not null;
            case IArgumentOperation { Parent: IInvocationOperation invocation } when OperationHelpers.IsStringEquals(invocation):
                return TryGetEquals(invocation, current, out unit, out compared);
            case IInvocationOperation invocation when invocation.Instance == current && OperationHelpers.IsStringEquals(invocation):
                return TryGetEquals(invocation, current, out unit, out compared);
            case IConstantPatternOperation pattern:
                IOperation top = pattern;
                while (top.Parent is IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or })
                {
                    top = top.Parent;
                }

                if (top.Parent is IIsPatternOperation isPattern && OnlyConstants(isPattern.Pattern))
                {
                    unit = isPattern;
                    compared = OperationHelpers.Unwrap(isPattern.Value)!;
                    return compared is not null;
                }

                return false;
            default:
                return false;
        }
    }

    private static bool TryGetEquals(IInvocationOperation invocation, IOperation constant, out IOperation unit, out IOperation compared)
    {
        unit = invocation;
        compared = null!;
        if (invocation.Instance is not null && invocation.Instance != constant)
        {
            compared = invocation.Instance;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value != constant && argument.Value.Type?.SpecialType == SpecialType.System_String)
            {
                compared = argument.Value;
            }
        }

        compared = OperationHelpers.Unwrap(compared)!;
        return compared is not null && invocation.Arguments.Length <= 2;
    }

    private static bool IsCodeTestOf(IOperation operation, SyntaxNode comparedSyntax)
    {
        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return IsCodeTestOf(or.LeftOperand, comparedSyntax) && IsCodeTestOf(or.RightOperand, comparedSyntax);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } binary:
                return IsConstantComparison(binary.LeftOperand, binary.RightOperand, comparedSyntax)
                    || IsConstantComparison(binary.RightOperand, binary.LeftOperand, comparedSyntax);
            case IInvocationOperation invocation when OperationHelpers.IsStringEquals(invocation) && invocation.Instance is not null && invocation.Arguments.Length == 1:
                return IsConstantComparison(invocation.Instance, invocation.Arguments[0].Value, comparedSyntax)
                    || IsConstantComparison(invocation.Arguments[0].Value, invocation.Instance, comparedSyntax);
            case IInvocationOperation invocation when OperationHelpers.IsStringEquals(invocation) && invocation.Instance is null && invocation.Arguments.Length == 2:
                return IsConstantComparison(invocation.Arguments[0].Value, invocation.Arguments[1].Value, comparedSyntax)
                    || IsConstantComparison(invocation.Arguments[1].Value, invocation.Arguments[0].Value, comparedSyntax);
            case IIsPatternOperation isPattern:
                return OnlyConstants(isPattern.Pattern) && SyntaxFactory.AreEquivalent(OperationHelpers.Unwrap(isPattern.Value)!.Syntax, comparedSyntax);
            default:
                return false;
        }
    }

    private static bool IsConstantComparison(IOperation constant, IOperation other, SyntaxNode comparedSyntax)
        => constant.ConstantValue is { HasValue: true, Value: string }
            && OperationHelpers.Unwrap(other) is { } value
            && SyntaxFactory.AreEquivalent(value.Syntax, comparedSyntax);

    private static bool OnlyConstants(IPatternOperation pattern)
        => pattern switch
        {
            IConstantPatternOperation constant => constant.Value.ConstantValue is { HasValue: true, Value: string },
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } binary => OnlyConstants(binary.LeftPattern) && OnlyConstants(binary.RightPattern),
            _ => false,
        };
}
