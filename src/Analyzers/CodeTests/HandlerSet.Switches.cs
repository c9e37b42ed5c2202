using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>Switches as handler sets: over the code (<see cref="HandlerShape.CodeSwitch"/>) or over the exception (<see cref="HandlerShape.ExceptionSwitch"/>).</summary>
internal sealed partial class HandlerSet
{
    /// <summary>
    /// Reads a switch statement or expression over an error-code expression, or over a <c>ServiceResponseException</c>
    /// whose arms test <c>ErrorCode</c> in property patterns. Null for other switches, and for a switch over the exception
    /// with an arm that takes codes it does not name (a status or subtype pattern: it may handle any code).
    /// </summary>
    public static HandlerSet? FromSwitch(IOperation switchOperation, CompilationState state, CancellationToken cancellationToken)
    {
        var value = SwitchedValue(switchOperation);
        if (value is null)
        {
            return null;
        }

        if (value.Type?.SpecialType == SpecialType.System_String)
        {
            return state.ErrorCodes.IsErrorCode(value, cancellationToken)
                ? Read(HandlerShape.CodeSwitch, switchOperation, OperationHelpers.Unwrap(value)!, state.ErrorCodes, cancellationToken)
                : null;
        }

        return OperationHelpers.DerivesFrom(value.Type, state.Sdk.ServiceResponseException)
            ? Read(HandlerShape.ExceptionSwitch, switchOperation, OperationHelpers.Unwrap(value)!, state.ErrorCodes, cancellationToken)
            : null;
    }

    /// <summary>The value a switch statement or expression switches on; null for other operations.</summary>
    public static IOperation? SwitchedValue(IOperation switchOperation)
        => switchOperation switch
        {
            ISwitchOperation statement => statement.Value,
            ISwitchExpressionOperation expression => expression.Value,
            _ => null,
        };

    private static HandlerSet? Read(HandlerShape shape, IOperation switchOperation, IOperation subject, ErrorCodeExpressions errorCodes, CancellationToken cancellationToken)
    {
        var codes = new List<IOperation>();
        var codesIgnoringCase = new List<IOperation>();
        var families = new List<(string Prefix, bool IgnoresCase)>();
        IOperation? defaultArm = null;
        var reader = new ArmReader(shape, subject, errorCodes, codes, codesIgnoringCase, families, cancellationToken);
        if (switchOperation is ISwitchOperation statement)
        {
            foreach (var section in statement.Cases)
            {
                foreach (var clause in section.Clauses)
                {
                    switch (reader.Read(clause))
                    {
                        case Arm.Default:
                            defaultArm ??= section;
                            break;
                        case Arm.Unknown:
                            return null;
                    }
                }
            }

            var onlyThrows = defaultArm is ISwitchCaseOperation defaultSection && OnlyThrows(defaultSection.Body);
            return new HandlerSet(shape, switchOperation, subject, codes, codesIgnoringCase, defaultArm, onlyThrows, families);
        }

        foreach (var arm in ((ISwitchExpressionOperation)switchOperation).Arms)
        {
            switch (reader.Read(arm))
            {
                case Arm.Default:
                    defaultArm ??= arm;
                    break;
                case Arm.Unknown:
                    return null;
            }
        }

        var throws = defaultArm is ISwitchExpressionArmOperation throwing && OperationHelpers.Unwrap(throwing.Value) is IThrowOperation;
        return new HandlerSet(shape, switchOperation, subject, codes, codesIgnoringCase, defaultArm, throws, families);
    }

    private enum Arm
    {
        /// <summary>Names codes, or is conditional on something else (a <c>when</c> clause): other codes go on.</summary>
        Codes,

        /// <summary>Takes every other value.</summary>
        Default,

        /// <summary>Takes values it does not name by code (a status or subtype pattern of a switch over the exception).</summary>
        Unknown,
    }

    /// <summary>Reads one label or arm of a switch, adding the codes it names.</summary>
    private readonly struct ArmReader
    {
        private readonly HandlerShape _shape;
        private readonly IOperation _subject;
        private readonly ErrorCodeExpressions _errorCodes;
        private readonly List<IOperation> _codes;
        private readonly List<IOperation> _codesIgnoringCase;
        private readonly List<(string Prefix, bool IgnoresCase)> _families;
        private readonly CancellationToken _cancellationToken;

        public ArmReader(HandlerShape shape, IOperation subject, ErrorCodeExpressions errorCodes, List<IOperation> codes, List<IOperation> codesIgnoringCase, List<(string Prefix, bool IgnoresCase)> families, CancellationToken cancellationToken)
        {
            _families = families;
            _shape = shape;
            _subject = subject;
            _errorCodes = errorCodes;
            _codes = codes;
            _codesIgnoringCase = codesIgnoringCase;
            _cancellationToken = cancellationToken;
        }

        public Arm Read(ICaseClauseOperation clause)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            return clause switch
            {
                IDefaultCaseClauseOperation => Arm.Default,
                ISingleValueCaseClauseOperation single => AddConstant(single.Value),
                IPatternCaseClauseOperation pattern => Read(pattern.Pattern, pattern.Guard),
                _ => Arm.Codes,
            };
        }

