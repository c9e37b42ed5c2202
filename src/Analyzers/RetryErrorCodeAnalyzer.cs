using System.Collections.Concurrent;
using System.Collections.Immutable;
using DewAnalyzers.Catalog;
using DewAnalyzers.Retry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers;

/// <summary>
/// DEW004: a retry whose condition admits an error code that is not transient (design §5). Retry constructs: SDK
/// <c>WithRetry</c>, Polly v7 retry policies, Polly v8 <c>RetryStrategyOptions.ShouldHandle</c>, <c>try</c>/<c>catch</c> in a
/// loop, and methods/collections named as retry predicates. Reported on the code operand.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RetryErrorCodeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: the admitted code, e.g. <c>KMS.0207</c>.</summary>
    public const string CodeProperty = "Code";

    /// <summary>
    /// Property: fully qualified <c>DewErrorCodes.IsTransient</c> (absent when the generated class is not there). The
    /// code test that the "retry only transient codes" fix replaces is found by the fix (<c>TransientTest</c>), not here:
    /// most diagnostics are never fixed, and the analyzer stays cheap.
    /// </summary>
    public const string IsTransientProperty = "IsTransient";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RetryOfNonTransientErrorCode);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            var sdk = SdkSymbols.Create(start.Compilation);
            var constructs = RetryConstructs.Create(start.Compilation, sdk);
            var catalog = CustomCatalogs.GetCatalog(start.Options.AdditionalFiles, start.CancellationToken);
            var reporter = new Reporter(
                start.Compilation,
                catalog,
                CatalogConstants.Create(start.Compilation, catalog, start.Options).IsTransientReference);

            if (constructs.HasSdkRetry || constructs.HasPolly7)
            {
                start.RegisterOperationAction(c => reporter.Invocation(in c, constructs), OperationKind.Invocation);
            }

            if (constructs.HasPolly8)
            {
                start.RegisterOperationAction(c => reporter.Assignment(in c, constructs), OperationKind.SimpleAssignment);
            }

            if (sdk.HasErrorCodes)
            {
                start.RegisterOperationAction(reporter.Try, OperationKind.Try);
            }

            start.RegisterOperationAction(reporter.NamedPredicate, OperationKind.MethodBody, OperationKind.LocalFunction);
            start.RegisterOperationAction(reporter.NamedCollection, OperationKind.FieldInitializer, OperationKind.PropertyInitializer, OperationKind.VariableDeclarator);
        });
    }

    private sealed class Reporter
    {
        private readonly MethodBodies _bodies;
        private readonly ErrorCodeCatalog _catalog;
        private readonly string? _isTransient;

        // A predicate can be reached from several constructs (and by its own name); report each code once.
        private readonly ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte> _reported = new();

        public Reporter(Compilation compilation, ErrorCodeCatalog catalog, string? isTransient)
        {
            _bodies = new MethodBodies(compilation);
            _catalog = catalog;
            _isTransient = isTransient;
        }

        public void Invocation(in OperationAnalysisContext context, RetryConstructs constructs)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (context.IsGeneratedCode || !constructs.MayConfigureRetry(invocation))
            {
                return;
            }

            var codes = new AdmittedCodes(_bodies, context.Operation.SemanticModel, context.CancellationToken);
            if (constructs.TryAddInvocation(invocation, codes))
            {
                Report(context, codes);
            }
        }

        public void Assignment(in OperationAnalysisContext context, RetryConstructs constructs)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (context.IsGeneratedCode || !constructs.MaySetShouldHandle(assignment))
            {
                return;
            }

            var codes = new AdmittedCodes(_bodies, context.Operation.SemanticModel, context.CancellationToken);
            if (constructs.TryAddShouldHandle(assignment, codes))
            {
                Report(context, codes);
            }
        }

        public void Try(OperationAnalysisContext context)
        {
            var tryOperation = (ITryOperation)context.Operation;
            if (context.IsGeneratedCode || !RetryLoops.MayRetry(tryOperation, out var loop))
            {
                return;
            }

            var codes = new AdmittedCodes(_bodies, context.Operation.SemanticModel, context.CancellationToken);
            RetryLoops.AddRetriedCodes(tryOperation, loop, codes);
            Report(context, codes);
        }

        public void NamedPredicate(OperationAnalysisContext context)
        {
            if (context.IsGeneratedCode)
            {
                return;
            }

            // Runs for every method: the operation kind and the name (which rejects almost all) come before the body.
            IOperation? body;
            switch (context.Operation.Kind)
            {
                case OperationKind.MethodBody when context.ContainingSymbol is IMethodSymbol method && RetryNames.IsNamedPredicate(method):
                    var methodBody = (IMethodBodyOperation)context.Operation;
                    body = (IOperation?)methodBody.BlockBody ?? methodBody.ExpressionBody;
                    break;
                case OperationKind.LocalFunction when ((ILocalFunctionOperation)context.Operation) is var localFunction
                    && RetryNames.IsNamedPredicate(localFunction.Symbol):
                    body = (IOperation?)localFunction.Body ?? localFunction.IgnoredBody;
                    break;
                default:
                    return;
            }

            if (body is null)
            {
                return;
            }

            var codes = new AdmittedCodes(_bodies, context.Operation.SemanticModel, context.CancellationToken);
            codes.AddBody(body);
            Report(context, codes);
        }

        public void NamedCollection(OperationAnalysisContext context)
        {
            IOperation? value;
            if (context.IsGeneratedCode)
            {
                return;
            }

            // Runs for every local and initialized member: one cast by operation kind, then the name.
            var operation = context.Operation;
            switch (operation.Kind)
            {
                case OperationKind.VariableDeclarator when ((IVariableDeclaratorOperation)operation) is var declarator
                    && RetryNames.IsNamedCodeCollection(declarator.Symbol):
                    value = OperationHelpers.InitializerOf(declarator);
                    break;
                case OperationKind.FieldInitializer when ((IFieldInitializerOperation)operation) is var field
                    && field.InitializedFields.Length == 1 && RetryNames.IsNamedCodeCollection(field.InitializedFields[0]):
                    value = field.Value;
                    break;
                case OperationKind.PropertyInitializer when ((IPropertyInitializerOperation)operation) is var property
                    && property.InitializedProperties.Length == 1 && RetryNames.IsNamedCodeCollection(property.InitializedProperties[0]):
                    value = property.Value;
                    break;
                default:
                    return;
            }

            var codes = new AdmittedCodes(_bodies, context.Operation.SemanticModel, context.CancellationToken);
            codes.AddCollection(value);
            Report(context, codes);
        }

        private void Report(OperationAnalysisContext context, AdmittedCodes codes)
        {
            foreach (var code in codes.Codes)
            {
                if (code.ConstantValue.Value is not string text
                    || !_catalog.TryGetEntry(text, out var entry)
                    || entry.Retry == RetryClass.Transient
                    || !_reported.TryAdd((code.Syntax.SyntaxTree, code.Syntax.Span), 0)
                    || (IsWithin(code.Syntax, context.Operation.Syntax)
                        ? GeneratedCode.InGeneratedAccessor(context.ContainingSymbol)
                        : GeneratedCode.Contains(code, context.Options, context.CancellationToken)))
                {
                    continue;
                }

                var properties = ImmutableDictionary<string, string?>.Empty.Add(CodeProperty, entry.Code);
                if (_isTransient is not null)
                {
                    properties = properties.Add(IsTransientProperty, _isTransient);
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RetryOfNonTransientErrorCode,
                    code.Syntax.GetLocation(),
                    properties,
                    entry.Code,
                    entry.Message.Trim().TrimEnd('.'),
                    entry.Retry == RetryClass.AfterAction ? "needs action first" : "never succeeds on retry",
                    entry.Measure.Trim(),
                    entry.RetryText));
            }
        }

        /// <summary>True for a code inside the analyzed construct (false for one in a predicate it followed).</summary>
        private static bool IsWithin(SyntaxNode node, SyntaxNode container)
            => node.SyntaxTree == container.SyntaxTree && container.FullSpan.Contains(node.Span);
    }
}
