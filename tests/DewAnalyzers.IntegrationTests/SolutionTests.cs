using System;
using System.IO;
using System.Threading.Tasks;
using DewAnalyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace DewAnalyzers.IntegrationTests;

/// <summary>
/// The generated constants in real solutions (docs/ci.md, "Strict settings"): a library and its test project that sees its
/// internals both reference the package and build with warnings as errors, no CS0436; a friend project with the
/// generator off builds and is offered no constant it cannot name; two libraries and a friend of both build clean.
/// </summary>
[Collection(ConsumerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SolutionTests
{
    /// <summary>The settings of a strict CI build (docs/ci.md).</summary>
    public const string StrictProperties = """
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <Nullable>enable</Nullable>
            <GenerateDocumentationFile>true</GenerateDocumentationFile>
            <AnalysisLevel>latest-all</AnalysisLevel>
        """;

    private readonly ConsumerFixture _fixture;

    public SolutionTests(ConsumerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task LibraryAndItsTestProject_BuildClean_AndTheTestProjectsFixUsesItsOwnConstant()
    {
        var root = NewSolution("library-and-tests");
        WriteProject(root, "Lib", references: Array.Empty<string>(), extraProperties: string.Empty, "Lookup.cs", """
            using System.Runtime.CompilerServices;
            using Dew.ErrorCodes;
            using HuaweiCloud.SDK.Core;

            [assembly: InternalsVisibleTo("Lib.Tests")]
            [assembly: InternalsVisibleTo("App")]

            namespace Lib;

            internal static class Lookup
            {
                internal static bool IsMissing(ServiceResponseException e) => e.ErrorCode == KmsErrorCodes.KeyNotFound;
            }
            """);
        WriteProject(root, "Lib.Tests", new[] { "Lib" }, string.Empty, "LookupChecks.cs", """
            using Dew.ErrorCodes;
            using HuaweiCloud.SDK.Core;

            namespace Lib.Tests;

            internal static class LookupChecks
            {
                internal static bool Missing(ServiceResponseException e) => Lib.Lookup.IsMissing(e) && e.ErrorCode == KmsErrorCodes.KeyNotFound;

                internal static bool Disabled(ServiceResponseException e) => e.ErrorCode == "KMS.0209";
            }
            """);
        WriteProject(root, "App", new[] { "Lib" }, "<DewGenerateErrorCodes>false</DewGenerateErrorCodes>", "Checks.cs", """
            using HuaweiCloud.SDK.Core;

            namespace App;

            internal static class Checks
            {
                internal static bool Missing(ServiceResponseException e) => Lib.Lookup.IsMissing(e) || e.ErrorCode == "KMS.0207";
            }
            """);

        await AssertBuildsClean(root, "Lib.Tests");

        // The DEW002 fix in the test project writes the test project's own constant, and the result still builds clean.
        await ConsumerFixture.Succeed(_fixture.Run(root, "format", "analyzers", Path.Combine("Lib.Tests", "Lib.Tests.csproj"),
            "--diagnostics", "DEW002", "--severity", "info", "--no-restore"));
        var fixedText = File.ReadAllText(Path.Combine(root, "Lib.Tests", "LookupChecks.cs"));
        Assert.Contains("e.ErrorCode == KmsErrorCodes.KeyDisabled;", fixedText, StringComparison.Ordinal);
        await AssertBuildsClean(root, "Lib.Tests");

        // The friend with the generator off sees none of Lib's constants, so DEW002 (raised to an error here) has nothing to offer.
        File.WriteAllText(Path.Combine(root, "App", ".editorconfig"), "[*.cs]\ndotnet_diagnostic.DEW002.severity = error\n");
        var app = await AssertBuildsClean(root, "App");
        Assert.DoesNotContain("DEW002", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoLibrariesAndAFriendOfBoth_BuildClean()
    {
        var root = NewSolution("two-libraries");
        foreach (var library in new[] { "LibA", "LibB" })
        {
            WriteProject(root, library, Array.Empty<string>(), string.Empty, "Codes.cs", $$"""
                using System.Runtime.CompilerServices;
                using Dew.ErrorCodes;

                [assembly: InternalsVisibleTo("Combined")]

                namespace {{library}};

                internal static class Codes
                {
                    internal static bool IsRetryable(string code) => DewErrorCodes.IsTransient(code) && code != KmsErrorCodes.KeyNotFound;
                }
                """);
        }

        WriteProject(root, "Combined", new[] { "LibA", "LibB" }, string.Empty, "Both.cs", """
            using Dew.ErrorCodes;

            namespace Combined;

            internal static class Both
            {
                internal static bool IsRetryable(string code)
                    => LibA.Codes.IsRetryable(code) && LibB.Codes.IsRetryable(code) && code != CsmsErrorCodes.SecretNotFound;
            }
            """);

        await AssertBuildsClean(root, "Combined");
    }

    private string NewSolution(string name)
    {
        var root = Path.Combine(_fixture.Root, name);
        Directory.CreateDirectory(root);
        foreach (var stub in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(root, stub), "<Project />\n");
        }

        File.Copy(Path.Combine(_fixture.Consumer, "NuGet.config"), Path.Combine(root, "NuGet.config"));
        File.WriteAllText(Path.Combine(root, ".editorconfig"), "root = true\n");
        return root;
    }

    private void WriteProject(string root, string name, string[] references, string extraProperties, string fileName, string source)
    {
        var directory = Path.Combine(root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, fileName), source);
        var projectReferences = string.Concat(Array.ConvertAll(references, r => $"""    <ProjectReference Include="../{r}/{r}.csproj" />{Environment.NewLine}"""));
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>disable</ImplicitUsings>
            {StrictProperties}
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DewAnalyzers" Version="{_fixture.Version}" />
                <Reference Include="HuaweiCloud.SDK.StandIn">
                  <HintPath>{_fixture.SdkAssembly}</HintPath>
                </Reference>
            {projectReferences}  </ItemGroup>
            </Project>
            """);
    }

    private async Task<ProcessResult> AssertBuildsClean(string root, string project)
    {
        var build = await ConsumerFixture.Succeed(_fixture.Run(root, "build", Path.Combine(project, project + ".csproj")));
        Assert.Contains("0 Warning(s)", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS0436", build.Output, StringComparison.Ordinal);
        return build;
    }
}
