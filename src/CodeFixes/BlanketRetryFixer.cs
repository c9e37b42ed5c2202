using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace DewAnalyzers.CodeFixes;

/// <summary>
/// DEW007: "Retry only transient codes". Narrows the handler the analyzer found to <c>DewErrorCodes.IsTransient(e.ErrorCode)</c>:
/// adds the predicate to a type-only Polly <c>Handle&lt;T&gt;()</c> (or ANDs it onto its lambda), adds or narrows the
/// <c>when</c> filter of a <c>catch</c>, and narrows a <c>WithRetry</c> / Polly v8 condition to "and not a non-transient service
/// error", keeping what it retries besides service errors. Everything it writes compiles at C# 7.3. FixAll edits a
/// document in one pass.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlanketRetryFixer))]
[Shared]
public sealed class BlanketRetryFixer : CodeFixProvider
{
    public const string EquivalenceKey = "DEW007.RetryOnlyTransient";

    private const string ErrorCode = "ErrorCode";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BlanketRetry);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Target(root, diagnostic) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Retry only transient codes", cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var names = new Names();
        var edits = new Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>>();
        foreach (var diagnostic in diagnostics)
        {
            if (Target(root, diagnostic) is { } target && !edits.ContainsKey(target) && Edit(target, diagnostic.Properties, names) is { } edit)
            {
                edits.Add(target, edit);
            }
        }

        if (edits.Count == 0)
        {
            return document;
        }

        document = document.WithSyntaxRoot(root.ReplaceNodes(edits.Keys, (original, rewritten) => edits[original](rewritten)));
        return await CatalogConstantSyntax.AddImportsAndSimplifyAsync(document, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The node the fix edits (the diagnostic's additional location), when it has a shape the fix can write.</summary>
    private static SyntaxNode? Target(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(FixProperties.BlanketFix, out var kind) || !diagnostic.Properties.ContainsKey(FixProperties.IsTransient)
            || diagnostic.AdditionalLocations.Count == 0)
        {
            return null;
        }

        var span = diagnostic.AdditionalLocations[0].SourceSpan;
        if (span.End > root.FullSpan.End)
        {
            return null;
        }

        var node = root.FindNode(span, getInnermostNodeForTie: true);
        return kind switch
        {
            FixProperties.BlanketFixPredicate => node is ArgumentListSyntax list && (list.Arguments.Count == 0 || PredicateLambda(list) is not null) ? list : null,
            FixProperties.BlanketFixFilter => node as CatchClauseSyntax,
            FixProperties.BlanketFixCondition when diagnostic.Properties.ContainsKey(FixProperties.Exception) => node as ExpressionSyntax,
            _ => null,
        };
    }

    /// <summary>The one-parameter expression-bodied lambda of <c>Handle&lt;T&gt;(e =&gt; …)</c>, or null.</summary>
    private static (LambdaExpressionSyntax Lambda, string Parameter, ExpressionSyntax Body)? PredicateLambda(ArgumentListSyntax list)
    {
        if (list.Arguments.Count != 1)
        {
            return null;
        }

        return list.Arguments[0].Expression switch
        {
            SimpleLambdaExpressionSyntax { ExpressionBody: { } body } simple => (simple, simple.Parameter.Identifier.ValueText, body),
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1, ExpressionBody: { } body } parenthesized
                => (parenthesized, parenthesized.ParameterList.Parameters[0].Identifier.ValueText, body),
            _ => null,
        };
    }

    /// <summary>The edit of one target, its new names taken from the original tree.</summary>
    private static Func<SyntaxNode, SyntaxNode>? Edit(SyntaxNode target, ImmutableDictionary<string, string?> properties, Names names)
    {
        var isTransient = properties[FixProperties.IsTransient]!;
        properties.TryGetValue(FixProperties.ServiceErrorType, out var serviceType);
        var designation = serviceType is null ? string.Empty : names.Take(target, "serviceError");
        ExpressionSyntax Test(ExpressionSyntax exception) => TransientTest(exception, isTransient, serviceType, designation);

        switch (target)
        {
            case ArgumentListSyntax list when list.Arguments.Count == 0:
                var parameter = names.Take(target, "e");
                return rewritten => ((ArgumentListSyntax)rewritten).WithArguments(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.SimpleLambdaExpression(SyntaxFactory.Parameter(SyntaxFactory.Identifier(parameter)), Test(SyntaxFactory.IdentifierName(parameter)))
                        .WithAdditionalAnnotations(Formatter.Annotation))));
            case ArgumentListSyntax:
                return rewritten => PredicateLambda((ArgumentListSyntax)rewritten) is { } lambda
                    ? rewritten.ReplaceNode(lambda.Body, Narrow(lambda.Body, Test(SyntaxFactory.IdentifierName(lambda.Parameter))))
                    : rewritten;
            case CatchClauseSyntax catchClause:
                var variable = catchClause.Declaration is { Identifier.ValueText.Length: > 0 } declared ? declared.Identifier.ValueText : names.Take(target, "e");
                return rewritten => Filter((CatchClauseSyntax)rewritten, variable, Test(SyntaxFactory.IdentifierName(variable)));
            case ExpressionSyntax condition:
                var exception = SyntaxFactory.ParseExpression(properties[FixProperties.Exception]!);
                return rewritten => Narrow((ExpressionSyntax)rewritten, Test(exception));
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>IsTransient(x.ErrorCode)</c> when <paramref name="exception"/> has the code; else "not a non-transient service
    /// error": <c>!(x is ServiceResponseException s) || IsTransient(s.ErrorCode)</c>.
    /// </summary>
    private static ExpressionSyntax TransientTest(ExpressionSyntax exception, string isTransient, string? serviceType, string designation)
    {
        ExpressionSyntax Call(ExpressionSyntax holder)
            => CatalogConstantSyntax.IsTransientCall(
                isTransient,
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, holder, SyntaxFactory.IdentifierName(ErrorCode)));

        if (serviceType is null)
        {
            return Call(Parenthesized(exception.WithoutTrivia()));
        }

        var isService = SyntaxFactory.IsPatternExpression(
            Parenthesized(exception.WithoutTrivia()),
            SyntaxFactory.DeclarationPattern(CatalogConstantSyntax.ImportedType(serviceType), SyntaxFactory.SingleVariableDesignation(SyntaxFactory.Identifier(designation))));
        return SyntaxFactory.BinaryExpression(
                SyntaxKind.LogicalOrExpression,
                SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, SyntaxFactory.ParenthesizedExpression(isService)),
                Call(SyntaxFactory.IdentifierName(designation)))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary><c>condition &amp;&amp; test</c> (just <c>test</c> for the constant <c>true</c>), parenthesized only where needed.</summary>
    private static ExpressionSyntax Narrow(ExpressionSyntax condition, ExpressionSyntax test)
    {
        if (condition.IsKind(SyntaxKind.TrueLiteralExpression))
        {
            return test.WithTriviaFrom(condition);
        }

        return SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, Parenthesized(condition.WithoutTrivia()), Parenthesized(test))
            .WithAdditionalAnnotations(Formatter.Annotation)
            .WithTriviaFrom(condition);
    }

    /// <summary>The catch clause with its exception named <paramref name="variable"/> and <paramref name="test"/> in its filter.</summary>
    private static CatchClauseSyntax Filter(CatchClauseSyntax catchClause, string variable, ExpressionSyntax test)
    {
        var declaration = catchClause.Declaration;
        if (declaration is null)
        {
            var keyword = catchClause.CatchKeyword;
            declaration = SyntaxFactory.CatchDeclaration(CatalogConstantSyntax.ImportedType("global::System.Exception"), SyntaxFactory.Identifier(variable))
                .WithLeadingTrivia(SyntaxFactory.Space)
                .WithTrailingTrivia(keyword.TrailingTrivia);
            catchClause = catchClause.WithCatchKeyword(keyword.WithTrailingTrivia()).WithDeclaration(declaration);
        }
        else if (declaration.Identifier.ValueText.Length == 0)
        {
            declaration = declaration.WithType(declaration.Type.WithTrailingTrivia(SyntaxFactory.Space)).WithIdentifier(SyntaxFactory.Identifier(variable));
            catchClause = catchClause.WithDeclaration(declaration);
        }

        if (catchClause.Filter is { } filter)
        {
            return catchClause.WithFilter(filter.WithFilterExpression(Narrow(filter.FilterExpression, test)));
        }

        var trailing = catchClause.Declaration!.GetTrailingTrivia();
        return catchClause
            .WithDeclaration(catchClause.Declaration.WithoutTrailingTrivia())
            .WithFilter(SyntaxFactory.CatchFilterClause(test.WithoutTrivia()).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(trailing));
    }

    /// <summary>The expression in parentheses the simplifier removes where they are not needed.</summary>
    private static ExpressionSyntax Parenthesized(ExpressionSyntax expression)
        => expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
            ? expression
            : SyntaxFactory.ParenthesizedExpression(expression).WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>Names the fix introduces, unused in the member they go into (also by the other edits of one FixAll pass).</summary>
    private sealed class Names
    {
        private readonly Dictionary<SyntaxNode, HashSet<string>> _taken = new();

        public string Take(SyntaxNode node, string preferred)
        {
            var scope = Scope(node);
            if (!_taken.TryGetValue(scope, out var taken))
            {
                taken = new HashSet<string>(StringComparer.Ordinal);
                foreach (var token in scope.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken))
                    {
                        taken.Add(token.ValueText);
                    }
                }

                _taken.Add(scope, taken);
            }

            var name = preferred;
            for (var i = 1; !taken.Add(name); i++)
            {
                name = preferred + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }

        /// <summary>The member (method, property, field…) around <paramref name="node"/>, else its root.</summary>
        private static SyntaxNode Scope(SyntaxNode node)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                if (current is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax)
                {
                    return current;
                }
            }

            return node.SyntaxTree.GetRoot();
        }
    }
}
