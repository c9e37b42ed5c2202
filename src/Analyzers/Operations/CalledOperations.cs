using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// Which KMS/CSMS operations a piece of code calls (DEW001/DEW003/DEW005): a single invocation, or every invocation in
/// the <c>try</c> block that a <c>catch</c> clause belongs to. One instance per compilation (<see cref="CompilationState"/>),
/// so each try block is walked once however many nodes of its catch clauses ask.
/// </summary>
internal sealed class CalledOperations
{
    private readonly SdkSymbols _sdk;
    private readonly ErrorCodeCatalog _catalog;
    private readonly ConcurrentDictionary<SyntaxNode, ImmutableArray<OperationInfo>> _byTryBody = new();

    public CalledOperations(SdkSymbols sdk, ErrorCodeCatalog catalog)
    {
        _sdk = sdk;
        _catalog = catalog;
    }

    /// <summary>A snapshot of the try blocks walked so far (each is walked once per compilation).</summary>
    public ICollection<SyntaxNode> WalkedTryBodies => _byTryBody.Keys;

    /// <summary>
    /// The KMS/CSMS operation an invocation calls: <c>X</c>, <c>XAsync</c>, <c>XInvoker(...)</c> (the later
    /// <c>.Invoke()</c> belongs to it), <c>XAsyncInvoker(...)</c> on <c>KmsClient</c>/<c>KmsAsyncClient</c>/
    /// <c>CsmsClient</c>/<c>CsmsAsyncClient</c> (also through derived types); null otherwise.
    /// KMS and CSMS <c>ListGrants</c> are told apart by the client the method is declared on.
    /// </summary>
    public OperationInfo? Resolve(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!_catalog.Operations.IsClientMethodName(method.Name) || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public)
        {
            return null;
        }

        return ServiceOfDeclaringClient(method.ContainingType) is { } service
            && _catalog.Operations.TryGetByMethodName(service, method.Name, out var info)
            ? info
            : null;
    }

    /// <summary>
    /// For an operation inside a <c>catch</c> clause (a switch, a pattern, a comparison…), or a catch clause itself: the
    /// nearest enclosing catch whose <c>try</c> block calls KMS/CSMS operations (walking outward through nested try
    /// statements), and the distinct operations invoked anywhere in that try block, including inside lambdas and local
    /// functions. False when there is none.
    /// </summary>
    public bool TryGetForCatch(IOperation node, CancellationToken cancellationToken, out ICatchClauseOperation catchClause, out ImmutableArray<OperationInfo> operations)
    {
        catchClause = null!;
        operations = ImmutableArray<OperationInfo>.Empty;
        if (!_sdk.HasClients)
        {
            return false;
        }

        // Start at the node itself when it is a catch clause (the caller found it with EnclosingCatch).
        for (var current = node is ICatchClauseOperation ? node : node.Parent; current is not null; current = current.Parent)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (current is not ICatchClauseOperation { Parent: ITryOperation { Body: { } body } } candidate)
            {
                continue;
            }

            if (!_byTryBody.TryGetValue(body.Syntax, out var called))
            {
                called = _byTryBody.GetOrAdd(body.Syntax, Collect(body, cancellationToken));
            }

            if (!called.IsEmpty)
            {
                catchClause = candidate;
                operations = called;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The innermost catch clause around <paramref name="node"/>, or null. Pass it to <c>TryGetForCatch</c> to continue
    /// the walk from there instead of from the node again.
    /// </summary>
    public static ICatchClauseOperation? EnclosingCatch(IOperation node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is ICatchClauseOperation catchClause)
            {
                return catchClause;
            }
        }

        return null;
    }

    private ImmutableArray<OperationInfo> Collect(IOperation body, CancellationToken cancellationToken)
    {
        List<OperationInfo>? found = null;
        foreach (var descendant in body.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (descendant is not IInvocationOperation invocation || Resolve(invocation) is not { } info)
            {
                continue;
            }

            found ??= new List<OperationInfo>();
            if (!found.Contains(info))
            {
                found.Add(info);
            }
        }

        return found is null ? ImmutableArray<OperationInfo>.Empty : found.ToImmutableArray();
    }

    private string? ServiceOfDeclaringClient(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (_sdk.ServiceOf(current) is { } service)
            {
                return service;
            }
        }

        return null;
    }
}
