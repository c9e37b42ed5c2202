using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DewAnalyzers.Catalog;
using DewAnalyzers.Tests.Infrastructure;
using DewAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Xunit;
using DiagnosticResult = Microsoft.CodeAnalysis.Testing.DiagnosticResult;

namespace DewAnalyzers.Tests.UserCatalogs;

/// <summary>
/// A copied error-code page (<c>*.errorcodes.md</c>) as a catalog: merged with the built-in codes and with
/// <c>*.errorcodes.tsv</c> overrides, known to the rules, and its problems reported as DEW100 at their lines.
/// </summary>
public sealed class PublishedPageCatalogTests
{
    internal const string PagePath = "/0/cce-addon.errorcodes.md";

    /// <summary>Rows of the CCE add-on manager's published table, as a one-line-per-row Markdown table.</summary>
    internal const string CcePage = """
        # CCE add-on manager error codes

        | Status Code | Error Code | Error Message | Description | Troubleshooting |
        |---|---|---|---|---|
        | 400 | SVCSTG.CCE-ADDONMGR.4000003 | Request Body Error | The request body is incorrect. | See the returned error message. |
        | 400 | SVCSTG.CCE-ADDONMGR.4040204 | Addon not exist | The add-on does not exist. | See the returned error message. |
        | 500 | SVCSTG.CCE-ADDONMGR.5000001 | Get UserInfo Error | Failed to obtain the user information | Contact technical support. |
        | 200 | SVCSTG.CCE-ADDONMGR.2000001 | Accepted | The request was accepted. | None. |

        Copied on 2026-12-02.
        """;

    [Fact]
    public void Page_AddsItsCodes_WithDerivedNames_AndInferredRetryClasses()
    {
        var catalog = CatalogOf((PagePath, CcePage));

        Assert.True(catalog.TryGetEntry("SVCSTG.CCE-ADDONMGR.4040204", out var notFound));
        Assert.Equal("AddonNotExist", notFound.Name);
        Assert.Equal(400, notFound.HttpStatus);
        Assert.Equal(RetryClass.Permanent, notFound.Retry);
        Assert.Equal("The add-on does not exist.", notFound.Description);
        Assert.Equal("See the returned error message.", notFound.Measure);
        Assert.True(catalog.TryGetEntry("SVCSTG.CCE-ADDONMGR.5000001", out var userInfo));
        Assert.Equal(RetryClass.Transient, userInfo.Retry);
        Assert.True(catalog.TryGetEntry("SVCSTG.CCE-ADDONMGR.2000001", out var accepted));
        Assert.Equal(RetryClass.Permanent, accepted.Retry); // a 2xx code is kept, never retryable
        Assert.Equal("SVCSTG.CCE-ADDONMGR", catalog.Prefixes.Last());
    }

    [Fact]
    public void TheKmsCsmsPage_AsACatalog_ChangesNothing()
    {
        var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalog", "published-error-codes-page.txt"));
        var merged = CustomCatalogs.Load(Files(("/0/kms.errorcodes.md", page)), CancellationToken.None);

        Assert.Empty(Assert.Single(merged.MergeProblems));
        Assert.Equal(
            ErrorCodeCatalog.BuiltIn.Entries.Select(e => (e.Code, e.Name, e.Retry, e.RetryDetail, e.HttpStatus, e.Message)),
            merged.Catalog.Entries.Select(e => (e.Code, e.Name, e.Retry, e.RetryDetail, e.HttpStatus, e.Message)));
    }

    [Fact]
    public void TranslatedPageRow_ForAKnownCode_ChangesNothing()
    {
        var catalog = CatalogOf(("/0/kms-zh.errorcodes.md", "| 状态码 | 错误码 | 错误信息 |\n|---|---|---|\n| 404 | KMS.0207 | 密钥不存在。 |\n"));

        Assert.True(catalog.TryGetEntry("KMS.0207", out var entry));
        Assert.Same(ErrorCodeCatalog.BuiltIn.Entries.Single(e => e.Code == "KMS.0207"), entry);
    }

    [Fact]
    public void TsvLine_RenamesAPageCode_AndSetsItsRetryClass_WhateverThePathOrder()
    {
        var catalog = CatalogOf(
            ("/0/a.errorcodes.tsv", "SVCSTG.CCE-ADDONMGR.4040204\t400\tAddonNotFound\tafter-action:state\t\t\t\n"),
            (PagePath, CcePage));

        Assert.True(catalog.TryGetEntry("SVCSTG.CCE-ADDONMGR.4040204", out var entry));
        Assert.Equal("AddonNotFound", entry.Name);
        Assert.Equal(RetryClass.AfterAction, entry.Retry);
        Assert.Equal("state", entry.RetryDetail);
        Assert.Equal("Addon not exist", entry.Message);
    }

