using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DewAnalyzers.CodeFixes;

/// <summary>
/// DEW001: replace the undocumented code with one of the nearest documented codes, as a catalog constant when one is
/// generated. One action per suggestion; Fix All applies each diagnostic's suggestion at the same rank (best first).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UndocumentedErrorCodeFixer))]
[Shared]
public sealed class UndocumentedErrorCodeFixer : CodeFixProvider
{
    public const string EquivalenceKeyPrefix = "DEW001.Suggestion";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UndocumentedErrorCode);

    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create((context, document, diagnostics) => ErrorCodeReplacement.ReplaceAllAsync(document, diagnostics, SuggestionIndex(context.CodeActionEquivalenceKey), context.CancellationToken));

    /// <summary>The suggestion rank an equivalence key stands for (<c>DEW001.Suggestion1</c> → 1).</summary>
    private static int SuggestionIndex(string? equivalenceKey)
        => equivalenceKey is not null
            && equivalenceKey.StartsWith(EquivalenceKeyPrefix, System.StringComparison.Ordinal)
            && int.TryParse(equivalenceKey.Substring(EquivalenceKeyPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                ? index
                : 0;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var count = ErrorCodeReplacement.SuggestionCount(diagnostic);
            for (var index = 0; index < count; index++)
            {
                if (!ErrorCodeReplacement.TryGetSuggestion(diagnostic, index, out var code, out var constant))
                {
                    continue;
                }

                var title = constant is null
                    ? $"Replace with \"{code}\""
                    : $"Replace with {ErrorCodeReplacement.ShortName(constant)} ({code})";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        cancellationToken => ErrorCodeReplacement.ReplaceAsync(context.Document, diagnostic.Location.SourceSpan, code, constant, cancellationToken),
                        EquivalenceKeyPrefix + index),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }
}
