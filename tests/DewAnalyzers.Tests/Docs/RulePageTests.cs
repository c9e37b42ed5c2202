using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DewAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace DewAnalyzers.Tests.Docs;

/// <summary>
/// Every diagnostic message quoted in the rule pages and in docs/ci.md is produced by the analyzers, from the code shown
/// beside it, so the docs cannot drift from the analyzers.
/// <para>
/// The convention, in the markdown:
/// </para>
/// <list type="number">
/// <item>A quoted diagnostic is a line <c>[file(line,col): ]severity DEWnnn: message</c> (severity <c>warning</c>,
/// <c>info</c>, <c>error</c> or <c>hidden</c>) in a fenced block without a language (an "expected block"). A long message
/// may wrap: a line that does not start a diagnostic continues the one before it (joined with one space).</item>
/// <item>The expected block comes immediately (only blank lines between) after the example that produces it: a
/// <c>```csharp</c> block that is a complete compilation unit (usings, a class), compiled with .NET 8, the Huawei SDK
/// stand-in and the generated catalog constants (<c>KmsErrorCodes</c>, <c>DewErrorCodes</c>); or, for DEW100, a
/// <c>```tsv</c> block, which is an <c>example.errorcodes.tsv</c> catalog file (<c>⇥</c> stands for a tab), or a
/// <c>```markdown</c> block, which is an <c>example.errorcodes.md</c> copied error-code page.</item>
/// <item>The example must compile without errors, and the analyzers of the quoted rules must report exactly the quoted
/// diagnostics of those rules: the same messages (each as many times as quoted), the same severity, and, when the line
/// gives <c>file(line,col)</c>, at that line and column of the example.</item>
/// <item>A <c>severity DEWnnn:</c> anywhere else in a page (inline code, another block) fails the test: a quoted message
/// must be tested.</item>
/// </list>
/// </summary>
public sealed class RulePageTests
{
    private static readonly Regex Fence = new(@"^\s*```(?<lang>[A-Za-z0-9_-]*)\s*$", RegexOptions.CultureInvariant);

    private static readonly Regex Quoted = new(
        @"^(?:(?<file>[^\s(]+)\((?<line>\d+),(?<col>\d+)\): )?(?<severity>warning|info|error|hidden) (?<id>DEW\d{3}): (?<message>.*)$",
        RegexOptions.CultureInvariant);

    private static readonly Regex AnyQuoted = new(@"\b(?:warning|info|error|hidden) DEW\d{3}:", RegexOptions.CultureInvariant);

    private readonly ITestOutputHelper _output;

