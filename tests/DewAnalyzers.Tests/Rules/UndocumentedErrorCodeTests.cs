using System.Threading.Tasks;
using DewAnalyzers.CodeFixes;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using AnalyzerTest = DewAnalyzers.Tests.Infrastructure.AnalyzerTest<DewAnalyzers.UndocumentedErrorCodeAnalyzer>;
using Xunit;
using VerifyCS = DewAnalyzers.Tests.Infrastructure.Verify<DewAnalyzers.UndocumentedErrorCodeAnalyzer>;

namespace DewAnalyzers.Tests.Rules;

public sealed class UndocumentedErrorCodeTests
{
    public static TheoryData<LanguageVersion> LanguageVersions => new() { LanguageVersion.CSharp7_3, LanguageVersion.Latest };

    public static TheoryData<string> NearMisses => new() { "kms.0207", "KMS-0207", "KMS0207", "KMS.207", " KMS.0207 " };

    // ---- Well-formed undocumented codes: anywhere ----

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public Task WellFormedUndocumentedCode_IsReportedAnywhere(LanguageVersion version) => VerifyCS.AnalyzerAsync(
        """
        using System.ComponentModel;
        using HuaweiCloud.SDK.Core;

        class C
        {
            const string Retired = {|DEW001:"KMS.0213"|};
            static readonly string[] Codes = { "KMS.0207", {|DEW001:"CSMS.0999"|} };

            [Description({|DEW001:"KMS.0216"|})]
            string M(string code = {|DEW001:"KMS.9999"|})
            {
                var local = {|DEW001:"CSMS.0000"|};
                return local + code;
            }

            bool N(ServiceResponseException e) => e.ErrorCode == {|DEW001:"KMS.0213"|};
        }
        """,
        version);

