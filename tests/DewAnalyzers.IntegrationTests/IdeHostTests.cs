using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DewAnalyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace DewAnalyzers.IntegrationTests;

/// <summary>
/// IDE host: the csharp-ls language server (Roslyn workspace, as editors use it) opened on the consumer reports the DEW
/// diagnostics of an open document. csharp-ls runs analyzers only when the client's `csharp` settings say
/// <c>analyzersEnabled: true</c>; it does not offer third-party code fixes (the fix host covers those).
/// </summary>
[Collection(ConsumerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class IdeHostTests
{
    public const string CsharpLsVersion = "0.28.0";

    private static readonly TimeSpan DiagnosticsTimeout = TimeSpan.FromSeconds(120);
    private static readonly JsonObject CsharpSettings = new() { ["analyzersEnabled"] = true };

    private readonly ConsumerFixture _fixture;

    public IdeHostTests(ConsumerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task CsharpLs_ReportsTheMarkedFindingsOfAnOpenDocument()
    {
        var tools = Path.Combine(_fixture.Root, "tools");
        await ConsumerFixture.Succeed(DotNet.RunAsync(_fixture.Root, _fixture.NuGetPackages, TimeSpan.FromMinutes(5),
            "tool", "install", "csharp-ls", "--version", CsharpLsVersion, "--tool-path", tools));
        var consumer = _fixture.CopyConsumer("ide");
        await ConsumerFixture.Succeed(_fixture.Run(consumer, "restore", ConsumerFixture.ProjectFile));

        const string FileName = "KeyService.cs";
        var path = Path.Combine(consumer, FileName);
        var uri = new Uri(path).AbsoluteUri;
        var expected = _fixture.Expected.Where(f => f.File == FileName).ToList();
        Assert.NotEmpty(expected);

        await using var server = LspClient.Start(Path.Combine(tools, "csharp-ls"), consumer, _fixture.NuGetPackages, Answer, "--loglevel", "info");
        var rootUri = new Uri(consumer + Path.DirectorySeparatorChar).AbsoluteUri;
        var initialize = await server.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootUri,
            ["rootPath"] = consumer,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = "consumer" }),
            ["initializationOptions"] = new JsonObject { ["csharp"] = CsharpSettings.DeepClone() },
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true, ["didChangeConfiguration"] = new JsonObject { ["dynamicRegistration"] = true } },
                ["textDocument"] = new JsonObject
                {
                    ["synchronization"] = new JsonObject { ["dynamicRegistration"] = true, ["didSave"] = true },
                    ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true, ["versionSupport"] = true },
                    ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = true, ["relatedDocumentSupport"] = false },
                },
                ["window"] = new JsonObject { ["workDoneProgress"] = true },
            },
        }, TimeSpan.FromSeconds(60));
        var pull = initialize?["capabilities"]?["diagnosticProvider"] is not null;
        await server.NotifyAsync("initialized", new JsonObject());
        await server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = File.ReadAllText(path) },
        });

        IReadOnlyList<Finding> seen = Array.Empty<Finding>();
        var deadline = DateTime.UtcNow + DiagnosticsTimeout;
        while (DateTime.UtcNow < deadline)
        {
            JsonArray? items = null;
            if (server.TryGetDiagnostics(uri, out var published) && published.Count > 0)
            {
                items = published;
            }
            else if (pull || server.ServerRequests.Any(r => r.Contains("textDocument/diagnostic", StringComparison.Ordinal)))
            {
                var report = await server.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }, TimeSpan.FromSeconds(60));
                items = report?["items"]?.AsArray();
            }

            if (items is not null)
            {
                seen = DewFindings(items, FileName);
                if (seen.SequenceEqual(expected))
                {
                    break;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        Assert.True(expected.SequenceEqual(seen), $"expected [{string.Join(", ", expected)}] but csharp-ls reported [{string.Join(", ", seen)}] (pull: {pull}).\n{server.Transcript}");
    }

    /// <summary>Answers csharp-ls's requests: the `csharp` configuration section switches analyzers on; the rest get null.</summary>
    private static JsonNode? Answer(string method, JsonNode? parameters)
    {
        if (method != "workspace/configuration")
        {
            return null; // client/registerCapability, window/workDoneProgress/create, workspace/diagnostic/refresh, ...
        }

        var answers = new JsonArray();
        foreach (var item in parameters?["items"]?.AsArray() ?? new JsonArray())
        {
            var section = item?["section"]?.GetValue<string>();
            answers.Add(section switch
            {
                "csharp" => CsharpSettings.DeepClone(),
                null or "" => new JsonObject { ["csharp"] = CsharpSettings.DeepClone() },
                _ => null,
            });
        }

        return answers;
    }

    private static IReadOnlyList<Finding> DewFindings(JsonArray diagnostics, string fileName)
        => Finding.Set(diagnostics
            .Select(d => (Code: d?["code"]?.ToString(), Line: d?["range"]?["start"]?["line"]?.GetValue<int>()))
            .Where(d => d.Code is not null && d.Code.StartsWith("DEW", StringComparison.Ordinal) && d.Line is not null)
            .Select(d => new Finding(d.Code!, fileName, d.Line!.Value + 1)));
}
