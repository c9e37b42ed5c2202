using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// Where a local's value comes from: every value it is given in its method body (declarator initializers, simple
/// assignments, the declaration patterns that declare it), and whether it can also change in ways that name no value
/// (compound assignment, <c>ref</c>/<c>out</c> argument, deconstruction). The one scan of a local's assignments: the body
/// is walked once per local per compilation, however many rules and comparisons ask.
/// </summary>
internal sealed class LocalValues
{
    private static readonly LocalValues s_none = new(ImmutableArray<IOperation>.Empty, isComplete: false);

    private LocalValues(ImmutableArray<IOperation> values, bool isComplete)
    {
        Values = values;
        IsComplete = isComplete;
    }

    /// <summary>
    /// The values, in source order: the initializer or assigned value (conversions kept), or the
    /// <see cref="IDeclarationPatternOperation"/> that declares the local.
    /// </summary>
    public ImmutableArray<IOperation> Values { get; }

    /// <summary>False when the local can also change without one of <see cref="Values"/> (or is a <c>ref</c> local).</summary>
    public bool IsComplete { get; }

    /// <summary>The per-compilation memo; one lives in <see cref="CompilationState"/>.</summary>
    public sealed class Memo
    {
        private readonly ConcurrentDictionary<ILocalSymbol, LocalValues> _byLocal = new(SymbolEqualityComparer.Default);

        /// <summary>The values of the local <paramref name="reference"/> reads, scanned once per local.</summary>
        public LocalValues Of(ILocalReferenceOperation reference, CancellationToken cancellationToken)
        {
            var local = reference.Local;
            if (local.IsRef)
            {
                return s_none;
            }

            return _byLocal.TryGetValue(local, out var known)
                ? known
                : _byLocal.GetOrAdd(local, Scan(OperationHelpers.Root(reference), local, cancellationToken));
        }
    }

    private static LocalValues Scan(IOperation root, ILocalSymbol local, CancellationToken cancellationToken)
    {
        var values = new List<IOperation>();
        var isComplete = true;
        foreach (var operation in root.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (OperationHelpers.InitializerOf(declarator) is { } initializer)
                    {
                        values.Add(initializer);
                    }

                    break;
                case IDeclarationPatternOperation declaration when SymbolEqualityComparer.Default.Equals(declaration.DeclaredSymbol, local):
                    values.Add(declaration);
                    break;
                case ISimpleAssignmentOperation simple when IsLocal(simple.Target, local):
                    values.Add(simple.Value);
                    break;
                case IAssignmentOperation assignment when IsLocal(assignment.Target, local):
                    isComplete = false;
                    break;
                case IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In } argument when IsLocal(argument.Value, local):
                    isComplete = false;
                    break;
                case IDeconstructionAssignmentOperation deconstruction when Mentions(deconstruction.Target, local):
                    isComplete = false;
                    break;
            }
        }

        return new LocalValues(values.ToImmutableArray(), isComplete);
    }

    private static bool Mentions(IOperation target, ILocalSymbol local)
    {
        foreach (var operation in target.DescendantsAndSelf())
        {
            if (IsLocal(operation, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLocal(IOperation operation, ILocalSymbol local)
        => operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
}
