using System.Threading.Tasks;
using DewAnalyzers.CodeFixes;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using AnalyzerTest = DewAnalyzers.Tests.Infrastructure.AnalyzerTest<DewAnalyzers.UseCatalogConstantAnalyzer>;
using FixTest = DewAnalyzers.Tests.Infrastructure.CodeFixTest<DewAnalyzers.UseCatalogConstantAnalyzer, DewAnalyzers.CodeFixes.UseCatalogConstantFixer>;
using VerifyCS = DewAnalyzers.Tests.Infrastructure.Verify<DewAnalyzers.UseCatalogConstantAnalyzer>;
using VerifyFixCS = DewAnalyzers.Tests.Infrastructure.VerifyFix<DewAnalyzers.UseCatalogConstantAnalyzer, DewAnalyzers.CodeFixes.UseCatalogConstantFixer>;

namespace DewAnalyzers.Tests.Rules;

public sealed class UseCatalogConstantTests
{
    public static TheoryData<LanguageVersion> LanguageVersions => new() { LanguageVersion.CSharp7_3, LanguageVersion.Latest };

    [Fact]
    public Task Comparison_IsReportedAndFixed() => VerifyFixCS.FixAsync(
        """
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e) => e.ErrorCode == {|DEW002:"KMS.0207"|};
        }
        """,
        """
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e) => e.ErrorCode == KmsErrorCodes.KeyNotFound;
        }
        """);

