using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace DewAnalyzers.Retry;

/// <summary>
/// The operation trees of methods that retry conditions call into (docs/rules/DEW004.md: one level into a called
/// predicate), bound once per compilation (<see cref="CompilationState"/>): a predicate called from many retry constructs is bound once, not per call.
/// </summary>
internal sealed class MethodBodies
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<SyntaxNode, IOperation?> _operations = new();

    public MethodBodies(Compilation compilation) => _compilation = compilation;

    public IOperation? OperationOf(SyntaxNode syntax, CancellationToken cancellationToken)
    {
        if (_operations.TryGetValue(syntax, out var cached))
        {
            return cached;
        }

        if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
        {
            return null;
        }

        // The predicate may live in another file; that file's model is needed.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
        var model = _compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
        var operation = model.GetOperation(syntax, cancellationToken);
        return _operations.GetOrAdd(syntax, operation);
    }
}
