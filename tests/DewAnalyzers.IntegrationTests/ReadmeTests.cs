using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DewAnalyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace DewAnalyzers.IntegrationTests;

/// <summary>
/// README's sample output is what `dotnet build samples/DewSample` prints (the README's first command): every line the
/// README shows is printed, and every finding the build prints is shown, except the DEW002 lines the README summarizes.
/// </summary>
[Collection(ConsumerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ReadmeTests
{
    private static readonly Regex DewLine = new(@"(?<path>samples/DewSample/[^(]+\(\d+,\d+\)): (?<severity>warning|error) (?<id>DEW\d{3}): (?<message>.*)$", RegexOptions.CultureInvariant);

    private readonly ConsumerFixture _fixture;

    public ReadmeTests(ConsumerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task SampleOutputBlock_IsWhatTheSampleBuildPrints()
    {
        var artifacts = Path.Combine(_fixture.Root, "sample-artifacts");
        var build = await ConsumerFixture.Succeed(_fixture.Run(
            _fixture.RepoRoot, "build", Path.Combine("samples", "DewSample"), "--artifacts-path", artifacts, "-p:NuGetAudit=false"));
        var printed = build.Output.Split('\n').Select(Normalize).Where(l => l is not null).Select(l => l!).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(printed);

        var readme = File.ReadAllText(Path.Combine(_fixture.RepoRoot, "README.md")).Replace("\r\n", "\n");
        var block = Regex.Match(readme, "```text\n(?<lines>(samples/DewSample/[^\n]*\n)+)```").Groups["lines"].Value;
        var shown = block.Split('\n').Where(l => l.Length > 0).Select(l => Normalize(l)!).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(shown);

        Assert.Empty(shown.Except(printed));
        Assert.Empty(printed.Except(shown).Where(l => !l.Contains(" DEW002: ", StringComparison.Ordinal)));
    }

    /// <summary>`…/samples/DewSample/KeyService.cs(25,13): warning DEW003: message (help link) [project]` → repo-relative, no link or project.</summary>
    private static string? Normalize(string line)
    {
        var match = DewLine.Match(line.Trim());
        if (!match.Success)
        {
            return null;
        }

        var message = Regex.Replace(match.Groups["message"].Value, @"( \(https?://[^)]*\))?( \[[^\]]*\])?$", string.Empty);
        return $"{match.Groups["path"].Value}: {match.Groups["severity"].Value} {match.Groups["id"].Value}: {message.TrimEnd()}";
    }
}