    [Fact]
    public Task Message_NamesConstantCodeAndText()
    {
        var test = new AnalyzerTest
        {
            TestCode = """
                class C
                {
                    const string Code = {|#0:"CSMS.0106"|};
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.UseCatalogConstant, DiagnosticSeverity.Info)
            .WithLocation(0)
            .WithArguments("CsmsErrorCodes.SecretNotFound", "CSMS.0106", "The secret name not found int the db."));
        return test.RunAsync();
    }

    // ---- Every recognized place, reported and fixed (fixed code must compile) ----

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public Task ComparisonsAndEqualsCalls(LanguageVersion version) => VerifyFixCS.FixAsync(
        """
        using System;
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e, SdkError error)
            {
                return e.ErrorCode == {|DEW002:"KMS.0207"|}
                    || {|DEW002:"KMS.0209"|} != e.ErrorCode
                    || error.ErrorCode == {|DEW002:"CSMS.0106"|}
                    || string.Equals(e.ErrorCode, {|DEW002:"KMS.0210"|}, StringComparison.Ordinal)
                    || e.ErrorCode.Equals({|DEW002:"KMS.0303"|});
            }
        }
        """,
        """
        using System;
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e, SdkError error)
            {
                return e.ErrorCode == KmsErrorCodes.KeyNotFound
                    || KmsErrorCodes.KeyDisabled != e.ErrorCode
                    || error.ErrorCode == CsmsErrorCodes.SecretNotFound
                    || string.Equals(e.ErrorCode, KmsErrorCodes.KeyPendingDeletion, StringComparison.Ordinal)
                    || e.ErrorCode.Equals(KmsErrorCodes.AuthTokenExpired);
            }
        }
        """,
        version);

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public Task SwitchCaseLabels(LanguageVersion version) => VerifyFixCS.FixAsync(
        """
        using HuaweiCloud.SDK.Core;

        class C
        {
            int M(ServiceResponseException e)
            {
                switch (e.ErrorCode)
                {
                    case {|DEW002:"KMS.0207"|}:
                        return 1;
                    case {|DEW002:"KMS.0209"|}:
                    case {|DEW002:"KMS.0210"|}:
                        return 2;
                    default:
                        return 3;
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
                    case KmsErrorCodes.KeyDisabled:
                    case KmsErrorCodes.KeyPendingDeletion:
                        return 2;
                    default:
                        return 3;
                }
            }
        }
        """,
        version);

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public Task IsConstantPattern(LanguageVersion version)
    {
        var test = new FixTest
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ServiceResponseException e) => e.ErrorCode is {|DEW002:"KMS.0101"|};
                }
                """,
            FixedCode = """
                using Dew.ErrorCodes;
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ServiceResponseException e) => e.ErrorCode is KmsErrorCodes.KmsError;
                }
                """,
            LanguageVersion = version,

            // The fix keeps the constant pattern (the right tree); re-parsing the text gives `is <type>`, which the compiler
            // binds to the same constant. Compare text and compiler diagnostics, not tree shapes.
            CodeActionValidationMode = CodeActionValidationMode.None,
        };
        return test.WithConstants().RunAsync();
    }

    [Fact]
    public Task OrPatterns_SwitchExpressionArms_AndPropertyPatterns() => VerifyFixCS.FixAsync(
        """
        using HuaweiCloud.SDK.Core;

        class C
        {
            int M(ServiceResponseException e, object o)
            {
                if (e.ErrorCode is {|DEW002:"KMS.0209"|} or {|DEW002:"KMS.0210"|})
                {
                    return 0;
                }

                if (o is ClientRequestException { ErrorCode: {|DEW002:"KMS.0207"|} })
                {
                    return 1;
                }

                return e.ErrorCode switch
                {
                    {|DEW002:"KMS.0303"|} => 2,
                    {|DEW002:"CSMS.0106"|} or {|DEW002:"CSMS.0005"|} => 3,
                    _ => 4,
                };
            }
        }
        """,
        """
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;

        class C
        {
            int M(ServiceResponseException e, object o)
            {
                if (e.ErrorCode is KmsErrorCodes.KeyDisabled or KmsErrorCodes.KeyPendingDeletion)
                {
                    return 0;
                }

                if (o is ClientRequestException { ErrorCode: KmsErrorCodes.KeyNotFound })
                {
                    return 1;
                }

                return e.ErrorCode switch
                {
                    KmsErrorCodes.AuthTokenExpired => 2,
                    CsmsErrorCodes.SecretNotFound or CsmsErrorCodes.ResourceNotFound => 3,
                    _ => 4,
                };
            }
        }
        """);

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public Task CollectionsArraysConstFieldsAttributesAndDefaultValues(LanguageVersion version) => VerifyFixCS.FixAsync(
        """
        using System.Collections.Generic;
        using System.ComponentModel;

        class C
        {
            const string Missing = {|DEW002:"KMS.0207"|};
            static readonly string[] Retryable = { {|DEW002:"KMS.0101"|}, {|DEW002:"KMS.0102"|} };
            static readonly string[] Array2 = new[] { {|DEW002:"KMS.0100"|} };
            static readonly HashSet<string> Set = new HashSet<string> { {|DEW002:"CSMS.0106"|} };
            static readonly List<string> List = new List<string>() { {|DEW002:"KMS.0209"|} };
            static readonly Dictionary<string, int> Map = new Dictionary<string, int> { { {|DEW002:"KMS.0210"|}, 1 } };

            [Description({|DEW002:"KMS.0303"|})]
            void M(string code = {|DEW002:"CSMS.0005"|})
            {
                const string local = {|DEW002:"KMS.0214"|};
            }
        }
        """,
        """
        using System.Collections.Generic;
        using System.ComponentModel;
        using Dew.ErrorCodes;

        class C
        {
            const string Missing = KmsErrorCodes.KeyNotFound;
            static readonly string[] Retryable = { KmsErrorCodes.KmsError, KmsErrorCodes.AbnormalIo };
            static readonly string[] Array2 = new[] { KmsErrorCodes.GetStatusFailed };
            static readonly HashSet<string> Set = new HashSet<string> { CsmsErrorCodes.SecretNotFound };
            static readonly List<string> List = new List<string>() { KmsErrorCodes.KeyDisabled };
            static readonly Dictionary<string, int> Map = new Dictionary<string, int> { { KmsErrorCodes.KeyPendingDeletion, 1 } };

            [Description(KmsErrorCodes.AuthTokenExpired)]
            void M(string code = CsmsErrorCodes.ResourceNotFound)
            {
                const string local = KmsErrorCodes.InvalidRequestFormat;
            }
        }
        """,
        version);

    [Fact]
    public Task AnyLiteralWithADocumentedCode_IsReported() => VerifyCS.AnalyzerAsync(
        """
        class C
        {
            void M()
            {
                var code = {|DEW002:"KMS.0207"|};
                System.Console.WriteLine({|DEW002:"CSMS.0106"|});
            }
        }
        """);

    // ---- Negatives ----

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public Task ConstantsNearMissesProseAndOtherCodes_AreNotReported(LanguageVersion version) => VerifyCS.AnalyzerAsync(
        """
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;

        class C
        {
            const string Mine = KmsErrorCodes.KeyNotFound;

            string M(ServiceResponseException e, int x)
            {
                var a = e.ErrorCode == KmsErrorCodes.KeyNotFound || e.ErrorCode == Mine;
                var b = "see KMS.0207 for details";
                var c = $"KMS.0207";
                var d = $"{x} KMS.0207";
                var f = "kms.0207" + "KMS.0213" + "APIG.0308" + "KMS.02070";
                return a + b + c + d + f;
            }
        }
        """,
        version);

    [Fact]
    public Task GeneratedCode_IsNotReported()
    {
        var test = new AnalyzerTest { TestCode = "class C { const string X = {|DEW002:\"KMS.0207\"|}; }" };
        test.TestState.Sources.Add(("/0/AutoGenerated.cs", "// <auto-generated/>\nclass G { const string X = \"KMS.0207\"; }"));
        test.TestState.Sources.Add(("/0/Other.g.cs", "class H { const string X = \"KMS.0207\"; }"));
        return test.RunAsync();
    }

    [Fact]
    public Task NoDiagnostic_WhenTheGeneratorIsOff()
    {
        var test = new AnalyzerTest(withGenerator: false)
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    const string Missing = "KMS.0207";
                    bool M(ServiceResponseException e) => e.ErrorCode == "KMS.0207";
                }
                """,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task NoDiagnostic_WhenGenerateErrorCodesIsFalse()
    {
        var test = new AnalyzerTest
        {
            TestCode = """
                class C
                {
                    const string Missing = "KMS.0207";
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.DewGenerateErrorCodes = false\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task CustomNamespace_IsUsed()
    {
        var test = new AnalyzerTest
        {
            TestCode = """
                class C
                {
                    const string Missing = {|#0:"KMS.0207"|};
                    const string Same = My.Codes.KmsErrorCodes.KeyNotFound;
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.DewErrorCodesNamespace = My.Codes\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.UseCatalogConstant, DiagnosticSeverity.Info)
            .WithLocation(0)
            .WithArguments("KmsErrorCodes.KeyNotFound", "KMS.0207", "The key does not exist."));
        return test.RunAsync();
    }

    // ---- using handling ----

    [Fact]
    public Task UsingAlreadyPresent_IsNotDuplicated() => VerifyFixCS.FixAsync(
        """
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e) => e.ErrorCode == {|DEW002:"KMS.0207"|} || e.ErrorCode == KmsErrorCodes.KeyDisabled;
        }
        """,
        """
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e) => e.ErrorCode == KmsErrorCodes.KeyNotFound || e.ErrorCode == KmsErrorCodes.KeyDisabled;
        }
        """);

    [Fact]
    public Task UsingInsideNamespace_IsRespected() => VerifyFixCS.FixAsync(
        """
        namespace App
        {
            using HuaweiCloud.SDK.Core;

            class C
            {
                bool M(ServiceResponseException e) => e.ErrorCode == {|DEW002:"KMS.0207"|};
            }
        }
        """,
        """
        namespace App
        {
            using Dew.ErrorCodes;
            using HuaweiCloud.SDK.Core;

            class C
            {
                bool M(ServiceResponseException e) => e.ErrorCode == KmsErrorCodes.KeyNotFound;
            }
        }
        """,
        LanguageVersion.CSharp7_3);

    [Fact]
    public Task ConflictingUserType_KeepsTheConstantBound()
    {
        // A user type named KmsErrorCodes in scope: the fix must still bind to the catalog constant (compiles, same value).
        var test = new FixTest
        {
            TestCode = """
                namespace App
                {
                    static class KmsErrorCodes
                    {
                    }

                    class C
                    {
                        const string Missing = {|DEW002:"KMS.0207"|};
                    }
                }
                """,
            // Roslyn's simplifier drops the `using Dew.ErrorCodes;` it cannot use here; the blank line that separated it goes too.
            FixedCode = """
                namespace App
                {
                    static class KmsErrorCodes
                    {
                    }

                    class C
                    {
                        const string Missing = Dew.ErrorCodes.KmsErrorCodes.KeyNotFound;
                    }
                }
                """,
        };
        return test.WithConstants().RunAsync();
    }

    // ---- Fix All ----

    [Fact]
    public Task FixAll_InDocument_AddsTheUsingOnce()
    {
        var test = new FixTest
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ServiceResponseException e) => e.ErrorCode == {|DEW002:"KMS.0207"|} || e.ErrorCode == {|DEW002:"KMS.0209"|} || e.ErrorCode == {|DEW002:"CSMS.0106"|};
                }
                """,
            FixedCode = """
                using Dew.ErrorCodes;
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ServiceResponseException e) => e.ErrorCode == KmsErrorCodes.KeyNotFound || e.ErrorCode == KmsErrorCodes.KeyDisabled || e.ErrorCode == CsmsErrorCodes.SecretNotFound;
                }
                """,
            CodeActionEquivalenceKey = UseCatalogConstantFixer.EquivalenceKey,
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 1,
        };
        return test.WithConstants().RunAsync();
    }

    [Fact]
    public Task FixAll_AcrossTwoDocumentsInOneProject()
    {
        var test = new FixTest
        {
            CodeActionEquivalenceKey = UseCatalogConstantFixer.EquivalenceKey,
            NumberOfIncrementalIterations = 4,
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 2,
        };
        test.TestState.Sources.Add(("/0/A.cs", """
            using HuaweiCloud.SDK.Core;

            class A
            {
                bool M(ServiceResponseException e) => e.ErrorCode == {|DEW002:"KMS.0207"|} || e.ErrorCode == {|DEW002:"KMS.0209"|};
            }
            """));
        test.TestState.Sources.Add(("/0/B.cs", """
            class B
            {
                const string X = {|DEW002:"CSMS.0106"|};
                static readonly string[] Y = { {|DEW002:"KMS.0101"|} };
            }
            """));
        test.FixedState.Sources.Add(("/0/A.cs", """
            using Dew.ErrorCodes;
            using HuaweiCloud.SDK.Core;

            class A
            {
                bool M(ServiceResponseException e) => e.ErrorCode == KmsErrorCodes.KeyNotFound || e.ErrorCode == KmsErrorCodes.KeyDisabled;
            }
            """));
        test.FixedState.Sources.Add(("/0/B.cs", """
            using Dew.ErrorCodes;

            class B
            {
                const string X = CsmsErrorCodes.SecretNotFound;
                static readonly string[] Y = { KmsErrorCodes.KmsError };
            }
            """));
        return test.WithConstants().RunAsync();
    }

    [Fact]
    public Task FixAll_AcrossProjects()
    {
        var test = new FixTest
        {
            CodeActionEquivalenceKey = UseCatalogConstantFixer.EquivalenceKey,
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 2,
            NumberOfFixAllInProjectIterations = 2,
        };
        test.TestState.Sources.Add(("/0/A.cs", "class A\n{\n    const string X = {|DEW002:\"KMS.0207\"|};\n}\n"));
        test.FixedState.Sources.Add(("/0/A.cs", "using Dew.ErrorCodes;\n\nclass A\n{\n    const string X = KmsErrorCodes.KeyNotFound;\n}\n"));
        var constants = DewTestSetup.ConstantsSource(LanguageVersion.Latest);
        var other = new ProjectState("Other", LanguageNames.CSharp, "/1/Test", "cs");
        other.Sources.Add(("/1/B.cs", "class B\n{\n    const string Y = {|DEW002:\"KMS.0209\"|};\n}\n"));
        other.Sources.Add(("/1/DewErrorCodes.g.cs", constants.Source));
        other.AdditionalReferences.Add(TestReferences.HuaweiSdk);
        test.TestState.AdditionalProjects.Add("Other", other);
        var otherFixed = new ProjectState("Other", LanguageNames.CSharp, "/1/Test", "cs");
        otherFixed.Sources.Add(("/1/B.cs", "using Dew.ErrorCodes;\n\nclass B\n{\n    const string Y = KmsErrorCodes.KeyDisabled;\n}\n"));
        otherFixed.Sources.Add(("/1/DewErrorCodes.g.cs", constants.Source));
        otherFixed.AdditionalReferences.Add(TestReferences.HuaweiSdk);
        test.FixedState.AdditionalProjects.Add("Other", otherFixed);
        return test.WithConstants().RunAsync();
    }
}
