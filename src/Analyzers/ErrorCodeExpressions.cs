using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// Recognizes error-code expressions (design §5): <c>ErrorCode</c> of <c>ServiceResponseException</c> or a subtype
/// (also through <c>?.</c> and <c>??</c>), <c>SdkError.ErrorCode</c>, and locals only ever assigned from one of these;
/// and finds the error-code expression a constant is compared with.
/// </summary>
internal static class ErrorCodeExpressions
{
    private const int MaxLocalDepth = 2;

    /// <summary>True when <paramref name="operation"/> reads an error code.</summary>
    public static bool IsErrorCode(IOperation? operation, SdkSymbols sdk, CancellationToken cancellationToken)
        => TryGetAccess(operation, sdk, cancellationToken, out _);

    /// <summary>
    /// True when <paramref name="operation"/> reads an error code; <paramref name="receiver"/> is then the exception or
    /// SdkError instance it is read from (null for a local or a property pattern's implicit receiver).
    /// </summary>
    public static bool TryGetAccess(IOperation? operation, SdkSymbols sdk, CancellationToken cancellationToken, out IOperation? receiver)
        => TryGetAccess(operation, sdk, cancellationToken, 0, out receiver);

    /// <summary>
    /// For a constant (a literal or a constant reference) used as a comparand, the error-code expression it is compared
    /// with: <c>==</c>/<c>!=</c>, <c>string.Equals</c>/<c>Equals</c>, a <c>case</c> label, an <c>is</c>/<c>or</c>/<c>not</c>
    /// pattern, a switch-expression arm, or a property pattern on <c>ErrorCode</c>. Null when it is not compared with one.
    /// </summary>
    public static IOperation? FindComparedErrorCode(IOperation constant, SdkSymbols sdk, CancellationToken cancellationToken)
    {
        var current = OperationHelpers.WithConversions(constant);
        var parent = current.Parent;

        switch (parent)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                return Candidate(binary.LeftOperand == current ? binary.RightOperand : binary.LeftOperand, sdk, cancellationToken);
            case IArgumentOperation { Parent: IInvocationOperation invocation } argument when OperationHelpers.IsStringEquals(invocation):
                return invocation.Instance is not null
                    ? Candidate(invocation.Instance, sdk, cancellationToken)
                    : OtherArgument(invocation, argument, sdk, cancellationToken);
            case IInvocationOperation invocation when invocation.Instance == current && OperationHelpers.IsStringEquals(invocation) && invocation.Arguments.Length > 0:
                return Candidate(invocation.Arguments[0].Value, sdk, cancellationToken);
            case ISingleValueCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation @switch } }:
                return Candidate(@switch.Value, sdk, cancellationToken);
            case IConstantPatternOperation pattern:
                return FromPattern(pattern, sdk, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>The value a pattern is matched against, when that value is an error code.</summary>
    public static IOperation? FromPattern(IPatternOperation pattern, SdkSymbols sdk, CancellationToken cancellationToken)
    {
        IOperation? current = pattern;
        while (current?.Parent is IBinaryPatternOperation or INegatedPatternOperation)
        {
            current = current.Parent;
        }

        return current?.Parent switch
        {
            IIsPatternOperation isPattern => Candidate(isPattern.Value, sdk, cancellationToken),
            ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } => Candidate(switchExpression.Value, sdk, cancellationToken),
            IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation @switch } } => Candidate(@switch.Value, sdk, cancellationToken),
            IPropertySubpatternOperation subpattern => Candidate(subpattern.Member, sdk, cancellationToken),
            _ => null,
        };
    }

    private static IOperation? Candidate(IOperation? operation, SdkSymbols sdk, CancellationToken cancellationToken)
        => operation is not null && IsErrorCode(operation, sdk, cancellationToken) ? operation : null;

    private static IOperation? OtherArgument(IInvocationOperation invocation, IArgumentOperation argument, SdkSymbols sdk, CancellationToken cancellationToken)
    {
        foreach (var other in invocation.Arguments)
        {
            if (other != argument && other.Value.Type?.SpecialType == SpecialType.System_String && IsErrorCode(other.Value, sdk, cancellationToken))
            {
                return other.Value;
            }
        }

        return null;
    }

    private static bool TryGetAccess(IOperation? operation, SdkSymbols sdk, CancellationToken cancellationToken, int depth, out IOperation? receiver)
    {
        receiver = null;
        operation = OperationHelpers.Unwrap(operation);
        switch (operation)
        {
            case IPropertyReferenceOperation { Property: { Name: "ErrorCode" } errorCode } property when sdk.ErrorCodeProperty is not null
                && (ReferenceEquals(errorCode, sdk.ErrorCodeProperty) || SymbolEqualityComparer.Default.Equals(errorCode.OriginalDefinition, sdk.ErrorCodeProperty)):
                receiver = ReceiverOf(property.Instance);
                return true;
            case IFieldReferenceOperation field when sdk.SdkErrorErrorCodeField is not null
                && SymbolEqualityComparer.Default.Equals(field.Field.OriginalDefinition, sdk.SdkErrorErrorCodeField):
                receiver = ReceiverOf(field.Instance);
                return true;
            case IConditionalAccessOperation conditional when TryGetAccess(conditional.WhenNotNull, sdk, cancellationToken, depth, out _):
                receiver = conditional.Operation;
                return true;
            case ICoalesceOperation coalesce:
                return TryGetAccess(coalesce.Value, sdk, cancellationToken, depth, out receiver);
            case ILocalReferenceOperation local when depth < MaxLocalDepth:
                return IsAssignedOnlyFromErrorCodes(local, sdk, cancellationToken, depth + 1);
            default:
                return false;
        }
    }

    /// <summary>The instance an error code is read from; null for a pattern's implicit receiver.</summary>
    private static IOperation? ReceiverOf(IOperation? instance)
        => instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.PatternInput } or IConditionalAccessInstanceOperation
            ? null
            : OperationHelpers.Unwrap(instance);

    private static bool IsAssignedOnlyFromErrorCodes(ILocalReferenceOperation reference, SdkSymbols sdk, CancellationToken cancellationToken, int depth)
    {
        var local = reference.Local;
        if (local.Type?.SpecialType != SpecialType.System_String || local.IsRef)
        {
            return false;
        }

        // A local is usually compared many times (one comparison per code); walk its method body once per compilation.
        if (depth != 1)
        {
            return ScanAssignments(reference, local, sdk, cancellationToken, depth);
        }

        if (sdk.ErrorCodeLocals.TryGetValue(local, out var known))
        {
            return known;
        }

        var result = ScanAssignments(reference, local, sdk, cancellationToken, depth);
        sdk.ErrorCodeLocals.TryAdd(local, result);
        return result;
    }

    private static bool ScanAssignments(ILocalReferenceOperation reference, ILocalSymbol local, SdkSymbols sdk, CancellationToken cancellationToken, int depth)
    {

        var sawAssignment = false;
        foreach (var operation in OperationHelpers.Root(reference).Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    var initializer = OperationHelpers.InitializerOf(declarator);
                    if (initializer is not null)
                    {
                        if (!TryGetAccess(initializer, sdk, cancellationToken, depth, out _))
                        {
                            return false;
                        }

                        sawAssignment = true;
                    }

                    break;
                case IDeclarationPatternOperation declaration when SymbolEqualityComparer.Default.Equals(declaration.DeclaredSymbol, local):
                    if (FromPattern(declaration, sdk, cancellationToken) is null)
                    {
                        return false;
                    }

                    sawAssignment = true;
                    break;
                case IAssignmentOperation assignment when IsLocal(assignment.Target, local):
                    if (assignment is not ISimpleAssignmentOperation simple || !TryGetAccess(simple.Value, sdk, cancellationToken, depth, out _))
                    {
                        return false;
                    }

                    sawAssignment = true;
                    break;
                case IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In } argument when IsLocal(argument.Value, local):
                    return false;
                case IDeconstructionAssignmentOperation deconstruction when deconstruction.Target.Descendants().Any(d => IsLocal(d, local)):
                    return false;
            }
        }

        return sawAssignment;
    }

    private static bool IsLocal(IOperation operation, ILocalSymbol local)
        => operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
}
