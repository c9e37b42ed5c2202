using System.Linq;
using DewAnalyzers.Catalog;
using Xunit;

namespace DewAnalyzers.Tests.CatalogTests;

public sealed class CatalogParserTests
{
    private const string Header = "code\thttp_status\tname\tretry\tmessage\tdescription\tmeasure";
    private const string KeyGone = "XYZ.0001\t404\tKeyGone\tpermanent\tThe key is gone.\tGone.\tUse another key.";
    private const string Busy = "XYZ.0002\t503\tBusy\ttransient\tBusy.\tThe service is busy.\tTry again later.";

    [Fact]
    public void Parses_HeaderCommentsAndBlankLines()
    {
        var parsed = CatalogParser.ParseCodes($"# comment\n{Header}\n\n# another\n{KeyGone}\n   \n{Busy}\n");

        Assert.Empty(parsed.Errors);
        Assert.Equal(new[] { "XYZ.0001", "XYZ.0002" }, parsed.Entries.Select(e => e.Code));
        var first = parsed.Entries[0];
        Assert.Equal(404, first.HttpStatus);
        Assert.Equal("KeyGone", first.Name);
        Assert.Equal(RetryClass.Permanent, first.Retry);
        Assert.Equal("The key is gone.", first.Message);
        Assert.Equal("Gone.", first.Description);
        Assert.Equal("Use another key.", first.Measure);
        Assert.Equal("XYZ", first.Prefix);
        Assert.Equal(5, first.Line);
        Assert.Equal(7, parsed.Entries[1].Line);
        Assert.Equal(RetryClass.Transient, parsed.Entries[1].Retry);
    }

    [Fact]
    public void Parses_WithoutHeader()
    {
        var parsed = CatalogParser.ParseCodes(KeyGone);
        Assert.Empty(parsed.Errors);
        Assert.Single(parsed.Entries);
    }

    [Fact]
    public void Parses_CrLf_And_Bom()
    {
        var parsed = CatalogParser.ParseCodes("\uFEFF" + Header + "\r\n" + KeyGone + "\r\n" + Busy + "\r\n");

        Assert.Empty(parsed.Errors);
        Assert.Equal(2, parsed.Entries.Length);
        Assert.Equal("Use another key.", parsed.Entries[0].Measure);
        Assert.Equal("Try again later.", parsed.Entries[1].Measure);
        Assert.Equal(3, parsed.Entries[1].Line);
    }

    [Fact]
    public void Parses_BomBeforeFirstEntry()
    {
        var parsed = CatalogParser.ParseCodes("\uFEFF" + KeyGone + "\n");
        Assert.Empty(parsed.Errors);
        Assert.Equal("XYZ.0001", Assert.Single(parsed.Entries).Code);
    }

    [Fact]
    public void Parses_RetryDetails()
    {
        var parsed = CatalogParser.ParseCodes(
            "XYZ.0001\t401\tTokenExpired\tafter-action:credential\tm\td\tx\n" +
            "XYZ.0002\t409\tAlreadyEnabled\tpermanent:no-op\tm\td\tx\n");
        Assert.Empty(parsed.Errors);
        Assert.Equal(RetryClass.AfterAction, parsed.Entries[0].Retry);
        Assert.Equal("credential", parsed.Entries[0].RetryDetail);
        Assert.Equal("after-action:credential", parsed.Entries[0].RetryText);
        Assert.Equal(RetryClass.Permanent, parsed.Entries[1].Retry);
        Assert.Equal("no-op", parsed.Entries[1].RetryDetail);
    }

    [Fact]
    public void WrongColumnCount_IsReportedWithLine_AndSkipped()
    {
        var parsed = CatalogParser.ParseCodes($"{Header}\nXYZ.0003\t400\tTooFew\n{KeyGone}");

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("7", error.Message);
        Assert.Contains("found 3", error.Message);
        Assert.Equal("XYZ.0001", Assert.Single(parsed.Entries).Code);
    }

