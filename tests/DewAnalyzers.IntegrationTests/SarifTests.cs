using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using DewAnalyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace DewAnalyzers.IntegrationTests;

/// <summary>CI host: `dotnet build -p:ErrorLog=file,version=2.1` writes the DEW results and rule metadata as SARIF 2.1.</summary>
[Collection(ConsumerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SarifTests
{
    private readonly ConsumerFixture _fixture;

    public SarifTests(ConsumerFixture fixture) => _fixture = fixture;

    [Fact]
    public void ErrorLog_HasTheMarkedResults()
    {
        using var sarif = Read();
        var run = sarif.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("DEW", StringComparison.Ordinal))
            .Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                Assert.StartsWith("file://", uri, StringComparison.Ordinal);
                Assert.Equal("warning", r.GetProperty("level").GetString());
                return new Finding(r.GetProperty("ruleId").GetString()!, Path.GetFileName(new Uri(uri).LocalPath), location.GetProperty("region").GetProperty("startLine").GetInt32());
            })
            .ToList();

        Assert.Equal(results.Count, results.Distinct().Count());
        Assert.Equal(_fixture.Expected, Finding.Set(results));
    }

    [Fact]
    public void ErrorLog_DescribesTheRules()
    {
        using var sarif = Read();
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var tool = run.GetProperty("tool");
        var rules = tool.GetProperty("driver").TryGetProperty("rules", out var driverRules) ? driverRules.EnumerateArray().ToList() : new();
        if (tool.TryGetProperty("extensions", out var extensions))
        {
            rules.AddRange(extensions.EnumerateArray().Where(e => e.TryGetProperty("rules", out _)).SelectMany(e => e.GetProperty("rules").EnumerateArray()));
        }

        var dew = rules.Where(r => r.GetProperty("id").GetString()!.StartsWith("DEW", StringComparison.Ordinal)).ToDictionary(r => r.GetProperty("id").GetString()!);
        foreach (var id in _fixture.Expected.Select(f => f.Id).Distinct())
        {
            Assert.True(dew.ContainsKey(id), id + " has no rule metadata");
            Assert.EndsWith($"docs/rules/{id}.md", dew[id].GetProperty("helpUri").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(dew[id].GetProperty("shortDescription").GetProperty("text").GetString()), id);
        }

        Assert.Equal("Error code is not in the catalog", dew["DEW001"].GetProperty("shortDescription").GetProperty("text").GetString());
    }

    private JsonDocument Read()
    {
        Assert.True(File.Exists(_fixture.Sarif), _fixture.BaselineBuild.ToString());
        return JsonDocument.Parse(File.ReadAllText(_fixture.Sarif));
    }
}
