using System;
using System.Linq;
using System.Threading.Tasks;
using DewAnalyzers.Catalog;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using DiagnosticResult = Microsoft.CodeAnalysis.Testing.DiagnosticResult;

namespace DewAnalyzers.Tests.UserCatalogs;

/// <summary>
/// Codes of other Huawei Cloud services: <c>PREFIX(.SEGMENT)*.DIGITS</c> with 2–10 digits, several digit lengths in one
/// prefix (<c>CBC.3002</c> beside <c>CBC.18000016</c>), dotted and hyphenated prefixes, case as published. DEW001 knows
/// each prefix's published digit lengths and suggests near misses within the prefix.
/// </summary>
public sealed class ServiceCodeShapeTests
{
    internal const string Lines =
        "CBC.3002\t400\tInvalidParameter\tpermanent\tInvalid parameter.\tA parameter is invalid.\tCheck the parameters.\n"
        + "CBC.18000016\t400\tOrderNotFound\tpermanent\tThe order does not exist.\tNo such order.\tCheck the order ID.\n"
        + "CBC.18000061\t500\tBillingBusy\ttransient\tThe billing system is busy.\tBusy.\tRetry later.\n"
        + "SVCSTG.CCE-ADDONMGR.4040204\t404\tAddonNotFound\tpermanent\tThe add-on does not exist.\tNo such add-on.\tCheck the add-on name.\n"
        + "Ecs.0001\t400\tBadRequest\tpermanent\tBad request.\tThe request is invalid.\tFix it.\n";

    private static readonly ErrorCodeCatalog Catalog = CustomCatalogTests.CatalogWith(Lines);

    [Theory]
    [InlineData("CBC.3002", true)]
    [InlineData("CBC.3003", true)] // a 4-digit CBC code: undocumented, but shaped like one
    [InlineData("CBC.18000017", true)]
    [InlineData("CBC.1800001", false)] // CBC publishes 4- and 8-digit codes, not 7
    [InlineData("cbc.3002", false)] // case as published
    [InlineData("SVCSTG.CCE-ADDONMGR.4040205", true)]
    [InlineData("SVCSTG.CCE-ADDONMGR.404020", false)]
    [InlineData("Ecs.0002", true)]
    [InlineData("ECS.0002", false)]
    [InlineData("KMS.0213", true)]
    [InlineData("KMS.02130", false)]
    [InlineData("KMS.213", false)]
    public void HasCodeShape_UsesEachPrefixsPublishedDigitLengths(string text, bool expected)
        => Assert.Equal(expected, Catalog.HasCodeShape(text));

    [Theory]
    [InlineData("cbc.3002", "CBC.3002")]
    [InlineData("CBC-18000016", "CBC.18000016")]
    [InlineData("CBC.302", "CBC.0302")] // padded to the shortest published length that fits
    [InlineData("CBC 1800016", "CBC.01800016")]
    [InlineData("svcstg.cce-addonmgr-4040204", "SVCSTG.CCE-ADDONMGR.4040204")]
    [InlineData("ECS.0001", "Ecs.0001")]
    [InlineData("kms.207", "KMS.0207")]
    public void NearMiss_IsNormalizedWithinItsPrefix(string text, string canonical)
    {
        Assert.True(Catalog.TryNormalizeNearMiss(text, out var actual));
        Assert.Equal(canonical, actual);
    }

    [Theory]
    [InlineData("CBC.123456789")] // 9 digits: longer than any CBC code
    [InlineData("CBC.3002")] // already canonical
    [InlineData("CB.3002")]
    public void NotANearMiss(string text) => Assert.False(Catalog.TryNormalizeNearMiss(text, out _));

    [Fact]
    public void NearestTo_StaysWithinThePrefix_AndPrefersTranspositions()
    {
        Assert.Equal("CBC.18000016", Catalog.NearestTo("CBC.18000006", 1)[0].Code);
        Assert.Equal("CBC.18000061", Catalog.NearestTo("CBC.18000060", 1)[0].Code);
        Assert.All(Catalog.NearestTo("CBC.3003", 5), e => Assert.Equal("CBC", e.Prefix));
        Assert.Equal("SVCSTG.CCE-ADDONMGR", Catalog.NearestTo("SVCSTG.CCE-ADDONMGR.4040240", 1)[0].Prefix);
        Assert.Equal("KMS.0207", Catalog.NearestTo("KMS.0270", 1)[0].Code);
    }

    [Theory]
    [InlineData("KMS", "KmsErrorCodes")]
    [InlineData("CSMS", "CsmsErrorCodes")]
    [InlineData("CBC", "CbcErrorCodes")]
    [InlineData("SVCSTG.CCE-ADDONMGR", "SvcstgCceAddonmgrErrorCodes")]
    [InlineData("Ecs", "EcsErrorCodes")]
    public void ClassName_PerPrefix(string prefix, string className) => Assert.Equal(className, ErrorCodeCatalog.ClassNameFor(prefix));

