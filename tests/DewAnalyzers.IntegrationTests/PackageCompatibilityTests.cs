using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using DewAnalyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace DewAnalyzers.IntegrationTests;

/// <summary>The shipped assemblies load in every host from Roslyn 4.8 (VS 2022 17.8 / .NET 8 SDK) on.</summary>
[Collection(ConsumerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PackageCompatibilityTests
{
    private static readonly Version MaxRoslyn = new(4, 8, 0, 0);
    private static readonly string[] Assemblies = { "DewAnalyzers.dll", "DewAnalyzers.CodeFixes.dll" };

    private readonly ConsumerFixture _fixture;

    public PackageCompatibilityTests(ConsumerFixture fixture) => _fixture = fixture;

    [Fact]
    public void Package_ShipsBothAssembliesAsAnalyzers()
    {
        using var package = ZipFile.OpenRead(_fixture.PackagePath);
        var analyzers = package.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal)).Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(Assemblies.OrderBy(n => n, StringComparer.Ordinal), analyzers);
        Assert.Contains(package.Entries, e => e.FullName == "buildTransitive/DewAnalyzers.props");
        Assert.DoesNotContain(package.Entries, e => e.FullName.StartsWith("lib/", StringComparison.Ordinal));

        using var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.Equal(_fixture.Version, metadata.Elements().Single(e => e.Name.LocalName == "version").Value);
    }

    [Theory]
    [InlineData("DewAnalyzers.dll")]
    [InlineData("DewAnalyzers.CodeFixes.dll")]
    public void Assembly_ReferencesRoslynAtMost48AndTargetsNetStandard20(string name)
    {
        var references = ReferencesOf(name);

        var roslyn = references.Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
        Assert.Contains(roslyn, r => r.Name == "Microsoft.CodeAnalysis");
        Assert.All(roslyn, r => Assert.True(r.Version <= MaxRoslyn, $"{name} references {r.Name} {r.Version} (> {MaxRoslyn})"));
        Assert.Contains(references, r => r.Name == "netstandard" && r.Version == new Version(2, 0, 0, 0));
        Assert.DoesNotContain(references, r => r.Name is "System.Runtime" or "mscorlib");
    }

    private IReadOnlyList<(string Name, Version Version)> ReferencesOf(string name)
    {
        using var package = ZipFile.OpenRead(_fixture.PackagePath);
        var entry = package.GetEntry("analyzers/dotnet/cs/" + name);
        Assert.True(entry is not null, name + " is missing from " + Path.GetFileName(_fixture.PackagePath));
        using var buffer = new MemoryStream();
        using (var stream = entry!.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h)).Select(r => (reader.GetString(r.Name), r.Version)).ToList();
    }
}
