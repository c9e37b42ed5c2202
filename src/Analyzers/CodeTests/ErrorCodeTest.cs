using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// The one model of "a test of a string against constant codes", shared by every rule and fixer. A test is one of:
/// <c>a == b</c> / <c>a != b</c>; <c>string.Equals(a, b[, comparison])</c>, <c>a.Equals(b[, comparison])</c>,
/// <c>StringComparer.X.Equals(a, b)</c>; <c>string.Compare(a, b[, …]) == 0</c> (or <c>!= 0</c>, <c>CompareOrdinal</c>);
/// a pattern (constant, <c>or</c>, <c>and</c>, <c>not</c>, property patterns) in <c>is</c>, a <c>case</c> label, a
/// switch-expression arm or a property subpattern; a single-value <c>case</c> label. It answers: the tested value
/// (<see cref="Subject"/>, conversions and <c>ToUpperInvariant()</c>-like case folding removed), the constants for which
/// the test is true (<see cref="Admitted"/>) and those for which it is false (<see cref="Excluded"/>: <c>!=</c>,
/// <c>not</c>), and whether the comparison ignores case (<see cref="IgnoresCase"/>). Whether the subject is an error code
/// is <see cref="ErrorCodeExpressions"/>' question; where a local's value comes from is <see cref="LocalValues"/>'.
/// </summary>
internal sealed class ErrorCodeTest
{
    /// <summary>
    /// The operation kinds a test of a constant starts from (<see cref="TryGetOperand"/>); register for these. They are far
    /// rarer than the literals and references a constant can be, and most are rejected by one field read.
    /// </summary>
    public static readonly ImmutableArray<OperationKind> OperandKinds = ImmutableArray.Create(
        OperationKind.Binary,
        OperationKind.Invocation,
        OperationKind.ConstantPattern,
        OperationKind.CaseClause);

    private static readonly ImmutableArray<IOperation> s_none = ImmutableArray<IOperation>.Empty;

    private ErrorCodeTest(IOperation operation, IOperation subject, ImmutableArray<IOperation> admitted, ImmutableArray<IOperation> excluded, bool ignoresCase, bool isMembership)
    {
        Operation = operation;
        Subject = subject;
        Admitted = admitted;
        Excluded = excluded;
        IgnoresCase = ignoresCase;
        IsMembership = isMembership;
    }

    /// <summary>
    /// The whole test: the <c>==</c>/<c>!=</c> (also around <c>string.Compare</c>), the <c>Equals</c> call, the <c>is</c>
    /// pattern, the case clause, the switch-expression arm or the property subpattern.
    /// </summary>
    public IOperation Operation { get; }

    /// <summary>The tested value, with conversions and case folding (<c>ToUpperInvariant()</c>…) removed.</summary>
    public IOperation Subject { get; }

    /// <summary>The constant operands for which the test is true (string constants, conversions removed).</summary>
    public ImmutableArray<IOperation> Admitted { get; }

    /// <summary>The constant operands for which the test is false (<c>!=</c>, <c>not "…"</c>); a <c>!</c> around the test is not part of it.</summary>
    public ImmutableArray<IOperation> Excluded { get; }

    /// <summary>True for <c>StringComparison.*IgnoreCase</c>, <c>StringComparer.*IgnoreCase</c> or a case-folded subject.</summary>
    public bool IgnoresCase { get; }

    /// <summary>
    /// True when the test is true exactly for <see cref="Admitted"/>: <c>==</c>, <c>Equals</c>, <c>Compare(…) == 0</c>,
    /// <c>is "A" or "B"</c>, a constant <c>case</c> label or subpattern. False for <c>!=</c>, <c>not</c> and <c>and</c>.
    /// </summary>
    public bool IsMembership { get; }

    /// <summary>The constants for which the test evaluates to <paramref name="outcome"/>.</summary>
    public ImmutableArray<IOperation> CodesWhen(bool outcome) => outcome ? Admitted : Excluded;

