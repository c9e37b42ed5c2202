using System.Collections.Concurrent;
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
public sealed class ImpossibleErrorCodeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ImpossibleErrorCode);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            var sdk = SdkSymbols.Create(start.Compilation);
            if (sdk.ServiceResponseException is null)
            {
                return;
            }

            var catalog = CustomCatalogs.GetCatalog(start.Options.AdditionalFiles, start.CancellationToken);
            var localSources = new ConcurrentDictionary<ILocalSymbol, LocalSource>(SymbolEqualityComparer.Default);
            ComparedErrorCodes.RegisterConstantAction(start, (in OperationAnalysisContext c, IOperation constant) => Analyze(in c, constant, catalog, sdk, localSources));
        });
    }

    private static void Analyze(in OperationAnalysisContext context, IOperation constant, ErrorCodeCatalog catalog, SdkSymbols sdk, ConcurrentDictionary<ILocalSymbol, LocalSource> localSources)
    {
        if (!ComparedErrorCodes.TryGet(constant, catalog, sdk, context.CancellationToken, out var entry, out var errorCode)
            || entry.HttpStatus < 400
            || ComparedErrorCodes.IsNegated(constant)
            || ComparedErrorCodes.TestOf(constant) is not { } test)
        {
            return;
        }

        var facts = ExceptionFacts.Of(errorCode, test, sdk, localSources, context.CancellationToken);
        var conflict = Conflict(entry.HttpStatus, facts, sdk);
        if (conflict is not null && !GeneratedCode.InGeneratedAccessor(context.ContainingSymbol))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ImpossibleErrorCode, constant.Syntax.GetLocation(), entry.Code, entry.HttpStatus, conflict));
        }
    }

    private static string? Conflict(int status, ExceptionFacts facts, SdkSymbols sdk)
    {
        if (facts.Status is { } tested && tested != status)
        {
            return $"HttpStatusCode {tested}";
        }

        if (status >= 500 && OperationHelpers.DerivesFrom(facts.Type, sdk.ClientRequestException))
        {
            return "a ClientRequestException (HTTP 4xx)";
        }

        if (status < 500 && OperationHelpers.DerivesFrom(facts.Type, sdk.ServerResponseException))
        {
            return "a ServerResponseException (HTTP 5xx)";
        }

        return null;
    }

    /// <summary>What the condition says about the exception a code is read from: its most derived type and tested status.</summary>
    private sealed class ExceptionFacts
    {
        private readonly SdkSymbols _sdk;

        private ExceptionFacts(SdkSymbols sdk) => _sdk = sdk;

        public ITypeSymbol? Type { get; private set; }

        public int? Status { get; private set; }

        public ISymbol? Instance { get; set; }

        public static ExceptionFacts Of(IOperation errorCode, IOperation test, SdkSymbols sdk, ConcurrentDictionary<ILocalSymbol, LocalSource> localSources, CancellationToken cancellationToken)
        {
            var facts = new ExceptionFacts(sdk);
            if (ErrorCodeExpressions.TryGetAccess(errorCode, sdk, cancellationToken, out var receiver) && receiver is not null)
            {
                facts.Narrow(receiver.Type);
                facts.Instance = SymbolOf(receiver);
            }
            else if (OperationHelpers.Unwrap(errorCode) is IPropertyReferenceOperation { Parent: IPropertySubpatternOperation { Parent: IRecursivePatternOperation pattern } })
            {
                facts.FromPropertyPattern(pattern);
            }
            else if (OperationHelpers.Unwrap(errorCode) is ILocalReferenceOperation local)
            {
                var source = localSources.TryGetValue(local.Local, out var known)
                    ? known
                    : localSources.GetOrAdd(local.Local, LocalSource.Of(local, sdk, cancellationToken));
                if (source.Instance is not null)
                {
                    facts.Narrow(source.Type);
                    facts.Instance = source.Instance;
                }
            }

            facts.FromConjuncts(test, cancellationToken);
            return facts;
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
                Instance = SymbolOf(isPattern.Value);
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
            => Instance is not null && SymbolEqualityComparer.Default.Equals(SymbolOf(operation), Instance);

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

        public static ISymbol? SymbolOf(IOperation? operation)
            => OperationHelpers.Unwrap(operation) switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
                IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true } property => property.Property,
                _ => null,
            };
    }

    /// <summary>
    /// For a local read from error codes: the exception it was read from (symbol and static type), when every
    /// assignment reads the same one. Computed once per local per compilation (a local is compared once per code).
    /// </summary>
    private sealed class LocalSource
    {
        private static readonly LocalSource s_unknown = new(null, null);

        private LocalSource(ISymbol? instance, ITypeSymbol? type)
        {
            Instance = instance;
            Type = type;
        }

        public ISymbol? Instance { get; }

        public ITypeSymbol? Type { get; }

        public static LocalSource Of(ILocalReferenceOperation reference, SdkSymbols sdk, CancellationToken cancellationToken)
        {
            IOperation? source = null;
            foreach (var operation in OperationHelpers.Root(reference).Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var value = operation switch
                {
                    IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local) => declarator.Initializer?.Value,
                    ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local) => assignment.Value,
                    _ => null,
                };
                if (value is null)
                {
                    continue;
                }

                if (!ErrorCodeExpressions.TryGetAccess(value, sdk, cancellationToken, out var receiver) || receiver is null
                    || (source is not null && !SymbolEqualityComparer.Default.Equals(ExceptionFacts.SymbolOf(source), ExceptionFacts.SymbolOf(receiver))))
                {
                    return s_unknown;
                }

                source = receiver;
            }

            return source is not null && ExceptionFacts.SymbolOf(source) is { } symbol ? new LocalSource(symbol, source.Type) : s_unknown;
        }
    }
}
