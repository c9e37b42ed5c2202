using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers.CodeFixes;

/// <summary>
/// Removes the cases named by a set of code spans (the constants DEW005 reports) in one consistent edit:
/// <list type="bullet">
/// <item><c>or</c> operands are dropped; when every operand of a label's or arm's pattern goes, the label or arm goes.</item>
/// <item>labels are removed; when every label of a section goes, the section goes (unless another section uses a local it declares).</item>
/// <item>switch-expression arms are removed, never the last one.</item>
/// </list>
/// Switch statements with <c>goto case</c> are left alone (a removed label could be a jump target).
/// </summary>
internal static class CaseRemoval
{
    /// <summary>The new root, or null when none of the spans can be removed.</summary>
    public static SyntaxNode? Apply(SyntaxNode root, IEnumerable<TextSpan> spans)
    {
        var plan = new Plan();
        foreach (var span in spans)
        {
            if (root.FindNode(span, getInnermostNodeForTie: true) is ExpressionSyntax constant)
            {
                plan.Add(constant);
            }
        }

        plan.Resolve();
        return plan.IsEmpty ? null : plan.ApplyTo(root);
    }

    private sealed class Plan
    {
        private readonly Dictionary<PatternSyntax, HashSet<PatternSyntax>> _orOperands = new();
        private readonly Dictionary<SwitchSectionSyntax, HashSet<SwitchLabelSyntax>> _labels = new();
        private readonly Dictionary<SwitchExpressionSyntax, HashSet<SwitchExpressionArmSyntax>> _arms = new();
        private readonly Dictionary<SyntaxNode, SyntaxNode> _orReplacements = new();
        private readonly HashSet<SwitchSectionSyntax> _removedSections = new();
        private readonly Dictionary<SwitchSectionSyntax, List<SwitchLabelSyntax>> _removedLabels = new();
        private readonly Dictionary<SwitchExpressionSyntax, List<SwitchExpressionArmSyntax>> _removedArms = new();

        public bool IsEmpty => _orReplacements.Count == 0 && _removedSections.Count == 0 && _removedLabels.Count == 0 && _removedArms.Count == 0;

        public void Add(ExpressionSyntax constant)
        {
            if (constant.Parent is CaseSwitchLabelSyntax label && label.Value == constant)
            {
                AddOwner(label);
                return;
            }

            if (constant.Parent is not ConstantPatternSyntax pattern)
            {
                return;
            }

            PatternSyntax operand = pattern;
            while (operand.Parent is ParenthesizedPatternSyntax parenthesized)
            {
                operand = parenthesized;
            }

            if (operand.Parent is BinaryPatternSyntax binary && binary.IsKind(SyntaxKind.OrPattern))
            {
                AddTo(_orOperands, TopOfOr(binary), pattern);
            }
            else
            {
                AddOwner(operand.Parent);
            }
        }

        /// <summary>Turns the requests into edits: or patterns that lose every operand escalate to their label or arm.</summary>
        public void Resolve()
        {
            foreach (var pair in _orOperands)
            {
                var remaining = Leaves(pair.Key).Where(leaf => !pair.Value.Contains(leaf)).ToList();
                if (remaining.Count == 0)
                {
                    AddOwner(pair.Key.Parent);
                }
                else
                {
                    AddOrReplacement(pair.Key, JoinWithOr(remaining).WithTriviaFrom(pair.Key));
                }
            }

            foreach (var pair in _labels)
            {
                var section = pair.Key;
                if (section.Parent is not SwitchStatementSyntax @switch || HasGotoCase(@switch))
                {
                    continue;
                }

                if (section.Labels.All(pair.Value.Contains))
                {
                    if (!DeclaresLocalUsedElsewhere(section, @switch))
                    {
                        _removedSections.Add(section);
                    }
                }
                else
                {
                    _removedLabels.Add(section, pair.Value.ToList());
                }
            }

            foreach (var pair in _arms)
            {
                if (pair.Key.Arms.Any(arm => !pair.Value.Contains(arm)))
                {
                    _removedArms.Add(pair.Key, pair.Value.ToList());
                }
            }

            // An or pattern inside a label or arm that goes anyway needs no rewrite.
            foreach (var top in _orReplacements.Keys.ToList())
            {
                if (top.AncestorsAndSelf().Any(a => a is SwitchSectionSyntax s && _removedSections.Contains(s)
                    || a is SwitchLabelSyntax l && _removedLabels.Values.Any(list => list.Contains(l))
                    || a is SwitchExpressionArmSyntax arm && _removedArms.Values.Any(list => list.Contains(arm))))
                {
                    _orReplacements.Remove(top);
                }
            }
        }

