using System.Threading.Tasks;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using VerifyCS = DewAnalyzers.Tests.Infrastructure.Verify<DewAnalyzers.ErrorCodeStatusMismatchAnalyzer>;

namespace DewAnalyzers.Tests.Rules;

public sealed class ErrorCodeStatusMismatchTests
{
    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task ServerCodeInClientRequestExceptionFilter_IsReported(LanguageVersion version) => VerifyCS.AnalyzerAsync(
        """
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            void M(KmsClient kms)
            {
                try { kms.DecryptData(new DecryptDataRequest()); }
                catch (ClientRequestException e) when (e.ErrorCode == {|DEW006:"KMS.0101"|}) { }
            }
        }
        """,
        version);

    [Fact]
    public async Task Message_NamesCodeStatusAndException()
    {
        var test = new AnalyzerTest<ErrorCodeStatusMismatchAnalyzer>
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;

                class C
                {
                    bool M(ClientRequestException e) => e.ErrorCode == {|#0:"KMS.0101"|};
                    bool N(ServiceResponseException e) => e.HttpStatusCode == 404 && e.ErrorCode == {|#1:"KMS.0209"|};
                }
                """,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("DEW006").WithLocation(0).WithArguments("KMS.0101", 500, "a ClientRequestException (HTTP 4xx)"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("DEW006").WithLocation(1).WithArguments("KMS.0209", 400, "HttpStatusCode 404"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task ClientCodesInSwitchOverServerResponseException_AreReported(LanguageVersion version) => VerifyCS.AnalyzerAsync(
        """
        using System.Threading.Tasks;
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            async Task M(KmsAsyncClient kms)
            {
                try { await kms.DecryptDataAsync(new DecryptDataRequest()); }
                catch (ServerResponseException e)
                {
                    switch (e.ErrorCode)
                    {
                        case {|DEW006:"KMS.0209"|}:
                        case "KMS.0101":
                        case "KMS.0104":
                            break;
                        default:
                            throw;
                    }
                }
            }
        }
        """,
        version);

    [Fact]
    public Task SwitchExpressionOverClientRequestException_IsReported() => VerifyCS.AnalyzerAsync(
        """
        using HuaweiCloud.SDK.Core;

        class C
        {
            int M(ClientRequestException e) => e.ErrorCode switch
            {
                {|DEW006:"KMS.0104"|} => 1,
                "KMS.0207" or {|DEW006:"KMS.0103"|} => 2,
                _ => 0,
            };
        }
        """);

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task DeclarationPatternAndIsTypeTest_NarrowTheException(LanguageVersion version) => VerifyCS.AnalyzerAsync(
        """
        using System;
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool A(Exception ex) => ex is ClientRequestException c && c.ErrorCode == {|DEW006:"KMS.0101"|};
            bool B(ServiceResponseException e) => e is ServerResponseException && e.ErrorCode == {|DEW006:"KMS.0207"|};
            bool C2(ServiceResponseException e) => e is ServerResponseException && e.ErrorCode == "KMS.0101";
            bool D(ServiceResponseException e) => e.ErrorCode == "KMS.0101" || e.ErrorCode == "KMS.0207";
        }
        """,
        version);

    [Fact]
    public Task PropertyPatterns_AreChecked() => VerifyCS.AnalyzerAsync(
        """
        using System;
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool A(Exception ex) => ex is ClientRequestException { ErrorCode: {|DEW006:"KMS.0101"|} };
            bool B(ServiceResponseException e) => e is { HttpStatusCode: 404, ErrorCode: {|DEW006:"KMS.0209"|} };
            bool C2(ServiceResponseException e) => e is { HttpStatusCode: 400, ErrorCode: "KMS.0209" };
            bool D(ServiceResponseException e) => e.HttpStatusCode == 404 && e is { ErrorCode: {|DEW006:"KMS.0209"|} };
            bool E(Exception ex) => ex switch
            {
                ServerResponseException { ErrorCode: {|DEW006:"KMS.0207"|} } => true,
                _ => false,
            };
        }
        """);

    [Fact]
    public Task StatusComparisons_InTheSameAndChain() => VerifyCS.AnalyzerAsync(
        """
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool A(ServiceResponseException e) => e.HttpStatusCode == 404 && e.ErrorCode == {|DEW006:"KMS.0209"|};
            bool B(ServiceResponseException e) => e.ErrorCode == {|DEW006:"KMS.0209"|} && 404 == e.HttpStatusCode;
            bool C2(ServiceResponseException e) => e?.HttpStatusCode == 404 && e?.ErrorCode == {|DEW006:"KMS.0209"|};
            bool D(ServiceResponseException e) => e.HttpStatusCode == 400 && e.ErrorCode == "KMS.0209";
            bool E(ServiceResponseException e) => e.HttpStatusCode == 404 || e.ErrorCode == "KMS.0209";
            bool F(ServiceResponseException a, ServiceResponseException b) => a.HttpStatusCode == 404 && b.ErrorCode == "KMS.0209";
            bool G(ServiceResponseException e) => e.HttpStatusCode != 404 && e.ErrorCode == "KMS.0209";
        }
        """);

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task ConstantsLocalsAndConditionalAccess(LanguageVersion version) => VerifyCS.AnalyzerAsync(
        """
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;

        class C
        {
            const string SystemError = "KMS.0103";

            bool A(ClientRequestException e) => e.ErrorCode == {|DEW006:SystemError|};
            bool B(ClientRequestException e) => e.ErrorCode == {|DEW006:KmsErrorCodes.KmsError|};
            bool C2(ClientRequestException e) => e?.ErrorCode == {|DEW006:"KMS.0101"|};
            bool D(ClientRequestException e) => string.Equals(e.ErrorCode, {|DEW006:"KMS.0101"|});

            bool E(ClientRequestException e)
            {
                var code = e.ErrorCode;
                return code == {|DEW006:"KMS.0101"|};
            }

            bool F(ClientRequestException e)
            {
                const string local = "KMS.0104";
                return e.ErrorCode == {|DEW006:local|};
            }
        }
        """,
        version);

    [Fact]
    public Task PossibleCombinationsAndNegations_AreNotReported() => VerifyCS.AnalyzerAsync(
        """
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool A(ClientRequestException e) => e.ErrorCode == "KMS.0207";
            bool B(ServerResponseException e) => e.ErrorCode == "KMS.0101";
            bool C2(ServiceResponseException e) => e.ErrorCode == "KMS.0101";
            bool D(ClientRequestException e) => e.ErrorCode != "KMS.0101";
            bool E(ClientRequestException e) => e.ErrorCode is not "KMS.0101";
            bool F(ClientRequestException e) => !string.Equals(e.ErrorCode, "KMS.0101");
            bool G(SdkError error) => error.ErrorCode == "KMS.0101";
            bool H(ClientRequestException e) => e.ErrorCode == "KMS.9999";
        }
        """);

    [Fact]
    public Task NonSdkErrorCode_IsNotReported() => VerifyCS.AnalyzerAsync(
        """
        class ClientRequestException : System.Exception
        {
            public string ErrorCode { get; set; }
            public int HttpStatusCode { get; set; }
        }

        class C
        {
            bool A(ClientRequestException e) => e.ErrorCode == "KMS.0101";
            bool B(ClientRequestException e) => e.HttpStatusCode == 404 && e.ErrorCode == "KMS.0209";
        }
        """);

    [Fact]
    public async Task WithoutTheSdk_NothingIsReported()
    {
        var test = new AnalyzerTest<ErrorCodeStatusMismatchAnalyzer>(withSdk: false)
        {
            TestCode = """
                namespace HuaweiCloud.SDK.Other
                {
                    class ClientRequestException : System.Exception { public string ErrorCode { get; set; } }

                    class C
                    {
                        bool A(ClientRequestException e) => e.ErrorCode == "KMS.0101";
                    }
                }
                """,
        };
        await test.RunAsync();
    }

    /// <summary>Every comparison shape of the error-code-test model is a test of the code (ErrorCodeTest).</summary>
    [Fact]
    public Task ComparerCompareAndCaseFolding_AreTests() => VerifyCS.AnalyzerAsync(
        """
        using System;
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool A(ClientRequestException e) => StringComparer.Ordinal.Equals(e.ErrorCode, {|DEW006:"KMS.0101"|});
            bool B(ClientRequestException e) => string.Compare(e.ErrorCode, {|DEW006:"KMS.0101"|}, StringComparison.Ordinal) == 0;
            bool D(ClientRequestException e) => e.ErrorCode.ToUpperInvariant() == {|DEW006:"KMS.0101"|};
            bool E(ClientRequestException e) => string.CompareOrdinal(e.ErrorCode, "KMS.0101") != 0;
            bool F(ClientRequestException e) => string.Compare(e.ErrorCode, "KMS.0101") > 0;
        }
        """);

    /// <summary>Handler sets beyond the switch over the code: if/else chains and switches over the exception.</summary>
    [Fact]
    public Task IfChainsAndSwitchesOverTheException_AreChecked() => VerifyCS.AnalyzerAsync(
        """
        using System;
        using HuaweiCloud.SDK.Core;

        class C
        {
            string M(ClientRequestException e)
            {
                if (e.ErrorCode == "KMS.0207") return null;
                else if (e.ErrorCode == {|DEW006:"KMS.0101"|}) return "server";
                else throw e;
            }

            string N(ServiceResponseException e) => e switch
            {
                { ErrorCode: "KMS.0210" } => null,
                ClientRequestException { ErrorCode: {|DEW006:"KMS.0101"|} } => "server",
                ServerResponseException { ErrorCode: {|DEW006:"KMS.0207"|} } => "client",
                { HttpStatusCode: 404, ErrorCode: {|DEW006:"KMS.0209"|} } => "disabled",
                _ => throw e,
            };

            string O(ClientRequestException e)
            {
                switch (e)
                {
                    case { ErrorCode: {|DEW006:"KMS.0101"|} }:
                        return "server";
                    default:
                        throw e;
                }
            }
        }
        """);
}
