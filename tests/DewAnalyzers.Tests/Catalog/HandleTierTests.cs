using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DewAnalyzers.Catalog;
using Xunit;

// Not "DewAnalyzers.Tests.Catalog": that would shadow DewAnalyzers.Catalog for code in DewAnalyzers.Tests.*.
namespace DewAnalyzers.Tests.CatalogTests;

/// <summary>
/// The <c>handle</c> tier of Operations.tsv holds the outcomes a correct program meets at run time (issue 17); codes that
/// only a wrong request of the caller can cause are in <c>also</c>. The decisions are recorded in the file's comments:
/// <c># moved: CODE reason</c> (in no handle tier) and <c># keep: CODE reason</c> (in handle although the measure reads
/// like a request error).
/// </summary>
public sealed class HandleTierTests
{
    /// <summary>
    /// Measure phrases of the published catalog that tell the caller to fix the request: fill in valid or correct
    /// values, use another key type, algorithm or key, make parameters match. Taken from the measure column of
    /// ErrorCodes.tsv; <see cref="RequestErrorPhrases_EachOccursInTheCatalog"/> keeps them tied to the data.
    /// </summary>
    private static readonly string[] RequestErrorPhrases =
    {
        "Enter valid",              // Enter valid parameters. / Enter valid secrets.
        "Enter a valid",            // Enter a valid key ID. / grant ID. / secret name. / URL. ...
        "Enter the correct",        // Enter the correct partition type.
        "Enter a correct",          // Enter a correct partition type name.
        "Choose a valid",           // Choose a valid key or create a key.
        "Set a valid",              // Set a valid key expiration time.
        "is valid",                 // Ensure the data key is valid or contact customer support.
        "Use the correct",          // Use the correct resource type. / key for encryption and decryption.
        "Use a correct",            // Use a correct key type / algorithm type / signature algorithm.
        "Use a supported",          // Use a supported request method.
        "Use a common CMK",         // Use a common CMK. (external and RSA keys cannot rotate)
        "on a common CMK",          // Perform this operation on a common CMK. (Default Master Keys)
        "Use an imported key",      // External keys required.
        "Try again using",          // Try again using a symmetric / an asymmetric key.
        "Replace the algorithm",    // SM2/SM4 not supported in the region.
        "matches",                  // Ensure input grant_id matches key_id. / the key ID ... matches that in the token.
        "Do not delete",            // Do not delete the built-in version.
    };