        public SyntaxNode ApplyTo(SyntaxNode root)
        {
            var tracked = root.TrackNodes(_orReplacements.Keys
                .Concat<SyntaxNode>(_removedSections)
                .Concat(_removedLabels.Keys)
                .Concat(_removedLabels.Values.SelectMany(l => l))
                .Concat(_removedArms.Keys)
                .Concat(_removedArms.Values.SelectMany(a => a)));

            foreach (var pair in _orReplacements)
            {
                if (tracked.GetCurrentNode(pair.Key) is { } current)
                {
                    tracked = tracked.ReplaceNode(current, pair.Value);
                }
            }

            foreach (var pair in _removedLabels)
            {
                if (tracked.GetCurrentNode(pair.Key) is not { } section)
                {
                    continue;
                }

                var removed = new HashSet<SyntaxNode?>(pair.Value.Select(l => tracked.GetCurrentNode(l)));
                var labels = SyntaxFactory.List(section.Labels.Where(l => !removed.Contains(l)));
                if (!section.Labels.First().Equals(labels.First()))
                {
                    labels = labels.Replace(labels.First(), labels.First().WithLeadingTrivia(section.Labels.First().GetLeadingTrivia()));
                }

                tracked = tracked.ReplaceNode(section, section.WithLabels(labels));
            }

            foreach (var pair in _removedArms)
            {
                if (tracked.GetCurrentNode(pair.Key) is not { } switchExpression)
                {
                    continue;
                }

                var removed = new HashSet<SyntaxNode?>(pair.Value.Select(a => tracked.GetCurrentNode(a)));
                tracked = tracked.ReplaceNode(switchExpression, switchExpression.WithArms(WithoutArms(switchExpression.Arms, removed)));
            }

            var sections = _removedSections.Select(s => tracked.GetCurrentNode(s)).Where(s => s is not null).Cast<SyntaxNode>().ToList();
            return sections.Count == 0 ? tracked : tracked.RemoveNodes(sections, SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
        }

        /// <summary>A label left with one constant becomes <c>case "…":</c>, the form C# itself parses it as.</summary>
        private void AddOrReplacement(PatternSyntax top, PatternSyntax replacement)
        {
            if (replacement is ConstantPatternSyntax constant && top.Parent is CasePatternSwitchLabelSyntax { WhenClause: null } label)
            {
                _orReplacements.Add(label, SyntaxFactory.CaseSwitchLabel(label.Keyword, constant.Expression, label.ColonToken).WithTriviaFrom(label));
            }
            else
            {
                _orReplacements.Add(top, replacement);
            }
        }

        private void AddOwner(SyntaxNode? owner)
        {
            switch (owner)
            {
                case SwitchLabelSyntax { Parent: SwitchSectionSyntax section } label:
                    AddTo(_labels, section, label);
                    break;
                case SwitchExpressionArmSyntax { Parent: SwitchExpressionSyntax switchExpression } arm:
                    AddTo(_arms, switchExpression, arm);
                    break;
            }
        }

        private static void AddTo<TKey, TValue>(Dictionary<TKey, HashSet<TValue>> map, TKey key, TValue value)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var set))
            {
                set = new HashSet<TValue>();
                map.Add(key, set);
            }

            set.Add(value);
        }

        private static PatternSyntax TopOfOr(PatternSyntax pattern)
        {
            while (pattern.Parent is ParenthesizedPatternSyntax or BinaryPatternSyntax { RawKind: (int)SyntaxKind.OrPattern })
            {
                pattern = (PatternSyntax)pattern.Parent;
            }

            return pattern;
        }

        private static IEnumerable<PatternSyntax> Leaves(PatternSyntax pattern)
            => pattern switch
            {
                ParenthesizedPatternSyntax parenthesized => Leaves(parenthesized.Pattern),
                BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.OrPattern) => Leaves(binary.Left).Concat(Leaves(binary.Right)),
                _ => new[] { pattern },
            };

        private static PatternSyntax JoinWithOr(List<PatternSyntax> operands)
        {
            var result = operands[0].WithoutTrivia();
            for (var i = 1; i < operands.Count; i++)
            {
                var or = SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.OrKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
                result = SyntaxFactory.BinaryPattern(SyntaxKind.OrPattern, result, or, operands[i].WithoutTrivia());
            }

            return result;
        }

        private static bool HasGotoCase(SwitchStatementSyntax @switch)
            => @switch.DescendantNodes().Any(n => n.IsKind(SyntaxKind.GotoCaseStatement));

        /// <summary>Sections of a switch share one scope: a local declared in one may be assigned and read in another.</summary>
        private static bool DeclaresLocalUsedElsewhere(SwitchSectionSyntax section, SwitchStatementSyntax @switch)
        {
            var names = new HashSet<string>(section.Statements
                .OfType<LocalDeclarationStatementSyntax>()
                .SelectMany(d => d.Declaration.Variables)
                .Select(v => v.Identifier.ValueText)
                .Concat(section.Statements.OfType<LocalFunctionStatementSyntax>().Select(f => f.Identifier.ValueText)));
            return names.Count > 0 && @switch.Sections
                .Where(other => other != section)
                .SelectMany(other => other.DescendantNodes().OfType<IdentifierNameSyntax>())
                .Any(identifier => names.Contains(identifier.Identifier.ValueText));
        }

        private static SeparatedSyntaxList<SwitchExpressionArmSyntax> WithoutArms(SeparatedSyntaxList<SwitchExpressionArmSyntax> arms, HashSet<SyntaxNode?> removed)
        {
            var kept = new List<SyntaxNodeOrToken>();
            var items = arms.GetWithSeparators();
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].IsNode && removed.Contains(items[i].AsNode()))
                {
                    if (i + 1 < items.Count && items[i + 1].IsToken)
                    {
                        i++;
                    }
                    else if (kept.Count > 0 && kept[kept.Count - 1].IsToken)
                    {
                        // The last arm went: drop the comma before it but keep that comma's line break.
                        var comma = kept[kept.Count - 1].AsToken();
                        kept.RemoveAt(kept.Count - 1);
                        var previous = kept[kept.Count - 1].AsNode()!;
                        kept[kept.Count - 1] = previous.WithTrailingTrivia(previous.GetTrailingTrivia().AddRange(comma.TrailingTrivia));
                    }

                    continue;
                }

                kept.Add(items[i]);
            }

            return SyntaxFactory.SeparatedList<SwitchExpressionArmSyntax>(kept);
        }
    }
}
