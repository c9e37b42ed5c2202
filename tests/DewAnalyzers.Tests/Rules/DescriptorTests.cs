using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DewAnalyzers.Tests.Rules;

/// <summary>Every descriptor of every analyzer against its help page, release tracking and the README rule table.</summary>
public sealed class DescriptorTests
{
    private static readonly Regex ReadmeRow = new(
        @"^\|\s*\[(?<id>DEW\d{3})\]\((?<link>[^)]*)\)\s*\|\s*(?<title>[^|]*?)\s*\|\s*(?<severity>[^|]*?)\s*\|",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly Regex ReleaseRow = new(@"^(?<id>DEW\d{3})\s*\|", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public static TheoryData<string> DescriptorIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var id in Descriptors().Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal))
            {
                data.Add(id);
            }

            return data;
        }
    }

    [Fact]
    public void AnalyzersAreFound()
    {
        var analyzers = Analyzers().Select(a => a.GetType().Name).ToArray();
        Assert.Contains(nameof(UndocumentedErrorCodeAnalyzer), analyzers);
        Assert.Contains(nameof(UseCatalogConstantAnalyzer), analyzers);
        Assert.Contains(Descriptors(), d => d.Id == DiagnosticIds.UndocumentedErrorCode);
        Assert.Contains(Descriptors(), d => d.Id == DiagnosticIds.UseCatalogConstant);
    }

    [Fact]
    public void Ids_AreUnique_AndOneDescriptorPerId()
    {
        foreach (var group in Descriptors().GroupBy(d => d.Id))
        {
            Assert.Matches(@"^DEW\d{3}$", group.Key);
            Assert.Single(group.Select(d => (d.Title.ToString(), d.DefaultSeverity, d.Category)).Distinct());
        }
    }

    /// <summary>One home address: every help link is the RepositoryUrl of Directory.Build.props + /blob/branch/docs/rules/ID.md.</summary>
    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void HelpLink_IsTheRepositoryUrlOfDirectoryBuildProps_PlusTheRulePage(string id)
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(RepoRoot(), "Directory.Build.props"));
        string Property(string name) => props.Descendants(name).Single().Value.Trim();
        var expected = $"{Property("RepositoryUrl")}/blob/{Property("RepositoryBranch")}/docs/rules/{id}.md";
        Assert.All(Descriptors().Where(d => d.Id == id), d => Assert.Equal(expected, d.HelpLinkUri));
        Assert.True(File.Exists(Path.Combine(RepoRoot(), "docs", "rules", id + ".md")));
        Assert.DoesNotContain(
            Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src"), "*.*", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)),
            f => File.ReadAllText(f).Contains(Property("RepositoryUrl"), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void HelpLink_PointsAtAnExistingRulePage(string id)
    {
        foreach (var descriptor in Descriptors().Where(d => d.Id == id))
        {
            Assert.EndsWith($"docs/rules/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.True(Uri.IsWellFormedUriString(descriptor.HelpLinkUri, UriKind.Absolute), descriptor.HelpLinkUri);
        }

        var page = Path.Combine(RepoRoot(), "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        var text = File.ReadAllText(page);
        Assert.Contains(id, text);
        foreach (var section in new[] { "## What it finds", "## Why it matters", "## Example", "## Known limitations", "## Options", "## How to suppress" })
        {
            Assert.Contains(section, text);
        }
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_HasTitleMessageAndIsEnabled(string id)
    {
        foreach (var descriptor in Descriptors().Where(d => d.Id == id))
        {
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
            Assert.True(descriptor.IsEnabledByDefault);
        }
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Id_IsTrackedInAnalyzerReleases(string id)
    {
        var root = RepoRoot();
        var tracked = ReleaseIds(Path.Combine(root, "src", "Analyzers", "AnalyzerReleases.Shipped.md"))
            .Concat(ReleaseIds(Path.Combine(root, "src", "Analyzers", "AnalyzerReleases.Unshipped.md")));
        Assert.Contains(id, tracked);
    }

    [Fact]
    public void Readme_HasARuleRowForEachDescriptor()
    {
        var rows = ReadmeRows();
        var problems = new List<string>();
        foreach (var descriptor in Descriptors().GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            var matching = rows.Where(r => r.Id == descriptor.Id).ToArray();
            if (matching.Length != 1)
            {
                problems.Add($"{descriptor.Id}: expected one README row, found {matching.Length}");
                continue;
            }

            var row = matching[0];
            if (row.Link != $"docs/rules/{descriptor.Id}.md")
            {
                problems.Add($"{descriptor.Id}: link '{row.Link}'");
            }

            if (row.Title != descriptor.Title.ToString())
            {
                problems.Add($"{descriptor.Id}: README title '{row.Title}' but descriptor '{descriptor.Title}'");
            }

            if (row.Severity != descriptor.DefaultSeverity.ToString())
            {
                problems.Add($"{descriptor.Id}: README severity '{row.Severity}' but descriptor {descriptor.DefaultSeverity}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Readme_HasNoRowForAnUnknownId()
    {
        var known = new HashSet<string>(Descriptors().Select(d => d.Id), StringComparer.Ordinal);
        var unknown = ReadmeRows().Select(r => r.Id).Where(id => !known.Contains(id)).ToArray();
        Assert.True(unknown.Length == 0, "README rows for unknown rules: " + string.Join(", ", unknown));
    }

    /// <summary>
    /// One name per rule: the <c>DiagnosticIds</c> constant's name is the analyzer's, the fixer's (when the rule has a fix)
    /// and the test class's, it heads the rule page, and the page's "Sources" line links those files, which exist.
    /// </summary>
    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void RulePage_IsHeadedWithTheRuleName_AndLinksItsSources(string id)
    {
        var name = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Single(f => f.IsLiteral && (string?)f.GetRawConstantValue() == id).Name;
        var descriptor = Descriptors().First(d => d.Id == id);
        var page = Path.Combine(RepoRoot(), "docs", "rules", id + ".md");
        var lines = File.ReadAllLines(page);
        Assert.Equal($"# {id} {name}: {descriptor.Title}", lines[0]);

        var analyzer = Assert.Single(Analyzers(), a => a.SupportedDiagnostics.Any(d => d.Id == id));
        Assert.Equal(name + "Analyzer", analyzer.GetType().Name);
        var fixers = typeof(DewAnalyzers.CodeFixes.UndocumentedErrorCodeFixer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!)
            .Where(f => f.FixableDiagnosticIds.Contains(id))
            .Select(f => f.GetType().Name)
            .ToArray();
        Assert.True(fixers.Length == 0 || fixers.SequenceEqual(new[] { name + "Fixer" }), $"{id}: fixers {string.Join(", ", fixers)}");
        Assert.Contains(typeof(DescriptorTests).Assembly.GetTypes(), t => t.Name == name + "Tests");

        var sources = Assert.Single(lines, l => l.StartsWith("Sources: ", StringComparison.Ordinal));
        var links = Regex.Matches(sources, @"\[(?<text>[^\]]+)\]\((?<path>[^)]+)\)").Select(m => (Text: m.Groups["text"].Value, Path: m.Groups["path"].Value)).ToArray();
        foreach (var link in links)
        {
            Assert.Equal(Path.GetFileName(link.Path), link.Text);
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(page)!, link.Path)), $"{id}: {link.Path} does not exist");
        }

        var release = File.ReadAllLines(Path.Combine(RepoRoot(), "src", "Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Single(l => l.StartsWith(id + " |", StringComparison.Ordinal));
        Assert.EndsWith("| " + name + "Analyzer", release.TrimEnd(), StringComparison.Ordinal);

        var expected = new[] { "../../src/Analyzers/" + name + "Analyzer.cs" }
            .Concat(fixers.Select(f => "../../src/CodeFixes/" + f + ".cs"))
            .ToArray();
        Assert.Equal(expected, links.Select(l => l.Path).Take(expected.Length));
        Assert.EndsWith("/" + name + "Tests.cs", links.Last().Path, StringComparison.Ordinal);
    }

    private static (string Id, string Link, string Title, string Severity)[] ReadmeRows()
    {
        var readme = Path.Combine(RepoRoot(), "README.md");
        Assert.True(File.Exists(readme), $"missing {readme}");
        return ReadmeRow.Matches(File.ReadAllText(readme).Replace("\r\n", "\n"))
            .Select(m => (m.Groups["id"].Value, m.Groups["link"].Value, m.Groups["title"].Value, m.Groups["severity"].Value))
            .ToArray();
    }

    private static IEnumerable<string> ReleaseIds(string path)
        => File.Exists(path)
            ? ReleaseRow.Matches(File.ReadAllText(path).Replace("\r\n", "\n")).Select(m => m.Groups["id"].Value)
            : Enumerable.Empty<string>();

    private static IEnumerable<DiagnosticAnalyzer> Analyzers()
        => typeof(UndocumentedErrorCodeAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    private static IEnumerable<DiagnosticDescriptor> Descriptors() => Analyzers().SelectMany(a => a.SupportedDiagnostics);

    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        // Tests built with --artifacts-path outside the repository: fall back to the source location of this file's project.
        var fromSource = FindUp(Path.GetDirectoryName(SourcePath())!);
        return fromSource ?? throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindUp(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static string SourcePath([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
