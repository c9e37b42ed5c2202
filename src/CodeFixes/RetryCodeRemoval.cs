using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers.CodeFixes;

/// <summary>
/// DEW004 "Remove the code from the retry condition": drops the code's operand of a <c>||</c> chain or an <c>or</c>
/// pattern, its collection element, <c>case</c> label or switch arm, and keeps the rest valid. A code that is the only
/// alternative of its condition cannot be removed (nothing would be left to test).
/// </summary>
internal static class RetryCodeRemoval
{
    private static readonly SyntaxAnnotation s_remove = new("DEW004.Remove");

    /// <summary>Removes the codes at <paramref name="codeSpans"/>; false when none of them can be removed.</summary>
    public static bool TryRemove(SyntaxNode root, IEnumerable<TextSpan> codeSpans, out SyntaxNode newRoot)
    {
        newRoot = root;
        var units = new HashSet<SyntaxNode>();
        foreach (var span in codeSpans)
        {
            if (root.FindNode(span, getInnermostNodeForTie: true) is ExpressionSyntax code && code.Span == span && FindUnit(code) is { } unit)
            {
                units.Add(unit);
            }
        }

        if (units.Count == 0)
        {
            return false;
        }

        var annotated = root.ReplaceNodes(units, (_, rewritten) => rewritten.WithAdditionalAnnotations(s_remove));
        var containers = new HashSet<SyntaxNode>();
        foreach (var unit in annotated.GetAnnotatedNodes(s_remove))
        {
            if (ContainerOf(unit) is { } container)
            {
                containers.Add(container);
            }
        }

        var changed = false;
        newRoot = annotated.ReplaceNodes(containers, (_, rewritten) =>
        {
            var rebuilt = Rebuild(rewritten);
            changed |= rebuilt is not null;
            return rebuilt ?? rewritten;
        });
        return changed;
    }