        public Arm Read(ISwitchExpressionArmOperation arm)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            return Read(arm.Pattern, arm.Guard);
        }

        private Arm AddConstant(IOperation? value)
        {
            if (OperationHelpers.Unwrap(value) is { ConstantValue: { HasValue: true, Value: string } } constant)
            {
                _codes.Add(constant);
            }

            return Arm.Codes;
        }

        private Arm Read(IPatternOperation pattern, IOperation? guard)
        {
            var named = _shape == HandlerShape.CodeSwitch ? AddCodePattern(pattern) : AddExceptionPattern(pattern);
            if (guard is not null)
            {
                return AddGuard(guard, pattern) || named || _shape == HandlerShape.CodeSwitch ? Arm.Codes : Arm.Unknown;
            }

            if (_shape == HandlerShape.CodeSwitch)
            {
                return IsCatchAllString(pattern) ? Arm.Default : Arm.Codes;
            }

            return IsCatchAllException(pattern, _subject.Type) ? Arm.Default : named ? Arm.Codes : Arm.Unknown;
        }

        /// <summary>A pattern over the code: its constants (through <c>or</c>, <c>and</c>, <c>not</c>).</summary>
        private bool AddCodePattern(IPatternOperation pattern)
        {
            var count = _codes.Count;
            ErrorCodeTest.AddPatternCodes(pattern, outcome: true, _codes);
            return _codes.Count > count;
        }

        /// <summary>A pattern over the exception: the codes of its <c>ErrorCode</c> subpatterns (<c>{ ErrorCode: "A" or "B" }</c>, joined by <c>or</c>).</summary>
        private bool AddExceptionPattern(IPatternOperation pattern)
        {
            switch (pattern)
            {
                case IRecursivePatternOperation recursive:
                    var named = false;
                    foreach (var subpattern in recursive.PropertySubpatterns)
                    {
                        if (_errorCodes.IsErrorCode(subpattern.Member, _cancellationToken))
                        {
                            var count = _codes.Count;
                            ErrorCodeTest.AddPatternCodes(subpattern.Pattern, outcome: true, _codes);
                            named |= _codes.Count > count;
                        }
                    }

                    return named;
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                    var left = AddExceptionPattern(or.LeftPattern);
                    var right = AddExceptionPattern(or.RightPattern);
                    return left && right;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Codes a <c>when</c> clause tests for (<see cref="ErrorCodeTest"/>) against an error-code expression or the variable
        /// the arm's pattern declares; true when it names any.
        /// </summary>
        private bool AddGuard(IOperation guard, IPatternOperation pattern)
        {
            var declared = (pattern as IDeclarationPatternOperation)?.DeclaredSymbol as ILocalSymbol;
            var named = false;
            foreach (var operation in guard.DescendantsAndSelf())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (operation.Kind is OperationKind.Binary or OperationKind.Invocation or OperationKind.IsPattern
                    && ErrorCodeTest.Read(operation) is { } test
                    && (IsDeclared(test.Subject, declared) || _errorCodes.IsErrorCode(test.Subject, _cancellationToken)))
                {
                    AddCodes(test, _codes, _codesIgnoringCase);
                    named |= !test.Admitted.IsEmpty;
                }
                else if (operation is IInvocationOperation invocation
                    && ErrorCodeTest.TryReadFamily(invocation, out var family, out var prefix, out var ignoresCase)
                    && (IsDeclared(family, declared) || _errorCodes.IsErrorCode(family, _cancellationToken)))
                {
                    _families.Add((prefix, ignoresCase));
                    named = true;
                }
            }

            return named;
        }

        private static bool IsDeclared(IOperation subject, ILocalSymbol? declared)
            => declared is not null && subject is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, declared);

        /// <summary>A pattern that matches every string: <c>_</c>, <c>var x</c>, <c>string s</c>, <c>string</c>, <c>not "…"</c>.</summary>
        private static bool IsCatchAllString(IPatternOperation? pattern)
            => pattern switch
            {
                IDiscardPatternOperation => true,
                IDeclarationPatternOperation declaration => declaration.MatchesNull || declaration.MatchedType?.SpecialType is SpecialType.System_String or SpecialType.System_Object,
                ITypePatternOperation type => type.MatchedType?.SpecialType is SpecialType.System_String or SpecialType.System_Object,
                INegatedPatternOperation { Pattern: IConstantPatternOperation } => true,
                IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or => IsCatchAllString(or.LeftPattern) || IsCatchAllString(or.RightPattern),
                _ => false,
            };

        /// <summary>
        /// A pattern that matches every exception the switch can see: <c>_</c>, <c>var x</c>, the switched type or a base
        /// of it (<c>ServiceResponseException ex</c>), <c>{ }</c>.
        /// </summary>
        private static bool IsCatchAllException(IPatternOperation pattern, ITypeSymbol? switched)
            => pattern switch
            {
                IDiscardPatternOperation => true,
                IDeclarationPatternOperation declaration => declaration.MatchesNull || Covers(declaration.MatchedType, switched),
                ITypePatternOperation type => Covers(type.MatchedType, switched),
                IRecursivePatternOperation { PropertySubpatterns.IsEmpty: true, DeconstructionSubpatterns.IsEmpty: true } recursive
                    => recursive.MatchedType is null || Covers(recursive.MatchedType, switched),
                _ => false,
            };

        private static bool Covers(ITypeSymbol? matched, ITypeSymbol? switched)
            => matched is INamedTypeSymbol named && OperationHelpers.DerivesFrom(switched, named);
    }
}
