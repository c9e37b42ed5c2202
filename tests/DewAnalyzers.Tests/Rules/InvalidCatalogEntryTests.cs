using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DewAnalyzers.Catalog;
using DewAnalyzers.Tests.Infrastructure;
using DewAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static DewAnalyzers.Tests.UserCatalogs.CustomCatalogTests;
using DiagnosticResult = Microsoft.CodeAnalysis.Testing.DiagnosticResult;

namespace DewAnalyzers.Tests.Rules;

/// <summary>DEW100 InvalidCatalogEntry: every bad input of a *.errorcodes.tsv catalog, at its file and line.</summary>
public sealed class InvalidCatalogEntryTests
{
    [Theory]
    [InlineData("APIG.0308\t429\tThrottled\ttransient", 1, 1, 34, "columns:4")]
    [InlineData("APIG.0308\t429\tThrottled\ttransient\tm\td\tx\textra", 1, 1, 46, "columns:8")]
    [InlineData("APIG-0308\t429\tThrottled\ttransient\tm\td\tx", 1, 1, 40, "'APIG-0308' is not an error code of the form PREFIX.DIGITS (e.g. KMS.0207, CBC.18000016)")]
    [InlineData("apig_0308\t429\tThrottled\ttransient\tm\td\tx", 1, 1, 40, "'apig_0308' is not an error code of the form PREFIX.DIGITS (e.g. KMS.0207, CBC.18000016)")]
    [InlineData("APIG.3\t429\tThrottled\ttransient\tm\td\tx", 1, 1, 37, "'APIG.3' is not an error code of the form PREFIX.DIGITS (e.g. KMS.0207, CBC.18000016)")]
    [InlineData("APIG.12345678901\t429\tThrottled\ttransient\tm\td\tx", 1, 1, 47, "'APIG.12345678901' is not an error code of the form PREFIX.DIGITS (e.g. KMS.0207, CBC.18000016)")]
    [InlineData("APIG.1X.0308\t429\tThrottled\ttransient\tm\td\tx", 1, 1, 43, "'APIG.1X.0308' is not an error code of the form PREFIX.DIGITS (e.g. KMS.0207, CBC.18000016)")]
    [InlineData("APIG.0308\t200\tOk\ttransient\tm\td\tx", 1, 1, 33, "'APIG.0308' comes with HTTP status 200, a success: it is never retried, so it cannot be transient")]
    [InlineData("KMS.0207\t400\t\tpermanent\tm\td\tx", 1, 1, 30, "'KMS.0207' is already in the catalog with HTTP status 404, not 400")]
    [InlineData("Kms.0999\t400\tOther\tpermanent\tm\td\tx", 1, 1, 35, "the prefix 'Kms' would generate KmsErrorCodes, the class of the prefix 'KMS'")]
    [InlineData("DEW.0002\t400\tOther\tpermanent\tm\td\tx", 1, 1, 35, "the prefix 'DEW' would generate DewErrorCodes, the class of DewErrorCodes.IsTransient")]
    [InlineData("ABC.0001\t400\tAbcErrorCodes\tpermanent\tm\td\tx", 1, 1, 43, "the constant name 'AbcErrorCodes' is the name of its class")]
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
        var test = new AnalyzerTest<InvalidCatalogEntryAnalyzer> { TestCode = "class C { }" };

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
        var run = await AnalyzerHarness.AnalyzeAsync(compilation, files, analyzers: ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new InvalidCatalogEntryAnalyzer()));
        Assert.Empty(run.Exceptions);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(50_000, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"parsing and analysis took {stopwatch.Elapsed}");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static Task VerifyCatalogAsync(string catalog, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<InvalidCatalogEntryAnalyzer> { TestCode = "class C { }" };
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
}
