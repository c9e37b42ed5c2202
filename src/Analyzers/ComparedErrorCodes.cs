using System.Collections.Immutable;
using System.Threading;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// The entry point of the rules that judge a code by what it is tested against (DEW005, DEW006): a constant operand
/// (literal, user <c>const</c>, catalog constant) whose value is a catalog code and that is compared with an
/// error-code expression.
/// </summary>
internal static class ComparedErrorCodes
{
    /// <summary>
    /// The operation kinds that can compare a constant with an error code (<see cref="TryGetOperand"/>); register
    /// for these. They are far rarer than the literals and references a constant can be, and most are rejected by one
    /// field read (an operator kind, a method name).
    /// </summary>
    public static readonly ImmutableArray<OperationKind> ComparisonKinds = ImmutableArray.Create(
        OperationKind.Binary,
        OperationKind.Invocation,
        OperationKind.ConstantPattern,
        OperationKind.CaseClause);

    /// <summary>What a rule does with one compared constant operand.</summary>
    public delegate void ConstantAction(in OperationAnalysisContext context, IOperation constant);

    /// <summary>
    /// Registers <paramref name="analyze"/> for every constant operand of every comparison (<see cref="TryGetOperand"/>)
    /// outside generated code: the one entry point of DEW005 and DEW006.
    /// </summary>
    public static void RegisterConstantAction(CompilationStartAnalysisContext start, ConstantAction analyze)
        => start.RegisterOperationAction(
            context =>
            {
                for (var i = 0; !context.IsGeneratedCode && TryGetOperand(context.Operation, i, out var constant); i++)
                {
                    if (constant is not null)
                    {
                        analyze(in context, constant);
                    }
                }
            },
            ComparisonKinds);

    /// <summary>
    /// The <paramref name="index"/>-th operand of <paramref name="comparison"/> that may be a constant it compares (with
    /// conversions removed; null when that operand is not a literal or a field/local reference); false past the last.
    /// The operands are both sides of <c>==</c>/<c>!=</c>, the instance and arguments of a string <c>Equals</c>, a constant
    /// pattern's value and a <c>case</c> label's value: exactly the parents <see cref="ErrorCodeExpressions.FindComparedErrorCode"/>
    /// accepts, so no compared constant is missed. Loop with an index: no enumerator, no delegate, no copies of the context.
    /// </summary>
    public static bool TryGetOperand(IOperation comparison, int index, out IOperation? constant)
    {
        constant = null;
        IOperation? operand;
        switch (comparison.Kind)
        {
            case OperationKind.Binary:
                var binary = (IBinaryOperation)comparison;
                if (index > 1 || binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals))
                {
                    return false;
                }

                operand = index == 0 ? binary.LeftOperand : binary.RightOperand;
                break;
            case OperationKind.Invocation:
                var invocation = (IInvocationOperation)comparison;
                if (index > invocation.Arguments.Length || !OperationHelpers.IsStringEquals(invocation))
                {
                    return false;
                }

                operand = index == 0 ? invocation.Instance : invocation.Arguments[index - 1].Value;
                break;
            case OperationKind.ConstantPattern when index == 0:
                operand = ((IConstantPatternOperation)comparison).Value;
                break;
            case OperationKind.CaseClause when index == 0 && comparison is ISingleValueCaseClauseOperation label:
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
    /// True when <paramref name="constant"/> is a catalog code compared with an error-code expression; the cheap
    /// <see cref="TryGetCatalogCode"/> comes before the comparison analysis.
    /// </summary>
    public static bool TryGet(IOperation constant, ErrorCodeCatalog catalog, SdkSymbols sdk, CancellationToken cancellationToken, out ErrorCodeEntry entry, out IOperation errorCode)
    {
        errorCode = null!;
        if (!TryGetCatalogCode(constant, catalog, out entry)
            || ErrorCodeExpressions.FindComparedErrorCode(constant, sdk, cancellationToken) is not { } compared)
        {
            return false;
        }

        errorCode = compared;
        return true;
    }

    /// <summary>
    /// True when <paramref name="constant"/> (a literal, a const field or a const local) has a catalog code as its value.
    /// Runs for every constant-like operand of every comparison, so it rejects non-constants, and string literals of the
    /// wrong length (their text is on the syntax token), before it asks for a constant value.
    /// </summary>
    public static bool TryGetCatalogCode(IOperation constant, ErrorCodeCatalog catalog, out ErrorCodeEntry entry)
    {
        entry = null!;
        var mayBeConstant = constant switch
        {
            // A string token holds its value: no numeric formatting, no constant-value lookup for the wrong length.
            ILiteralOperation { Syntax: LiteralExpressionSyntax literal } => literal.Token.IsKind(SyntaxKind.StringLiteralToken)
                && literal.Token.ValueText.Length is var length && length >= catalog.MinCodeLength && length <= catalog.MaxCodeLength,
            ILiteralOperation => false,
            IFieldReferenceOperation reference => reference.Field.IsConst,
            ILocalReferenceOperation reference => reference.Local.IsConst,
            _ => false,
        };
        return mayBeConstant
            && constant.Type?.SpecialType == SpecialType.System_String
            && constant.ConstantValue is { HasValue: true, Value: string text }
            && catalog.TryGetEntry(text, out entry);
    }

    /// <summary>
    /// The operation that tests the code: the <c>==</c>/<c>!=</c> comparison, the <c>Equals</c> call, the <c>is</c>
    /// pattern, the case clause or the switch-expression arm around <paramref name="constant"/>; null when none is found.
    /// </summary>
    public static IOperation? TestOf(IOperation constant)
    {
        for (var current = constant.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                case IInvocationOperation:
                case IIsPatternOperation:
                case ICaseClauseOperation:
                case ISwitchExpressionArmOperation:
                    return current;
                case IConversionOperation or IArgumentOperation or IPatternOperation or IPropertySubpatternOperation:
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>True when the test succeeds for codes other than <paramref name="constant"/> (<c>!=</c>, <c>not</c>, <c>!Equals</c>).</summary>
    public static bool IsNegated(IOperation constant)
    {
        var negated = false;
        for (var current = constant.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals }:
                    return true;
                case IBinaryOperation:
                    return false;
                case IInvocationOperation:
                    return current.Parent is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not };
                case INegatedPatternOperation:
                    negated = !negated;
                    break;
                case IConversionOperation or IArgumentOperation or IPatternOperation or IPropertySubpatternOperation:
                    break;
                default:
                    return negated;
            }
        }

        return negated;
    }
}
