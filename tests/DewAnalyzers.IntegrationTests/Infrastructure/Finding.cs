using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace DewAnalyzers.IntegrationTests.Infrastructure;

/// <summary>One DEW diagnostic as the hosts report it: rule, file name (no folder) and 1-based line.</summary>
public sealed record Finding(string Id, string File, int Line) : IComparable<Finding>
{
    public int CompareTo(Finding? other)
        => other is null ? 1
            : string.CompareOrdinal(File, other.File) is var byFile and not 0 ? byFile
            : Line != other.Line ? Line.CompareTo(other.Line)
            : string.CompareOrdinal(Id, other.Id);

    public override string ToString() => $"{File}({Line}): {Id}";

    /// <summary>Sorted and distinct, for exact-set assertions with readable failure messages.</summary>
    public static IReadOnlyList<Finding> Set(IEnumerable<Finding> findings) => findings.Distinct().OrderBy(f => f).ToList();
}

/// <summary>
/// The expected findings are data in the consumer's sources: a line carrying <c>expect: DEW001 DEW002</c> expects those IDs on
/// that line; <c>expect-next: DEW100</c> expects them on the next line (for files such as a catalog .tsv, where the finding's
/// line cannot carry a comment). Adding a rule to the integration tests is adding code and a marker to Consumer/.
/// </summary>
public static class ExpectedFindings
{
    private static readonly Regex Marker = new(@"expect(?<next>-next)?:(?<ids>(\s*,?\s*DEW\d{3})+)", RegexOptions.Compiled);
    private static readonly Regex Id = new(@"DEW\d{3}", RegexOptions.Compiled);

    public static IReadOnlyList<Finding> In(string directory)
    {
        var findings = new List<Finding>();
        foreach (var path in Directory.EnumerateFiles(directory).Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".tsv", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match marker in Marker.Matches(lines[i]))
                {
                    var line = i + 1 + (marker.Groups["next"].Success ? 1 : 0);
                    findings.AddRange(Id.Matches(marker.Groups["ids"].Value).Select(id => new Finding(id.Value, Path.GetFileName(path), line)));
                }
            }
        }

        return Finding.Set(findings);
    }
}

/// <summary>Reads <c>file(line,col): warning DEW001: ...</c> lines from MSBuild / dotnet format output.</summary>
public static class BuildOutput
{
    private static readonly Regex Diagnostic = new(
        @"^\s*(?<file>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error|info) (?<id>[A-Z]+\d+):",
        RegexOptions.Compiled | RegexOptions.Multiline);

    /// <summary>The distinct DEW findings with the given severity (MSBuild prints each one twice: as it happens and in the summary).</summary>
    public static IReadOnlyList<Finding> DewFindings(string output, string severity = "warning")
        => Finding.Set(All(output).Where(d => d.Severity == severity && d.Finding.Id.StartsWith("DEW", StringComparison.Ordinal)).Select(d => d.Finding));

    /// <summary>Every diagnostic (any ID) with its severity.</summary>
    public static IEnumerable<(string Severity, Finding Finding)> All(string output)
        => Diagnostic.Matches(output).Select(m => (m.Groups["severity"].Value, new Finding(m.Groups["id"].Value, Path.GetFileName(m.Groups["file"].Value.Trim()), int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture))));
}
