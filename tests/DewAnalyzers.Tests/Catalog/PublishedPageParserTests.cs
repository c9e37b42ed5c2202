using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using DewAnalyzers.Catalog;
using Xunit;
using Xunit.Abstractions;

namespace DewAnalyzers.Tests.CatalogTests;

/// <summary>Reading copied Huawei Cloud "Error Codes" pages (<c>*.errorcodes.md</c>) with <see cref="PublishedPageParser"/>.</summary>
public sealed class PublishedPageParserTests
{
    private const string EnglishHeader = "| Status Code | Error Code | Error Message | Description | Measure |";
    private const string Separator = "|---|---|---|---|---|";

    private readonly ITestOutputHelper _output;

    public PublishedPageParserTests(ITestOutputHelper output) => _output = output;

    // ----- The published KMS/CSMS page -----

    /// <summary>
    /// The page as published (a pipe table whose cells span lines) gives exactly the built-in catalog: the same 190 codes
    /// with the same status, message, description and measure. The catalog keeps the page's text with white space
    /// collapsed and nothing else changed, so the comparison is exact (ordinal), not after collapsing.
    /// </summary>
    [Fact]
    public void RawPublishedPage_GivesExactlyTheBuiltInCatalog()
    {
        var parsed = PublishedPageParser.Parse(ReadRawPage());

        Assert.Empty(parsed.Errors);
        var builtIn = ErrorCodeCatalog.BuiltIn;
        Assert.Equal(190, parsed.Entries.Length);
        Assert.Equal(
            builtIn.Entries.Select(e => e.Code).OrderBy(c => c, StringComparer.Ordinal),
            parsed.Entries.Select(e => e.Code).OrderBy(c => c, StringComparer.Ordinal));

        var mismatches = new List<string>();
        foreach (var entry in parsed.Entries)
        {
            Assert.True(builtIn.TryGetEntry(entry.Code, out var expected), entry.Code);
            Compare(entry.Code, "status", expected.HttpStatus.ToString(CultureInfo.InvariantCulture), entry.HttpStatus.ToString(CultureInfo.InvariantCulture), mismatches);
            Compare(entry.Code, "message", expected.Message, entry.Message, mismatches);
            Compare(entry.Code, "description", expected.Description, entry.Description, mismatches);
            Compare(entry.Code, "measure", expected.Measure, entry.Measure, mismatches);
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public void RawPublishedPage_LinesNamesAndRetryClasses()
    {
        var parsed = PublishedPageParser.Parse(ReadRawPage());

        // Line 13 is the |---| separator; every row takes 11 lines ("| ", then 5 cells of two lines each).
        Assert.Equal("CSMS.0002", parsed.Entries[0].Code);
        Assert.Equal(14, parsed.Entries[0].Line);
        Assert.Equal(25, parsed.Entries[1].Line);
        Assert.Equal(14 + (189 * 11), parsed.Entries[189].Line);
        Assert.Equal("KMS.0104", parsed.Entries[189].Code);

        Assert.All(parsed.Entries, e => Assert.True(Identifiers.IsValidConstantName(e.Name), $"{e.Code}: '{e.Name}'"));
        foreach (var group in parsed.Entries.GroupBy(e => e.Prefix))
        {
            Assert.Equal(group.Count(), group.Select(e => e.Name).Distinct(StringComparer.Ordinal).Count());
        }

        Assert.All(parsed.Entries, e => Assert.Equal(e.HttpStatus >= 500 || e.HttpStatus == 429 ? RetryClass.Transient : RetryClass.Permanent, e.Retry));
        Assert.All(parsed.Entries, e => Assert.Equal(string.Empty, e.RetryDetail));
        Assert.Equal("TheKeyDoesNotExist", Entry(parsed, "KMS.0207").Name);
        Assert.Equal("InvalidXAuthToken", Entry(parsed, "CSMS.0301").Name);
    }

    [Fact]
    public void TwoPagesPastedOneAfterAnother_AreBothRead()
    {
        var page = ReadRawPage();
        var other = page.Replace("KMS.", "KMSX.").Replace("CSMS.", "CSMSX.");
        var parsed = PublishedPageParser.Parse(page + "\n" + other);

        Assert.Empty(parsed.Errors);
        Assert.Equal(380, parsed.Entries.Length);
        Assert.Equal(165, parsed.Entries.Count(e => e.Code.StartsWith("KMSX.", StringComparison.Ordinal)));
        Assert.Equal(parsed.Entries.Single(e => e.Code == "KMS.0207").Message, parsed.Entries.Single(e => e.Code == "KMSX.0207").Message);
    }

    [Fact]
    public void RawPublishedPage_WithCrLfAndBom()
    {
        var page = ReadRawPage().Replace("\r\n", "\n").Replace("\n", "\r\n");
        var parsed = PublishedPageParser.Parse("\uFEFF" + page);

        Assert.Empty(parsed.Errors);
        Assert.Equal(190, parsed.Entries.Length);
        Assert.Equal(14, parsed.Entries[0].Line);
        Assert.Equal(PublishedPageParser.Parse(ReadRawPage()).Entries.Select(e => e.Measure), parsed.Entries.Select(e => e.Measure));
    }

    // ----- Layouts -----

    [Fact]
    public void OneLineMarkdownTable()
    {
        var parsed = PublishedPageParser.Parse(
            EnglishHeader + "\n" + Separator + "\n" +
            "| 400 | CSMS.0002 | The value of parameter is invalid. | The XX parameter is invalid. | Enter a valid parameter. |\n" +
            "|404|KMS.0207|The key does not exist.|The key does not exist.|Check the key.|\n");

        Assert.Empty(parsed.Errors);
        Assert.Equal(2, parsed.Entries.Length);
        var first = parsed.Entries[0];
        Assert.Equal("CSMS.0002", first.Code);
        Assert.Equal(400, first.HttpStatus);
        Assert.Equal("The value of parameter is invalid.", first.Message);
        Assert.Equal("The XX parameter is invalid.", first.Description);
        Assert.Equal("Enter a valid parameter.", first.Measure);
        Assert.Equal(3, first.Line);
        Assert.Equal(4, parsed.Entries[1].Line);
        Assert.Equal("Check the key.", parsed.Entries[1].Measure);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("| ", "")]
    [InlineData("", " |")]
    public void OneLineMarkdownTable_WithOrWithoutOuterPipes(string lead, string trail)
    {
        var parsed = PublishedPageParser.Parse(
            $"{lead}Status Code | Error Code | Message | Description | Measure{trail}\n" +
            $"{lead}--- | :---: | --- | --- | ---{trail}\n" +
            $"{lead}400 | CSMS.0002 | Bad value. | The value is bad. | Fix it.{trail}\n" +
            $"{lead}500 | CSMS.0003 | Oops. | Server error. | Retry.{trail}\n" +
            "\nFeedback\n");

        Assert.Empty(parsed.Errors);
        Assert.Equal(new[] { "CSMS.0002", "CSMS.0003" }, parsed.Entries.Select(e => e.Code));
        Assert.Equal("Fix it.", parsed.Entries[0].Measure);
        Assert.Equal("Retry.", parsed.Entries[1].Measure);
        Assert.Equal(new[] { 3, 4 }, parsed.Entries.Select(e => e.Line));
    }

    [Fact]
    public void TabSeparatedCopy()
    {
        var parsed = PublishedPageParser.Parse(
            "Error Codes\n" +
            "Status Code\tError Code\tError Message\tDescription\tMeasure\n" +
            "400\tCSMS.0002\tThe value of parameter is invalid.\tThe XX parameter is invalid.\tEnter a valid parameter.\n" +
            "404\tKMS.0207\tThe key  does not exist. \tThe key does not exist.\t\n" +
            "Feedback\n");

        Assert.Empty(parsed.Errors);
        Assert.Equal(new[] { "CSMS.0002", "KMS.0207" }, parsed.Entries.Select(e => e.Code));
        Assert.Equal("The key does not exist.", parsed.Entries[1].Message);
        Assert.Equal(string.Empty, parsed.Entries[1].Measure);
        Assert.Equal(new[] { 3, 4 }, parsed.Entries.Select(e => e.Line));
    }

    [Fact]
    public void TabSeparatedCopy_ACellBrokenOverTwoLines_TheRestStillLoads()
    {
        var parsed = PublishedPageParser.Parse(
            "Status Code\tError Code\tMessage\n" +
            "400\tAS.0001\tThe value\n" +
            "is invalid.\n" +
            "500\tAS.0002\tServer error.\n");

        Assert.Empty(parsed.Errors);
        Assert.Equal(new[] { "AS.0001", "AS.0002" }, parsed.Entries.Select(e => e.Code));
        Assert.Equal(4, parsed.Entries[1].Line);
    }

    [Fact]
    public void ChineseHeaders()
    {
        var parsed = PublishedPageParser.Parse(
            "错误码\n\n" +
            "| 状态码 | 错误码 | 错误信息 | 描述 | 处理措施 |\n" +
            "| --- | --- | --- | --- | --- |\n" +
            "| 400 | KMS.0201 | 参数无效。 | 请求参数无效。 | 请检查参数。 |\n");

        Assert.Empty(parsed.Errors);
        var entry = Assert.Single(parsed.Entries);
        Assert.Equal("KMS.0201", entry.Code);
        Assert.Equal("参数无效。", entry.Message);
        Assert.Equal("请求参数无效。", entry.Description);
        Assert.Equal("请检查参数。", entry.Measure);
        Assert.Equal("Code0201", entry.Name);
    }

    [Fact]
    public void ChineseHeaders_TabSeparated()
    {
        var parsed = PublishedPageParser.Parse("状态码\t错误码\t错误信息\t描述\t处理措施\n404\tKMS.0207\t密钥不存在。\t密钥不存在。\t请检查密钥。\n");
        Assert.Empty(parsed.Errors);
        Assert.Equal("请检查密钥。", Assert.Single(parsed.Entries).Measure);
    }

    [Fact]
    public void ColumnsInAnotherOrder_HeadersCaseInsensitive_UnknownColumnsIgnored()
    {
        var parsed = PublishedPageParser.Parse(
            "| error code | MEASURE | Notes | description | status code | message |\n" +
            "|---|---|---|---|---|---|\n" +
            "| KMS.0207 | Check the key. | n/a | The key is gone. | 404 | The key does not exist. |\n");

        Assert.Empty(parsed.Errors);
        var entry = Assert.Single(parsed.Entries);
        Assert.Equal(404, entry.HttpStatus);
        Assert.Equal("The key does not exist.", entry.Message);
        Assert.Equal("The key is gone.", entry.Description);
        Assert.Equal("Check the key.", entry.Measure);
    }

    [Theory]
    [InlineData("Measure")]
    [InlineData("Solution")]
    [InlineData("Troubleshooting")]
    [InlineData("Handling Measure")]
    [InlineData("处理措施")]
    [InlineData("解决方案")]
    public void RemedyHeaders(string remedy)
    {
        var parsed = PublishedPageParser.Parse(
            $"| Status Code | Error Code | Error Message | Description | {remedy} |\n{Separator}\n| 400 | APIC.7211 | Bad. | Bad request. | Fix the request. |\n");
        Assert.Empty(parsed.Errors);
        Assert.Equal("Fix the request.", Assert.Single(parsed.Entries).Measure);
    }

    /// <summary>The status and code headers docs/rules/DEW100.md names.</summary>
    [Theory]
    [InlineData("Status Code", "Error Code")]
    [InlineData("HTTP Status", "Error Code")]
    [InlineData("状态码", "错误码")]
    public void StatusAndCodeHeaders(string status, string code)
    {
        var parsed = PublishedPageParser.Parse($"| {status} | {code} |\n|---|---|\n| 429 | APIC.7211 |\n");
        Assert.Empty(parsed.Errors);
        Assert.Equal((429, "APIC.7211"), (Assert.Single(parsed.Entries).HttpStatus, parsed.Entries[0].Code));
    }

    [Fact]
    public void NoRemedyColumn_MessageOrDescriptionMissing()
    {
        var parsed = PublishedPageParser.Parse(
            "| Status Code | Error Code | Message | Description |\n|---|---|---|---|\n| 400 | APIC.7211 | Bad. | Bad request. |\n\n" +
            "| Error Code | Status Code |\n|---|---|\n| APIC.7212 | 409 |\n");

        Assert.Empty(parsed.Errors);
        Assert.Equal(2, parsed.Entries.Length);
        Assert.Equal(("Bad.", "Bad request.", string.Empty), (parsed.Entries[0].Message, parsed.Entries[0].Description, parsed.Entries[0].Measure));
        Assert.Equal((string.Empty, string.Empty, string.Empty), (parsed.Entries[1].Message, parsed.Entries[1].Description, parsed.Entries[1].Measure));
        Assert.Equal("Code7212", parsed.Entries[1].Name);
    }

    [Fact]
    public void TextBeforeAndAfterTheTable_IsIgnored()
    {
        var parsed = PublishedPageParser.Parse(
            "# Error Codes\n\nUpdated: 2024-01-01 | KMS\nSee the table below.\n\n" +
            EnglishHeader + "\n" + Separator + "\n" +
            "| 400 | KMS.0201 | Bad. | Bad request. | Fix it. |\n" +
            "\nFeedback | Was this page helpful?\nKMS.0202\t400\tnot a row\n");

        Assert.Empty(parsed.Errors);
        var entry = Assert.Single(parsed.Entries);
        Assert.Equal(8, entry.Line);
    }

    [Fact]
    public void TwoTablesInOneFile_ByTextOrBackToBack_AnyLayout()
    {
        var parsed = PublishedPageParser.Parse(
            "## KMS\n" + EnglishHeader + "\n" + Separator + "\n| 400 | KMS.0201 | Bad. | Bad request. | Fix it. |\n\n" +
            "## CSMS\nError Code\tStatus Code\tMessage\nCSMS.0002\t400\tBad value.\n\n" +
            "| Error Code | Status Code | Message |\n|---|---|---|\n| CBC.0001 | 500 | Oops. |\n" +
            "| Status Code | Error Code | Message |\n|---|---|---|\n| 404 | CBC.0002 | Gone. |\n");

        Assert.Empty(parsed.Errors);
        Assert.Equal(new[] { "KMS.0201", "CSMS.0002", "CBC.0001", "CBC.0002" }, parsed.Entries.Select(e => e.Code));
        Assert.Equal(new[] { 400, 400, 500, 404 }, parsed.Entries.Select(e => e.HttpStatus));
        Assert.Equal(new[] { 4, 8, 12, 15 }, parsed.Entries.Select(e => e.Line));
    }

    [Fact]
    public void MultiLineCells_AreCollapsed_AndEscapedPipesKept()
    {
        var parsed = PublishedPageParser.Parse(
            "| \n  Status Code  | \n\n  Error Code  | \n  Message  | \n  Measure  | \n|---|---|---|---|\n" +
            "| \n  400  | \n  AS.0001  | \n  The value\n   of a \\| b\u00A0 is\tinvalid.  | \n\n  Enter a valid\n  value.  | \n \n" +
            "| \n  401  | \n  AS.0002  | \n  Unauthorized.  | \n  Log in.  | \n");

        Assert.Empty(parsed.Errors);
        Assert.Equal(2, parsed.Entries.Length);
        Assert.Equal("The value of a | b is invalid.", parsed.Entries[0].Message);
        Assert.Equal("Enter a valid value.", parsed.Entries[0].Measure);
        Assert.Equal(8, parsed.Entries[0].Line);
        Assert.Equal(17, parsed.Entries[1].Line);
    }

    /// <summary>In the page layout every cell is an indented line ending in <c>|</c>; an empty cell is an indented lone <c>|</c>.</summary>
    [Fact]
    public void PageLayout_EmptyCells_DoNotStartARow()
    {
        static string Row(string status, string code, string message, string description, string measure)
            => $"| \n        {status}  | \n      \n        {code}  | \n      \n        {message}  | \n      \n        {description}  | \n      \n        {measure}  | \n     \n";

        var parsed = PublishedPageParser.Parse(
            "Error Code\n" + Row("Status Code", "Error Code", "Message", "Description", "Measure") + "|---|---|---|---|---|\n" +
            Row("400", "AS.0001", "Bad.", string.Empty, "Fix it.") +
            Row("400", string.Empty, "No code.", "d", "m") +
            Row("500", "AS.0002", string.Empty, "Server error.", string.Empty) +
            Row(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty) +
            Row("404", "AS.0003", "Gone.", "d", "m") +
            "Feedback\n");

        Assert.Empty(parsed.Errors);
        Assert.Equal(new[] { "AS.0001", "AS.0002", "AS.0003" }, parsed.Entries.Select(e => e.Code));
        Assert.Equal(("Bad.", string.Empty, "Fix it."), (parsed.Entries[0].Message, parsed.Entries[0].Description, parsed.Entries[0].Measure));
        Assert.Equal((string.Empty, "Server error.", string.Empty), (parsed.Entries[1].Message, parsed.Entries[1].Description, parsed.Entries[1].Measure));
        Assert.Equal("ServerError", parsed.Entries[1].Name);
        Assert.Equal(new[] { 14, 36, 58 }, parsed.Entries.Select(e => e.Line));
    }

    [Fact]
    public void IndentedOneLineTable()
    {
        var parsed = PublishedPageParser.Parse("1. Codes:\n\n   | Status Code | Error Code |\n   |---|---|\n   | 400 | AS.0001 |\n   | 401 | AS.0002 |\n");
        Assert.Empty(parsed.Errors);
        Assert.Equal(new[] { "AS.0001", "AS.0002" }, parsed.Entries.Select(e => e.Code));
    }

    // ----- Codes, statuses, retry classes -----

    [Theory]
    [InlineData("KMS.0207", "KMS")]
    [InlineData("CBC.18000016", "CBC")]
    [InlineData("CBC.3002", "CBC")]
    [InlineData("APIC.7211", "APIC")]
    [InlineData("AS.0001", "AS")]
    [InlineData("SVCSTG.CCE-ADDONMGR.4040204", "SVCSTG.CCE-ADDONMGR")]
    [InlineData("Ecs.0001", "Ecs")]
    [InlineData("A.12", "A")]
    [InlineData("A1.B-2.1234567890", "A1.B-2")]
    public void NewCodeShapes_AreAccepted_CaseKept(string code, string prefix)
    {
        Assert.True(CodeShape.IsWellFormedCode(code));
        var parsed = PublishedPageParser.Parse($"Status Code\tError Code\tMessage\n400\t{code}\tBad.\n");
        Assert.Empty(parsed.Errors);
        Assert.Equal(code, Assert.Single(parsed.Entries).Code);
        Assert.Equal(prefix, code.Substring(0, code.LastIndexOf('.')));
    }

    [Theory]
    [InlineData("KMS.1")]
    [InlineData("KMS.12345678901")]
    [InlineData("KMS0207")]
    [InlineData("KMS-0207")]
    [InlineData(".0207")]
    [InlineData("1KMS.0207")]
    [InlineData("KMS..0207")]
    [InlineData("KMS.-A.0207")]
    [InlineData("KMS.1A.0207")]
    [InlineData("KMS.02a7")]
    [InlineData("KMS_X.0207")]
    [InlineData("KMS.0207.")]
    [InlineData("KMS 0207")]
    [InlineData("Error Codes")]
    public void MalformedCodes_AreReportedAtTheirLine(string code)
    {
        Assert.False(CodeShape.IsWellFormedCode(code));
        var parsed = PublishedPageParser.Parse($"Status Code\tError Code\tMessage\n400\tAS.0001\tA.\n400\t{code}\tB.\n400\tAS.0002\tC.\n");

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("PREFIX.DIGITS", error.Message);
        Assert.Equal(new[] { "AS.0001", "AS.0002" }, parsed.Entries.Select(e => e.Code));
    }

    [Theory]
    [InlineData(200, false)]
    [InlineData(202, false)]
    [InlineData(100, false)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(599, true)]
    public void Status_IsKept_AndGivesTheRetryClass(int status, bool transient)
    {
        var retry = transient ? RetryClass.Transient : RetryClass.Permanent;
        var parsed = PublishedPageParser.Parse($"{EnglishHeader}\n{Separator}\n| {status} | AS.0001 | Done. | d | m |\n");

        Assert.Empty(parsed.Errors);
        var entry = Assert.Single(parsed.Entries);
        Assert.Equal(status, entry.HttpStatus);
        Assert.Equal(retry, entry.Retry);
        Assert.Equal(string.Empty, entry.RetryDetail);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("600")]
    [InlineData("4000")]
    [InlineData("abc")]
    [InlineData("-400")]
    [InlineData("4 00")]
    [InlineData("")]
    public void BadStatus_IsReportedAtTheRowsLine(string status)
    {
        var parsed = PublishedPageParser.Parse($"{EnglishHeader}\n{Separator}\n| 400 | AS.0001 | a | d | m |\n| {status} | AS.0002 | a | d | m |\n| 400 | AS.0003 | a | d | m |\n");

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("AS.0002", error.Message);
        Assert.Contains("HTTP status between 100 and 599", error.Message);
        Assert.Equal(new[] { "AS.0001", "AS.0003" }, parsed.Entries.Select(e => e.Code));
    }

    [Fact]
    public void StatusAndCode_InMarkdownMarks_AreRead()
    {
        var parsed = PublishedPageParser.Parse($"{EnglishHeader}\n{Separator}\n| **400** | `AS.0001` | a | d | m |\n");
        Assert.Empty(parsed.Errors);
        Assert.Equal(("AS.0001", 400), (Assert.Single(parsed.Entries).Code, parsed.Entries[0].HttpStatus));
    }

    // ----- Bad input -----

    [Fact]
    public void BadRows_AreReportedAtTheLineWhereTheRowStarts_TheRestLoads()
    {
        var page = ReadRawPage();
        page = page.Replace("        CSMS.0003  |", "        CSMS 0003  |")   // row at line 25
            .Replace("        CSMS.0005  |", "        CSMS.0004  |");         // row at line 47: duplicate of line 36
        var lines = page.Split('\n');
        var statusLine = Array.FindIndex(lines, l => l.Contains("CSMS.0103", StringComparison.Ordinal)) - 2;
        lines[statusLine] = "        4OO  | ";
        var parsed = PublishedPageParser.Parse(string.Join("\n", lines));

        Assert.Equal(new[] { 25, 47, 58 }, parsed.Errors.Select(e => e.Line));
        Assert.Contains("'CSMS 0003' is not an error code", parsed.Errors[0].Message);
        Assert.Equal("duplicate code 'CSMS.0004' (first on line 36)", parsed.Errors[1].Message);
        Assert.Contains("'4OO' is not an HTTP status", parsed.Errors[2].Message);
        Assert.Equal(187, parsed.Entries.Length);
        Assert.Contains(parsed.Entries, e => e.Code == "KMS.0104");
    }

    [Fact]
    public void BlankCodeCells_AndSeparatorLines_AreNotErrors()
    {
        var parsed = PublishedPageParser.Parse(
            $"{EnglishHeader}\n{Separator}\n| 400 | AS.0001 | a | d | m |\n|  |  |  |  |  |\n| 400 |   | orphan text | | |\n{Separator}\n| :-- | --: |\n||\n| 500 | AS.0002 | b | d | m |\n");

        Assert.Empty(parsed.Errors);
        Assert.Equal(new[] { "AS.0001", "AS.0002" }, parsed.Entries.Select(e => e.Code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("Error Codes\nNothing to see here.")]
    [InlineData("| Name | Value |\n|---|---|\n| KMS.0207 | 404 |\n")]
    [InlineData("Code\tStatus\nKMS.0207\t404\n")]
    [InlineData("| Status Code | Message |\n|---|---|\n| 404 | KMS.0207 |\n")]
    [InlineData("code\thttp_status\tname\tretry\tmessage\tdescription\tmeasure\nKMS.0207\t404\tKeyNotFound\tpermanent\tm\td\tx\n")]
    public void NoTable_IsOneErrorAtLine1_NamingTheHeaders(string text)
    {
        var parsed = PublishedPageParser.Parse(text);

        Assert.Empty(parsed.Entries);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal(PublishedPageParser.NoTableMessage, error.Message);
        Assert.Contains("\"Status Code\" (状态码)", error.Message);
        Assert.Contains("\"Error Code\" (错误码)", error.Message);
    }

    [Fact]
    public void TableWithoutRows_IsOneErrorAtTheHeader()
    {
        var parsed = PublishedPageParser.Parse($"Intro\n\n{EnglishHeader}\n{Separator}\n\nFeedback\n");

        Assert.Empty(parsed.Entries);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(PublishedPageParser.NoRowsMessage, error.Message);
    }

    /// <summary>Seeded truncations and mutations of the published page: the parser never throws.</summary>
    [Fact]
    public void Fuzz_TruncationsAndMutations_NeverThrow()
    {
        var page = ReadRawPage();
        var random = new Random(20240517);
        const string Alphabet = "|||\t\n\r \\`*-:.KMS0123456789状a\u00A0\u200B\uFEFF";
        var runs = 0;
        var entries = 0;

        for (var cut = 0; cut <= page.Length; cut += 61)
        {
            entries += PublishedPageParser.Parse(page.Substring(0, cut)).Entries.Length;
            runs++;
        }

        for (var i = 0; i < 400; i++)
        {
            var builder = new StringBuilder(page);
            var edits = 1 + random.Next(40);
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(builder.Length + 1);
                switch (random.Next(4))
                {
                    case 0:
                        builder.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                        break;
                    case 1 when at < builder.Length:
                        builder.Remove(at, Math.Min(1 + random.Next(50), builder.Length - at));
                        break;
                    case 2 when at < builder.Length:
                        builder[at] = Alphabet[random.Next(Alphabet.Length)];
                        break;
                    default:
                        var from = random.Next(builder.Length);
                        var length = Math.Min(random.Next(200), builder.Length - from);
                        builder.Insert(at, builder.ToString(from, length));
                        break;
                }
            }

            var mutated = builder.ToString();
            var parsed = PublishedPageParser.Parse(mutated);
            entries += parsed.Entries.Length;
            Assert.All(parsed.Errors, error => Assert.InRange(error.Line, 1, mutated.Length + 1));
            Assert.All(parsed.Entries, entry => Assert.True(Identifiers.IsValidConstantName(entry.Name), entry.Name));
            runs++;

            var cut = random.Next(mutated.Length + 1);
            PublishedPageParser.Parse(mutated.Substring(0, cut));
            PublishedPageParser.Parse(mutated.Substring(cut));
            runs += 2;
        }

        Assert.Equal(((page.Length / 61) + 1) + (400 * 3), runs);
        Assert.True(entries > 0);
        _output.WriteLine($"{runs} inputs parsed, {entries} entries");
    }

    [Fact]
    public void Cancellation_IsObserved()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => PublishedPageParser.Parse(ReadRawPage(), source.Token));
    }

    // ----- Names -----

    [Theory]
    [InlineData("The key does not exist.", "", "TheKeyDoesNotExist")]
    [InlineData("Invalid X-Auth-Token.", "", "InvalidXAuthToken")]
    [InlineData("Get-status error.", "", "GetStatusError")]
    [InlineData("The secret name not found int the db.", "", "TheSecretNameNotFoundIntTheDb")]
    [InlineData("Can't find the key's alias", "", "CantFindTheKeysAlias")]
    [InlineData("Check pdp5 auth failed.", "", "CheckPdp5AuthFailed")]
    [InlineData("PDP5 authentication fails.", "", "PDP5AuthenticationFails")]
    [InlineData("A system exception occurred. Contact technical support.", "", "ASystemExceptionOccurred")]
    [InlineData("Version v1.2 is not supported", "", "VersionV12IsNotSupported")]
    [InlineData("...", "", "Code0001")]
    [InlineData("", "The key is gone.", "TheKeyIsGone")]
    [InlineData("", "", "Code0001")]
    [InlineData("  ", "", "Code0001")]
    [InlineData("404 not found", "", "Code0001")]
    [InlineData("密钥不存在。", "The key is gone.", "Code0001")]
    [InlineData("is transient", "", "IsTransientError")]
    [InlineData("class", "", "Class")]
    [InlineData("one two three four five six seven eight nine ten", "", "OneTwoThreeFourFiveSixSevenEight")]
    [InlineData("Internationalization internationalization internationalization internationalization", "", "InternationalizationInternationalizationInternationalization")]
    [InlineData("AbcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijXYZ rest", "", "Abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij")]
    public void DeriveName(string message, string description, string expected)
    {
        var name = PublishedPageParser.DeriveName(message, description, "0001");
        Assert.Equal(expected, name);
        Assert.True(Identifiers.IsValidConstantName(name), name);
        Assert.InRange(name.Length, 1, PublishedPageParser.MaxNameLength + "Error".Length);
    }

    [Fact]
    public void Names_UniqueWithinPrefix_EveryClashingRowGetsItsDigits_StableAndOrderIndependent()
    {
        var rows = new[]
        {
            "| 400 | AS.0002 | Invalid parameter. | d | m |",
            "| 400 | AS.0007 | Invalid parameter! | d | m |",
            "| 400 | CBC.0002 | Invalid parameter. | d | m |",
            "| 400 | AS.0009 | The key does not exist. | d | m |",
            "| 400 | AS.0010 | Invalid parameter 0002 | d | m |",
            "| 400 | SVCSTG.CCE-ADDONMGR.4040204 | Invalid parameter. | d | m |",
            "| 400 | SVCSTG.CCE-ADDONMGR.4040205 | is transient | d | m |",
            "| 400 | SVCSTG.CCE-ADDONMGR.4040206 | 3 retries failed | d | m |",
        };
        var text = $"{EnglishHeader}\n{Separator}\n{string.Join("\n", rows)}\n";
        var parsed = PublishedPageParser.Parse(text);

        Assert.Empty(parsed.Errors);
        var names = parsed.Entries.ToDictionary(e => e.Code, e => e.Name);
        Assert.Equal("InvalidParameter0002", names["AS.0002"]);
        Assert.Equal("InvalidParameter0007", names["AS.0007"]);
        Assert.Equal("InvalidParameter", names["CBC.0002"]);
        Assert.Equal("TheKeyDoesNotExist", names["AS.0009"]);
        Assert.Equal("InvalidParameter0002_0010", names["AS.0010"]);
        Assert.Equal("InvalidParameter", names["SVCSTG.CCE-ADDONMGR.4040204"]);
        Assert.Equal("IsTransientError", names["SVCSTG.CCE-ADDONMGR.4040205"]);
        Assert.Equal("Code4040206", names["SVCSTG.CCE-ADDONMGR.4040206"]);
        Assert.All(parsed.Entries, e => Assert.NotEqual("IsTransient", e.Name));

        var again = PublishedPageParser.Parse(text);
        Assert.Equal(parsed.Entries.Select(e => e.Name), again.Entries.Select(e => e.Name));

        // The clash rule does not depend on the order of the rows (only the rare second-level '_' suffix does).
        var reversed = PublishedPageParser.Parse($"{EnglishHeader}\n{Separator}\n{string.Join("\n", rows.Take(4).Reverse())}\n");
        Assert.Equal(
            parsed.Entries.Take(4).ToDictionary(e => e.Code, e => e.Name).OrderBy(p => p.Key, StringComparer.Ordinal),
            reversed.Entries.ToDictionary(e => e.Code, e => e.Name).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Names_UniqueAcrossTheTablesOfOneFile()
    {
        var parsed = PublishedPageParser.Parse(
            "Status Code\tError Code\tMessage\n400\tAS.0001\tBad.\n\nText.\n\n" +
            "| Status Code | Error Code | Message |\n|---|---|---|\n| 400 | AS.0002 | Bad. |\n");
        Assert.Equal(new[] { "Bad0001", "Bad0002" }, parsed.Entries.Select(e => e.Name));
    }

    // ----- Size -----

    [Fact]
    public void TwentyThousandRowPage_IsRead()
    {
        var text = GeneratePage(20000);
        var parsed = PublishedPageParser.Parse(text);
        Assert.Empty(parsed.Errors);
        Assert.Equal(20000, parsed.Entries.Length);
        Assert.Equal(20000, parsed.Entries.Select(e => e.Name).Distinct(StringComparer.Ordinal).Count());

        // Timing is reported, never asserted.
        var stopwatch = Stopwatch.StartNew();
        const int Runs = 5;
        for (var i = 0; i < Runs; i++)
        {
            PublishedPageParser.Parse(text);
        }

        _output.WriteLine($"20,000-row page ({text.Length:N0} chars): {stopwatch.Elapsed.TotalMilliseconds / Runs:F1} ms per parse");
    }

    /// <summary>A page in the published layout (cells over several lines) with <paramref name="rows"/> rows of one prefix.</summary>
    internal static string GeneratePage(int rows)
    {
        var builder = new StringBuilder("Error Code\n| \n        Status Code  | \n      \n        Error Code  | \n      \n        Message  | \n      \n        Description  | \n      \n        Measure  | \n     \n|---|---|---|---|---|\n");
        for (var i = 0; i < rows; i++)
        {
            var status = i % 7 == 0 ? 500 : 400;
            builder.Append("| \n        ").Append(status).Append("  | \n      \n        SVC.").Append(i.ToString("D6", CultureInfo.InvariantCulture))
                .Append("  | \n      \n        The value of parameter ").Append(i % 100).Append(" is invalid.  | \n      \n        The XX parameter is invalid\n        in request ")
                .Append(i).Append(".  | \n      \n        Enter a valid parameter.  | \n     \n");
        }

        return builder.Append("Feedback\nWas this page helpful?\n").ToString();
    }

    private static ErrorCodeEntry Entry(ParsedCodes parsed, string code) => parsed.Entries.Single(e => e.Code == code);

    private static void Compare(string code, string column, string expected, string actual, List<string> mismatches)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            mismatches.Add($"{code} {column}: catalog '{expected}' but parsed '{actual}'");
        }
    }

    private static string ReadRawPage()
        => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalog", "published-error-codes-page.txt"));
}