    /// <summary>
    /// True when the test succeeds for codes other than <paramref name="constant"/>: it is one the test is false for
    /// (<c>!=</c>, <c>not</c>), or the test is negated as a whole (<c>!code.Equals(…)</c>, <c>!(code == …)</c>).
    /// </summary>
    public bool IsNegated(IOperation constant)
        => Excluded.Contains(OperationHelpers.Unwrap(constant)!)
            || OperationHelpers.WithConversions(Operation).Parent is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not };

    /// <summary>
    /// The <paramref name="index"/>-th operand of <paramref name="operation"/> (one of <see cref="OperandKinds"/>) that may be
    /// a compared constant, with conversions removed; null when that operand is not a literal or a field/local reference;
    /// false past the last. Cheap: the hot path of the rules that judge compared constants, so no allocation.
    /// </summary>
    public static bool TryGetOperand(IOperation operation, int index, out IOperation? constant)
    {
        constant = null;
        IOperation? operand;
        switch (operation.Kind)
        {
            case OperationKind.Binary:
                var binary = (IBinaryOperation)operation;
                if (index > 1 || binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals))
                {
                    return false;
                }

                operand = index == 0 ? binary.LeftOperand : binary.RightOperand;
                break;
            case OperationKind.Invocation:
                var invocation = (IInvocationOperation)operation;
                if (index > invocation.Arguments.Length || !IsStringComparison(invocation))
                {
                    return false;
                }

                operand = index == 0 ? invocation.Instance : invocation.Arguments[index - 1].Value;
                break;
            case OperationKind.ConstantPattern when index == 0:
                operand = ((IConstantPatternOperation)operation).Value;
                break;
            case OperationKind.CaseClause when index == 0 && operation is ISingleValueCaseClauseOperation label:
                operand = label.Value;
                break;
            default:
                return false;
        }

        operand = OperationHelpers.Unwrap(operand);
        if (operand is not null && operand.Kind is OperationKind.Literal or OperationKind.FieldReference or OperationKind.LocalReference)
        {
            constant = operand;
        }

        return true;
    }

    /// <summary>
    /// The test <paramref name="constant"/> (a literal or constant reference) is an operand of, or null when it is not one
    /// (an argument of another call, an initializer…). Also null when the other side is a constant too.
    /// </summary>
    public static ErrorCodeTest? Of(IOperation constant)
    {
        var current = OperationHelpers.WithConversions(constant);
        switch (current.Parent)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                return Read(binary);
            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                return Read(invocation);
            case IInvocationOperation invocation when invocation.Instance == current:
                return Read(invocation);
            case ISingleValueCaseClauseOperation clause:
                return Read(clause);
            case IConstantPatternOperation pattern:
                IOperation top = pattern;
                while (top.Parent is IPatternOperation and not IRecursivePatternOperation)
                {
                    top = top.Parent;
                }

                return top.Parent is { } owner ? Read(owner) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Reads <paramref name="operation"/> as a test: a comparison, an <c>Equals</c>/<c>Compare</c> call (a <c>Compare</c>
    /// read from its <c>== 0</c>), an <c>is</c> pattern, a case clause, a switch-expression arm or a property subpattern.
    /// Null for anything else, and for a test that compares no constant with a non-constant.
    /// </summary>
    public static ErrorCodeTest? Read(IOperation operation)
    {
        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                var equal = binary.OperatorKind == BinaryOperatorKind.Equals;
                if (CompareCall(binary) is { } compare)
                {
                    return FromOperands(binary, compare, equal);
                }

                return FromPair(binary, binary.LeftOperand, binary.RightOperand, equal, ignoresCase: false);
            case IInvocationOperation invocation when IsStringComparison(invocation):
                if (IsCompare(invocation))
                {
                    return invocation.Parent is IBinaryOperation parent ? Read(parent) : null;
                }

                return FromOperands(invocation, invocation, equal: true);
            case IIsPatternOperation isPattern:
                return FromPattern(isPattern, isPattern.Value, isPattern.Pattern);
            case ISingleValueCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation @switch } } clause:
                return FromPair(clause, @switch.Value, clause.Value, equal: true, ignoresCase: false);
            case IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation @switch } } clause:
                return FromPattern(clause, @switch.Value, clause.Pattern);
            case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } arm:
                return FromPattern(arm, switchExpression.Value, arm.Pattern);
            case IPropertySubpatternOperation subpattern:
                return FromPattern(subpattern, subpattern.Member, subpattern.Pattern);
            default:
                return null;
        }
    }

    /// <summary>
    /// The value a pattern is matched against (through <c>or</c>/<c>and</c>/<c>not</c>): the <c>is</c> operand, the switched
    /// value, or the property of a property subpattern; null for other patterns.
    /// </summary>
    public static IOperation? PatternSubject(IPatternOperation pattern)
    {
        IOperation current = pattern;
        while (current.Parent is IBinaryPatternOperation or INegatedPatternOperation)
        {
            current = current.Parent;
        }

        return current.Parent switch
        {
            IIsPatternOperation isPattern => isPattern.Value,
            ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } => switchExpression.Value,
            IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation @switch } } => @switch.Value,
            IPropertySubpatternOperation subpattern => subpattern.Member,
            _ => null,
        };
    }

    /// <summary>
    /// Adds to <paramref name="codes"/> the constants for which <paramref name="pattern"/> evaluates to <paramref name="outcome"/>:
    /// constant patterns, through <c>or</c>, <c>and</c> and <c>not</c> (an <c>or</c> that fails fails on every operand, so it
    /// names no single code), and the subpatterns of property patterns.
    /// </summary>
    public static void AddPatternCodes(IPatternOperation? pattern, bool outcome, List<IOperation> codes)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant when outcome:
                AddConstant(constant.Value, codes);
                break;
            case INegatedPatternOperation negated:
                AddPatternCodes(negated.Pattern, !outcome, codes);
                break;
            case IBinaryPatternOperation binary when outcome || binary.OperatorKind == BinaryOperatorKind.And:
                // An `and` fails where either side fails; an `or` succeeds where either side succeeds. (An `and` that
                // succeeds is read as admitting each side's codes: `not null and "KMS.0207"` admits KMS.0207.)
                AddPatternCodes(binary.LeftPattern, outcome, codes);
                AddPatternCodes(binary.RightPattern, outcome, codes);
                break;
            case IRecursivePatternOperation recursive when outcome:
                foreach (var subpattern in recursive.PropertySubpatterns)
                {
                    AddPatternCodes(subpattern.Pattern, outcome, codes);
                }

                break;
        }
    }

    /// <summary>
    /// A test of a family of codes: <c>code.StartsWith("KMS.02"[, comparison])</c> (also on a case-folded code). True with
    /// the tested value, the prefix, and whether the test ignores case.
    /// </summary>
    public static bool TryReadFamily(IInvocationOperation invocation, out IOperation subject, out string prefix, out bool ignoresCase)
    {
        subject = null!;
        prefix = string.Empty;
        ignoresCase = false;
        if (invocation.TargetMethod is not { Name: "StartsWith", ContainingType.SpecialType: SpecialType.System_String }
            || OperationHelpers.Unwrap(invocation.Instance) is not { } instance
            || invocation.Arguments.Length == 0
            || invocation.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: string text })
        {
            return false;
        }

        for (var i = 1; i < invocation.Arguments.Length; i++)
        {
            ignoresCase |= IgnoresCaseByValue(invocation.Arguments[i].Value);
        }

        subject = WithoutCaseFolding(instance, ref ignoresCase);
        prefix = text;
        return true;
    }

    /// <summary><c>string.Equals</c>/<c>x.Equals</c> on strings, <c>StringComparer.Equals</c>, <c>string.Compare</c>/<c>CompareOrdinal</c>.</summary>
    public static bool IsStringComparison(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "Equals":
                return method.ContainingType?.SpecialType == SpecialType.System_String || IsStringComparer(method.ContainingType);
            case "Compare" or "CompareOrdinal":
                return method.ContainingType?.SpecialType == SpecialType.System_String;
            default:
                return false;
        }
    }

    private static bool IsCompare(IInvocationOperation invocation) => invocation.TargetMethod.Name is "Compare" or "CompareOrdinal";

    /// <summary>The <c>string.Compare(…)</c> of <c>string.Compare(…) == 0</c> (either side), or null.</summary>
    private static IInvocationOperation? CompareCall(IBinaryOperation binary)
    {
        return CompareCall(binary.LeftOperand, binary.RightOperand) ?? CompareCall(binary.RightOperand, binary.LeftOperand);
    }

    private static IInvocationOperation? CompareCall(IOperation call, IOperation zero)
        => zero.ConstantValue is { HasValue: true, Value: 0 }
            && OperationHelpers.Unwrap(call) is IInvocationOperation invocation && IsCompare(invocation) && IsStringComparison(invocation)
                ? invocation
                : null;

    /// <summary>An <c>Equals</c>/<c>Compare</c> call's two string operands (instance and string arguments).</summary>
    private static ErrorCodeTest? FromOperands(IOperation test, IInvocationOperation invocation, bool equal)
    {
        IOperation? first = null;
        IOperation? second = null;
        var ignoresCase = IsStringComparer(invocation.Instance?.Type) && IgnoresCaseByName(invocation.Instance);
        if (invocation.Instance is { } instance && !IsStringComparer(instance.Type))
        {
            first = instance;
        }

        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value;
            if (value.Type?.SpecialType == SpecialType.System_String)
            {
                if (first is null)
                {
                    first = value;
                }
                else if (second is null)
                {
                    second = value;
                }
                else
                {
                    return null;
                }
            }
            else if (IgnoresCaseByValue(value) || (argument.Parameter?.Type.SpecialType == SpecialType.System_Boolean && value.ConstantValue is { HasValue: true, Value: true }))
            {
                // StringComparison.OrdinalIgnoreCase, string.Compare(a, b, ignoreCase: true).
                ignoresCase = true;
            }
        }

        return first is null || second is null ? null : FromPair(test, first, second, equal, ignoresCase);
    }

    private static ErrorCodeTest? FromPair(IOperation test, IOperation left, IOperation right, bool equal, bool ignoresCase)
    {
        var leftValue = OperationHelpers.Unwrap(left);
        var rightValue = OperationHelpers.Unwrap(right);
        if (leftValue is null || rightValue is null)
        {
            return null;
        }

        IOperation constant;
        IOperation subject;
        if (IsStringConstant(rightValue) && !leftValue.ConstantValue.HasValue)
        {
            (constant, subject) = (rightValue, leftValue);
        }
        else if (IsStringConstant(leftValue) && !rightValue.ConstantValue.HasValue)
        {
            (constant, subject) = (leftValue, rightValue);
        }
        else
        {
            return null;
        }

        subject = WithoutCaseFolding(subject, ref ignoresCase);
        var codes = ImmutableArray.Create(constant);
        return equal
            ? new ErrorCodeTest(test, subject, codes, s_none, ignoresCase, isMembership: true)
            : new ErrorCodeTest(test, subject, s_none, codes, ignoresCase, isMembership: false);
    }

    private static ErrorCodeTest? FromPattern(IOperation test, IOperation? value, IPatternOperation? pattern)
    {
        var subject = OperationHelpers.Unwrap(value);
        if (subject is null || pattern is null)
        {
            return null;
        }

        var admitted = new List<IOperation>();
        var excluded = new List<IOperation>();
        AddPatternCodes(pattern, outcome: true, admitted);
        AddPatternCodes(pattern, outcome: false, excluded);
        var ignoresCase = false;
        subject = WithoutCaseFolding(subject, ref ignoresCase);
        return new ErrorCodeTest(test, subject, admitted.ToImmutableArray(), excluded.ToImmutableArray(), ignoresCase, IsConstantsOnly(pattern));
    }

    /// <summary>Constant patterns joined by <c>or</c>.</summary>
    private static bool IsConstantsOnly(IPatternOperation pattern)
        => pattern switch
        {
            IConstantPatternOperation constant => IsStringConstant(constant.Value),
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or => IsConstantsOnly(or.LeftPattern) && IsConstantsOnly(or.RightPattern),
            _ => false,
        };

    private static void AddConstant(IOperation? operation, List<IOperation> codes)
    {
        operation = OperationHelpers.Unwrap(operation);
        if (operation is not null && IsStringConstant(operation) && !codes.Contains(operation))
        {
            codes.Add(operation);
        }
    }

    /// <summary><c>code.ToUpperInvariant()</c>, <c>ToLowerInvariant()</c>, <c>ToUpper()</c>, <c>ToLower()</c> → <c>code</c>, ignoring case.</summary>
    private static IOperation WithoutCaseFolding(IOperation subject, ref bool ignoresCase)
    {
        while (subject is IInvocationOperation { TargetMethod.Name: "ToUpperInvariant" or "ToLowerInvariant" or "ToUpper" or "ToLower", Instance: { } folded } invocation
            && invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
            && OperationHelpers.Unwrap(folded) is { } inner)
        {
            subject = inner;
            ignoresCase = true;
        }

        return subject;
    }

    private static bool IsStringConstant(IOperation operation) => operation.ConstantValue is { HasValue: true, Value: string };

    private static bool IsStringComparer(ITypeSymbol? type)
        => type is { Name: "StringComparer", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary><c>StringComparison.CurrentCultureIgnoreCase</c>, <c>InvariantCultureIgnoreCase</c>, <c>OrdinalIgnoreCase</c> (odd values).</summary>
    private static bool IgnoresCaseByValue(IOperation value)
        => value.Type is { Name: "StringComparison", TypeKind: TypeKind.Enum }
            && value.ConstantValue is { HasValue: true, Value: int comparison }
            && comparison % 2 == 1;

    /// <summary><c>StringComparer.OrdinalIgnoreCase</c> and the other <c>*IgnoreCase</c> comparers.</summary>
    private static bool IgnoresCaseByName(IOperation? comparer)
        => OperationHelpers.Unwrap(comparer) is IPropertyReferenceOperation { Property.Name: var name }
            && name.EndsWith("IgnoreCase", System.StringComparison.Ordinal);
}
