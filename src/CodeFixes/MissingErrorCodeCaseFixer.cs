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
            if (Plan.TryCreate(root, diagnostic) is { } plan && !plans.Any(p => p.Switch == plan.Switch))
            {
                plans.Add(plan);
            }
        }

        if (plans.Count == 0)
        {
            return document;
        }

        // Annotate every switch first so nested switches can be rewritten one after the other.
        var annotations = plans.ToDictionary(p => p.Switch, _ => new SyntaxAnnotation());
        root = root.ReplaceNodes(annotations.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original]));
        var endOfLine = EndOfLine(root);
        foreach (var plan in plans)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = root.GetAnnotatedNodes(annotations[plan.Switch]).FirstOrDefault();
            SyntaxNode? replacement = current switch
            {
                SwitchStatementSyntax statement => plan.Apply(statement, endOfLine),
                SwitchExpressionSyntax expression => plan.Apply(expression, endOfLine),
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

        private Plan(SyntaxNode @switch, ImmutableArray<(string Code, string? Constant, string Comment)> missing, int defaultIndex)
        {
            Switch = @switch;
            _missing = missing;
            _defaultIndex = defaultIndex;
        }

        public SyntaxNode Switch { get; }

        /// <summary>
        /// The plan for <paramref name="diagnostic"/>: its missing codes and where they go (<see cref="FixProperties.InsertAt"/>,
        /// decided by the analyzer); null when the analyzer said the fix cannot keep behaviour or the tree does not match.
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

            var @switch = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
            var valid = @switch switch
            {
                SwitchStatementSyntax statement => index <= statement.Sections.Count,
                SwitchExpressionSyntax expression => index < expression.Arms.Count,
                _ => false,
            };
            return valid ? new Plan(@switch!, missing, index) : null;
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
                        nodesAndTokens.Add(SyntaxFactory.SwitchExpressionArm(
                                SyntaxFactory.ConstantPattern(CatalogConstantSyntax.CodeExpression(m.Code, m.Constant)),
                                defaultArm.Expression.WithoutTrivia())
                            .WithLeadingTrivia(leading));
                        nodesAndTokens.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(endOfLine));
                    }
                }

                nodesAndTokens.Add(existing[i]);
            }

            return expression.WithArms(SyntaxFactory.SeparatedList<SwitchExpressionArmSyntax>(nodesAndTokens));
        }

        private static SwitchSectionSyntax NewSection((string Code, string? Constant, string Comment) missing, SyntaxList<StatementSyntax> body, SyntaxTrivia endOfLine)
            => SyntaxFactory.SwitchSection(SyntaxFactory.SingletonList(Label(missing, endOfLine)), body).WithAdditionalAnnotations(Formatter.Annotation);

        private static SwitchLabelSyntax Label((string Code, string? Constant, string Comment) missing, SyntaxTrivia endOfLine)
            => SyntaxFactory.CaseSwitchLabel(CatalogConstantSyntax.CodeExpression(missing.Code, missing.Constant))
                .WithLeadingTrivia(SyntaxFactory.Comment("// " + missing.Comment), endOfLine)
                .WithAdditionalAnnotations(Formatter.Annotation);

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