    public RulePageTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Pages
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var page in Directory.GetFiles(Path.Combine(RepoRoot(), "docs", "rules"), "DEW*.md").OrderBy(p => p, StringComparer.Ordinal))
            {
                data.Add("docs/rules/" + Path.GetFileName(page));
            }

            data.Add("docs/ci.md");
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task QuotedMessages_AreProducedByTheExampleBesideThem(string page)
    {
        var path = Path.Combine(RepoRoot(), page);
        var examples = Parse(path, page);
        var problems = new List<string>(examples.Problems);
        var tested = 0;
        foreach (var example in examples.Examples)
        {
            tested += example.Expected.Length;
            problems.AddRange(await CheckAsync(page, example));
        }

        _output.WriteLine($"{page}: {tested} quoted message(s) in {examples.Examples.Count} example(s)");
        if (tested == 0)
        {
            problems.Add($"{page} has no tested diagnostic message: every rule page and ci.md show at least one example with its output");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, problems));
    }

    // ---- checking ---------------------------------------------------------------------------------------------

    private static async Task<IEnumerable<string>> CheckAsync(string page, Example example)
    {
        var problems = new List<string>();
        var where = $"{page}:{example.SourceLine}";
        var ids = example.Expected.Select(e => e.Id).Distinct().ToArray();
        var analyzers = AnalyzerHarness.AllAnalyzers().Where(a => a.SupportedDiagnostics.Any(d => ids.Contains(d.Id))).ToImmutableArray();
        foreach (var id in ids.Where(i => !analyzers.Any(a => a.SupportedDiagnostics.Any(d => d.Id == i))))
        {
            problems.Add($"{where}: no analyzer reports {id}");
        }

        var parseOptions = AnalyzerHarness.ParseOptions(LanguageVersion.Latest);
        var csharp = example.Language is "tsv" or "markdown" ? "class C { }" : example.Source;
        var additional = example.Language switch
        {
            "tsv" => ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/0/example.errorcodes.tsv", example.Source.Replace('⇥', '\t'))),
            "markdown" => ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/0/example.errorcodes.md", example.Source)),
            _ => ImmutableArray<AdditionalText>.Empty,
        };
        var tree = CSharpSyntaxTree.ParseText(csharp, parseOptions, path: "/0/Example.cs");
        var references = await AnalyzerHarness.ReferencesAsync(csharp.Contains("using Polly", StringComparison.Ordinal) ? (csharp.Contains("RetryStrategyOptions", StringComparison.Ordinal) ? "polly8" : "polly7") : string.Empty);
        var (compilation, _) = AnalyzerHarness.RunGenerators(AnalyzerHarness.Compile(new[] { tree }, references), parseOptions, additional);

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            problems.Add($"{where}: the example does not compile (its line 1 is line {example.SourceLine + 1} of the page):" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)));
            return problems;
        }

        var run = await AnalyzerHarness.AnalyzeAsync(compilation, additional, analyzers: analyzers);
        problems.AddRange(run.Exceptions.Select(e => $"{where}: analyzer failure: {e}"));
        var actual = run.Diagnostics.Where(d => ids.Contains(d.Id)).Select(Describe).ToList();
        var unmatched = new List<Quote>();
        foreach (var quote in example.Expected)
        {
            var index = actual.FindIndex(a => a.Id == quote.Id && a.Severity == quote.Severity && a.Message == quote.Message
                && (quote.Line is null || (a.Line == quote.Line && a.Column == quote.Column)));
            if (index < 0)
            {
                unmatched.Add(quote);
            }
            else
            {
                actual.RemoveAt(index);
            }
        }

        if (unmatched.Count > 0 || actual.Count > 0)
        {
            problems.Add(
                $"{where}: the quoted diagnostics differ from what the analyzers report for the example." + Environment.NewLine
                + string.Concat(unmatched.Select(q => $"  quoted (line {q.DocLine}), not reported: {q}" + Environment.NewLine))
                + string.Concat(actual.Select(a => $"  reported, not quoted:             {a}" + Environment.NewLine)));
        }

        return problems;
    }

    private static Quote Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan().StartLinePosition;
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => "hidden",
        };
        return new Quote(0, severity, diagnostic.Id, diagnostic.GetMessage(CultureInfo.InvariantCulture), span.Line + 1, span.Character + 1);
    }

    // ---- parsing ----------------------------------------------------------------------------------------------

    private static (List<Example> Examples, List<string> Problems) Parse(string path, string page)
    {
        var lines = File.ReadAllLines(path);
        var blocks = new List<Block>();
        var problems = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence.Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var indent = lines[i].Length - lines[i].TrimStart().Length;
            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && !(Fence.IsMatch(lines[i]) && Fence.Match(lines[i]).Groups["lang"].Value.Length == 0); i++)
            {
                body.Add(lines[i].Length >= indent && lines[i].Substring(0, indent).Trim().Length == 0 ? lines[i].Substring(indent) : lines[i].TrimStart());
            }

            blocks.Add(new Block(open.Groups["lang"].Value, start + 1, i + 1, body));
        }

        var examples = new List<Example>();
        var inExpected = new HashSet<int>();
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var first = block.Body.FirstOrDefault(l => l.Trim().Length > 0);
            if (block.Language.Length != 0 || first is null || !Quoted.IsMatch(first.Trim()))
            {
                continue;
            }

            var quotes = new List<Quote>();
            for (var l = 0; l < block.Body.Count; l++)
            {
                var text = block.Body[l].Trim();
                var docLine = block.StartLine + 1 + l;
                inExpected.Add(docLine);
                var match = Quoted.Match(text);
                if (match.Success)
                {
                    quotes.Add(new Quote(
                        docLine,
                        match.Groups["severity"].Value,
                        match.Groups["id"].Value,
                        match.Groups["message"].Value,
                        match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : null,
                        match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value, CultureInfo.InvariantCulture) : null));
                }
                else if (text.Length > 0)
                {
                    var last = quotes[^1];
                    quotes[^1] = last with { Message = last.Message + " " + text };
                }
            }

            var source = b > 0 ? blocks[b - 1] : null;
            var adjacent = source is not null
                && (source.Language is "csharp" or "tsv" or "markdown")
                && Enumerable.Range(source.EndLine, block.StartLine - source.EndLine - 1).All(n => lines[n].Trim().Length == 0);
            if (!adjacent)
            {
                problems.Add($"{page}:{block.StartLine}: quoted diagnostics without the example that produces them: put a ```csharp (or, for a catalog, ```tsv or ```markdown) block immediately before this block");
                continue;
            }

            examples.Add(new Example(source!.Language, string.Join("\n", source.Body), source.StartLine, quotes.ToImmutableArray()));
        }

        for (var n = 0; n < lines.Length; n++)
        {
            if (!inExpected.Contains(n + 1) && AnyQuoted.IsMatch(lines[n]))
            {
                problems.Add($"{page}:{n + 1}: a quoted diagnostic outside an expected block is not tested: '{lines[n].Trim()}'");
            }
        }

        return (examples, problems);
    }

    private sealed record Block(string Language, int StartLine, int EndLine, List<string> Body);

    private sealed record Example(string Language, string Source, int SourceLine, ImmutableArray<Quote> Expected);

    private sealed record Quote(int DocLine, string Severity, string Id, string Message, int? Line, int? Column)
    {
        public override string ToString()
            => (Line is null ? string.Empty : $"({Line},{Column}): ") + $"{Severity} {Id}: {Message}";
    }

    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        for (var directory = new DirectoryInfo(Path.GetDirectoryName(SourcePath())!); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }

    private static string SourcePath([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