    [Fact]
    public Task PageCodes_AreKnownToTheRules()
    {
        var test = new AnalyzerTest<UndocumentedErrorCodeAnalyzer>
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ServiceResponseException e) => e.ErrorCode == "SVCSTG.CCE-ADDONMGR.4040204" || e.ErrorCode == {|#0:"SVCSTG.CCE-ADDONMGR.4040240"|};
                }
                """,
        };
        test.TestState.AdditionalFiles.Add((PagePath, CcePage));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.UndocumentedErrorCode, DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("SVCSTG.CCE-ADDONMGR.4040240", "SVCSTG.CCE-ADDONMGR.4040204 (Addon not exist), SVCSTG.CCE-ADDONMGR.4000003 (Request Body Error) or SVCSTG.CCE-ADDONMGR.2000001 (Accepted)"));
        return test.RunAsync();
    }

    [Fact]
    public void Generator_EmitsThePagesConstants_WithTheirDocs()
    {
        var generated = Generate((PagePath, CcePage));

        Assert.Contains("internal static partial class SvcstgCceAddonmgrErrorCodes", generated, StringComparison.Ordinal);
        Assert.Contains("/// <summary>SVCSTG.CCE-ADDONMGR.4040204 — HTTP 400 — Addon not exist</summary>", generated, StringComparison.Ordinal);
        Assert.Contains("/// <remarks>The add-on does not exist. Measure: See the returned error message. Retry: permanent.</remarks>", generated, StringComparison.Ordinal);
        Assert.Contains("public const string AddonNotExist = \"SVCSTG.CCE-ADDONMGR.4040204\";", generated, StringComparison.Ordinal);
        Assert.Contains("case \"SVCSTG.CCE-ADDONMGR.5000001\":", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("case \"SVCSTG.CCE-ADDONMGR.2000001\":", generated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratedClasses_NeverClash_TheConstantsCompile()
    {
        // A row whose message gives its class's name, and a prefix whose class would be the helpers' (DewErrorCodes): before,
        // both were compiler errors in the generated file (CS0542, CS0579).
        const string Page = """
            | Status Code | Error Code | Error Message |
            |---|---|---|
            | 400 | ABC.0001 | Abc error codes. |
            | 400 | ABC.0002 | Abc error codes error |
            | 400 | DEW.0002 | Other |
            """;
        var merged = CustomCatalogs.Load(Files((PagePath, Page)), CancellationToken.None);
        Assert.Equal(
            new[] { "the prefix 'DEW' would generate DewErrorCodes, the class of DewErrorCodes.IsTransient" },
            merged.MergeProblems.SelectMany(p => p).Select(p => p.Message));
        Assert.Equal("AbcErrorCodesError0001", merged.Catalog.Entries.Single(e => e.Code == "ABC.0001").Name);
        Assert.Equal("AbcErrorCodesError0002", merged.Catalog.Entries.Single(e => e.Code == "ABC.0002").Name);

        var compilation = await AnalyzerHarness.BaseCompilationAsync(string.Empty);
        var (updated, run) = AnalyzerHarness.RunGenerators(
            compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { }")),
            AnalyzerHarness.ParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest),
            Files((PagePath, Page)));
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        Assert.Empty(updated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
    }

    [Fact]
    public Task PageProblems_AreReportedAtTheirLines_TheRestLoads()
    {
        var page = CcePage
            .Replace("| 400 | SVCSTG.CCE-ADDONMGR.4000003 |", "| 4xx | SVCSTG.CCE-ADDONMGR.4000003 |", StringComparison.Ordinal)
            + "\n| Status Code | Error Code | Error Message |\n|---|---|---|\n| 400 | KMS.0207 | The key does not exist. |\n| 404 | KMS.0206 | Invalid sequence number. |\n";
        var test = new AnalyzerTest<InvalidCatalogEntryAnalyzer> { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add((PagePath, page));
        test.ExpectedDiagnostics.Add(Dew100(5, "| 4xx | SVCSTG.CCE-ADDONMGR.4000003 | Request Body Error | The request body is incorrect. | See the returned error message. |".Length, "SVCSTG.CCE-ADDONMGR.4000003: '4xx' is not an HTTP status between 100 and 599"));
        test.ExpectedDiagnostics.Add(Dew100(13, "| 400 | KMS.0207 | The key does not exist. |".Length, "'KMS.0207' is already in the catalog with HTTP status 404, not 400"));
        test.ExpectedDiagnostics.Add(Dew100(14, "| 404 | KMS.0206 | Invalid sequence number. |".Length, "'KMS.0206' is already in the catalog with HTTP status 400, not 404"));
        return test.RunAsync();
    }

    [Fact]
    public Task FileWithoutATable_IsOneDiagnosticAtLineOne_NamingTheHeaders()
    {
        var test = new AnalyzerTest<InvalidCatalogEntryAnalyzer> { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add((PagePath, "Error codes\nSee the console.\n"));
        test.ExpectedDiagnostics.Add(Dew100(1, "Error codes".Length, PublishedPageParser.NoTableMessage));
        return test.RunAsync();
    }

    private static DiagnosticResult Dew100(int line, int length, string message)
        => new DiagnosticResult(DiagnosticIds.InvalidCatalogEntry, DiagnosticSeverity.Warning).WithSpan(PagePath, line, 1, line, length + 1).WithArguments(message);

    private static ImmutableArray<AdditionalText> Files(params (string Path, string Text)[] files)
        => files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();

    private static ErrorCodeCatalog CatalogOf(params (string Path, string Text)[] files)
    {
        var merged = CustomCatalogs.Load(Files(files), CancellationToken.None);
        Assert.All(merged.MergeProblems, p => Assert.Empty(p));
        return merged.Catalog;
    }

    private static string Generate(params (string Path, string Text)[] files)
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Gen", new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { }") });
        var (updated, run) = AnalyzerHarness.RunGenerators(compilation, AnalyzerHarness.ParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest), Files(files));
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        return updated.SyntaxTrees.Single(t => t.FilePath.EndsWith(ErrorCodeConstantsGenerator.HintName, StringComparison.Ordinal)).ToString();
    }
}
