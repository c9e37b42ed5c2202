using System.Collections.Immutable;
using System.Threading;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// DEW006: a code tested together with an exception type or HTTP status it can never carry — a 5xx code read from a
/// <c>ClientRequestException</c>, a 4xx code read from a <c>ServerResponseException</c>, or <c>HttpStatusCode == N</c>
/// (or <c>{ HttpStatusCode: N }</c>) in the same condition when the code comes with another status.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ErrorCodeStatusMismatchAnalyzer : DewAnalyzer
{
    public ErrorCodeStatusMismatchAnalyzer()
        : base(Descriptors.ErrorCodeStatusMismatch)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext start, CompilationState state)
    {
        if (state.Sdk.ServiceResponseException is null)
        {
            return;
        }

        ComparedConstants.Register(start, state.Catalog, (in OperationAnalysisContext c, IOperation constant, ErrorCodeEntry entry) => Analyze(in c, constant, entry, state));
    }

    private static void Analyze(in OperationAnalysisContext context, IOperation constant, ErrorCodeEntry entry, CompilationState state)
    {
        if (entry.HttpStatus < 400
            || state.ErrorCodes.TestOf(constant, context.CancellationToken) is not { } test
            || test.IsNegated(constant))
        {
            return;
        }

        var facts = ExceptionFacts.Of(test, state, context.CancellationToken);
        var conflict = Conflict(entry.HttpStatus, facts, state.Sdk);
        if (conflict is not null && !GeneratedCode.InGeneratedAccessor(context.ContainingSymbol))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ErrorCodeStatusMismatch, constant.Syntax.GetLocation(), entry.Code, entry.HttpStatus, conflict));
        }
    }

    private static string? Conflict(int status, ExceptionFacts facts, SdkSymbols sdk)
    {
        if (facts.Status is { } tested && tested != status)
        {
            return $"HttpStatusCode {tested}";
        }

        return (sdk.StatusClassOf(facts.Type), status / 100) switch
        {
            (4, 5) => "a ClientRequestException (HTTP 4xx)",
            (5, 4) => "a ServerResponseException (HTTP 5xx)",
            _ => null,
        };
    }

    /// <summary>What the condition says about the exception a code is read from: its most derived type and tested status.</summary>
    private sealed class ExceptionFacts
    {
        private readonly SdkSymbols _sdk;

        private ExceptionFacts(SdkSymbols sdk) => _sdk = sdk;

        public ITypeSymbol? Type { get; private set; }

        public int? Status { get; private set; }

        public ISymbol? Instance { get; set; }

        public static ExceptionFacts Of(ErrorCodeTest test, CompilationState state, CancellationToken cancellationToken)
        {
            var facts = new ExceptionFacts(state.Sdk);
            var errorCode = test.Subject;
            if (state.ErrorCodes.TryGetAccess(errorCode, cancellationToken, out var receiver) && receiver is not null)
            {
                facts.Narrow(receiver.Type);
                facts.Instance = OperationHelpers.SymbolOf(receiver);
            }
            else if (errorCode is IPropertyReferenceOperation { Parent: IPropertySubpatternOperation { Parent: IRecursivePatternOperation pattern } })
            {
                facts.FromPropertyPattern(pattern);
            }
            else if (errorCode is ILocalReferenceOperation local && state.ErrorCodes.SourceOf(local, cancellationToken) is { } source)
            {
                facts.Narrow(source.Type);
                facts.Instance = source.Instance;
            }

            facts.FromConjuncts(TestOperation(test), cancellationToken);
            return facts;
        }

        /// <summary>The operation that stands for the test in its condition (a property subpattern's is its <c>is</c>).</summary>
        private static IOperation TestOperation(ErrorCodeTest test)
        {
            var operation = test.Operation;
            while (operation is IPropertySubpatternOperation or IPatternOperation)
            {
                operation = operation.Parent!;
            }

            return operation;
        }

        private void FromPropertyPattern(IRecursivePatternOperation pattern)
        {
            Narrow(pattern.MatchedType);
            foreach (var subpattern in pattern.PropertySubpatterns)
            {
                if (IsHttpStatus(subpattern.Member) && subpattern.Pattern is IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: int status } })
                {
                    Status = status;
                }
            }

            if (pattern.Parent is IIsPatternOperation isPattern)
            {
                Narrow(isPattern.Value.Type);
                Instance = OperationHelpers.SymbolOf(isPattern.Value);
            }
        }

        /// <summary>The other operands of the <c>&amp;&amp;</c> chain the test is part of.</summary>
        private void FromConjuncts(IOperation test, CancellationToken cancellationToken)
        {
            if (Instance is null)
            {
                return;
            }

            var top = test;
            while (top.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd })
            {
                top = top.Parent;
            }

            if (top == test)
            {
                return;
            }

            foreach (var operation in top.DescendantsAndSelf())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case IIsTypeOperation isType when IsConjunct(isType, top) && IsInstance(isType.ValueOperand):
                        Narrow(isType.TypeOperand);
                        break;
                    case IIsPatternOperation isPattern when IsConjunct(isPattern, top) && IsInstance(isPattern.Value):
                        Narrow(isPattern.Pattern switch
                        {
                            IDeclarationPatternOperation declaration => declaration.MatchedType,
                            ITypePatternOperation type => type.MatchedType,
                            IRecursivePatternOperation recursive => recursive.MatchedType,
                            _ => null,
                        });
                        break;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } binary when IsConjunct(binary, top):
                        FromStatusComparison(binary.LeftOperand, binary.RightOperand);
                        FromStatusComparison(binary.RightOperand, binary.LeftOperand);
                        break;
                }
            }
        }

        private void FromStatusComparison(IOperation property, IOperation value)
        {
            if (OperationHelpers.Unwrap(value)?.ConstantValue is not { HasValue: true, Value: int status })
            {
                return;
            }

            var access = OperationHelpers.Unwrap(property);
            if (access is IConditionalAccessOperation conditional && IsInstance(conditional.Operation) && IsHttpStatus(conditional.WhenNotNull))
            {
                Status = status;
            }
            else if (access is IPropertyReferenceOperation reference && IsHttpStatus(reference) && IsInstance(reference.Instance))
            {
                Status = status;
            }
        }

        /// <summary>True for an operand of the chain itself (not a comparison nested in a call or lambda inside it).</summary>
        private static bool IsConjunct(IOperation operation, IOperation top)
        {
            for (var current = operation.Parent; current is not null && current != top.Parent; current = current.Parent)
            {
                if (current is not IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd })
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsHttpStatus(IOperation? operation)
            => OperationHelpers.Unwrap(operation) is IPropertyReferenceOperation reference
                && _sdk.HttpStatusCodeProperty is not null
                && SymbolEqualityComparer.Default.Equals(reference.Property.OriginalDefinition, _sdk.HttpStatusCodeProperty);

        private bool IsInstance(IOperation? operation)
            => Instance is not null && SymbolEqualityComparer.Default.Equals(OperationHelpers.SymbolOf(operation), Instance);

        public void Narrow(ITypeSymbol? type)
        {
            if (type is null || type.TypeKind == TypeKind.Error)
            {
                return;
            }

            if (Type is null || OperationHelpers.DerivesFrom(type, Type as INamedTypeSymbol))
            {
                Type = type;
            }
        }
    }
}
