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
/// DEW004: a retry whose condition admits an error code that is not transient. Retry constructs: SDK
/// <c>WithRetry</c>, Polly v7 retry policies, Polly v8 <c>RetryStrategyOptions.ShouldHandle</c>, <c>try</c>/<c>catch</c> in a
/// loop, and methods/collections named as retry predicates. Reported on the code operand.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NonTransientRetryAnalyzer : DewAnalyzer
{
    public NonTransientRetryAnalyzer()
        : base(Descriptors.NonTransientRetry)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext start, CompilationState state)
    {
        if (!state.MayHoldCodes(start.CancellationToken))
        {
            return;
        }

        var reporter = new Reporter(state);

        // Retry constructs are looked at without the SDK too: a predicate may compare any string with a code by value
        // (NonTransientRetryPollyTests.Polly8_WithoutSdk_PlainStringsAreStillMatchedByValue).
        state.RetryConstructs.RegisterActions(start, reporter.Invocation, reporter.Assignment);
        if (state.Sdk.HasErrorCodes)
        {
            start.RegisterOperationAction(reporter.Try, OperationKind.Try);
        }

        start.RegisterOperationAction(reporter.NamedPredicate, OperationKind.MethodBody, OperationKind.LocalFunction);
        start.RegisterOperationAction(reporter.NamedCollection, OperationKind.FieldInitializer, OperationKind.PropertyInitializer, OperationKind.VariableDeclarator);
    }

    private sealed class Reporter
    {
        private readonly CompilationState _state;
        private readonly RetryConstructs _constructs;

        // A predicate can be reached from several constructs (and by its own name); report each code once.
        private readonly ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte> _reported = new();

        public Reporter(CompilationState state)
        {
            _state = state;
            _constructs = state.RetryConstructs;
        }

        public void Invocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (context.IsGeneratedCode || !_constructs.MayConfigureRetry(invocation))
            {
                return;
            }

            var codes = new AdmittedCodes(_state, context.Operation.SemanticModel, context.CancellationToken);
            if (_constructs.TryAddInvocation(invocation, codes))
            {
                Report(context, codes);
            }
        }

        public void Assignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (context.IsGeneratedCode || !_constructs.MaySetShouldHandle(assignment))
            {
                return;
            }

            var codes = new AdmittedCodes(_state, context.Operation.SemanticModel, context.CancellationToken);
            if (_constructs.TryAddShouldHandle(assignment, codes))
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

            var codes = new AdmittedCodes(_state, context.Operation.SemanticModel, context.CancellationToken);
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

            var codes = new AdmittedCodes(_state, context.Operation.SemanticModel, context.CancellationToken);
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

            var codes = new AdmittedCodes(_state, context.Operation.SemanticModel, context.CancellationToken);
            codes.AddCollection(value);
            Report(context, codes);
        }

        private void Report(OperationAnalysisContext context, AdmittedCodes codes)
        {
            foreach (var code in codes.Codes)
            {
                if (code.ConstantValue.Value is not string text
                    || !_state.Catalog.TryGetEntry(text, out var entry)
                    || entry.Retry == RetryClass.Transient
                    || !_reported.TryAdd((code.Syntax.SyntaxTree, code.Syntax.Span), 0)
                    || (IsWithin(code.Syntax, context.Operation.Syntax)
                        ? GeneratedCode.InGeneratedAccessor(context.ContainingSymbol)
                        : GeneratedCode.Contains(code, context.Options, context.CancellationToken)))
                {
                    continue;
                }

                var properties = ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Code, entry.Code);
                if (_state.Constants.IsTransientReference is { } isTransient)
                {
                    properties = properties.Add(FixProperties.IsTransient, isTransient);
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.NonTransientRetry,
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
