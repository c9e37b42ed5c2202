using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

// Not "DewAnalyzers.Tests.Catalog": that would shadow DewAnalyzers.Catalog for code in DewAnalyzers.Tests.*.
namespace DewAnalyzers.Tests.CatalogTests;

/// <summary>
/// The built-in catalog against the published DEW error-code page (tests/Catalog/published-error-codes-page.txt) and the
/// table derived from it (tests/Catalog/dew-error-codes.tsv), code by code.
/// </summary>
public sealed class PublishedCatalogTests
{
    private static readonly ErrorCodeCatalog BuiltIn = ErrorCodeCatalog.BuiltIn;

    /// <summary>The published table, read with a plain split (independent of the product's parser): code → raw fields.</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, string[]>> Published = new(ReadPublished);

    [Fact]
    public void PublishedTable_Has190Codes_165Kms_25Csms()
    {
        Assert.Equal(190, Published.Value.Count);
        Assert.Equal(165, Published.Value.Keys.Count(c => c.StartsWith("KMS.", StringComparison.Ordinal)));
        Assert.Equal(25, Published.Value.Keys.Count(c => c.StartsWith("CSMS.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Catalog_HasExactlyThePublishedCodes()
    {
        var catalogCodes = BuiltIn.Entries.Select(e => e.Code).OrderBy(c => c, StringComparer.Ordinal).ToArray();
        var publishedCodes = Published.Value.Keys.OrderBy(c => c, StringComparer.Ordinal).ToArray();
        Assert.Equal(publishedCodes, catalogCodes);
        Assert.Equal(new[] { "KMS", "CSMS" }, BuiltIn.Prefixes.ToArray());
    }

    [Fact]
    public void Catalog_MatchesPublishedTable_CodeByCode_TextExact()
    {
        var mismatches = new List<string>();
        var matched = 0;
        foreach (var pair in Published.Value)
        {
            var fields = pair.Value;
            if (!BuiltIn.TryGetEntry(pair.Key, out var entry))
            {
                mismatches.Add($"{pair.Key}: missing from the catalog");
                continue;
            }

            var before = mismatches.Count;
            Compare(pair.Key, "http_status", fields[1], entry.HttpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), mismatches);
            Compare(pair.Key, "message", fields[2], entry.Message, mismatches);
            Compare(pair.Key, "description", fields[3], entry.Description, mismatches);
            Compare(pair.Key, "measure", fields[4], entry.Measure, mismatches);
            if (mismatches.Count == before)
            {
                matched++;
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        Assert.Equal(190, matched);
    }

    /// <summary>
    /// The page as published (tests/Catalog/published-error-codes-page.txt, a pipe table whose cells span several lines)
    /// against the catalog and the TSV derived from it: every code, every column, so the page→TSV step is tested too.
    /// </summary>
    [Fact]
    public void Catalog_MatchesTheRawPublishedPage_CodeByCode()
    {
        var page = ReadRawPage();
        Assert.Equal(190, page.Count);
        var mismatches = new List<string>();
        foreach (var (code, fields) in page)
        {
            Assert.True(BuiltIn.TryGetEntry(code, out var entry), code + " is on the page but not in the catalog");
            Compare(code, "http_status", fields[1], entry.HttpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), mismatches);
            Compare(code, "message", fields[2], Collapse(entry.Message), mismatches);
            Compare(code, "description", fields[3], Collapse(entry.Description), mismatches);
            Compare(code, "measure", fields[4], Collapse(entry.Measure), mismatches);
            Assert.Equal(Published.Value[code], fields);
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    /// <summary>
    /// The rows of the raw page: its cells are separated by <c>|</c> and wrap over lines; a row is the cell before a code
    /// (the status), the code, and the three cells after it (message, description, measure). White space is collapsed.
    /// </summary>
    private static IReadOnlyDictionary<string, string[]> ReadRawPage()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Catalog", "published-error-codes-page.txt");
        var cells = File.ReadAllText(path).Split('|').Select(Collapse).ToArray();
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 1; i + 3 < cells.Length; i++)
        {
            if (System.Text.RegularExpressions.Regex.IsMatch(cells[i], @"^(KMS|CSMS)\.\d{4}$"))
            {
                rows.Add(cells[i], new[] { cells[i], cells[i - 1], cells[i + 1], cells[i + 2], cells[i + 3] });
            }
        }

        return rows;
    }

    private static string Collapse(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    [Fact]
    public void Names_AreValidIdentifiers_AndUniquePerPrefix()
    {
        foreach (var entry in BuiltIn.Entries)
        {
            Assert.True(SyntaxFacts.IsValidIdentifier(entry.Name), $"{entry.Code}: '{entry.Name}' is not an identifier");
            Assert.Equal(SyntaxKind.None, SyntaxFacts.GetKeywordKind(entry.Name));
            Assert.True(char.IsUpper(entry.Name[0]), $"{entry.Code}: '{entry.Name}' is not PascalCase");
            Assert.NotEqual("IsTransient", entry.Name);
        }

        foreach (var group in BuiltIn.Entries.GroupBy(e => e.Prefix))
        {
            var duplicates = group.GroupBy(e => e.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            Assert.True(duplicates.Length == 0, $"{group.Key}: duplicate names {string.Join(", ", duplicates)}");
        }
    }

    [Fact]
    public void KeyNotFound_IsKms0207()
    {
        Assert.True(BuiltIn.TryGetEntry("KMS.0207", out var entry));
        Assert.Equal("KeyNotFound", entry.Name);
        Assert.Equal(404, entry.HttpStatus);
        Assert.Equal("KMS", entry.Prefix);
    }

    [Fact]
    public void RetryClasses_Parse_AndRoundTrip()
    {
        foreach (var entry in BuiltIn.Entries)
        {
            Assert.True(RetryClasses.TryParse(entry.RetryText, out var retry, out var detail), $"{entry.Code}: '{entry.RetryText}'");
            Assert.Equal(entry.Retry, retry);
            Assert.Equal(entry.RetryDetail, detail);
        }

        Assert.Contains(BuiltIn.Entries, e => e.Retry == RetryClass.Transient);
        Assert.Contains(BuiltIn.Entries, e => e.Retry == RetryClass.AfterAction);
        Assert.Contains(BuiltIn.Entries, e => e.Retry == RetryClass.Permanent);
    }

    [Fact]
    public void RetryClasses_AreThoseOfTheDataFile()
    {
        // The raw retry column, read independently: the loader must not reinterpret it.
        var raw = ReadDataLines(ReadResource("ErrorCodes.tsv"), "code").ToDictionary(f => f[0], f => f[3], StringComparer.Ordinal);
        Assert.Equal(190, raw.Count);
        foreach (var entry in BuiltIn.Entries)
        {
            Assert.Equal(raw[entry.Code].Trim(), entry.RetryText);
        }

        Assert.Equal(RetryClass.Transient, Entry("KMS.0101").Retry);
        Assert.Equal(RetryClass.Permanent, Entry("KMS.0207").Retry);
    }

    [Fact]
    public void Operations_EveryRowResolves_75Kms_45Csms()
    {
        var rows = ReadDataLines(ReadResource("Operations.tsv"), "service").ToArray();
        Assert.Equal(120, rows.Length);
        Assert.Equal(75, rows.Count(r => r[0] == "KMS"));
        Assert.Equal(45, rows.Count(r => r[0] == "CSMS"));
        Assert.Equal(120, BuiltIn.Operations.All.Length);

        foreach (var row in rows)
        {
            Assert.True(BuiltIn.Operations.TryGet(row[0], row[1], out var info), $"{row[0]} {row[1]} does not resolve");
            Assert.Equal(row[0], info.Service);
            Assert.Equal(row[1], info.Name);
            foreach (var code in info.Handle.Concat(info.Also).Concat(info.Maybe))
            {
                Assert.True(BuiltIn.Contains(code), $"{info}: unknown code {code}");
            }

            Assert.True(info.Handle.Length + info.Also.Length > 0, $"{info} has no codes");
        }

        Assert.True(BuiltIn.Operations.TryGet("KMS", "ListGrants", out var kmsGrants));
        Assert.True(BuiltIn.Operations.TryGet("CSMS", "ListGrants", out var csmsGrants));
        Assert.NotSame(kmsGrants, csmsGrants);
        Assert.All(kmsGrants.Handle.Concat(kmsGrants.Also), c => Assert.StartsWith("KMS.", c));
        Assert.All(csmsGrants.Handle.Concat(csmsGrants.Also), c => Assert.StartsWith("CSMS.", c));
        Assert.False(BuiltIn.Operations.TryGet("KMS", "NoSuchOperation", out _));
    }

    [Fact]
    public void Operations_CoverEverySdkOperation()
    {
        // Every SDK operation (the stand-in mirrors the SDK 3.1.207 surface) has a row, and every row is an SDK operation.
        var expected = new[]
        {
            ("KMS", typeof(HuaweiCloud.SDK.Kms.V2.KmsClient)),
            ("CSMS", typeof(HuaweiCloud.SDK.Csms.V1.CsmsClient)),
        };
        foreach (var (service, client) in expected)
        {
            var operations = client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.EndsWith("Invoker", StringComparison.Ordinal))
                .Select(m => m.Name.Substring(0, m.Name.Length - "Invoker".Length))
                .Distinct()
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToArray();
            var mapped = BuiltIn.Operations.All.Where(o => o.Service == service).Select(o => o.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(operations, mapped);
        }
    }

    [Fact]
    public void Operations_TiersAreDisjoint()
    {
        foreach (var info in BuiltIn.Operations.All)
        {
            var all = info.Handle.Concat(info.Also).Concat(info.Maybe).ToArray();
            Assert.True(all.Length == all.Distinct(StringComparer.Ordinal).Count(), $"{info}: a code is in two tiers");
        }
    }

    [Fact]
    public void DecryptData_HandlesKeyStateCodes()
    {
        Assert.True(BuiltIn.Operations.TryGet("KMS", "DecryptData", out var info));
        Assert.Contains("KMS.0207", info.Handle);
        Assert.Contains("KMS.0209", info.Handle);
        Assert.Contains("KMS.0210", info.Handle);
        Assert.DoesNotContain("KMS.0207", info.Also);
    }

    private static ErrorCodeEntry Entry(string code)
    {
        Assert.True(BuiltIn.TryGetEntry(code, out var entry), code);
        return entry;
    }

    private static void Compare(string code, string column, string published, string actual, List<string> mismatches)
    {
        if (!string.Equals(published, actual, StringComparison.Ordinal))
        {
            mismatches.Add($"{code} {column}: published '{published}' but catalog '{actual}'");
        }
    }

    private static IReadOnlyDictionary<string, string[]> ReadPublished()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Catalog", "dew-error-codes.tsv");
        var lines = File.ReadAllText(path).TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        Assert.Equal(new[] { "code", "http_status", "message", "description", "measure" }, lines[0].Split('\t'));
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).Where(l => l.Length != 0))
        {
            var fields = line.Split('\t');
            Assert.True(fields.Length == 5, $"published line has {fields.Length} fields: {line}");
            result.Add(fields[0], fields);
        }

        return result;
    }

    private static IEnumerable<string[]> ReadDataLines(string text, string header)
        => text.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n')
            .Where(l => l.Trim().Length != 0 && l[0] != '#')
            .Select(l => l.Split('\t'))
            .Where(f => f[0] != header);

    private static string ReadResource(string fileName)
    {
        using var stream = typeof(ErrorCodeCatalog).Assembly.GetManifestResourceStream("DewAnalyzers.Catalog." + fileName);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream!);
        return reader.ReadToEnd();
    }
}
