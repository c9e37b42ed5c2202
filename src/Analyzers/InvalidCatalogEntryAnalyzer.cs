using System.Collections.Generic;
using System.Collections.Immutable;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers;

/// <summary>
/// DEW100: a row of a user's catalog (<c>*.errorcodes.md</c> page or <c>*.errorcodes.tsv</c> lines) that cannot be
/// loaded (wrong column count, malformed code, bad HTTP status, invalid constant name, unknown retry class, duplicate
/// code, a new code without a name, a name used twice in one class, an override that renames a built-in code or changes
/// its status, two prefixes with one class name), a file with no entries, or a page with no table. Reported at the line;
/// the row is skipped and the rest of the file still loads.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidCatalogEntryAnalyzer : DewAnalyzer
{
    public InvalidCatalogEntryAnalyzer()
        : base(Descriptors.InvalidCatalogEntry)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext start, CompilationState state)
    {
        var files = CustomCatalogs.CatalogFiles(start.Options.AdditionalFiles, start.CancellationToken);
        if (files.Count == 0)
        {
            return;
        }

        var merged = CustomCatalogs.Load(files, start.CancellationToken);
        start.RegisterAdditionalFileAction(c => Analyze(c, files, merged));
    }

    private static void Analyze(AdditionalFileAnalysisContext context, List<(string Path, SourceText Text)> files, MergedCatalog merged)
    {
        var index = files.FindIndex(f => f.Path == context.AdditionalFile.Path);
        if (index < 0)
        {
            return;
        }

        var (path, text) = files[index];
        var errors = new List<CatalogError>(CustomCatalogs.Parse(path, text, context.CancellationToken).Errors);
        if (index < merged.MergeProblems.Length)
        {
            errors.AddRange(merged.MergeProblems[index]);
        }

        if (errors.Count == 0)
        {
            return;
        }

        errors.Sort(static (a, b) => a.Line.CompareTo(b.Line));
        var lines = LineSpans(text);
        foreach (var error in errors)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var span = error.Line >= 1 && error.Line <= lines.Count ? lines[error.Line - 1] : new TextSpan(0, 0);
            var location = Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidCatalogEntry, location, error.Message));
        }
    }

    /// <summary>The span of every line as the catalog parser numbers them (a leading BOM is not part of line 1).</summary>
    private static List<TextSpan> LineSpans(SourceText text)
    {
        var content = text.ToString();
        var spans = new List<TextSpan>();
        foreach (var (start, length) in CatalogParser.LineSpans(content))
        {
            spans.Add(start == 0 && length > 0 && content[0] == '\uFEFF' ? new TextSpan(1, length - 1) : new TextSpan(start, length));
        }

        return spans;
    }
}