    [Fact]
    public Task WellFormedUndocumentedCode_IsReported_WithoutTheSdk()
    {
        var test = new AnalyzerTest(withSdk: false)
        {
            TestCode = """
                class C
                {
                    const string Retired = {|DEW001:"KMS.0213"|};
                }
                """,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task WithoutTheGenerator_StillReported()
    {
        var test = new AnalyzerTest(withGenerator: false)
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    const string Retired = {|DEW001:"KMS.0213"|};
                    bool M(ServiceResponseException e) => e.ErrorCode == {|DEW001:"kms.0207"|};
                }
                """,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Message_NamesTheClosestCodes()
    {
        var test = new AnalyzerTest
        {
            TestCode = """
                class C
                {
                    const string Retired = {|#0:"KMS.0213"|};
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.UndocumentedErrorCode, DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments("KMS.0213", "KMS.0212 (Invalid resource type.), KMS.0214 (The request format is invalid.) or KMS.0211 (Cannot perform this operation on Default Master Keys.)"));
        return test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public Task Suggestions_InACatch_PreferCodesTheCalledOperationCanReturn(LanguageVersion version)
    {
        // Textually KMS.0212 and KMS.0211 are as near as KMS.0214, but DecryptData never returns them.
        var test = new AnalyzerTest
        {
            LanguageVersion = version,
            TestCode = """
                using System;
                using System.Threading.Tasks;
                using HuaweiCloud.SDK.Core;
                using HuaweiCloud.SDK.Kms.V2;
                using HuaweiCloud.SDK.Kms.V2.Model;

                class C
                {
                    async Task<string> M(KmsAsyncClient kms, DecryptDataRequest request)
                    {
                        try
                        {
                            return (await kms.DecryptDataAsync(request)).HttpBody;
                        }
                        catch (ClientRequestException e)
                        {
                            switch (e.ErrorCode)
                            {
                                case {|#0:"KMS.0213"|}:
                                    return null;
                                default:
                                    throw;
                            }
                        }
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.UndocumentedErrorCode, DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments("KMS.0213", "KMS.0214 (The request format is invalid.), KMS.0215 (Request method not supported.) or KMS.0210 (The key is in Scheduled deletion state and cannot be used.)"));
        return test.RunAsync();
    }

    [Fact]
    public Task Message_ForNearMiss_NamesTheExactCode()
    {
        var test = new AnalyzerTest
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ServiceResponseException e) => e.ErrorCode == {|#0:"kms.0207"|};
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.UndocumentedErrorCode, DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments("kms.0207", "KMS.0207 (The key does not exist.)"));
        return test.RunAsync();
    }

    [Fact]
    public Task Message_ForUndocumentedNearMiss_NamesTheNeighbours()
    {
        var test = new AnalyzerTest
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ServiceResponseException e) => e.ErrorCode == {|#0:"kms.213"|};
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.UndocumentedErrorCode, DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments("kms.213", "KMS.0212 (Invalid resource type.), KMS.0214 (The request format is invalid.) or KMS.0211 (Cannot perform this operation on Default Master Keys.)"));
        return test.RunAsync();
    }

    // ---- Near misses in every error-code comparison shape ----

    [Theory]
    [MemberData(nameof(NearMisses))]
    public Task NearMiss_InEqualityAndEqualsCalls(string code) => VerifyCS.AnalyzerAsync(
        $$"""
        using System;
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e, ClientRequestException c, ServerResponseException s, SdkError error)
            {
                return e.ErrorCode == {|DEW001:"{{code}}"|}
                    || {|DEW001:"{{code}}"|} == c.ErrorCode
                    || s.ErrorCode != {|DEW001:"{{code}}"|}
                    || error.ErrorCode == {|DEW001:"{{code}}"|}
                    || string.Equals(e.ErrorCode, {|DEW001:"{{code}}"|})
                    || string.Equals({|DEW001:"{{code}}"|}, e.ErrorCode, StringComparison.Ordinal)
                    || e.ErrorCode.Equals({|DEW001:"{{code}}"|})
                    || {|DEW001:"{{code}}"|}.Equals(e.ErrorCode);
            }
        }
        """,
        LanguageVersion.CSharp7_3);

    [Theory]
    [MemberData(nameof(NearMisses))]
    public Task NearMiss_InCaseLabel_AndIsConstantPattern_AtCSharp73(string code) => VerifyCS.AnalyzerAsync(
        $$"""
        using HuaweiCloud.SDK.Core;

        class C
        {
            int M(ServiceResponseException e)
            {
                if (e.ErrorCode is {|DEW001:"{{code}}"|})
                {
                    return 0;
                }

                switch (e.ErrorCode)
                {
                    case {|DEW001:"{{code}}"|}:
                        return 1;
                    default:
                        return 2;
                }
            }
        }
        """,
        LanguageVersion.CSharp7_3);

    [Theory]
    [MemberData(nameof(NearMisses))]
    public Task NearMiss_InPatterns_AndSwitchExpressions(string code) => VerifyCS.AnalyzerAsync(
        $$"""
        using HuaweiCloud.SDK.Core;

        class C
        {
            int M(ServiceResponseException e, object o)
            {
                if (e.ErrorCode is {|DEW001:"{{code}}"|} or "KMS.0209" || e.ErrorCode is not {|DEW001:"{{code}}"|})
                {
                    return 0;
                }

                if (o is ServiceResponseException { ErrorCode: {|DEW001:"{{code}}"|} })
                {
                    return 1;
                }

                switch (e.ErrorCode)
                {
                    case {|DEW001:"{{code}}"|} or "KMS.0210":
                        return 2;
                }

                return e.ErrorCode switch
                {
                    {|DEW001:"{{code}}"|} => 3,
                    _ => 4,
                };
            }
        }
        """);

    [Theory]
    [MemberData(nameof(NearMisses))]
    public Task NearMiss_ThroughLocalsAndConditionalAccess(string code) => VerifyCS.AnalyzerAsync(
        $$"""
        using System;
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(Exception ex, ServiceResponseException maybe)
            {
                if (ex is ServiceResponseException e)
                {
                    var local = e.ErrorCode;
                    string assigned;
                    assigned = e.ErrorCode;
                    return local == {|DEW001:"{{code}}"|} || assigned == {|DEW001:"{{code}}"|};
                }

                return maybe?.ErrorCode == {|DEW001:"{{code}}"|} || (maybe?.ErrorCode ?? "") == {|DEW001:"{{code}}"|};
            }
        }
        """);

    [Fact]
    public Task NearMiss_InCatchFilter() => VerifyCS.AnalyzerAsync(
        """
        using HuaweiCloud.SDK.Core;

        class C
        {
            void M()
            {
                try
                {
                }
                catch (ClientRequestException e) when (e.ErrorCode == {|DEW001:"KMS-0207"|})
                {
                }
            }
        }
        """,
        LanguageVersion.CSharp7_3);

    // ---- Negatives ----

    [Theory]
    [MemberData(nameof(NearMisses))]
    public Task NearMiss_OutsideErrorCodeComparisons_IsNotReported(string code) => VerifyCS.AnalyzerAsync(
        $$"""
        using HuaweiCloud.SDK.Core;

        class C
        {
            const string Label = "{{code}}";

            bool M(ServiceResponseException e, string other)
            {
                var text = "{{code}}";
                var local = other;
                System.Console.WriteLine("{{code}}");
                return other == "{{code}}" || local == "{{code}}" || e.ErrorMsg == "{{code}}" || e.RequestId.Equals("{{code}}") || text.Length > 0;
            }

            int N(string s)
            {
                switch (s)
                {
                    case "{{code}}":
                        return 1;
                    default:
                        return 0;
                }
            }
        }
        """);

    [Fact]
    public Task LocalAssignedFromSomethingElse_IsNotAnErrorCode() => VerifyCS.AnalyzerAsync(
        """
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e, string other)
            {
                var code = e.ErrorCode;
                code = other;
                return code == "kms.0207";
            }
        }
        """);

    [Fact]
    public Task NearMiss_WithoutTheSdk_IsNotReported()
    {
        var test = new AnalyzerTest(withSdk: false)
        {
            TestCode = """
                class E
                {
                    public string ErrorCode { get; set; }
                }

