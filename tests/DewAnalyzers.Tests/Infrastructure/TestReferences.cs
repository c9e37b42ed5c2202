using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace DewAnalyzers.Tests.Infrastructure;

/// <summary>Reference sets for test compilations: .NET 8 reference assemblies, the Huawei SDK stand-in, the real Polly packages.</summary>
public static class TestReferences
{
    /// <summary>The SDK stand-in assembly (tests/HuaweiSdkStandIn), referenced as metadata like the real SDK package.</summary>
    public static MetadataReference HuaweiSdk { get; } =
        MetadataReference.CreateFromFile(typeof(HuaweiCloud.SDK.Core.ServiceResponseException).Assembly.Location);

    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;

    /// <summary>.NET 8 plus Polly 7.2.4 (the v7 Policy API).</summary>
    public static ReferenceAssemblies Net80WithPolly7 { get; } =
        ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(new PackageIdentity("Polly", "7.2.4")));

    /// <summary>.NET 8 plus Polly.Core 8.9.1 (the v8 resilience-pipeline API).</summary>
    public static ReferenceAssemblies Net80WithPolly8 { get; } =
        ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(new PackageIdentity("Polly.Core", "8.9.1")));
}
