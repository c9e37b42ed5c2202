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

/// <summary>Users' *.errorcodes.tsv catalogs: extension, override, generated constants, and DEW100 for every bad input.</summary>
public sealed class CustomCatalogTests
{
    private const string CatalogPath = "/0/custom.errorcodes.tsv";
    private const string ApigLine = "APIG.0308\t429\tThrottlingThresholdReached\ttransient\tThe request is throttled.\tToo many requests to the API.\tRetry after a backoff.";
    private const string BadColumns = "expected 7 tab-separated columns (code, http_status, name, retry, message, description, measure) but found {0}";

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
        var test = new AnalyzerTest<CatalogConstantAnalyzer>
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
        var test = new CodeFixTest<CatalogConstantAnalyzer, CatalogConstantFixer>
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
        var test = new AnalyzerTest<RetryErrorCodeAnalyzer>
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

    // ---- DEW100: every bad input, at its file and line --------------------------------------------------------

    [Theory]
    [InlineData("APIG.0308\t429\tThrottled\ttransient", 1, 1, 34, "columns:4")]
    [InlineData("APIG.0308\t429\tThrottled\ttransient\tm\td\tx\textra", 1, 1, 46, "columns:8")]
    [InlineData("APIG-0308\t429\tThrottled\ttransient\tm\td\tx", 1, 1, 40, "'APIG-0308' is not an error code of the form PREFIX.dddd (e.g. KMS.0207)")]
    [InlineData("apig.0308\t429\tThrottled\ttransient\tm\td\tx", 1, 1, 40, "'apig.0308' is not an error code of the form PREFIX.dddd (e.g. KMS.0207)")]
    [InlineData("APIG.308\t429\tThrottled\ttransient\tm\td\tx", 1, 1, 39, "'APIG.308' is not an error code of the form PREFIX.dddd (e.g. KMS.0207)")]
    [InlineData("APIG.0308\t429\tThrottled\tsometimes\tm\td\tx", 1, 1, 40, "unknown retry class 'sometimes' (expected transient, after-action:<credential|state|quota|permission|account>, permanent or permanent:no-op)")]
    [InlineData("APIG.0308\t429\tThrottled\tafter-action:later\tm\td\tx", 1, 1, 49, "unknown retry class 'after-action:later' (expected transient, after-action:<credential|state|quota|permission|account>, permanent or permanent:no-op)")]
    [InlineData("APIG.0308\t999\tThrottled\ttransient\tm\td\tx", 1, 1, 40, "'999' is not an HTTP status between 100 and 599")]
    [InlineData("APIG.0308\tOK\tThrottled\ttransient\tm\td\tx", 1, 1, 39, "'OK' is not an HTTP status between 100 and 599")]
    [InlineData("APIG.0308\t429\tclass\ttransient\tm\td\tx", 1, 1, 36, "'class' is not a valid C# constant name")]
    [InlineData("APIG.0308\t429\t2Fast\ttransient\tm\td\tx", 1, 1, 36, "'2Fast' is not a valid C# constant name")]
    [InlineData("APIG.0309\t429\t\ttransient\tm\td\tx", 1, 1, 31, "'APIG.0309' is a new code and needs a constant name")]
    [InlineData("KMS.0207\t404\tKeyMissing\tpermanent\tm\td\tx", 1, 1, 40, "'KMS.0207' is already in the catalog as 'KeyNotFound'; an override may change only the retry class (leave the name empty)")]
    [InlineData("KMS.0999\t400\tKeyNotFound\tpermanent\tm\td\tx", 1, 1, 41, "the constant name 'KeyNotFound' is already used in KmsErrorCodes")]
    public Task BadLine_IsReportedAtItsLine(string line, int lineNumber, int startColumn, int endColumn, string message)
        => VerifyCatalogAsync(line + "\n", Expected(lineNumber, startColumn, lineNumber, endColumn, message));