                class C
                {
                    bool M(E e) => e.ErrorCode == "kms.0207";
                }
                """,
        };
        return test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public Task ProseInterpolationsOtherPrefixesAndDocumentedCodes_AreNotReported(LanguageVersion version) => VerifyCS.AnalyzerAsync(
        """
        using HuaweiCloud.SDK.Core;

        class C
        {
            string M(ServiceResponseException e, int x)
            {
                var prose = "see KMS.0213 for details";
                var trailing = "KMS.0213 is retired";
                var interpolated = $"KMS.0213";
                var withHole = $"{x} KMS.0213";
                var nested = $"{"KMS.0213"}";
                var verbatim = $@"{x} CSMS.0999";
                var other = "APIG.0308";
                var otherCompared = e.ErrorCode == "APIG.0308" || e.ErrorCode == "apig.0308";
                var documented = e.ErrorCode == "KMS.0207" || e.ErrorCode == "CSMS.0106";
                var fiveDigits = "KMS.02130";
                var empty = e.ErrorCode == "" || e.ErrorCode == "KMS";
                return prose + trailing + interpolated + withHole + nested + verbatim + other + otherCompared + documented + fiveDigits + empty;
            }
        }
        """,
        version);

    [Fact]
    public Task GeneratedCode_IsNotReported()
    {
        var test = new AnalyzerTest
        {
            TestCode = """
                class C
                {
                    const string Mine = {|DEW001:"KMS.0213"|};
                }
                """,
        };
        test.TestState.Sources.Add(("/0/AutoGenerated.cs", """
            // <auto-generated/>
            using HuaweiCloud.SDK.Core;

            class G
            {
                const string Retired = "KMS.0213";
                bool M(ServiceResponseException e) => e.ErrorCode == "kms.0207";
            }
            """));
        test.TestState.Sources.Add(("/0/Client.g.cs", """
            using HuaweiCloud.SDK.Core;

