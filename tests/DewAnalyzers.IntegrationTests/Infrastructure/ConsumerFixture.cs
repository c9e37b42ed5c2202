using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Xunit;

namespace DewAnalyzers.IntegrationTests.Infrastructure;

/// <summary>
/// Once per run: packs src/Package (unique pre-release version) into a temporary feed, builds the SDK stand-in, and creates
/// and builds a consumer project (PackageReference DewAnalyzers + Polly 7.2.4, Reference to the stand-in) in a temp folder
/// with a private NUGET_PACKAGES, so no cached DewAnalyzers is ever used. Tests that change files work on <see cref="CopyConsumer"/>.
/// </summary>
public sealed class ConsumerFixture : IAsyncLifetime
{
    public const string ProjectFile = "Consumer.csproj";
    public const string PollyVersion = "7.2.4";

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    public ConsumerFixture()
    {
        RepoRoot = typeof(ConsumerFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        Version = "0.1.0-it." + DateTime.UtcNow.ToString("yyyyMMdd't'HHmmssfff", CultureInfo.InvariantCulture);
        Root = Path.Combine(Path.GetTempPath(), "dew-integration-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        NuGetPackages = Path.Combine(Root, "nuget-packages");
        Consumer = Path.Combine(Root, "consumer");
        Sarif = Path.Combine(Root, "baseline.sarif");
    }

    public string RepoRoot { get; }

    /// <summary>The package version packed for this run.</summary>
    public string Version { get; }

    public string Root { get; }

    public string Feed { get; }

    /// <summary>The private global-packages folder of every dotnet process the tests start.</summary>
    public string NuGetPackages { get; }

    /// <summary>The restored and built consumer; read-only for tests (copy it to change files).</summary>
    public string Consumer { get; }

    public string PackagePath => Path.Combine(Feed, $"DewAnalyzers.{Version}.nupkg");

    public string SdkAssembly => Path.Combine(Root, "art", "bin", "HuaweiSdkStandIn", "release", "HuaweiCloud.SDK.StandIn.dll");

    /// <summary>Consumer sources with their expectation markers (tests/DewAnalyzers.IntegrationTests/Consumer).</summary>
    public string ConsumerSources => Path.Combine(RepoRoot, "tests", "DewAnalyzers.IntegrationTests", "Consumer");

    /// <summary>The baseline `dotnet build` of the consumer (with a SARIF 2.1 error log at <see cref="Sarif"/>).</summary>
    public ProcessResult BaselineBuild { get; private set; } = null!;

    public string Sarif { get; }

    public IReadOnlyList<Finding> Expected => ExpectedFindings.In(ConsumerSources);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        var art = Path.Combine(Root, "art");
        await Succeed(DotNet.RunAsync(RepoRoot, NuGetPackages, BuildTimeout,
            "pack", Path.Combine(RepoRoot, "src", "Package"), "-c", "Release", "-o", Feed, "--artifacts-path", art, "-p:Version=" + Version));
        await Succeed(DotNet.RunAsync(RepoRoot, NuGetPackages, BuildTimeout,
            "build", Path.Combine(RepoRoot, "tests", "HuaweiSdkStandIn"), "-c", "Release", "--artifacts-path", art));
        Assert.True(File.Exists(PackagePath), "missing " + PackagePath);
        Assert.True(File.Exists(SdkAssembly), "missing " + SdkAssembly);

        WriteConsumer(Consumer);
        await Succeed(Run(Consumer, "restore", ProjectFile));
        BaselineBuild = await Run(Consumer, "build", ProjectFile, "--no-restore", "-p:ErrorLog=" + Sarif + "%2Cversion=2.1");
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("DEW_INTEGRATION_KEEP") != "1")
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs dotnet in <paramref name="directory"/> with the private package folder.</summary>
    public Task<ProcessResult> Run(string directory, params string[] arguments) => DotNet.RunAsync(directory, NuGetPackages, BuildTimeout, arguments);

    /// <summary>A fresh copy of the consumer (sources and settings, no bin/obj) for a test that changes files.</summary>
    public string CopyConsumer(string name)
    {
        var target = Path.Combine(Root, name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(Consumer))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    public static async Task<ProcessResult> Succeed(Task<ProcessResult> run)
    {
        var result = await run;
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private void WriteConsumer(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.EnumerateFiles(ConsumerSources))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        // Empty stubs: nothing of the repository's (or a parent folder's) MSBuild setup reaches the consumer.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="dew-local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, ".editorconfig"), """
            root = true

            [*.cs]
            # DEW002 is a suggestion by default; the build host reports warnings.
            dotnet_diagnostic.DEW002.severity = warning

            """);
        File.WriteAllText(Path.Combine(directory, ProjectFile), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DewAnalyzers" Version="{Version}" />
                <PackageReference Include="Polly" Version="{PollyVersion}" />
                <Reference Include="HuaweiCloud.SDK.StandIn">
                  <HintPath>{SdkAssembly}</HintPath>
                </Reference>
                <AdditionalFiles Include="*.errorcodes.tsv" />
              </ItemGroup>
            </Project>
            """);
    }

    /// <summary>Inserts MSBuild properties into a consumer copy's project file, as a user would.</summary>
    public static void SetProperty(string directory, string name, string value)
    {
        var path = Path.Combine(directory, ProjectFile);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("</PropertyGroup>", $"  <{name}>{value}</{name}>\n  </PropertyGroup>", StringComparison.Ordinal));
    }
}

[CollectionDefinition(Name)]
public sealed class ConsumerCollection : ICollectionFixture<ConsumerFixture>
{
    public const string Name = "Consumer";
}
