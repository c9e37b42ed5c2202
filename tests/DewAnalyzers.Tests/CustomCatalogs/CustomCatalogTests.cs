using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DewAnalyzers.Catalog;
using DewAnalyzers.CodeFixes;
using DewAnalyzers.Tests.Infrastructure;
using DewAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using DiagnosticResult = Microsoft.CodeAnalysis.Testing.DiagnosticResult;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DewAnalyzers.Tests.UserCatalogs;

/// <summary>Users' *.errorcodes.tsv catalogs: extension, override, generated constants, caching (DEW100 is in InvalidCatalogEntryTests).</summary>
public sealed class CustomCatalogTests
{
    internal const string CatalogPath = "/0/custom.errorcodes.tsv";
    internal const string ApigLine = "APIG.0308\t429\tThrottlingThresholdReached\ttransient\tThe request is throttled.\tToo many requests to the API.\tRetry after a backoff.";
    internal const string BadColumns = "expected 7 tab-separated columns (code, http_status, name, retry, message, description, measure) but found {0}";

    private const string ComparesApigCodes = """
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e) => e.ErrorCode == "APIG.0308" || e.ErrorCode == {|#0:"APIG.0399"|};
        }
        """;

    // ---- extension -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task NewPrefix_KnownCodeIsAccepted_UnknownCodeIsReported(LanguageVersion version)
    {
        var test = new AnalyzerTest<UndocumentedErrorCodeAnalyzer> { TestCode = ComparesApigCodes, LanguageVersion = version };
        test.TestState.AdditionalFiles.Add((CatalogPath, ApigLine + "\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.UndocumentedErrorCode, DiagnosticSeverity.Warning).WithLocation(0));
        return test.RunAsync();
    }

    [Fact]
    public Task WithoutCatalog_UnknownPrefixIsNotACode()
    {
        var test = new AnalyzerTest<UndocumentedErrorCodeAnalyzer> { TestCode = ComparesApigCodes.Replace("{|#0:", string.Empty).Replace("|}", string.Empty) };
        return test.RunAsync();
    }

    [Fact]
    public Task BadLine_DoesNotStopLaterCodesFromLoading()
    {
        var test = new AnalyzerTest<UndocumentedErrorCodeAnalyzer> { TestCode = ComparesApigCodes };
        test.TestState.AdditionalFiles.Add((CatalogPath, "APIG.0300\tnot-a-status\n\tjunk\nAPIG.0301\t400\n" + ApigLine + "\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.UndocumentedErrorCode, DiagnosticSeverity.Warning).WithLocation(0));
        return test.RunAsync();
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task NewPrefix_CatalogConstantIsOffered(LanguageVersion version)
    {
        var test = new AnalyzerTest<UseCatalogConstantAnalyzer>
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ServiceResponseException e) => e.ErrorCode == {|#0:"APIG.0308"|};
                }
                """,
            LanguageVersion = version,
        };
        test.TestState.AdditionalFiles.Add((CatalogPath, ApigLine + "\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.UseCatalogConstant, DiagnosticSeverity.Info)
            .WithLocation(0)
            .WithArguments("ApigErrorCodes.ThrottlingThresholdReached", "APIG.0308", "The request is throttled."));
        return test.RunAsync();
    }

    [Fact]
    public Task NewPrefix_CatalogConstantFixUsesGeneratedClass()
    {
        var test = new CodeFixTest<UseCatalogConstantAnalyzer, UseCatalogConstantFixer>
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ServiceResponseException e) => e.ErrorCode == {|DEW002:"APIG.0308"|};
                }
                """,
            FixedCode = """
                using Dew.ErrorCodes;
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ServiceResponseException e) => e.ErrorCode == ApigErrorCodes.ThrottlingThresholdReached;
                }
                """,
        };
        var constants = ("/0/DewErrorCodes.g.cs", SourceText.From(ErrorCodeConstantsGenerator.Emit(CatalogWith(ApigLine), DewOptions.DefaultNamespace, nullable: true), Encoding.UTF8));
        test.TestState.AdditionalFiles.Add((CatalogPath, ApigLine));
        test.FixedState.AdditionalFiles.Add((CatalogPath, ApigLine));
        test.TestState.Sources.Add(constants);
        test.FixedState.Sources.Add(constants);
        return test.RunAsync();
    }

    [Fact]
    public void Generator_EmitsConstantsForCustomCodes()
    {
        var generated = Generate(ApigLine);

        Assert.Contains("internal static partial class ApigErrorCodes", generated, StringComparison.Ordinal);
        Assert.Contains("public const string ThrottlingThresholdReached = \"APIG.0308\";", generated, StringComparison.Ordinal);
        Assert.Contains("case \"APIG.0308\":", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("ApigErrorCodes", Generate(null), StringComparison.Ordinal);
    }

    // ---- override --------------------------------------------------------------------------------------------

    [Fact]
    public async Task Override_MakesBuiltInCodeTransient_InGeneratedIsTransient()
    {
        Assert.False(await IsTransientAsync(null, "KMS.0207"));
        Assert.True(await IsTransientAsync("KMS.0207\t404\t\ttransient\t\t\t", "KMS.0207"));
        Assert.False(await IsTransientAsync("KMS.0101\t500\t\tpermanent\t\t\t", "KMS.0101"));
        Assert.True(await IsTransientAsync(null, "KMS.0101"));
    }

    [Fact]
    public void Override_KeepsNameAndMessage_ChangesOnlyRetryClass()
    {
        var catalog = CatalogWith("KMS.0207\t404\tKeyNotFound\tafter-action:state\t\t\t");

        Assert.True(catalog.TryGetEntry("KMS.0207", out var entry));
        Assert.Equal("KeyNotFound", entry.Name);
        Assert.Equal(RetryClass.AfterAction, entry.Retry);
        Assert.Equal("state", entry.RetryDetail);
        Assert.Equal("The key does not exist.", entry.Message.Trim());
        Assert.Equal(ErrorCodeCatalog.BuiltIn.Entries.Length, catalog.Entries.Length);
    }

    [Fact]
    public Task Retry_CustomCodeDeclaredPermanent_IsReportedByDew004()
    {
        var test = new AnalyzerTest<NonTransientRetryAnalyzer>
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;
                using HuaweiCloud.SDK.Kms.V2;
                using HuaweiCloud.SDK.Kms.V2.Model;

                class C
                {
                    void M(KmsClient client, ListKeysRequest request)
                    {
                        client.ListKeysInvoker(request)
                            .WithRetry((r, e) => e is ServiceResponseException s && (s.ErrorCode == {|DEW004:"APIG.0310"|} || s.ErrorCode == "APIG.0308" || s.ErrorCode == {|DEW004:"KMS.0101"|} || s.ErrorCode == "KMS.0207"), 3, BackoffStrategies.None)
                            .Invoke();
                    }
                }
                """,
        };
        test.TestState.AdditionalFiles.Add((CatalogPath, string.Join("\n",
            ApigLine,
            "APIG.0310\t400\tBadSignature\tpermanent\tThe signature is wrong.\tThe request signature does not match.\tFix the signing key.",
            "KMS.0101\t500\t\tpermanent\t\t\t",
            "KMS.0207\t404\t\ttransient\t\t\t")));
        return test.RunAsync();
    }

    // ---- caching and determinism -----------------------------------------------------------------------------

    [Fact]
    public void Parse_SameContent_IsParsedOnce()
    {
        var text = ApigLine + "\n# " + Guid.NewGuid() + "\n";
        var first = CustomCatalogs.Parse("a.errorcodes.tsv", SourceText.From(text));
        var second = CustomCatalogs.Parse("a.errorcodes.tsv", SourceText.From(text));
        var other = CustomCatalogs.Parse("a.errorcodes.tsv", SourceText.From(text + "\n"));

        Assert.Same(first, second);
        Assert.NotSame(first, other);
    }

    [Fact]
    public void GetCatalog_SecondCompilationWithSameText_ReusesParseAndMerge()
    {
        var text = ApigLine + "\n# " + Guid.NewGuid() + "\n";
        var first = CustomCatalogs.GetCatalog(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/p1/apig.errorcodes.tsv", text)), CancellationToken.None);
        var second = CustomCatalogs.GetCatalog(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/p1/apig.errorcodes.tsv", text)), CancellationToken.None);

        Assert.Same(first, second);
        Assert.True(first.Contains("APIG.0308"));
    }

    [Fact]
    public void GetCatalog_FileOrderDoesNotMatter_PathOrderDecides()
    {
        var a = new InMemoryAdditionalText("/0/a.errorcodes.tsv", "KMS.0207\t404\t\ttransient\t\t\t\n# " + Guid.NewGuid());
        var b = new InMemoryAdditionalText("/0/b.errorcodes.tsv", "KMS.0207\t404\t\tpermanent:no-op\t\t\t\n");
        var ab = CustomCatalogs.GetCatalog(ImmutableArray.Create<AdditionalText>(a, b), CancellationToken.None);
        var ba = CustomCatalogs.GetCatalog(ImmutableArray.Create<AdditionalText>(b, a), CancellationToken.None);

        Assert.Same(ab, ba);
        Assert.True(ab.TryGetEntry("KMS.0207", out var entry));
        Assert.Equal("permanent:no-op", entry.RetryText);
    }

    [Fact]
    public void NoCatalogFiles_IsTheBuiltInCatalog()
    {
        Assert.Same(ErrorCodeCatalog.BuiltIn, CustomCatalogs.GetCatalog(ImmutableArray<AdditionalText>.Empty, CancellationToken.None));
        Assert.Same(ErrorCodeCatalog.BuiltIn, CustomCatalogs.GetCatalog(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/0/x.tsv", ApigLine)), CancellationToken.None));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    internal static ErrorCodeCatalog CatalogWith(string lines)
    {
        var parsed = CatalogParser.ParseCodes(lines);
        Assert.Empty(parsed.Errors);
        var catalog = ErrorCodeCatalog.BuiltIn.Merge(parsed.Entries, out var problems);
        Assert.Empty(problems);
        return catalog;
    }

    internal static string Generate(string? catalog)
    {
        var additional = catalog is null
            ? ImmutableArray<AdditionalText>.Empty
            : ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(CatalogPath, catalog));
        var compilation = CSharpCompilation.Create("Gen", new[] { CSharpSyntaxTree.ParseText("class C { }") });
        var (updated, run) = AnalyzerHarness.RunGenerators(compilation, AnalyzerHarness.ParseOptions(LanguageVersion.Latest), additional);
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        return updated.SyntaxTrees.Single(t => t.FilePath.EndsWith(ErrorCodeConstantsGenerator.HintName, StringComparison.Ordinal)).ToString();
    }

    /// <summary>Compiles the generated constants and calls <c>DewErrorCodes.IsTransient(code)</c>.</summary>
    internal static async Task<bool> IsTransientAsync(string? catalog, string code)
    {
        var references = await AnalyzerHarness.ReferencesAsync(string.Empty);
        var generated = CSharpSyntaxTree.ParseText(Generate(catalog), AnalyzerHarness.ParseOptions(LanguageVersion.Latest));
        var compilation = AnalyzerHarness.Compile(new[] { generated }, references);
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var context = new AssemblyLoadContext("IsTransient", isCollectible: true);
        try
        {
            image.Position = 0;
            var type = context.LoadFromStream(image).GetType("Dew.ErrorCodes.DewErrorCodes", throwOnError: true)!;
            var method = type.GetMethod("IsTransient", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
            return (bool)method.Invoke(null, new object[] { code })!;
        }
        finally
        {
            context.Unload();
        }
    }
}