            class H
            {
                const string Retired = "CSMS.0999";
                bool M(ServiceResponseException e) => e.ErrorCode == "KMS-0207";
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task CustomCatalogPrefix_IsChecked()
    {
        var test = new AnalyzerTest
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    const string Known = "APIG.0308";
                    const string Unknown = {|DEW001:"APIG.0309"|};
                    bool M(ServiceResponseException e) => e.ErrorCode == {|DEW001:"apig.308"|};
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/0/apig.errorcodes.tsv",
            "code\thttp_status\tname\tretry\tmessage\tdescription\tmeasure\nAPIG.0308\t429\tThrottled\ttransient\tToo many requests.\tThrottled.\tRetry later.\n"));
        return test.RunAsync();
    }

    // ---- Fixes ----

    [Theory]
    [InlineData(0, "KmsErrorCodes.InvalidResourceType")]
    [InlineData(1, "KmsErrorCodes.InvalidRequestFormat")]
    public Task Fix_OffersNearestCodesAsConstants(int index, string constant) => Fix(
        """
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e) => e.ErrorCode == {|DEW001:"KMS.0213"|};
        }
        """,
        $$"""
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e) => e.ErrorCode == {{constant}};
        }
        """,
        LanguageVersion.Latest,
        index);

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public Task Fix_NearMiss_BecomesTheConstant(LanguageVersion version) => Fix(
        """
        using HuaweiCloud.SDK.Core;

        class C
        {
            int M(ServiceResponseException e)
            {
                switch (e.ErrorCode)
                {
                    case {|DEW001:"kms.0207"|}:
                        return 1;
                    default:
                        return e.ErrorCode == {|DEW001:"KMS-0209"|} ? 2 : 0;
                }
            }
        }
        """,
        """
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;

        class C
        {
            int M(ServiceResponseException e)
            {
                switch (e.ErrorCode)
                {
                    case KmsErrorCodes.KeyNotFound:
                        return 1;
                    default:
                        return e.ErrorCode == KmsErrorCodes.KeyDisabled ? 2 : 0;
                }
            }
        }
        """,
        version);

    [Fact]
    public Task Fix_InConstFieldAndAttribute_Compiles() => Fix(
        """
        using System.ComponentModel;

        class C
        {
            const string Retired = {|DEW001:"KMS.0213"|};

            [Description({|DEW001:"CSMS.0999"|})]
            void M(string code = {|DEW001:"KMS.0270"|})
            {
            }
        }
        """,
        """
        using System.ComponentModel;
        using Dew.ErrorCodes;

        class C
        {
            const string Retired = KmsErrorCodes.InvalidResourceType;

            [Description(CsmsErrorCodes.ZZZ)]
            void M(string code = KmsErrorCodes.KeyNotFound)
            {
            }
        }
        """.Replace("ZZZ", NearestName("CSMS.0999")),
        LanguageVersion.CSharp7_3);

    [Fact]
    public Task Fix_WithUsingAlreadyPresent_DoesNotDuplicateIt() => Fix(
        """
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e) => e.ErrorCode == {|DEW001:"KMS.207"|} || e.ErrorCode == KmsErrorCodes.KeyDisabled;
        }
        """,
        """
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e) => e.ErrorCode == KmsErrorCodes.KeyNotFound || e.ErrorCode == KmsErrorCodes.KeyDisabled;
        }
        """,
        LanguageVersion.Latest);

    [Fact]
    public Task Fix_WithoutConstants_WritesTheLiteral()
    {
        var test = new CodeFixTest<UndocumentedErrorCodeAnalyzer, UndocumentedErrorCodeFixer>
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ServiceResponseException e) => e.ErrorCode == {|DEW001:"kms.0207"|} || e.ErrorCode == {|DEW001:"KMS.0213"|};
                }
                """,
            FixedCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ServiceResponseException e) => e.ErrorCode == "KMS.0207" || e.ErrorCode == "KMS.0212";
                }
                """,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_WithoutConstants_SecondSuggestion_WritesTheLiteral()
    {
        var test = new CodeFixTest<UndocumentedErrorCodeAnalyzer, UndocumentedErrorCodeFixer>
        {
            TestCode = """
                class C
                {
                    const string Retired = {|DEW001:"KMS.0213"|};
                }
                """,
            FixedCode = """
                class C
                {
                    const string Retired = "KMS.0214";
                }
                """,
            CodeActionIndex = 1,
            CodeActionEquivalenceKey = UndocumentedErrorCodeFixer.EquivalenceKeyPrefix + "1",
        };
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_InDocument()
    {
        var test = new CodeFixTest<UndocumentedErrorCodeAnalyzer, UndocumentedErrorCodeFixer>
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ServiceResponseException e) => e.ErrorCode == {|DEW001:"kms.0207"|} || e.ErrorCode == {|DEW001:"KMS-0209"|} || e.ErrorCode == {|DEW001:"KMS.0213"|};
                }
                """,
            FixedCode = """
                using Dew.ErrorCodes;
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ServiceResponseException e) => e.ErrorCode == KmsErrorCodes.KeyNotFound || e.ErrorCode == KmsErrorCodes.KeyDisabled || e.ErrorCode == KmsErrorCodes.InvalidResourceType;
                }
                """,
            CodeActionEquivalenceKey = UndocumentedErrorCodeFixer.EquivalenceKeyPrefix + "0",
            NumberOfFixAllInDocumentIterations = 1,
            NumberOfFixAllIterations = 1,
            NumberOfIncrementalIterations = 3,
        };
        return test.WithConstants().RunAsync();
    }

    [Fact]
    public Task FixAll_InProjectAndSolution_AcrossDocuments()
    {
        var test = new CodeFixTest<UndocumentedErrorCodeAnalyzer, UndocumentedErrorCodeFixer>
        {
            CodeActionEquivalenceKey = UndocumentedErrorCodeFixer.EquivalenceKeyPrefix + "0",
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 2,
            NumberOfIncrementalIterations = 3,
        };
        test.TestState.Sources.Add(("/0/A.cs", """
            using HuaweiCloud.SDK.Core;

            class A
            {
                bool M(ServiceResponseException e) => e.ErrorCode == {|DEW001:"kms.0207"|} || e.ErrorCode == {|DEW001:"CSMS-106"|};
            }
            """));
        test.TestState.Sources.Add(("/0/B.cs", """
            class B
            {
                const string Retired = {|DEW001:"KMS.0213"|};
            }
            """));
        test.FixedState.Sources.Add(("/0/A.cs", """
            using Dew.ErrorCodes;
            using HuaweiCloud.SDK.Core;

            class A
            {
                bool M(ServiceResponseException e) => e.ErrorCode == KmsErrorCodes.KeyNotFound || e.ErrorCode == CsmsErrorCodes.SecretNotFound;
            }
            """));
        test.FixedState.Sources.Add(("/0/B.cs", """
            using Dew.ErrorCodes;

            class B
            {
                const string Retired = KmsErrorCodes.InvalidResourceType;
            }
            """));
        return test.WithConstants().RunAsync();
    }

    private static Task Fix(string source, string fixedSource, LanguageVersion version, int? index = null)
    {
        var test = new CodeFixTest<UndocumentedErrorCodeAnalyzer, UndocumentedErrorCodeFixer>
        {
            TestCode = source,
            FixedCode = fixedSource,
            LanguageVersion = version,
            CodeActionIndex = index,
            CodeActionEquivalenceKey = UndocumentedErrorCodeFixer.EquivalenceKeyPrefix + (index ?? 0),
        };
        return test.WithConstants().RunAsync();
    }

    private static string NearestName(string code) => DewAnalyzers.Catalog.ErrorCodeCatalog.BuiltIn.NearestTo(code, 1)[0].Name;

    /// <summary>A comparison that ignores case matches a code that differs only in case: not a miss (ErrorCodeTest.IgnoresCase).</summary>
    [Fact]
    public Task NearMiss_InCaseInsensitiveComparison_IsNotReported_OtherNearMissesAre() => VerifyCS.AnalyzerAsync(
        """
        using System;
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool A(ServiceResponseException e) => string.Equals(e.ErrorCode, "kms.0207", StringComparison.OrdinalIgnoreCase);
            bool B(ServiceResponseException e) => StringComparer.OrdinalIgnoreCase.Equals("Kms.0207", e.ErrorCode);
            bool D(ServiceResponseException e) => string.Equals(e.ErrorCode, {|DEW001:"kms-0207"|}, StringComparison.OrdinalIgnoreCase);
            bool E(ServiceResponseException e) => string.Equals(e.ErrorCode, {|DEW001:"kms.0207"|}, StringComparison.Ordinal);
            bool F(ServiceResponseException e) => string.Compare(e.ErrorCode, {|DEW001:"KMS-0207"|}, StringComparison.Ordinal) == 0;
        }
        """);

    /// <summary>DEW002 still offers the constant for a code compared ignoring case (only DEW001 stays silent).</summary>
    [Fact]
    public Task NearMiss_InCaseInsensitiveComparison_NoDew001_InIfChainToo() => VerifyCS.AnalyzerAsync(
        """
        using System;
        using HuaweiCloud.SDK.Core;

        class C
        {
            string M(ServiceResponseException e)
            {
                if (string.Equals(e.ErrorCode, "kms.0207", StringComparison.OrdinalIgnoreCase)) return null;
                else if (e.ErrorCode.ToLowerInvariant() == "kms.0209") return "disabled";
                else if (e.ErrorCode == {|DEW001:"kms.0210"|}) return "pending";
                else throw e;
            }
        }
        """);
}
