using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace DewAnalyzers.CodeFixes;

/// <summary>
/// DEW003: add one case per missing error code before the default, each doing what the switch does for that code today
/// (the throwing default's statements, or <c>break;</c> when there is no default), with a comment carrying the catalog's
/// message and measure. Switch expressions: arms repeating the throwing discard arm, before it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingErrorCodeCaseFixer))]
[Shared]
public sealed class MissingErrorCodeCaseFixer : CodeFixProvider
{
    public const string EquivalenceKey = "DEW003.AddMissingCases";

    private const string Title = "Add missing cases";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingErrorCodeCase);

    /// <summary>
    /// Custom: every fix also adds the same <c>using</c>, and switches can nest, so the fixes of one document are applied
    /// one after the other on annotated nodes and cleaned up once (the batch fixer would merge overlapping text changes).
    /// </summary>
    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create((context, document, diagnostics) => FixDocumentAsync(document, diagnostics, context.CancellationToken)!);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan.TryCreate(root, diagnostic) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var plans = new List<Plan>();
        foreach (var diagnostic in diagnostics)
        {
            if (Plan.TryCreate(root, diagnostic) is { } plan && !plans.Any(p => p.Target == plan.Target))
            {
                plans.Add(plan);
            }
        }

        if (plans.Count == 0)
        {
            return document;
        }

        // Annotate every target first so nested handler sets can be rewritten one after the other.
        var annotations = plans.ToDictionary(p => p.Target, _ => new SyntaxAnnotation());
        root = root.ReplaceNodes(annotations.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original]));
        var endOfLine = EndOfLine(root);
        foreach (var plan in plans)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = root.GetAnnotatedNodes(annotations[plan.Target]).FirstOrDefault();
            SyntaxNode? replacement = current switch
            {
                SwitchStatementSyntax statement => plan.Apply(statement, endOfLine),
                SwitchExpressionSyntax expression => plan.Apply(expression, endOfLine),
                IfStatementSyntax chain => plan.ApplyElseChain(chain, endOfLine),
                BlockSyntax block => plan.ApplySequence(block, endOfLine),
                _ => null,
            };
            if (current is not null && replacement is not null)
            {
                root = root.ReplaceNode(current, replacement);
            }
        }

        return await CatalogConstantSyntax.AddImportsAndSimplifyAsync(document.WithSyntaxRoot(root), cancellationToken).ConfigureAwait(false);
    }

    private static SyntaxTrivia EndOfLine(SyntaxNode root)
    {
        var first = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return first.IsKind(SyntaxKind.EndOfLineTrivia) ? first : SyntaxFactory.EndOfLine("\n");
    }

    /// <summary>What one diagnostic's fix inserts: computed on the original tree, applied on the current one.</summary>
    private sealed class Plan
    {
        private readonly ImmutableArray<(string Code, string? Constant, string Comment)> _missing;
        private readonly int _defaultIndex;
        private readonly string? _codeMember;
        private readonly ExpressionSyntax? _subject;

        private Plan(SyntaxNode target, ImmutableArray<(string Code, string? Constant, string Comment)> missing, int defaultIndex, string? codeMember, ExpressionSyntax? subject)
        {
            Target = target;
            _missing = missing;
            _defaultIndex = defaultIndex;
            _codeMember = codeMember;
            _subject = subject;
        }

        /// <summary>The node the fix rewrites: the switch, the first <c>if</c> of an if/else chain, or the block of an if sequence.</summary>
        public SyntaxNode Target { get; }

        /// <summary>
        /// The plan for <paramref name="diagnostic"/>: its missing codes and where they go (<see cref="FixProperties.InsertAt"/>,
        /// <see cref="FixProperties.CodeMember"/>, <see cref="FixProperties.Subject"/>, decided by the analyzer); null when the
        /// analyzer said the fix cannot keep behaviour or the tree does not match.
        /// </summary>
        public static Plan? TryCreate(SyntaxNode root, Diagnostic diagnostic)
        {
            var missing = Missing(diagnostic);
            if (missing.IsEmpty
                || !diagnostic.Properties.TryGetValue(FixProperties.InsertAt, out var insertAt)
                || !int.TryParse(insertAt, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                || diagnostic.Location.SourceSpan.End > root.FullSpan.End)
            {
                return null;
            }

            var codeMember = diagnostic.Properties.TryGetValue(FixProperties.CodeMember, out var member) ? member : null;
            var subject = diagnostic.Properties.TryGetValue(FixProperties.Subject, out var text) && text is not null ? SyntaxFactory.ParseExpression(text) : null;
            var node = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
            SyntaxNode? target = node switch
            {
                SwitchStatementSyntax statement when index <= statement.Sections.Count => statement,
                SwitchExpressionSyntax expression when index < expression.Arms.Count => expression,
                IfStatementSyntax { Else: not null } chain when subject is not null => chain,
                IfStatementSyntax { Parent: BlockSyntax block } when subject is not null && block.Statements.LastOrDefault() is ThrowStatementSyntax => block,
                _ => null,
            };
            return target is null ? null : new Plan(target, missing, index, codeMember, subject);
        }

        public SwitchStatementSyntax Apply(SwitchStatementSyntax statement, SyntaxTrivia endOfLine)
        {
            if (_defaultIndex > statement.Sections.Count)
            {
                return statement;
            }

            if (_defaultIndex == statement.Sections.Count)
            {
                var breakBody = SyntaxFactory.SingletonList<StatementSyntax>(SyntaxFactory.BreakStatement());
                return statement.WithSections(statement.Sections.AddRange(_missing.Select(m => NewSection(m, breakBody, endOfLine))));
            }

            var defaultSection = statement.Sections[_defaultIndex];
            if (DeclaresLocals(defaultSection.Statements))
            {
                // The section's locals are scoped to the whole switch block: copies would clash, so label the default itself.
                var labels = defaultSection.Labels.InsertRange(0, _missing.Select(m => Label(m, endOfLine)));
                return statement.ReplaceNode(defaultSection, defaultSection.WithLabels(labels).WithAdditionalAnnotations(Formatter.Annotation));
            }

            var body = SyntaxFactory.List(defaultSection.Statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)));
            return statement.WithSections(statement.Sections.InsertRange(_defaultIndex, _missing.Select(m => NewSection(m, body, endOfLine))));
        }

        public SwitchExpressionSyntax Apply(SwitchExpressionSyntax expression, SyntaxTrivia endOfLine)
        {
            if (_defaultIndex >= expression.Arms.Count)
            {
                return expression;
            }

            var defaultArm = expression.Arms[_defaultIndex];
            // No whitespace before the arm (a one-line switch): no indentation; a default SyntaxTrivia would throw in TriviaList.
            var whitespace = defaultArm.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToList();
            var indentation = whitespace.Count == 0 ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(whitespace[whitespace.Count - 1]);
            var nodesAndTokens = new List<SyntaxNodeOrToken>();
            var existing = expression.Arms.GetWithSeparators();
            for (var i = 0; i < existing.Count; i++)
            {
                if (i == _defaultIndex * 2)
                {
                    foreach (var m in _missing)
                    {
                        var leading = indentation.Add(SyntaxFactory.Comment("// " + m.Comment)).Add(endOfLine).AddRange(indentation);
                        nodesAndTokens.Add(SyntaxFactory.SwitchExpressionArm(Pattern(m), defaultArm.Expression.WithoutTrivia())
                            .WithLeadingTrivia(leading));
                        nodesAndTokens.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(endOfLine));
                    }
                }

                nodesAndTokens.Add(existing[i]);
            }

            return expression.WithArms(SyntaxFactory.SeparatedList<SwitchExpressionArmSyntax>(nodesAndTokens));
        }

        /// <summary>
        /// <c>if (c == A) … else throw;</c> → <c>if (c == A) … else if (c == M) &lt;final else&gt; … else throw;</c>: each new
        /// branch does what the final <c>else</c> does.
        /// </summary>
        public IfStatementSyntax ApplyElseChain(IfStatementSyntax first, SyntaxTrivia endOfLine)
        {
            var last = first;
            while (last.Else?.Statement is IfStatementSyntax next)
            {
                last = next;
            }

            if (last.Else is not { } finalElse)
            {
                return first;
            }

            var @else = finalElse;
            for (var i = _missing.Length - 1; i >= 0; i--)
            {
                var branch = SyntaxFactory.IfStatement(Condition(_missing[i]), finalElse.Statement.WithoutLeadingTrivia(), @else);
                @else = SyntaxFactory.ElseClause(branch)
                    .WithLeadingTrivia(SyntaxFactory.Comment("// " + _missing[i].Comment), endOfLine)
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }

            return first.ReplaceNode(last, last.WithElse(@else));
        }

        /// <summary><c>if (c == A) return …; throw;</c> → a new <c>if (c == M) { throw; }</c> before the final throw for each missing code.</summary>
        public BlockSyntax ApplySequence(BlockSyntax block, SyntaxTrivia endOfLine)
        {
            if (block.Statements.LastOrDefault() is not ThrowStatementSyntax @throw)
            {
                return block;
            }

            var branches = _missing.Select(m => (StatementSyntax)SyntaxFactory.IfStatement(Condition(m), SyntaxFactory.Block(@throw.WithoutTrivia()))
                .WithLeadingTrivia(SyntaxFactory.Comment("// " + m.Comment), endOfLine)
                .WithAdditionalAnnotations(Formatter.Annotation));
            return block.WithStatements(block.Statements.InsertRange(block.Statements.Count - 1, branches));
        }

        private ExpressionSyntax Condition((string Code, string? Constant, string Comment) missing)
            => SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, _subject!.WithoutTrivia(), CatalogConstantSyntax.CodeExpression(missing.Code, missing.Constant));

        private SwitchSectionSyntax NewSection((string Code, string? Constant, string Comment) missing, SyntaxList<StatementSyntax> body, SyntaxTrivia endOfLine)
            => SyntaxFactory.SwitchSection(SyntaxFactory.SingletonList(Label(missing, endOfLine)), body).WithAdditionalAnnotations(Formatter.Annotation);

        private SwitchLabelSyntax Label((string Code, string? Constant, string Comment) missing, SyntaxTrivia endOfLine)
        {
            SwitchLabelSyntax label = _codeMember is null
                ? SyntaxFactory.CaseSwitchLabel(CatalogConstantSyntax.CodeExpression(missing.Code, missing.Constant))
                : SyntaxFactory.CasePatternSwitchLabel(
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.CaseKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                    Pattern(missing),
                    null,
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.ColonToken, SyntaxFactory.TriviaList(endOfLine)));
            return label.WithLeadingTrivia(SyntaxFactory.Comment("// " + missing.Comment), endOfLine).WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>The pattern of a new arm: the code, or <c>{ ErrorCode: code }</c> in a switch over the exception.</summary>
        private PatternSyntax Pattern((string Code, string? Constant, string Comment) missing)
        {
            var constant = SyntaxFactory.ConstantPattern(CatalogConstantSyntax.CodeExpression(missing.Code, missing.Constant));
            if (_codeMember is null)
            {
                return constant;
            }

            // `{ ErrorCode: X }` on one line: explicit (not elastic) spaces, which the formatter keeps.
            var space = SyntaxFactory.TriviaList(SyntaxFactory.Space);
            var member = SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(SyntaxFactory.TriviaList(), _codeMember, SyntaxFactory.TriviaList())), SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.ColonToken, space));
            var clause = SyntaxFactory.PropertyPatternClause(
                SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.OpenBraceToken, space),
                SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Subpattern(member, constant)),
                SyntaxFactory.Token(space, SyntaxKind.CloseBraceToken, SyntaxFactory.TriviaList()));
            return SyntaxFactory.RecursivePattern().WithPropertyPatternClause(clause);
        }

        private static bool DeclaresLocals(SyntaxList<StatementSyntax> statements)
            => statements.Any(s => s is LocalDeclarationStatementSyntax or LocalFunctionStatementSyntax);

        private static ImmutableArray<(string Code, string? Constant, string Comment)> Missing(Diagnostic diagnostic)
        {
            var count = ErrorCodeReplacement.SuggestionCount(diagnostic);
            var comments = diagnostic.Properties.TryGetValue(FixProperties.Comments, out var text) && text is not null
                ? text.Split(FixProperties.CommentSeparator)
                : new string[0];
            var result = ImmutableArray.CreateBuilder<(string, string?, string)>(count);
            for (var i = 0; i < count; i++)
            {
                if (!ErrorCodeReplacement.TryGetSuggestion(diagnostic, i, out var code, out var constant))
                {
                    return ImmutableArray<(string, string?, string)>.Empty;
                }

                result.Add((code, constant, i < comments.Length ? comments[i] : code));
            }

            return result.MoveToImmutable();
        }
    }
}
