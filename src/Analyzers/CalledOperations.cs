using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// Which KMS/CSMS operations a piece of code calls (design §5, DEW001/DEW003/DEW005): a single invocation, or every
/// invocation in the <c>try</c> block that a <c>catch</c> clause belongs to.
/// </summary>
internal static class CalledOperations
{
    /// <summary>
    /// The KMS/CSMS operation an invocation calls: <c>X</c>, <c>XAsync</c>, <c>XInvoker(...)</c> (the later
    /// <c>.Invoke()</c> belongs to it), <c>XAsyncInvoker(...)</c> on <c>KmsClient</c>/<c>KmsAsyncClient</c>/
    /// <c>CsmsClient</c>/<c>CsmsAsyncClient</c> (also through derived types); null otherwise.
    /// KMS and CSMS <c>ListGrants</c> are told apart by the client the method is declared on.
    /// </summary>
    public static OperationInfo? Resolve(IInvocationOperation invocation, SdkSymbols sdk, ErrorCodeCatalog catalog)
    {
        var method = invocation.TargetMethod;
        if (!catalog.Operations.IsClientMethodName(method.Name) || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public)
        {
            return null;
        }

        return ServiceOfDeclaringClient(method.ContainingType, sdk) is { } service
            && catalog.Operations.TryGetByMethodName(service, method.Name, out var info)
            ? info
            : null;
    }

    /// <summary>
    /// For an operation inside a <c>catch</c> clause (a switch, a pattern, a comparison…): the nearest enclosing catch
    /// whose <c>try</c> block calls KMS/CSMS operations (walking outward through nested try statements), and the
    /// distinct operations invoked anywhere in that try block, including inside lambdas and local functions.
    /// False when there is none.
    /// </summary>
    public static bool TryGetForCatch(
        IOperation node,
        SdkSymbols sdk,
        ErrorCodeCatalog catalog,
        CancellationToken cancellationToken,
        out ICatchClauseOperation catchClause,
        out ImmutableArray<OperationInfo> operations)
        => TryGetForCatch(node, sdk, catalog, cache: null, cancellationToken, out catchClause, out operations);

    /// <summary>
    /// As <see cref="TryGetForCatch(IOperation, SdkSymbols, ErrorCodeCatalog, CancellationToken, out ICatchClauseOperation, out ImmutableArray{OperationInfo})"/>,
    /// with a per-compilation cache (see <see cref="CreateCache"/>, create it in the compilation-start action) so each
    /// try block is walked once however many nodes of its catch clauses ask.
    /// </summary>
    public static bool TryGetForCatch(
        IOperation node,
        SdkSymbols sdk,
        ErrorCodeCatalog catalog,
        ConcurrentDictionary<SyntaxNode, ImmutableArray<OperationInfo>>? cache,
        CancellationToken cancellationToken,
        out ICatchClauseOperation catchClause,
        out ImmutableArray<OperationInfo> operations)
    {
        catchClause = null!;
        operations = ImmutableArray<OperationInfo>.Empty;
        if (!sdk.HasClients)
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

            if (cache is null || !cache.TryGetValue(body.Syntax, out var called))
            {
                called = Collect(body, sdk, catalog, cancellationToken);
                cache?.TryAdd(body.Syntax, called);
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

    /// <summary>A cache for <see cref="TryGetForCatch(IOperation, SdkSymbols, ErrorCodeCatalog, ConcurrentDictionary{SyntaxNode, ImmutableArray{OperationInfo}}, CancellationToken, out ICatchClauseOperation, out ImmutableArray{OperationInfo})"/>.</summary>
    public static ConcurrentDictionary<SyntaxNode, ImmutableArray<OperationInfo>> CreateCache() => new();

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

    private static ImmutableArray<OperationInfo> Collect(IOperation body, SdkSymbols sdk, ErrorCodeCatalog catalog, CancellationToken cancellationToken)
    {
        List<OperationInfo>? found = null;
        foreach (var descendant in body.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (descendant is not IInvocationOperation invocation || Resolve(invocation, sdk, catalog) is not { } info)
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

    private static string? ServiceOfDeclaringClient(INamedTypeSymbol? type, SdkSymbols sdk)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (sdk.ServiceOf(current) is { } service)
            {
                return service;
            }
        }

        return null;
    }
}