    /// <summary>The node that goes away with the code: the comparison, the pattern alternative, the element, the label or the arm.</summary>
    private static SyntaxNode? FindUnit(ExpressionSyntax code)
    {
        switch (code.Parent)
        {
            case ConstantPatternSyntax constant:
                SyntaxNode pattern = constant;
                while (pattern.Parent is ParenthesizedPatternSyntax)
                {
                    pattern = pattern.Parent;
                }

                return pattern.Parent switch
                {
                    BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.OrPattern) => pattern,
                    SwitchExpressionArmSyntax arm when arm.WhenClause is null => arm,
                    IsPatternExpressionSyntax isPattern => OrOperand(isPattern),
                    CasePatternSwitchLabelSyntax label when label.WhenClause is null => label,
                    _ => null,
                };
            case CaseSwitchLabelSyntax label:
                return label;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression):
                return OrOperand(binary);
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } when IsEqualsCall(invocation):
                return OrOperand(invocation);
            case MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access when access.Expression == code && IsEqualsCall(invocation):
                return OrOperand(invocation);
            case InitializerExpressionSyntax:
                return code;
            case ExpressionElementSyntax element:
                return element;
            default:
                return null;
        }
    }

    private static SyntaxNode? OrOperand(ExpressionSyntax test)
    {
        SyntaxNode operand = test;
        while (operand.Parent is ParenthesizedExpressionSyntax)
        {
            operand = operand.Parent;
        }

        return operand.Parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.LogicalOrExpression) ? operand : null;
    }

    private static bool IsEqualsCall(InvocationExpressionSyntax invocation)
        => invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Equals" };

    private static SyntaxNode? ContainerOf(SyntaxNode unit)
    {
        switch (unit)
        {
            case PatternSyntax pattern:
                return TopOfChain(pattern, SyntaxKind.OrPattern);
            case SwitchExpressionArmSyntax arm:
                return arm.Parent;
            case SwitchLabelSyntax label:
                return label.Parent;
            case ExpressionElementSyntax element:
                return element.Parent;
            case ExpressionSyntax { Parent: InitializerExpressionSyntax initializer }:
                return initializer;
            default:
                return TopOfChain(unit, SyntaxKind.LogicalOrExpression);
        }
    }

    /// <summary>The outermost <c>||</c> (or <c>or</c> pattern) reached from <paramref name="node"/> through that operator and parentheses.</summary>
    private static SyntaxNode? TopOfChain(SyntaxNode node, SyntaxKind kind)
    {
        SyntaxNode? top = null;
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current.IsKind(kind))
            {
                top = current;
            }
            else if (current is not (ParenthesizedExpressionSyntax or ParenthesizedPatternSyntax) || !IsChainParent(current.Parent, kind))
            {
                break;
            }
        }

        return top;
    }

    private static bool IsChainParent(SyntaxNode? parent, SyntaxKind kind) => parent is not null && parent.IsKind(kind);

    /// <summary>The container without its annotated parts, or null when nothing (or nothing valid) would be left.</summary>
    private static SyntaxNode? Rebuild(SyntaxNode container)
    {
        switch (container)
        {
            case BinaryExpressionSyntax or:
                return RebuildChain(or, SyntaxKind.LogicalOrExpression);
            case BinaryPatternSyntax or:
                return RebuildChain(or, SyntaxKind.OrPattern);
            case SwitchExpressionSyntax switchExpression:
                return Without(switchExpression.Arms) is { } arms ? switchExpression.WithArms(arms) : null;
            case SwitchSectionSyntax section:
                return Without(section.Labels) is { } labels ? section.WithLabels(labels) : null;
            case InitializerExpressionSyntax initializer:
                return Without(initializer.Expressions) is { } expressions ? initializer.WithExpressions(expressions) : null;
            case CollectionExpressionSyntax collection:
                return Without(collection.Elements) is { } elements ? collection.WithElements(elements) : null;
            default:
                return null;
        }
    }

    private static SeparatedSyntaxList<T>? Without<T>(SeparatedSyntaxList<T> list)
        where T : SyntaxNode
    {
        var result = list;
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].HasAnnotation(s_remove))
            {
                var wasLast = i == result.Count - 1;
                result = result.RemoveAt(i);
                if (wasLast && result.Count > 0)
                {
                    // The separator before the removed last item goes with it; keep the space before the closing brace.
                    var last = result[result.Count - 1];
                    result = result.Replace(last, last.WithTrailingTrivia(list[i].GetTrailingTrivia()));
                }
            }
        }

        return result.Count == list.Count || result.Count == 0 ? null : result;
    }

    private static SyntaxList<T>? Without<T>(SyntaxList<T> list)
        where T : SyntaxNode
    {
        var result = list;
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].HasAnnotation(s_remove))
            {
                result = result.RemoveAt(i);
            }
        }

        return result.Count == list.Count || result.Count == 0 ? null : result;
    }

    private static SyntaxNode? RebuildChain(SyntaxNode chain, SyntaxKind kind)
    {
        var leaves = new List<SyntaxNode>();
        var operators = new List<SyntaxToken>();
        Flatten(chain, kind, leaves, operators);

        var kept = new List<int>();
        for (var i = 0; i < leaves.Count; i++)
        {
            if (!leaves[i].HasAnnotation(s_remove))
            {
                kept.Add(i);
            }
        }

        if (kept.Count == leaves.Count || kept.Count == 0)
        {
            return null;
        }

        var result = leaves[kept[0]];
        if (kept[0] != 0)
        {
            result = result.WithLeadingTrivia(leaves[0].GetLeadingTrivia());
        }

        for (var k = 1; k < kept.Count; k++)
        {
            var right = leaves[kept[k]];
            var @operator = operators[kept[k] - 1];
            result = kind == SyntaxKind.OrPattern
                ? SyntaxFactory.BinaryPattern(kind, (PatternSyntax)result, @operator, (PatternSyntax)right)
                : SyntaxFactory.BinaryExpression(kind, (ExpressionSyntax)result, @operator, (ExpressionSyntax)right);
        }

        return kept[kept.Count - 1] == leaves.Count - 1 ? result : result.WithTrailingTrivia(leaves[leaves.Count - 1].GetTrailingTrivia());
    }

    private static void Flatten(SyntaxNode node, SyntaxKind kind, List<SyntaxNode> leaves, List<SyntaxToken> operators)
    {
        switch (node)
        {
            case BinaryExpressionSyntax binary when binary.IsKind(kind):
                Flatten(binary.Left, kind, leaves, operators);
                operators.Add(binary.OperatorToken);
                Flatten(binary.Right, kind, leaves, operators);
                break;
            case BinaryPatternSyntax binary when binary.IsKind(kind):
                Flatten(binary.Left, kind, leaves, operators);
                operators.Add(binary.OperatorToken);
                Flatten(binary.Right, kind, leaves, operators);
                break;
            case ParenthesizedExpressionSyntax { Expression: { } inner } when inner.IsKind(kind) && !node.HasAnnotation(s_remove):
                Flatten(inner, kind, leaves, operators);
                break;
            case ParenthesizedPatternSyntax { Pattern: { } inner } when inner.IsKind(kind) && !node.HasAnnotation(s_remove):
                Flatten(inner, kind, leaves, operators);
                break;
            default:
                leaves.Add(node);
                break;
        }
    }
}
