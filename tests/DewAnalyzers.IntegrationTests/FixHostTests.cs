using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DewAnalyzers.IntegrationTests.Infrastructure;
using Xunit;

namespace DewAnalyzers.IntegrationTests;

/// <summary>Fix host: `dotnet format analyzers` applies the package's code fixes in bulk.</summary>
[Collection(ConsumerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class FixHostTests
{
    /// <summary>The rules whose fixes `dotnet format` applies here; add a rule's ID when its fixer ships.</summary>
    private static readonly string[] FixedIds = { "DEW002", "DEW001", "DEW003", "DEW004" };

    private static readonly string[] FixedFiles = { "KeyService.cs", "RetryPolicies.cs" };

    private readonly ConsumerFixture _fixture;

    public FixHostTests(ConsumerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task DotnetFormatAnalyzers_AppliesTheFixes_AndTheResultBuildsClean()
    {
        var consumer = _fixture.CopyConsumer("format");
        var file = Path.Combine(consumer, "KeyService.cs");
        await ConsumerFixture.Succeed(_fixture.Run(consumer, "restore", ConsumerFixture.ProjectFile));

        var arguments = new[] { "format", "analyzers", ConsumerFixture.ProjectFile, "--diagnostics" }
            .Concat(FixedIds)
            .Concat(new[] { "--severity", "info", "--no-restore", "--verbosity", "normal" })
            .ToArray();
        var format = await ConsumerFixture.Succeed(_fixture.Run(consumer, arguments));

        var text = File.ReadAllText(file);
        Assert.Contains("Formatted code file", format.Output, StringComparison.Ordinal);
        Assert.Contains("using Dew.ErrorCodes;", text, StringComparison.Ordinal);
        Assert.Contains("case KmsErrorCodes.KeyNotFound: // expect: DEW002", text, StringComparison.Ordinal); // DEW002
        // DEW001: the nearest code DecryptData can return (KMS.0214), not the textually nearest KMS.0212, which it never returns.
        Assert.Contains("case KmsErrorCodes.InvalidRequestFormat: // expect: DEW001", text, StringComparison.Ordinal);
        Assert.Contains("=> e.ErrorCode == KmsErrorCodes.KeyNotFound; // expect: DEW001", text, StringComparison.Ordinal); // DEW001: kms.0207
        Assert.DoesNotContain("\"KMS.0207\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"KMS.0213\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"kms.0207\"", text, StringComparison.Ordinal);

        // DEW003: the missing cases, each with the catalog's text above it.
        Assert.Contains("// KMS.0209: The key has been disabled. Measure: Enable the key.", text, StringComparison.Ordinal);
        Assert.Contains("case KmsErrorCodes.KeyDisabled:", text, StringComparison.Ordinal);
        Assert.Contains("case KmsErrorCodes.InvalidCipherText:", text, StringComparison.Ordinal);

        // DEW004: the non-transient code leaves the retry condition, the transient one stays.
        var retry = File.ReadAllText(Path.Combine(consumer, "RetryPolicies.cs"));
        Assert.Contains(".Handle<ClientRequestException>(e => e.ErrorCode == KmsErrorCodes.SystemErrorBadRequest) // expect: DEW004", retry, StringComparison.Ordinal);
        Assert.DoesNotContain("KeyNotFound", retry, StringComparison.Ordinal);

        var build = await ConsumerFixture.Succeed(_fixture.Run(consumer, "build", ConsumerFixture.ProjectFile, "--no-restore"));
        var remaining = BuildOutput.DewFindings(build.Output);
        Assert.DoesNotContain(remaining, f => FixedIds.Contains(f.Id));

        // The other files keep their findings; the fixed file has none left (the DEW001 fix chose a code the call can
        // return, so DEW005 has nothing to report on the replaced case).
        var expected = _fixture.Expected.Where(f => !FixedFiles.Contains(f.File));
        Assert.Equal(Finding.Set(expected), remaining);
    }
}
