using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>Small operation and symbol tests shared by the rules (one copy of each).</summary>
internal static class OperationHelpers
{
    /// <summary>The operation under any conversions (implicit or explicit).</summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The lambda a delegate value is written as (<c>x =&gt; …</c>, through any conversion); null for a method group or anything else.</summary>
    public static IAnonymousFunctionOperation? LambdaOf(IOperation? value)
        => Unwrap(value) switch
        {
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation function } => function,
            IAnonymousFunctionOperation function => function,
            _ => null,
        };

    /// <summary>The outermost conversion wrapping <paramref name="operation"/> (itself when none): its parent is the real user.</summary>
    public static IOperation WithConversions(IOperation operation)
    {
        while (operation.Parent is IConversionOperation conversion)
        {
            operation = conversion;
        }

        return operation;
    }

    /// <summary>The variable an operation names (local, parameter, field or property of this instance), or null.</summary>
    public static ISymbol? SymbolOf(IOperation? operation)
        => Unwrap(operation) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true } property => property.Property,
            _ => null,
        };

    /// <summary>
    /// The operation and its descendants, without entering nested lambdas or local functions (they run at another time:
    /// a retry condition or handler is what is written outside them).
    /// </summary>
    public static IEnumerable<IOperation> DescendantsOutsideFunctions(IOperation root, CancellationToken cancellationToken)
    {
        var stack = new Stack<IOperation>(32);
        stack.Push(root);
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = stack.Pop();
            yield return current;
            foreach (var child in current.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    stack.Push(child);
                }
            }
        }
    }

    /// <summary>The outermost operation of the tree <paramref name="operation"/> belongs to (the method body, initializer…).</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>The value a variable declarator is initialized with (on the declarator, or on its declaration), or null.</summary>
    public static IOperation? InitializerOf(IVariableDeclaratorOperation declarator)
        => declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;

    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it (a generic type also matches its definition).</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            // Public symbols are shared, so the reference test settles most cases; the definition only differs for generics.
            var definition = current.OriginalDefinition;
            if (ReferenceEquals(current, baseType)
                || SymbolEqualityComparer.Default.Equals(current, baseType)
                || (!ReferenceEquals(definition, current) && SymbolEqualityComparer.Default.Equals(definition, baseType)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when every path through the statement <paramref name="operation"/> leaves the enclosing block: <c>throw</c>,
    /// <c>return</c>, <c>break</c>, <c>goto</c>, and <c>continue</c> when <paramref name="continueLeaves"/> (a retry loop
    /// counts <c>continue</c> as going round, a catch block as leaving).
    /// </summary>
    public static bool AlwaysLeaves(IOperation? operation, bool continueLeaves)
        => operation switch
        {
            IBlockOperation block => AnyAlwaysLeaves(block.Operations, 0, continueLeaves),
            IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation } => true,
            IBranchOperation branch => continueLeaves || branch.BranchKind != BranchKind.Continue,
            IConditionalOperation { WhenFalse: not null } conditional
                => AlwaysLeaves(conditional.WhenTrue, continueLeaves) && AlwaysLeaves(conditional.WhenFalse, continueLeaves),
            _ => false,
        };

    /// <summary>True when some statement of <paramref name="statements"/> from <paramref name="start"/> on always leaves (<see cref="AlwaysLeaves"/>).</summary>
    public static bool AnyAlwaysLeaves(ImmutableArray<IOperation> statements, int start, bool continueLeaves)
    {
        for (var i = start; i < statements.Length; i++)
        {
            if (AlwaysLeaves(statements[i], continueLeaves))
            {
                return true;
            }
        }

        return false;
    }
}
