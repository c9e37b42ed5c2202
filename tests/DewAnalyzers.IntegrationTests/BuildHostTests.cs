using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DewAnalyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace DewAnalyzers.IntegrationTests;

/// <summary>`dotnet build` of a project that references the packed DewAnalyzers nupkg.</summary>
[Collection(ConsumerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class BuildHostTests
{
    private readonly ConsumerFixture _fixture;

    public BuildHostTests(ConsumerFixture fixture) => _fixture = fixture;

    [Fact]
    public void Build_ReportsExactlyTheMarkedFindings()
    {
        var build = _fixture.BaselineBuild;
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.NotEmpty(_fixture.Expected);
        Assert.Equal(_fixture.Expected, BuildOutput.DewFindings(build.Output));
        Assert.Empty(BuildOutput.DewFindings(build.Output, "error"));
    }

    [Fact]
    public async Task TreatWarningsAsErrors_TurnsTheFindingsIntoErrors()
    {
        var consumer = _fixture.CopyConsumer("warnaserror");

        var build = await _fixture.Run(consumer, "build", ConsumerFixture.ProjectFile, "-p:TreatWarningsAsErrors=true");

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains(": error DEW001:", build.Output, System.StringComparison.Ordinal);
        Assert.Equal(_fixture.Expected, BuildOutput.DewFindings(build.Output, "error"));
        Assert.Empty(BuildOutput.DewFindings(build.Output, "warning"));
    }

    [Fact]
    public async Task EditorConfig_SeverityNone_RemovesTheRule()
    {
        var consumer = _fixture.CopyConsumer("editorconfig");
        File.AppendAllText(Path.Combine(consumer, ".editorconfig"), "dotnet_diagnostic.DEW001.severity = none\n");

        var build = await ConsumerFixture.Succeed(_fixture.Run(consumer, "build", ConsumerFixture.ProjectFile));

        var expected = _fixture.Expected.Where(f => f.Id != "DEW001").ToList();
        Assert.NotEqual(_fixture.Expected.Count, expected.Count);
        Assert.Equal(expected, BuildOutput.DewFindings(build.Output));
    }

    [Fact]
    public async Task DewErrorCodesNamespace_RenamesTheGeneratedConstants()
    {
        var consumer = _fixture.CopyConsumer("namespace");
        foreach (var file in UsingDefaultConstants(consumer))
        {
            File.Delete(file);
        }

        File.WriteAllText(Path.Combine(consumer, "UsesCodes.cs"), """
            namespace Consumer;

            public static class UsesCodes
            {
                public const string Missing = My.Codes.KmsErrorCodes.KeyNotFound;

                public static bool Retry(string code) => My.Codes.DewErrorCodes.IsTransient(code);
            }
            """);

        // Without the property the code does not compile, so the passing build below proves the property took effect.
        var withoutProperty = await _fixture.Run(consumer, "build", ConsumerFixture.ProjectFile);
        Assert.True(withoutProperty.ExitCode != 0, withoutProperty.ToString());
        Assert.Contains("UsesCodes.cs", withoutProperty.Output, System.StringComparison.Ordinal);

        ConsumerFixture.SetProperty(consumer, "DewErrorCodesNamespace", "My.Codes");
        var build = await ConsumerFixture.Succeed(_fixture.Run(consumer, "build", ConsumerFixture.ProjectFile));
        Assert.DoesNotContain("error CS", build.Output, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task DewGenerateErrorCodesFalse_RemovesTheConstants()
    {
        var consumer = _fixture.CopyConsumer("noconstants");
        ConsumerFixture.SetProperty(consumer, "DewGenerateErrorCodes", "false");

        var build = await _fixture.Run(consumer, "build", ConsumerFixture.ProjectFile);

        Assert.True(build.ExitCode != 0, build.ToString());
        var errors = BuildOutput.All(build.Output).Where(d => d.Severity == "error").Select(d => d.Finding).ToList();
        var files = UsingDefaultConstants(consumer).Select(Path.GetFileName).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Contains(errors, e => e.File == file && e.Id is "CS0103" or "CS0246" or "CS0234"));
        Assert.All(errors, e => Assert.Contains(e.File, files));
    }

    /// <summary>The consumer files that use the generated constants in their default namespace.</summary>
    private static string[] UsingDefaultConstants(string consumer)
        => Directory.GetFiles(consumer, "*.cs").Where(f => File.ReadAllText(f).Contains("using Dew.ErrorCodes;", System.StringComparison.Ordinal)).ToArray();
}
