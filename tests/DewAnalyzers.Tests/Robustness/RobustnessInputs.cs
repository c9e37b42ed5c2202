using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DewAnalyzers.Tests.Robustness;

/// <summary>A source to analyze: its name, text, the references it needs and the language version to parse it with.</summary>
internal sealed record RobustnessInput(string Name, string Text, string Refs, LanguageVersion Version, string Path = "/0/Test0.cs");

/// <summary>Builds the robustness inputs: the curated corpus plus the test sources of every rule's tests.</summary>
internal static class RobustnessInputs
{
    private static readonly Regex Markup = new(@"\{\|[^:{}|\s]*:|\|\}|\[\||\|\]", RegexOptions.Compiled);

    /// <summary>The corpus files and the raw-string test sources found in the test project's own .cs files.</summary>
    public static ImmutableArray<(string Name, string Text, string Refs)> Sources()
    {
        var sources = AnalyzerHarness.Corpus().Select(c => (c.Name, c.Text, AnalyzerHarness.RefsOf(c.Text))).ToList();
        sources.AddRange(TestSources());
        return sources.ToImmutableArray();
    }

    /// <summary>
    /// Raw string literals that look like compilation units in tests/DewAnalyzers.Tests/**/*.cs (markup removed), read
    /// from the source tree when it is present (it is when the tests run from the repository).
    /// </summary>
    public static IEnumerable<(string Name, string Text, string Refs)> TestSources([CallerFilePath] string thisFile = "")
    {
        var robustnessDirectory = System.IO.Path.GetDirectoryName(thisFile);
        var testsDirectory = robustnessDirectory is null ? null : Directory.GetParent(robustnessDirectory)?.FullName;
        if (testsDirectory is null || !Directory.Exists(testsDirectory))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(testsDirectory, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var relative = System.IO.Path.GetRelativePath(testsDirectory, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("Robustness/", StringComparison.Ordinal))
            {
                continue;
            }

            var index = 0;
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var token in root.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || token.ValueText is not { } value
                    || !(value.Contains("class ", StringComparison.Ordinal) || value.Contains("record ", StringComparison.Ordinal)))
                {
                    continue;
                }

                var text = Markup.Replace(value, string.Empty);
                yield return ($"{relative}#{index++}", text, RefsFor(text));
            }
        }
    }

    /// <summary>Prefix of <paramref name="text"/> up to each token end, at most <paramref name="max"/> evenly spaced ones.</summary>
    public static IEnumerable<string> Truncations(string text, int max)
    {
        var ends = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Select(t => t.Span.End).Distinct().ToArray();
        var count = Math.Min(max, ends.Length);
        for (var i = 0; i < count; i++)
        {
            yield return text.Substring(0, ends[(int)((long)i * ends.Length / count)]);
        }
    }

    /// <summary><paramref name="variants"/> copies of <paramref name="text"/> with 1–3 random tokens deleted (fixed seed).</summary>
    public static IEnumerable<string> TokenDeletions(string text, int variants, int seed)
    {
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).Select(t => t.Span).ToArray();
        if (tokens.Length == 0)
        {
            yield break;
        }

        var random = new Random(seed);
        for (var v = 0; v < variants; v++)
        {
            var deleted = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => tokens[random.Next(tokens.Length)]).Distinct().OrderByDescending(s => s.Start);
            var builder = new System.Text.StringBuilder(text);
            foreach (var span in deleted)
            {
                builder.Remove(span.Start, span.Length);
            }

            yield return builder.ToString();
        }
    }

    /// <summary>Round-robin over the per-source lists so that a time budget cuts every source evenly.</summary>
    public static IEnumerable<T> Interleave<T>(IReadOnlyList<IReadOnlyList<T>> lists)
    {
        for (var i = 0; ; i++)
        {
            var any = false;
            foreach (var list in lists)
            {
                if (i < list.Count)
                {
                    any = true;
                    yield return list[i];
                }
            }

            if (!any)
            {
                yield break;
            }
        }
    }

    private static string RefsFor(string text)
        => text.Contains("ResiliencePipeline", StringComparison.Ordinal) || text.Contains("PredicateBuilder", StringComparison.Ordinal) || text.Contains("RetryStrategyOptions", StringComparison.Ordinal)
            ? "// refs: sdk polly8"
            : text.Contains("using Polly", StringComparison.Ordinal) ? "// refs: sdk polly7" : "// refs: sdk";
}
