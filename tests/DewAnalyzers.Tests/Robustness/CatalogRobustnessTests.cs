using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace DewAnalyzers.Tests.Robustness;

/// <summary>
/// Damaged user catalogs: truncated and mutated copies of a published error-code page (<c>*.errorcodes.md</c>) and of a
/// TSV catalog (<c>*.errorcodes.tsv</c>) go through the generator and every analyzer. Nothing may throw (AD0001 or a
/// generator exception), and every problem is a DEW100 in the catalog file. A fixed, seeded set of inputs runs to
/// completion; its size is asserted.
/// </summary>
[Trait("Category", "Robustness")]
public sealed class CatalogRobustnessTests
{
    private const int Seed = 20261202;
    private const int TruncationsPerFormat = 60;
    private const int MutationsPerFormat = 90;

    private const string Source = """
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e) => e.ErrorCode == "KMS.0207" || e.ErrorCode == "CBC.18000016" || e.ErrorCode == "cbc.3002" || e.ErrorCode == "KMS.0213";
        }
        """;

    private const string Tsv =
        "code\thttp_status\tname\tretry\tmessage\tdescription\tmeasure\n"
        + "CBC.3002\t400\tInvalidParameter\tpermanent\tInvalid parameter.\tA parameter is invalid.\tCheck the parameters.\n"
        + "CBC.18000016\t400\tOrderNotFound\tpermanent\tThe order does not exist.\tNo such order.\tCheck the order ID.\n"
        + "SVCSTG.CCE-ADDONMGR.4040204\t404\tAddonNotFound\tpermanent\tThe add-on does not exist.\tNo such add-on.\tCheck it.\n"
        + "KMS.0207\t404\t\tafter-action:state\t\t\t\n";

    private static readonly char[] Noise = { '|', '\t', '\n', '\r', ' ', '.', '-', '0', '9', 'A', 'z', '状', '码', '#', '\uFEFF' };

    private readonly ITestOutputHelper _output;

    public CatalogRobustnessTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public Task DamagedPages_NoExceptions() => RunAsync("page.errorcodes.md", Page());

    [Fact]
    public Task DamagedTsvCatalogs_NoExceptions() => RunAsync("services.errorcodes.tsv", Tsv);

    /// <summary>The first ~120 lines of the published KMS/CSMS page (a multi-line pipe table), so each run stays small.</summary>
    private static string Page()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Catalog", "published-error-codes-page.txt");
        return string.Join("\n", File.ReadLines(path).Take(120));
    }

    private async Task RunAsync(string fileName, string original)
    {
        var inputs = Variants(original).ToList();
        Assert.Equal(TruncationsPerFormat + MutationsPerFormat, inputs.Count);
        var compilation = (await AnalyzerHarness.BaseCompilationAsync(string.Empty)).AddSyntaxTrees(CSharpSyntaxTree.ParseText(Source, AnalyzerHarness.ParseOptions(LanguageVersion.Latest), "/0/C.cs"));
        var failures = new List<string>();
        var dew100 = 0;
        foreach (var text in inputs)
        {
            var additional = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/0/" + fileName, text));
            var (generated, run) = AnalyzerHarness.RunGenerators(compilation, AnalyzerHarness.ParseOptions(LanguageVersion.Latest), additional);
            failures.AddRange(run.Results.Where(r => r.Exception is not null).Select(r => "generator: " + r.Exception));
            var analysis = await AnalyzerHarness.AnalyzeAsync(generated, additional);
            failures.AddRange(analysis.Exceptions);
            foreach (var diagnostic in analysis.Diagnostics.Where(d => d.Id == DiagnosticIds.InvalidCatalogEntry))
            {
                dew100++;
                if (diagnostic.Location.GetLineSpan().Path != "/0/" + fileName)
                {
                    failures.Add("DEW100 outside the catalog: " + diagnostic);
                }
            }

            if (failures.Count > 0)
            {
                failures.Add("--- input ---\n" + text);
                break;
            }
        }

        _output.WriteLine($"{fileName}: {inputs.Count} damaged catalogs, {dew100} DEW100 reported");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(dew100 > 0, "damaged catalogs should produce DEW100 somewhere, so the check above can fail");
    }

    /// <summary>Truncations at evenly spread lengths, then seeded mutations (deleted, inserted, replaced characters and lines).</summary>
    private static IEnumerable<string> Variants(string original)
    {
        for (var i = 0; i < TruncationsPerFormat; i++)
        {
            yield return original.Substring(0, (int)((long)original.Length * i / TruncationsPerFormat));
        }

        var random = new Random(Seed);
        for (var i = 0; i < MutationsPerFormat; i++)
        {
            var text = new StringBuilder(original);
            for (var edits = 1 + random.Next(6); edits > 0 && text.Length > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0:
                        text.Remove(at, Math.Min(1 + random.Next(20), text.Length - at));
                        break;
                    case 1:
                        text.Insert(at, Noise[random.Next(Noise.Length)]);
                        break;
                    case 2:
                        text[at] = Noise[random.Next(Noise.Length)];
                        break;
                    default:
                        var lineEnd = text.ToString().IndexOf('\n', at);
                        text.Insert(at, lineEnd < 0 ? "\n" : text.ToString(at, Math.Min(lineEnd - at + 1, 200)));
                        break;
                }
            }

            yield return text.ToString();
        }
    }
}