    [Fact]
    public void Generator_EmitsOneClassPerPrefix_AndIsTransientCoversThem()
    {
        var generated = CustomCatalogTests.Generate(Lines);

        Assert.Contains("internal static partial class CbcErrorCodes", generated, StringComparison.Ordinal);
        Assert.Contains("public const string OrderNotFound = \"CBC.18000016\";", generated, StringComparison.Ordinal);
        Assert.Contains("internal static partial class SvcstgCceAddonmgrErrorCodes", generated, StringComparison.Ordinal);
        Assert.Contains("public const string AddonNotFound = \"SVCSTG.CCE-ADDONMGR.4040204\";", generated, StringComparison.Ordinal);
        Assert.Contains("/// <summary>CBC.18000016 — HTTP 400 — The order does not exist.</summary>", generated, StringComparison.Ordinal);
        Assert.Contains("internal static partial class EcsErrorCodes", generated, StringComparison.Ordinal);
        Assert.Contains("case \"CBC.18000061\":", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("case \"CBC.18000016\":", generated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsTransient_AnswersForOtherServices()
    {
        Assert.True(await CustomCatalogTests.IsTransientAsync(Lines, "CBC.18000061"));
        Assert.False(await CustomCatalogTests.IsTransientAsync(Lines, "CBC.18000016"));
    }

    [Fact]
    public async Task IsTransient_OverManyCodes_IsASet_ThatCompilesAndAnswers()
    {
        var lines = new System.Text.StringBuilder();
        for (var i = 0; i < ErrorCodeConstantsGenerator.MaxSwitchCases + 50; i++)
        {
            lines.Append("BIG.").Append((10000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\t503\tBusy").Append(i).Append("\ttransient\tBusy.\tBusy.\tRetry.\n");
        }

        lines.Append("BIG.20000000\t400\tBad\tpermanent\tBad.\tBad.\tFix.\n");
        var generated = CustomCatalogTests.Generate(lines.ToString());

        Assert.Contains("s_transient.Contains(code)", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("case \"BIG.10000000\":", generated, StringComparison.Ordinal);
        Assert.True(await CustomCatalogTests.IsTransientAsync(lines.ToString(), "BIG.10000123"));
        Assert.True(await CustomCatalogTests.IsTransientAsync(lines.ToString(), "KMS.0101"));
        Assert.False(await CustomCatalogTests.IsTransientAsync(lines.ToString(), "BIG.20000000"));
        Assert.False(await CustomCatalogTests.IsTransientAsync(lines.ToString(), null!));
    }

    [Fact]
    public Task UndocumentedCodeOfAnotherService_IsReported_WithSuggestionsOfItsPrefix()
    {
        var test = new AnalyzerTest<UndocumentedErrorCodeAnalyzer>
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    const string Documented = "CBC.18000016";
                    const string Eight = {|#0:"CBC.18000006"|};
                    const string Dotted = {|#1:"SVCSTG.CCE-ADDONMGR.4040240"|};
                    const string Seven = "CBC.1800001";

                    bool M(ServiceResponseException e) => e.ErrorCode == {|#2:"cbc.3002"|} || e.ErrorCode == {|#3:"Ecs-1"|};
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/0/services.errorcodes.tsv", Lines));
        test.ExpectedDiagnostics.Add(Expected(0, "CBC.18000006", "CBC.18000016 (The order does not exist.), CBC.18000061 (The billing system is busy.) or CBC.3002 (Invalid parameter.)"));
        test.ExpectedDiagnostics.Add(Expected(1, "SVCSTG.CCE-ADDONMGR.4040240", "SVCSTG.CCE-ADDONMGR.4040204 (The add-on does not exist.)"));
        test.ExpectedDiagnostics.Add(Expected(2, "cbc.3002", "CBC.3002 (Invalid parameter.)"));
        test.ExpectedDiagnostics.Add(Expected(3, "Ecs-1", "Ecs.0001 (Bad request.)"));
        return test.RunAsync();
    }

    [Fact]
    public Task CodeOfAnotherService_OffersItsConstant()
    {
        var test = new AnalyzerTest<UseCatalogConstantAnalyzer>
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ServiceResponseException e) => e.ErrorCode == {|#0:"SVCSTG.CCE-ADDONMGR.4040204"|};
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/0/services.errorcodes.tsv", Lines));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.UseCatalogConstant, DiagnosticSeverity.Info).WithLocation(0).WithArguments("SvcstgCceAddonmgrErrorCodes.AddonNotFound", "SVCSTG.CCE-ADDONMGR.4040204", "The add-on does not exist."));
        return test.RunAsync();
    }

    [Fact]
    public Task CodeOfAnotherService_StatusMismatch_And_NonTransientRetry_AreReported()
    {
        var test = new AnalyzerTest<ErrorCodeStatusMismatchAnalyzer>
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool Server(ServerResponseException e) => e.ErrorCode == {|DEW006:"CBC.18000016"|} || e.ErrorCode == "CBC.18000061";
                    bool Client(ClientRequestException e) => e.ErrorCode == "CBC.18000016" || e.ErrorCode == {|DEW006:"CBC.18000061"|};
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/0/services.errorcodes.tsv", Lines));
        return test.RunAsync();
    }

    [Fact]
    public Task RetryOfANonTransientCodeOfAnotherService_IsReported()
    {
        var test = new AnalyzerTest<NonTransientRetryAnalyzer>
        {
            TestCode = """
                using System.Collections.Generic;

                class C
                {
                    static readonly HashSet<string> RetryableCodes = new HashSet<string> { "CBC.18000061", {|DEW004:"SVCSTG.CCE-ADDONMGR.4040204"|} };
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/0/services.errorcodes.tsv", Lines));
        return test.RunAsync();
    }

    [Fact]
    public void BuiltInCatalog_KeepsItsLengths()
    {
        Assert.Equal(8, ErrorCodeCatalog.BuiltIn.MinCodeLength);
        Assert.Equal(9, ErrorCodeCatalog.BuiltIn.MaxCodeLength);
        Assert.Equal(new[] { "KMS", "CSMS" }, ErrorCodeCatalog.BuiltIn.Prefixes.ToArray());
    }

    private static DiagnosticResult Expected(int location, string text, string suggestions)
        => new DiagnosticResult(DiagnosticIds.UndocumentedErrorCode, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(text, suggestions);
}