    [Theory]
    [InlineData("xyz_0001")]
    [InlineData("XYZ-0001")]
    [InlineData("XYZ.1")]
    [InlineData("XYZ.00000000001")]
    [InlineData("0XY.0001")]
    [InlineData("XYZ..0001")]
    [InlineData("")]
    public void MalformedCode_IsReportedWithLine(string code)
    {
        var parsed = CatalogParser.ParseCodes($"{Header}\n# c\n{code}\t400\tName\tpermanent\tm\td\tx\n{Busy}");

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("PREFIX.DIGITS", error.Message);
        Assert.Equal("XYZ.0002", Assert.Single(parsed.Entries).Code);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99")]
    [InlineData("600")]
    [InlineData("-1")]
    [InlineData("")]
    public void BadStatus_IsReportedWithLine(string status)
    {
        var parsed = CatalogParser.ParseCodes($"{KeyGone}\nXYZ.0009\t{status}\tName\tpermanent\tm\td\tx");

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("HTTP status", error.Message);
        Assert.Single(parsed.Entries);
    }

    [Theory]
    [InlineData("sometimes")]
    [InlineData("after-action")]
    [InlineData("after-action:weather")]
    [InlineData("transient:maybe")]
    [InlineData("permanent:forever")]
    [InlineData("Transient")]
    public void UnknownRetryClass_IsReportedWithLine(string retry)
    {
        var parsed = CatalogParser.ParseCodes($"{Header}\n{KeyGone}\n{Busy}\nXYZ.0009\t400\tName\t{retry}\tm\td\tx");

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("unknown retry class", error.Message);
        Assert.Contains(retry, error.Message);
        Assert.Equal(2, parsed.Entries.Length);
    }

    [Theory]
    [InlineData("class")]
    [InlineData("1Name")]
    [InlineData("Key-Gone")]
    [InlineData("IsTransient")]
    public void InvalidName_IsReported(string name)
    {
        var parsed = CatalogParser.ParseCodes($"XYZ.0009\t400\t{name}\tpermanent\tm\td\tx");
        Assert.Equal(1, Assert.Single(parsed.Errors).Line);
        Assert.Empty(parsed.Entries);
    }

    [Fact]
    public void EmptyName_IsAllowed_ForOverrides()
    {
        var parsed = CatalogParser.ParseCodes("KMS.0207\t404\t\ttransient\tm\td\tx");
        Assert.Empty(parsed.Errors);
        Assert.Equal(string.Empty, Assert.Single(parsed.Entries).Name);
    }

    [Fact]
    public void DuplicateCode_IsReportedWithLine_FirstWins()
    {
        var parsed = CatalogParser.ParseCodes($"{Header}\n{KeyGone}\n{Busy}\nXYZ.0001\t400\tOther\tpermanent\tm\td\tx");

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("duplicate", error.Message);
        Assert.Contains("XYZ.0001", error.Message);
        Assert.Equal("KeyGone", parsed.Entries.Single(e => e.Code == "XYZ.0001").Name);
    }

    [Fact]
    public void SeveralErrors_AreAllReported_InOrder()
    {
        var parsed = CatalogParser.ParseCodes($"bad\n{KeyGone}\nXYZ.0003\tabc\tN\tpermanent\tm\td\tx\n{KeyGone}");
        Assert.Equal(new[] { 1, 3, 4 }, parsed.Errors.Select(e => e.Line));
        Assert.Single(parsed.Entries);
    }

    [Fact]
    public void EmptyFile_IsReported()
    {
        var error = Assert.Single(CatalogParser.ParseCodes("# only a comment\n\n").Errors);
        Assert.Equal(0, error.Line);
        Assert.Equal(0, Assert.Single(CatalogParser.ParseCodes(Header + "\n").Errors).Line);
        Assert.Empty(CatalogParser.ParseCodes(Header + "\n" + KeyGone).Errors);
    }

    [Fact]
    public void NoKeywordIsLongerThanTenCharacters_SoLongNamesSkipTheKeywordLookUp()
    {
        var keywords = Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKinds()
            .Concat(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetContextualKeywordKinds())
            .Select(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetText)
            .ToList();
        Assert.True(keywords.Count > 100);
        Assert.True(keywords.Max(k => k.Length) <= 10, string.Join(", ", keywords.Where(k => k.Length > 10)));
        Assert.False(Identifiers.IsValidConstantName("stackalloc"));
        Assert.False(Identifiers.IsValidConstantName("descending"));
        Assert.True(Identifiers.IsValidConstantName("StackallocTooLong"));
    }

    [Theory]
    [InlineData("KMS.0207")]
    [InlineData("CSMS.0106")]
    [InlineData("APIG.0308")]
    [InlineData("A1.0000")]
    [InlineData("CBC.18000016")]
    [InlineData("CBC.3002")]
    [InlineData("APIC.7211")]
    [InlineData("AS.0001")]
    [InlineData("SVCSTG.CCE-ADDONMGR.4040204")]
    [InlineData("KMS.207")] // 2–10 digits: whether a prefix publishes 3-digit codes is the catalog's business
    [InlineData("KMS.02071")]
    [InlineData("Ecs.0001")] // case as published
    [InlineData("kms.0207")]
    [InlineData("AB.1234567890")]
    public void CodeShape_WellFormed(string text) => Assert.True(CodeShape.IsWellFormedCode(text));

    [Theory]
    [InlineData("KMS-0207")]
    [InlineData("KMS0207")]
    [InlineData(" KMS.0207 ")]
    [InlineData(".0207")]
    [InlineData("KMS.02a7")]
    [InlineData("1MS.0207")]
    [InlineData("KMS.7")]
    [InlineData("KMS.12345678901")]
    [InlineData("KMS..0207")]
    [InlineData("SVC.-X.0207")]
    [InlineData("SVC.1X.0207")]
    [InlineData("SVC_X.0207")]
    [InlineData("KMS.0207.")]
    [InlineData("")]
    public void CodeShape_NotWellFormed(string text) => Assert.False(CodeShape.IsWellFormedCode(text));

    [Theory]
    [InlineData("kms.0207", "KMS.0207")]
    [InlineData("KMS-0207", "KMS.0207")]
    [InlineData("KMS0207", "KMS.0207")]
    [InlineData("KMS.207", "KMS.0207")]
    [InlineData(" KMS.0207 ", "KMS.0207")]
    [InlineData("Kms_0207", "KMS.0207")]
    [InlineData("KMS 7", "KMS.0007")]
    public void CodeShape_NormalizesNearMisses(string text, string expected)
    {
        Assert.True(CodeShape.TryNormalizeNearMiss(text, "KMS", 1 << 4, out var canonical));
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData("KMS.02071")]
    [InlineData("KMS..0207")]
    [InlineData("KMS.")]
    [InlineData("KMS")]
    [InlineData("KMS.02a7")]
    [InlineData("KMSX.0207")]
    [InlineData("KM.0207")]
    [InlineData("CSMS.0207")]
    [InlineData("APIG.0308")]
    [InlineData("the KMS.0207 code")]
    [InlineData("")]
    public void CodeShape_DoesNotNormalizeNonMatches(string text)
        => Assert.False(CodeShape.TryNormalizeNearMiss(text, "KMS", 1 << 4, out _));

    [Fact]
    public void Catalog_NearMiss_IgnoresTheCanonicalSpelling()
    {
        Assert.False(ErrorCodeCatalog.BuiltIn.TryNormalizeNearMiss("KMS.0207", out _));
        Assert.True(ErrorCodeCatalog.BuiltIn.TryNormalizeNearMiss("csms-106", out var canonical));
        Assert.Equal("CSMS.0106", canonical);
    }

    [Fact]
    public void Catalog_HasCodeShape_OnlyForCatalogPrefixes()
    {
        Assert.True(ErrorCodeCatalog.BuiltIn.HasCodeShape("KMS.0213"));
        Assert.True(ErrorCodeCatalog.BuiltIn.HasCodeShape("CSMS.0999"));
        Assert.False(ErrorCodeCatalog.BuiltIn.HasCodeShape("APIG.0308"));
        Assert.False(ErrorCodeCatalog.BuiltIn.HasCodeShape("kms.0213"));
    }

    [Fact]
    public void NearestTo_Kms0213_StartsWithNeighbours()
    {
        var nearest = ErrorCodeCatalog.BuiltIn.NearestTo("KMS.0213", 3).Select(e => e.Code).ToArray();
        Assert.Equal(3, nearest.Length);
        Assert.Equal(new[] { "KMS.0212", "KMS.0214" }, nearest.Take(2));
    }

    [Fact]
    public void NearestTo_Kms0270_StartsWithTransposition()
    {
        var nearest = ErrorCodeCatalog.BuiltIn.NearestTo("KMS.0270", 3).Select(e => e.Code).ToArray();
        Assert.Equal("KMS.0207", nearest[0]);
    }

    [Fact]
    public void NearestTo_StaysWithinThePrefix()
    {
        Assert.All(ErrorCodeCatalog.BuiltIn.NearestTo("CSMS.0999", 5), e => Assert.Equal("CSMS", e.Prefix));
        Assert.Equal("CSMS.0106", ErrorCodeCatalog.BuiltIn.NearestTo("CSMS.0016", 1)[0].Code);
    }
}