    [Fact]
    public Task DuplicateCode_IsReportedOnTheSecondLine()
        => VerifyCatalogAsync(
            "# my codes\n" + ApigLine + "\n" + ApigLine + "\n",
            Expected(3, 1, 3, ApigLine.Length + 1, "duplicate code 'APIG.0308'"));

    [Fact]
    public Task NameCollisionWithinClass_IsReportedOnTheSecondLine()
        => VerifyCatalogAsync(
            ApigLine + "\nAPIG.0309\t429\tThrottlingThresholdReached\ttransient\tm\td\tx\n",
            Expected(2, 1, 2, 57, "the constant name 'ThrottlingThresholdReached' is already used in ApigErrorCodes"));

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\r\n")]
    [InlineData("\uFEFF")]
    public Task EmptyFile_IsReportedAtTheFileStart(string text)
        => VerifyCatalogAsync(text, Expected(1, 1, 1, 1, "the file has no error-code entries"));

    [Fact]
    public Task HeaderOnly_IsReportedAtTheFileStart()
        => VerifyCatalogAsync("code\thttp_status\tname\tretry\tmessage\tdescription\tmeasure\n", Expected(1, 1, 1, 1, "the file has no error-code entries"));

    [Fact]
    public Task ByteOrderMarkAndCrlf_LinesAreCountedCorrectly()
        => VerifyCatalogAsync(
            "\uFEFFcode\thttp_status\tname\tretry\tmessage\tdescription\tmeasure\r\n" + ApigLine + "\r\nAPIG.0309\t429\r\n\r\nAPIG.0310\t1\tX\ttransient\tm\td\tx\r\n",
            Expected(3, 1, 3, 14, string.Format(System.Globalization.CultureInfo.InvariantCulture, BadColumns, 2)),
            Expected(5, 1, 5, 30, "'1' is not an HTTP status between 100 and 599"));

    [Fact]
    public Task ByteOrderMark_BadFirstLine_SpanStartsAfterTheMark()
        => VerifyCatalogAsync("\uFEFFAPIG.0309\t429\n", Expected(1, 2, 1, 15, string.Format(System.Globalization.CultureInfo.InvariantCulture, BadColumns, 2)));

    [Fact]
    public Task CarriageReturnOnly_LinesAreCountedCorrectly()
        => VerifyCatalogAsync(ApigLine + "\rbad\r", Expected(2, 1, 2, 4, string.Format(System.Globalization.CultureInfo.InvariantCulture, BadColumns, 1)));

    [Fact]
    public Task SeveralProblems_AllReported_ValidLinesStillLoad()
        => VerifyCatalogAsync(
            "APIG.0300\t400\tA\tpermanent\tm\td\tx\nAPIG.0301\t400\nAPIG.0302\t400\tB\tpermanent\tm\td\tx\nAPIG.0302\t400\tC\tpermanent\tm\td\tx\nAPIG.0303\t400\tA\tpermanent\tm\td\tx\n",
            Expected(2, 1, 2, 14, string.Format(System.Globalization.CultureInfo.InvariantCulture, BadColumns, 2)),
            Expected(4, 1, 4, 32, "duplicate code 'APIG.0302'"),
            Expected(5, 1, 5, 32, "the constant name 'A' is already used in ApigErrorCodes"));

    [Fact]
    public Task TwoFiles_EachReportedOnItsOwnFile_MergedInPathOrder()
    {
        var test = new AnalyzerTest<CatalogFileAnalyzer> { TestCode = "class C { }" };

        // b.errorcodes.tsv is merged after a.errorcodes.tsv whatever the order they are listed in, so the rename is in b.
        test.TestState.AdditionalFiles.Add(("/0/b.errorcodes.tsv", "APIG.0308\t429\tRenamed\ttransient\tm\td\tx\n"));
        test.TestState.AdditionalFiles.Add(("/0/a.errorcodes.tsv", ApigLine + "\n"));
        test.TestState.AdditionalFiles.Add(("/0/notes.tsv", "not a catalog"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.InvalidCatalogEntry, DiagnosticSeverity.Warning)
            .WithSpan("/0/b.errorcodes.tsv", 1, 1, 1, 38)
            .WithArguments("'APIG.0308' is already in the catalog as 'ThrottlingThresholdReached'; an override may change only the retry class (leave the name empty)"));
        return test.RunAsync();
    }

