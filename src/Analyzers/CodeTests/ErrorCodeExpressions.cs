using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// Recognizes error-code expressions (docs/rules/DEW005.md lists them): <c>ErrorCode</c> of <c>ServiceResponseException</c>
/// or a subtype (also through <c>?.</c> and <c>??</c>), <c>SdkError.ErrorCode</c>, and locals only ever given one of these
/// (<see cref="LocalValues"/>); and, with <see cref="ErrorCodeTest"/>, finds the test a constant is compared in when its
/// subject is an error code. One instance per compilation, in <see cref="CompilationState"/>.
/// </summary>
internal sealed class ErrorCodeExpressions
{
    private const int MaxLocalDepth = 2;

    private readonly SdkSymbols _sdk;
    private readonly LocalValues.Memo _locals;

    public ErrorCodeExpressions(SdkSymbols sdk, LocalValues.Memo locals)
    {
        _sdk = sdk;
        _locals = locals;
    }

    /// <summary>True when <paramref name="operation"/> reads an error code.</summary>
    public bool IsErrorCode(IOperation? operation, CancellationToken cancellationToken)
        => TryGetAccess(operation, 0, cancellationToken, out _);

    /// <summary>
    /// True when <paramref name="operation"/> reads an error code; <paramref name="receiver"/> is then the exception or
    /// SdkError instance it is read from (null for a local or a property pattern's implicit receiver).
    /// </summary>
    public bool TryGetAccess(IOperation? operation, CancellationToken cancellationToken, out IOperation? receiver)
        => TryGetAccess(operation, 0, cancellationToken, out receiver);

    /// <summary>
    /// The test <paramref name="constant"/> is compared in (<see cref="ErrorCodeTest.Of"/>) when the tested value is an
    /// error-code expression; null otherwise.
    /// </summary>
    public ErrorCodeTest? TestOf(IOperation constant, CancellationToken cancellationToken)
        => ErrorCodeTest.Of(constant) is { } test && IsErrorCode(test.Subject, cancellationToken) ? test : null;

    /// <summary>
    /// The exception an error code is read from: the receiver of <c>e.ErrorCode</c> (its variable, when it is one, and its
    /// static type), or, for a local that only ever holds codes read from one exception, that exception. False when the
    /// code is not read from a known exception (a property pattern's implicit receiver, a local of mixed sources).
    /// </summary>
    public bool TryGetException(IOperation errorCode, CancellationToken cancellationToken, out ISymbol? instance, out ITypeSymbol? type)
    {
        instance = null;
        type = null;
        if (TryGetAccess(errorCode, cancellationToken, out var receiver) && receiver is not null)
        {
            instance = OperationHelpers.SymbolOf(receiver);
            type = receiver.Type;
            return true;
        }

        if (OperationHelpers.Unwrap(errorCode) is ILocalReferenceOperation local && SourceOf(local, cancellationToken) is { } source)
        {
            (instance, type) = source;
            return true;
        }

        return false;
    }

    /// <summary>For a local that only ever holds error codes read from one exception: that exception (symbol and static type).</summary>
    private (ISymbol Instance, ITypeSymbol? Type)? SourceOf(ILocalReferenceOperation local, CancellationToken cancellationToken)
    {
        IOperation? source = null;
        ISymbol? symbol = null;
        foreach (var value in _locals.Of(local, cancellationToken).Values)
        {
            if (!TryGetAccess(value, cancellationToken, out var receiver) || receiver is null || OperationHelpers.SymbolOf(receiver) is not { } current
                || (symbol is not null && !SymbolEqualityComparer.Default.Equals(symbol, current)))
            {
                return null;
            }

            source = receiver;
            symbol = current;
        }

        return symbol is null ? null : (symbol, source!.Type);
    }

    private bool TryGetAccess(IOperation? operation, int depth, CancellationToken cancellationToken, out IOperation? receiver)
    {
        receiver = null;
        operation = OperationHelpers.Unwrap(operation);
        switch (operation)
        {
            case IPropertyReferenceOperation { Property: { Name: "ErrorCode" } errorCode } property when _sdk.ErrorCodeProperty is not null
                && (ReferenceEquals(errorCode, _sdk.ErrorCodeProperty) || SymbolEqualityComparer.Default.Equals(errorCode.OriginalDefinition, _sdk.ErrorCodeProperty)):
                receiver = ReceiverOf(property.Instance);
                return true;
            case IFieldReferenceOperation field when _sdk.SdkErrorErrorCodeField is not null
                && SymbolEqualityComparer.Default.Equals(field.Field.OriginalDefinition, _sdk.SdkErrorErrorCodeField):
                receiver = ReceiverOf(field.Instance);
                return true;
            case IConditionalAccessOperation conditional when TryGetAccess(conditional.WhenNotNull, depth, cancellationToken, out _):
                receiver = conditional.Operation;
                return true;
            case ICoalesceOperation coalesce:
                return TryGetAccess(coalesce.Value, depth, cancellationToken, out receiver);
            case ILocalReferenceOperation local when depth < MaxLocalDepth:
                return HoldsOnlyErrorCodes(local, depth + 1, cancellationToken);
            default:
                return false;
        }
    }

    /// <summary>The instance an error code is read from; null for a pattern's implicit receiver.</summary>
    private static IOperation? ReceiverOf(IOperation? instance)
        => instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.PatternInput } or IConditionalAccessInstanceOperation
            ? null
            : OperationHelpers.Unwrap(instance);

    private bool HoldsOnlyErrorCodes(ILocalReferenceOperation reference, int depth, CancellationToken cancellationToken)
    {
        if (reference.Local.Type?.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        var values = _locals.Of(reference, cancellationToken);
        if (!values.IsComplete || values.Values.IsEmpty)
        {
            return false;
        }

        foreach (var value in values.Values)
        {
            var isErrorCode = value is IDeclarationPatternOperation declaration
                ? IsErrorCode(ErrorCodeTest.PatternSubject(declaration), cancellationToken)
                : TryGetAccess(value, depth, cancellationToken, out _);
            if (!isErrorCode)
            {
                return false;
            }
        }

        return true;
    }
}
