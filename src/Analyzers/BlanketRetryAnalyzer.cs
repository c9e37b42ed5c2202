using System.Collections.Generic;
using System.Collections.Immutable;
using DewAnalyzers.Catalog;
using DewAnalyzers.Retry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers;

/// <summary>
/// DEW007: a retry that admits service errors without a condition on the code — a type-only Polly <c>Handle&lt;T&gt;()</c>,
/// a <c>WithRetry</c> condition or Polly v8 predicate that only tests the exception's type, a <c>catch</c> in a retry loop
/// that goes round for every code. The same constructs as DEW004 (<see cref="RetryConstructs"/>, <see cref="RetryLoops"/>);
/// which handlers are blind to the code is <see cref="AdmittedErrors"/>'s answer. Reported on the handler.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlanketRetryAnalyzer : DewAnalyzer
{
    private const int ListedCodeCount = 3;

    /// <summary>An operation's code lists, most likely first: the message lists <c>handle</c> codes before the others.</summary>
    private static readonly System.Func<OperationInfo, ImmutableArray<string>>[] s_tiers = { o => o.Handle, o => o.Also, o => o.Maybe };

    public BlanketRetryAnalyzer()
        : base(Descriptors.BlanketRetry)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext start, CompilationState state)
    {
        if (state.Sdk.ClientRequestException is null)
        {
            return;
        }

        var reporter = new Reporter(state);
        state.RetryConstructs.RegisterActions(start, reporter.Invocation, reporter.Assignment);
        start.RegisterOperationAction(reporter.Try, OperationKind.Try);
    }

    private sealed class Reporter
    {
        private readonly CompilationState _state;
        private readonly RetryConstructs _constructs;

        // The fix's name of ServiceResponseException, formatted once per compilation (ToDisplayString is not cheap).
        private readonly System.Lazy<string?> _serviceErrorType;

        public Reporter(CompilationState state)
        {
            _state = state;
            _constructs = state.RetryConstructs;
            _serviceErrorType = new System.Lazy<string?>(() => state.Sdk.ServiceResponseException is { } service ? "global::" + service.ToDisplayString() : null);
        }

        public void Invocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (context.IsGeneratedCode || !_constructs.MayConfigureRetry(invocation) || !_constructs.TryGetHandlers(invocation, out var handlers))
            {
                return;
            }

            var operations = handlers.Kind == RetryHandlerKind.SdkCondition ? InvokedBy(invocation) : ExecutedBy(invocation);
            ReportHandlers(context, handlers, operations);
        }

        public void Assignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (!context.IsGeneratedCode && _constructs.MaySetShouldHandle(assignment) && _constructs.TryGetHandlers(assignment, out var handlers))
            {
                ReportHandlers(context, handlers, ImmutableArray<OperationInfo>.Empty);
            }
        }

        public void Try(OperationAnalysisContext context)
        {
            var tryOperation = (ITryOperation)context.Operation;
            if (context.IsGeneratedCode || !RetryLoops.MayRetry(tryOperation, out var loop) || !RetryLoops.RetriesAfterFailureOnly(tryOperation, loop))
            {
                return;
            }

            var errors = new AdmittedErrors(_state, context.CancellationToken);
            foreach (var (clause, admitted) in errors.OfCatches(tryOperation))
            {
                var operations = _state.Calls.TryGetForCatch(clause, context.CancellationToken, out var found, out var called) && found == clause
                    ? called
                    : ImmutableArray<OperationInfo>.Empty;
                if (clause.Syntax is not CatchClauseSyntax syntax)
                {
                    continue;
                }

                var end = (SyntaxNode?)syntax.Filter ?? syntax.Declaration;
                var span = TextSpan.FromBounds(syntax.CatchKeyword.SpanStart, end?.Span.End ?? syntax.CatchKeyword.Span.End);
                var fix = FixFor(FixProperties.BlanketFixFilter, HasErrorCode(clause.ExceptionType), exception: null);
                Report(context, Location.Create(syntax.SyntaxTree, span), admitted, operations, fix, syntax);
            }
        }

        private void ReportHandlers(OperationAnalysisContext context, RetryHandlers handlers, ImmutableArray<OperationInfo> operations)
        {
            var errors = new AdmittedErrors(_state, context.CancellationToken);
            foreach (var step in handlers.StepCalls)
            {
                if (errors.OfStep(step) is { } admitted && step.Syntax is InvocationExpressionSyntax syntax)
                {
                    var start = syntax.Expression is MemberAccessExpressionSyntax access ? access.Name.SpanStart : syntax.SpanStart;
                    var location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(start, syntax.ArgumentList.Span.End));
                    var fix = FixFor(FixProperties.BlanketFixPredicate, HasErrorCode(step.TargetMethod.TypeArguments[0]), exception: null);
                    Report(context, location, admitted, operations, fix, syntax.ArgumentList);
                }
            }

            if (handlers.ConditionValue is { } condition
                && errors.OfCondition(handlers.Kind, condition, out var narrowable) is { } conditionAdmitted
                && OperationHelpers.Unwrap(condition) is { } function)
            {
                var fix = narrowable is not null && ExceptionExpression(handlers.Kind, function) is { } exception
                    ? FixFor(FixProperties.BlanketFixCondition, hasErrorCode: false, exception)
                    : null;
                Report(context, function.Syntax.GetLocation(), conditionAdmitted, operations, fix, narrowable?.Syntax);
            }
        }

        private void Report(
            OperationAnalysisContext context,
            Location location,
            ITypeSymbol admitted,
            ImmutableArray<OperationInfo> operations,
            ImmutableDictionary<string, string?>? fix,
            SyntaxNode? fixTarget)
        {
            // Exception (or a bare catch) says nothing about the SDK: only a known KMS/CSMS call makes it a service retry.
            if ((operations.IsEmpty && !OperationHelpers.DerivesFrom(admitted, _state.Sdk.SdkException))
                || GeneratedCode.InGeneratedAccessor(context.ContainingSymbol))
            {
                return;
            }

            var codes = NonTransientCodes(admitted, operations);
            if (codes.Count == 0)
            {
                return;
            }

            var properties = fix is not null && fixTarget is not null ? fix : ImmutableDictionary<string, string?>.Empty;
            var additional = properties.IsEmpty ? null : new[] { fixTarget!.GetLocation() };
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.BlanketRetry,
                location,
                additional,
                properties,
                admitted.SpecialType == SpecialType.System_Object ? "Exception" : admitted.Name,
                codes.Count,
                operations.IsEmpty ? string.Empty : " that " + string.Join(", ", Names(operations)) + " can return",
                ErrorCodeEntry.Describe(codes, ListedCodeCount)));
        }

        /// <summary>
        /// The non-transient codes a blind handler of <paramref name="admitted"/> retries: those of the called operations
        /// (every tier, handle first) when known, else the catalog's, in the type's status class.
        /// </summary>
        private IReadOnlyList<ErrorCodeEntry> NonTransientCodes(ITypeSymbol admitted, ImmutableArray<OperationInfo> operations)
        {
            var statusClass = _state.Sdk.StatusClassOf(admitted);
            if (operations.IsEmpty)
            {
                return _state.Catalog.NotTransientOf(statusClass);
            }

            var codes = new List<ErrorCodeEntry>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            void Add(ErrorCodeEntry entry)
            {
                if (entry.Retry != RetryClass.Transient && (statusClass == 0 || entry.HttpStatus / 100 == statusClass) && seen.Add(entry.Code))
                {
                    codes.Add(entry);
                }
            }

            foreach (var tier in s_tiers)
            {
                foreach (var operation in operations)
                {
                    foreach (var code in tier(operation))
                    {
                        if (_state.Catalog.TryGetEntry(code, out var entry))
                        {
                            Add(entry);
                        }
                    }
                }
            }

            return codes;
        }

        /// <summary>The properties of the "Retry only transient codes" fix; null when the generated constants are not there.</summary>
        private ImmutableDictionary<string, string?>? FixFor(string kind, bool hasErrorCode, string? exception)
        {
            if (_state.Constants.IsTransientReference is not { } isTransient)
            {
                return null;
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(FixProperties.IsTransient, isTransient)
                .Add(FixProperties.BlanketFix, kind);
            if (!hasErrorCode && _serviceErrorType.Value is { } serviceErrorType)
            {
                properties = properties.Add(FixProperties.ServiceErrorType, serviceErrorType);
            }

            return exception is null ? properties : properties.Add(FixProperties.Exception, exception);
        }

        private bool HasErrorCode(ITypeSymbol? type) => OperationHelpers.DerivesFrom(type, _state.Sdk.ServiceResponseException);

        /// <summary>The exception a condition's fix tests: WithRetry's second parameter, Polly v8's <c>args.Outcome.Exception</c>.</summary>
        private static string? ExceptionExpression(RetryHandlerKind kind, IOperation function)
        {
            var parameters = OperationHelpers.LambdaOf(function)?.Symbol.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
            return kind switch
            {
                RetryHandlerKind.SdkCondition when parameters.Length == 2 && IsNamed(parameters[1]) => parameters[1].Name,
                RetryHandlerKind.OutcomePredicate when parameters.Length == 1 && IsNamed(parameters[0]) => parameters[0].Name + ".Outcome.Exception",
                _ => null,
            };
        }

        /// <summary>A parameter the fix can refer to: not a discard (<c>_</c> beside another <c>_</c>).</summary>
        private static bool IsNamed(IParameterSymbol parameter) => !parameter.IsDiscard && parameter.Name.Length > 0;

        /// <summary>The operation of the invoker <c>WithRetry</c> configures: <c>kms.DecryptDataInvoker(r)[.AddHeader(…)].WithRetry(…)</c>.</summary>
        private ImmutableArray<OperationInfo> InvokedBy(IInvocationOperation withRetry)
        {
            for (var link = OperationHelpers.Unwrap(withRetry.Instance); link is IInvocationOperation call; link = OperationHelpers.Unwrap(call.Instance))
            {
                if (_state.Calls.Resolve(call) is { } operation)
                {
                    return ImmutableArray.Create(operation);
                }
            }

            return ImmutableArray<OperationInfo>.Empty;
        }

        /// <summary>The KMS/CSMS operations a Polly v7 policy is executed on in the same expression: <c>….Retry(3).Execute(() =&gt; kms.X(r))</c>.</summary>
        private ImmutableArray<OperationInfo> ExecutedBy(IInvocationOperation retry)
        {
            if (OperationHelpers.WithConversions(retry).Parent is not IInvocationOperation execute
                || !execute.TargetMethod.Name.StartsWith("Execute", System.StringComparison.Ordinal))
            {
                return ImmutableArray<OperationInfo>.Empty;
            }

            var found = ImmutableArray.CreateBuilder<OperationInfo>();
            foreach (var argument in execute.Arguments)
            {
                foreach (var operation in argument.Value.DescendantsAndSelf())
                {
                    if (operation is IInvocationOperation call && _state.Calls.Resolve(call) is { } info && !found.Contains(info))
                    {
                        found.Add(info);
                    }
                }
            }

            return found.ToImmutable();
        }

        private static IEnumerable<string> Names(ImmutableArray<OperationInfo> operations)
        {
            foreach (var operation in operations)
            {
                yield return operation.Name;
            }
        }
    }
}