    [Fact]
    public Task ValidFile_NoDiagnostic()
        => VerifyCatalogAsync("# APIG codes\ncode\thttp_status\tname\tretry\tmessage\tdescription\tmeasure\n" + ApigLine + "\nKMS.0207\t404\t\ttransient\t\t\t\n");

    [Fact]
    public async Task HugeFile_ParsesInOneGo_AndItsBadLineIsReported()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 50_000; i++)
        {
            var prefix = "BIG" + (char)('A' + (i / 10_000));
            var number = (i % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            text.Append(prefix).Append('.').Append(number).Append("\t400\tCode").Append(number).Append("\tpermanent\tmessage\tdescription\tmeasure\r\n");
        }

        text.Append("BIGA.0001\t400\n");
        var stopwatch = Stopwatch.StartNew();
        var parsed = CatalogParser.ParseCodes(text.ToString());
        var catalog = ErrorCodeCatalog.BuiltIn.Merge(parsed.Entries, out var problems);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"parsing took {stopwatch.Elapsed}");
        Assert.Equal(50_000, parsed.Entries.Length);
        Assert.Empty(problems);
        Assert.True(catalog.Contains("BIGE.9999"));
        Assert.Equal(ErrorCodeCatalog.BuiltIn.Prefixes.Length + 5, catalog.Prefixes.Length);
        Assert.Equal(new[] { 50_001 }, parsed.Errors.Select(e => e.Line));

        var references = await AnalyzerHarness.ReferencesAsync(string.Empty);
        var compilation = AnalyzerHarness.Compile(new[] { CSharpSyntaxTree.ParseText("class C { }") }, references);
        var files = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/0/huge.errorcodes.tsv", text.ToString()));
        var run = await AnalyzerHarness.AnalyzeAsync(compilation, files, analyzers: ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new CatalogFileAnalyzer()));
        Assert.Empty(run.Exceptions);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(50_000, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"parsing and analysis took {stopwatch.Elapsed}");
    }

    // ---- caching and determinism -----------------------------------------------------------------------------

    [Fact]
    public void Parse_SameContent_IsParsedOnce()
    {
        var text = ApigLine + "\n# " + Guid.NewGuid() + "\n";
        var first = CustomCatalogs.Parse(SourceText.From(text));
        var second = CustomCatalogs.Parse(SourceText.From(text));
        var other = CustomCatalogs.Parse(SourceText.From(text + "\n"));

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

    private static Task VerifyCatalogAsync(string catalog, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<CatalogFileAnalyzer> { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add((CatalogPath, catalog));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Expected(int startLine, int startColumn, int endLine, int endColumn, string message)
    {
        if (message.StartsWith("columns:", StringComparison.Ordinal))
        {
            message = string.Format(System.Globalization.CultureInfo.InvariantCulture, BadColumns, message.Substring("columns:".Length));
        }

        return new DiagnosticResult(DiagnosticIds.InvalidCatalogEntry, DiagnosticSeverity.Warning)
            .WithSpan(CatalogPath, startLine, startColumn, endLine, endColumn)
            .WithArguments(message);
    }

    private static ErrorCodeCatalog CatalogWith(string lines)
    {
        var parsed = CatalogParser.ParseCodes(lines);
        Assert.Empty(parsed.Errors);
        var catalog = ErrorCodeCatalog.BuiltIn.Merge(parsed.Entries, out var problems);
        Assert.Empty(problems);
        return catalog;
    }

    private static string Generate(string? catalog)
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
    private static async Task<bool> IsTransientAsync(string? catalog, string code)
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