    private static readonly Regex Record = new(@"^# (moved|keep): (\S+) (\S.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex RecordLike = new(@"^#\s*(moved|keep)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly ErrorCodeCatalog BuiltIn = ErrorCodeCatalog.BuiltIn;
    private static readonly Lazy<Reasons> Recorded = new(ReadReasons);

    [Fact]
    public void HandleCode_WithRequestErrorMeasure_HasKeepReason()
    {
        var unexplained = new List<string>();
        foreach (var (code, operations) in HandlePlacements())
        {
            var measure = Entry(code).Measure;
            if (IsRequestErrorMeasure(measure) && !Recorded.Value.Keep.ContainsKey(code))
            {
                unexplained.Add($"{code} (measure '{measure}') in handle of {string.Join(", ", operations)}: move it to also and add '# moved: {code} <reason>', or add '# keep: {code} <reason>'");
            }
        }

        Assert.True(unexplained.Count == 0, "Operations.tsv:" + Environment.NewLine + string.Join(Environment.NewLine, unexplained));
    }

    [Fact]
    public void MovedCodes_AreInNoHandleTier_AndInSomeAlsoTier()
    {
        var handle = HandlePlacements();
        var problems = new List<string>();
        foreach (var code in Recorded.Value.Moved.Keys)
        {
            if (handle.TryGetValue(code, out var operations))
            {
                problems.Add($"{code} is recorded as moved but is still in handle of {string.Join(", ", operations)}");
            }

            if (!BuiltIn.Operations.All.Any(o => o.Also.Contains(code)))
            {
                problems.Add($"{code} is recorded as moved but is in no also tier (moved to also, not dropped)");
            }
        }

        Assert.True(problems.Count == 0, "Operations.tsv:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void KeptCodes_AreInSomeHandleTier()
    {
        var handle = HandlePlacements();
        var stale = Recorded.Value.Keep.Keys.Where(c => !handle.ContainsKey(c)).ToArray();
        Assert.True(stale.Length == 0, $"Operations.tsv: '# keep:' for codes in no handle tier: {string.Join(", ", stale)}");
    }

    [Fact]
    public void Reasons_AreWellFormed()
    {
        var reasons = Recorded.Value;
        Assert.True(reasons.Errors.Count == 0, "Operations.tsv:" + Environment.NewLine + string.Join(Environment.NewLine, reasons.Errors));
        Assert.NotEmpty(reasons.Moved);
        Assert.NotEmpty(reasons.Keep);
        Assert.Empty(reasons.Moved.Keys.Intersect(reasons.Keep.Keys));
        Assert.All(reasons.Moved.Keys.Concat(reasons.Keep.Keys), c => Assert.True(BuiltIn.Contains(c), $"unknown code {c}"));
    }

    [Fact]
    public void RequestErrorPhrases_EachOccursInTheCatalog()
    {
        // A phrase no measure contains (a typo, a reworded catalog) would make the check above pass vacuously.
        foreach (var phrase in RequestErrorPhrases)
        {
            Assert.True(BuiltIn.Entries.Any(e => Contains(e.Measure, phrase)), $"no measure contains '{phrase}'");
        }

        // Spot checks of the family against known codes.
        Assert.True(IsRequestErrorMeasure(Entry("KMS.0308").Measure));   // Invalid parameter.
        Assert.True(IsRequestErrorMeasure(Entry("KMS.0211").Measure));   // Default Master Key
        Assert.True(IsRequestErrorMeasure(Entry("KMS.2201").Measure));   // Invalid cipher_text (kept: stored data)
        Assert.False(IsRequestErrorMeasure(Entry("KMS.0209").Measure));  // Enable the key.
        Assert.False(IsRequestErrorMeasure(Entry("KMS.1105").Measure));  // quota
        Assert.False(IsRequestErrorMeasure(Entry("CSMS.0101").Measure)); // Enter another valid secret name. (conflict)
    }

    [Fact]
    public void KeyStateAndNotFound_StayInHandle_RequestErrors_AreInAlso()
    {
        Assert.True(BuiltIn.Operations.TryGet("KMS", "DecryptData", out var decrypt));
        Assert.Equal(new[] { "KMS.0207", "KMS.0209", "KMS.0210", "KMS.2201" }, decrypt.Handle.ToArray());
        Assert.Contains("KMS.2105", decrypt.Also);
        Assert.Contains("KMS.1114", decrypt.Also);

        Assert.True(BuiltIn.Operations.TryGet("KMS", "ListKeys", out var listKeys));
        Assert.Empty(listKeys.Handle);
        Assert.Contains("KMS.1601", listKeys.Also);
    }

    private static bool IsRequestErrorMeasure(string measure) => RequestErrorPhrases.Any(p => Contains(measure, p));

    private static bool Contains(string text, string phrase) => text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>Code → the operations whose handle tier holds it.</summary>
    private static Dictionary<string, List<string>> HandlePlacements()
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var info in BuiltIn.Operations.All)
        {
            foreach (var code in info.Handle)
            {
                if (!result.TryGetValue(code, out var operations))
                {
                    result.Add(code, operations = new List<string>());
                }

                operations.Add(info.ToString());
            }
        }

        return result;
    }

    private static ErrorCodeEntry Entry(string code)
    {
        Assert.True(BuiltIn.TryGetEntry(code, out var entry), code);
        return entry;
    }

    private static Reasons ReadReasons()
    {
        var reasons = new Reasons();
        var lines = ReadResource("Operations.tsv").TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (!RecordLike.IsMatch(line))
            {
                continue;
            }

            var match = Record.Match(line);
            if (!match.Success)
            {
                reasons.Errors.Add($"line {i + 1}: not '# moved: CODE reason' or '# keep: CODE reason': {line}");
                continue;
            }

            var target = match.Groups[1].Value == "moved" ? reasons.Moved : reasons.Keep;
            var code = match.Groups[2].Value;
            if (target.ContainsKey(code))
            {
                reasons.Errors.Add($"line {i + 1}: {code} recorded twice");
                continue;
            }

            target.Add(code, match.Groups[3].Value);
        }

        return reasons;
    }

    private static string ReadResource(string fileName)
    {
        using var stream = typeof(ErrorCodeCatalog).Assembly.GetManifestResourceStream("DewAnalyzers.Catalog." + fileName);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream!);
        return reader.ReadToEnd();
    }

    private sealed class Reasons
    {
        public Dictionary<string, string> Moved { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Keep { get; } = new(StringComparer.Ordinal);

        public List<string> Errors { get; } = new();
    }
}
