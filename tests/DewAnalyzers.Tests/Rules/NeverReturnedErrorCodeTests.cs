using System.Threading.Tasks;
using DewAnalyzers.CodeFixes;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using VerifyCS = DewAnalyzers.Tests.Infrastructure.Verify<DewAnalyzers.NeverReturnedErrorCodeAnalyzer>;
using VerifyFixCS = DewAnalyzers.Tests.Infrastructure.VerifyFix<DewAnalyzers.NeverReturnedErrorCodeAnalyzer, DewAnalyzers.CodeFixes.NeverReturnedErrorCodeFixer>;

namespace DewAnalyzers.Tests.Rules;

public sealed class NeverReturnedErrorCodeTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;
        using HuaweiCloud.SDK.Csms.V1;
        using HuaweiCloud.SDK.Csms.V1.Model;

        """;

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task SwitchStatement_AfterSyncCall(LanguageVersion version) => VerifyCS.AnalyzerAsync(Usings + """
        class C
        {
            void M(KmsClient kms)
            {
                try { kms.DecryptData(new DecryptDataRequest()); }
                catch (ClientRequestException e)
                {
                    switch (e.ErrorCode)
                    {
                        case "KMS.0207":
                        case {|DEW005:"KMS.1101"|}:
                            break;
                        case "KMS.0209":
                            return;
                        default:
                            throw;
                    }
                }
            }
        }
        """, version);

    [Fact]
    public async Task Message_NamesCodeAndOperations()
    {
        var test = new AnalyzerTest<NeverReturnedErrorCodeAnalyzer>
        {
            TestCode = Usings + """
                class C
                {
                    void M(KmsClient kms)
                    {
                        try { kms.DecryptData(new DecryptDataRequest()); }
                        catch (ClientRequestException e) when (e.ErrorCode == {|#0:"KMS.1101"|} || e.ErrorCode == {|#1:"CSMS.0106"|}) { }
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("DEW005").WithLocation(0).WithArguments("KMS.1101", "Invalid key_alias", "DecryptData", " in any documented tier"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("DEW005").WithLocation(1).WithArguments("CSMS.0106", "The secret name not found int the db", "DecryptData", " (a CSMS code; the try block calls only KMS operations)"));
        await test.RunAsync();
    }

    [Fact]
    public Task AsyncCall_SwitchExpressionAndPatterns() => VerifyCS.AnalyzerAsync(Usings + """
        class C
        {
            async Task<int> M(KmsAsyncClient kms)
            {
                try
                {
                    await kms.DecryptDataAsync(new DecryptDataRequest());
                    return 0;
                }
                catch (ServiceResponseException e)
                {
                    if (e.ErrorCode is "KMS.0209" or {|DEW005:"KMS.0336"|})
                    {
                        return 1;
                    }

                    return e.ErrorCode switch
                    {
                        "KMS.0207" => 2,
                        {|DEW005:"KMS.1101"|} => 3,
                        "KMS.0104" or {|DEW005:"KMS.1601"|} => 4,
                        _ => throw e,
                    };
                }
            }
        }
        """);

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task InvokerForms(LanguageVersion version) => VerifyCS.AnalyzerAsync(Usings + """
        class C
        {
            void Sync(KmsClient kms)
            {
                try { kms.DecryptDataInvoker(new DecryptDataRequest()).Invoke(); }
                catch (ClientRequestException e) when (e.ErrorCode == {|DEW005:"KMS.1101"|}) { }
            }

            async Task Async(KmsAsyncClient kms)
            {
                try { await kms.DecryptDataAsyncInvoker(new DecryptDataRequest()).Invoke(); }
                catch (ClientRequestException e) when (e.ErrorCode == {|DEW005:"KMS.1101"|} || e.ErrorCode == "KMS.0210") { }
            }
        }
        """, version);

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task LocalsConditionalAccessConstantsAndSdkError(LanguageVersion version) => VerifyCS.AnalyzerAsync(Usings + """
        using Dew.ErrorCodes;

        class C
        {
            const string Alias = "KMS.1101";

            void M(KmsClient kms, SdkError error)
            {
                try { kms.DecryptData(new DecryptDataRequest()); }
                catch (ClientRequestException e)
                {
                    var code = e.ErrorCode;
                    switch (code)
                    {
                        case {|DEW005:Alias|}:
                        case KmsErrorCodes.KeyNotFound:
                            break;
                    }

                    switch (e?.ErrorCode)
                    {
                        case {|DEW005:KmsErrorCodes.InvalidKeyAlias|}:
                            break;
                    }

                    if (string.Equals(error.ErrorCode, {|DEW005:"KMS.1101"|}) || e.ErrorCode != {|DEW005:"KMS.0336"|})
                    {
                        return;
                    }
                }
            }
        }
        """, version);

    [Fact]
    public Task WhenClauseInSwitch_IsReported() => VerifyCS.AnalyzerAsync(Usings + """
        class C
        {
            void M(KmsClient kms)
            {
                try { kms.DecryptData(new DecryptDataRequest()); }
                catch (Exception ex)
                {
                    switch (ex)
                    {
                        case ClientRequestException e when e.ErrorCode == {|DEW005:"KMS.1101"|}:
                            break;
                        case ClientRequestException { ErrorCode: {|DEW005:"KMS.0336"|} }:
                            break;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task CallsInLambdasAndSeveralOperations_AreUnited() => VerifyCS.AnalyzerAsync(Usings + """
        class C
        {
            void M(KmsClient kms, CsmsClient csms)
            {
                try
                {
                    Func<object> call = () => csms.CreateSecret(new CreateSecretRequest());
                    call();
                    kms.DecryptData(new DecryptDataRequest());
                }
                catch (ClientRequestException e)
                {
                    switch (e.ErrorCode)
                    {
                        case "KMS.0207":
                        case "CSMS.0101":
                        case {|DEW005:"CSMS.0106"|}:
                        case {|DEW005:"KMS.1101"|}:
                            break;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task ListGrants_ServicesAreKeptApart() => VerifyCS.AnalyzerAsync(Usings + """
        class C
        {
            void M(KmsClient kms, CsmsClient csms)
            {
                try { kms.ListGrants(new HuaweiCloud.SDK.Kms.V2.Model.ListGrantsRequest()); }
                catch (ClientRequestException e) when (e.ErrorCode == "KMS.1601" || e.ErrorCode == {|DEW005:"CSMS.0001"|}) { }

                try { csms.ListGrants(new HuaweiCloud.SDK.Csms.V1.Model.ListGrantsRequest()); }
                catch (ClientRequestException e) when (e.ErrorCode == {|DEW005:"KMS.1601"|} || e.ErrorCode == "CSMS.0001") { }
            }
        }
        """);

    [Fact]
    public Task NestedTry_UsesTheNearestTryThatCallsOperations() => VerifyCS.AnalyzerAsync(Usings + """
        class C
        {
            void M(KmsClient kms, CsmsClient csms)
            {
                try
                {
                    kms.DecryptData(new DecryptDataRequest());
                    try { csms.CreateSecret(new CreateSecretRequest()); }
                    catch (ClientRequestException inner) when (inner.ErrorCode == {|DEW005:"KMS.0207"|} || inner.ErrorCode == "CSMS.0101") { }
                }
                catch (ClientRequestException e)
                {
                    try { Console.WriteLine(); }
                    catch (Exception) when (e.ErrorCode == {|DEW005:"KMS.1101"|} || e.ErrorCode == "KMS.0207") { }
                }
            }
        }
        """);

    [Fact]
    public Task OutsideSdkCatchesAndOtherStrings_AreNotReported() => VerifyCS.AnalyzerAsync(Usings + """
        class C
        {
            bool A(ClientRequestException e) => e.ErrorCode == "KMS.1101";

            void B(KmsClient kms, string text)
            {
                try { Console.WriteLine(); }
                catch (ClientRequestException e) when (e.ErrorCode == "KMS.1101") { }

                try { kms.DecryptData(new DecryptDataRequest()); }
                catch (ClientRequestException e)
                {
                    switch (text)
                    {
                        case "KMS.1101":
                            break;
                    }

                    if (e.ErrorCode == "KMS.9999" || e.ErrorMsg == "KMS.1101" || e.ErrorCode == "KMS.0207")
                    {
                        return;
                    }
                }
            }
        }
        """);

    [Fact]
    public async Task WithoutTheSdk_NothingIsReported()
    {
        var test = new AnalyzerTest<NeverReturnedErrorCodeAnalyzer>(withSdk: false)
        {
            TestCode = """
                class KmsClient { public void DecryptData() { } }
                class ClientRequestException : System.Exception { public string ErrorCode { get; set; } }

                class C
                {
                    void M(KmsClient kms)
                    {
                        try { kms.DecryptData(); }
                        catch (ClientRequestException e) when (e.ErrorCode == "KMS.1101") { }
                    }
                }
                """,
        };
        await test.RunAsync();
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task Fix_RemovesOnlyLabel_RemovesSectionOfOnlyLabel(LanguageVersion version) => VerifyFixCS.FixAsync(Usings + """
        class C
        {
            void M(KmsClient kms)
            {
                try { kms.DecryptData(new DecryptDataRequest()); }
                catch (ClientRequestException e)
                {
                    switch (e.ErrorCode)
                    {
                        case "KMS.0207":
                            break;
                        case {|DEW005:"KMS.1101"|}:
                            Console.WriteLine("alias");
                            break;
                        default:
                            throw;
                    }
                }
            }
        }
        """, Usings + """
        class C
        {
            void M(KmsClient kms)
            {
                try { kms.DecryptData(new DecryptDataRequest()); }
                catch (ClientRequestException e)
                {
                    switch (e.ErrorCode)
                    {
                        case "KMS.0207":
                            break;
                        default:
                            throw;
                    }
                }
            }
        }
        """, version);

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task Fix_KeepsSharedSection(LanguageVersion version) => VerifyFixCS.FixAsync(Usings + """
        class C
        {
            void M(KmsClient kms)
            {
                try { kms.DecryptData(new DecryptDataRequest()); }
                catch (ClientRequestException e)
                {
                    switch (e.ErrorCode)
                    {
                        case {|DEW005:"KMS.1101"|}:
                        case "KMS.0207":
                            Console.WriteLine("missing");
                            break;
                    }
                }
            }
        }
        """, Usings + """
        class C
        {
            void M(KmsClient kms)
            {
                try { kms.DecryptData(new DecryptDataRequest()); }
                catch (ClientRequestException e)
                {
                    switch (e.ErrorCode)
                    {
                        case "KMS.0207":
                            Console.WriteLine("missing");
                            break;
                    }
                }
            }
        }
        """, version);

    [Fact]
    public Task Fix_DropsOrOperandAndArm() => VerifyFixCS.FixAsync(Usings + """
        class C
        {
            int M(KmsClient kms)
            {
                try
                {
                    kms.DecryptData(new DecryptDataRequest());
                    return 0;
                }
                catch (ClientRequestException e)
                {
                    switch (e.ErrorCode)
                    {
                        case "KMS.0207" or {|DEW005:"KMS.1101"|}:
                            return 1;
                    }

                    if (e.ErrorCode is {|DEW005:"KMS.0336"|} or "KMS.0209")
                    {
                        return 2;
                    }

                    return e.ErrorCode switch
                    {
                        "KMS.0210" => 3,
                        {|DEW005:"KMS.1601"|} => 4,
                        _ => throw e,
                    };
                }
            }
        }
        """, Usings + """
        class C
        {
            int M(KmsClient kms)
            {
                try
                {
                    kms.DecryptData(new DecryptDataRequest());
                    return 0;
                }
                catch (ClientRequestException e)
                {
                    switch (e.ErrorCode)
                    {
                        case "KMS.0207":
                            return 1;
                    }

                    if (e.ErrorCode is "KMS.0209")
                    {
                        return 2;
                    }

                    return e.ErrorCode switch
                    {
                        "KMS.0210" => 3,
                        _ => throw e,
                    };
                }
            }
        }
        """);

    [Fact]
    public async Task FixAll_RemovesWholeSectionsAndPatternsAndCompiles()
    {
        var test = new CodeFixTest<NeverReturnedErrorCodeAnalyzer, NeverReturnedErrorCodeFixer>
        {
            TestCode = Usings + """
                class C
                {
                    int M(KmsClient kms)
                    {
                        try
                        {
                            kms.DecryptData(new DecryptDataRequest());
                            return 0;
                        }
                        catch (ClientRequestException e)
                        {
                            switch (e.ErrorCode)
                            {
                                case {|DEW005:"KMS.1101"|}:
                                case {|DEW005:"KMS.0336"|}:
                                    Console.WriteLine("dead");
                                    break;
                                case {|DEW005:"KMS.1601"|} or {|DEW005:"CSMS.0106"|}:
                                    return 5;
                                case "KMS.0209" or {|DEW005:"KMS.1602"|} or {|DEW005:"KMS.1101"|}:
                                    return 6;
                            }

                            return e.ErrorCode switch
                            {
                                {|DEW005:"KMS.1101"|} or {|DEW005:"KMS.1601"|} => 3,
                                "KMS.0207" => 4,
                                _ => throw e,
                            };
                        }
                    }
                }
                """,
            FixedCode = Usings + """
                class C
                {
                    int M(KmsClient kms)
                    {
                        try
                        {
                            kms.DecryptData(new DecryptDataRequest());
                            return 0;
                        }
                        catch (ClientRequestException e)
                        {
                            switch (e.ErrorCode)
                            {
                                case "KMS.0209":
                                    return 6;
                            }

                            return e.ErrorCode switch
                            {
                                "KMS.0207" => 4,
                                _ => throw e,
                            };
                        }
                    }
                }
                """,
            NumberOfFixAllIterations = 1,
        };
        test.CodeActionEquivalenceKey = NeverReturnedErrorCodeFixer.EquivalenceKey;
        await test.WithConstants().RunAsync();
    }

    [Fact]
    public async Task NoFix_ForComparisons()
    {
        var source = Usings + """
            class C
            {
                void M(KmsClient kms)
                {
                    try { kms.DecryptData(new DecryptDataRequest()); }
                    catch (ClientRequestException e) when (e.ErrorCode == {|DEW005:"KMS.1101"|}) { }
                }
            }
            """;
        await VerifyNoFixAsync(source);
    }

    [Fact]
    public async Task NoFix_WhenAnotherSectionUsesItsLocal()
    {
        var source = Usings + """
            class C
            {
                void M(KmsClient kms)
                {
                    try { kms.DecryptData(new DecryptDataRequest()); }
                    catch (ClientRequestException e)
                    {
                        switch (e.ErrorCode)
                        {
                            case {|DEW005:"KMS.1101"|}:
                                var text = "alias";
                                Console.WriteLine(text);
                                break;
                            case "KMS.0207":
                                text = "missing";
                                Console.WriteLine(text);
                                break;
                        }
                    }
                }
            }
            """;
        await VerifyNoFixAsync(source);
    }

    [Fact]
    public Task Fix_CatalogConstantLabelAndWhenLabel() => VerifyFixCS.FixAsync(Usings + """
        using Dew.ErrorCodes;

        class C
        {
            void M(KmsClient kms, bool verbose)
            {
                try { kms.DecryptData(new DecryptDataRequest()); }
                catch (ClientRequestException e)
                {
                    switch (e.ErrorCode)
                    {
                        case {|DEW005:KmsErrorCodes.InvalidKeyAlias|}:
                        case KmsErrorCodes.KeyNotFound:
                            break;
                        case {|DEW005:"KMS.0336"|} when verbose:
                            Console.WriteLine("sm4");
                            break;
                    }
                }
            }
        }
        """, Usings + """
        using Dew.ErrorCodes;

        class C
        {
            void M(KmsClient kms, bool verbose)
            {
                try { kms.DecryptData(new DecryptDataRequest()); }
                catch (ClientRequestException e)
                {
                    switch (e.ErrorCode)
                    {
                        case KmsErrorCodes.KeyNotFound:
                            break;
                    }
                }
            }
        }
        """);

    [Fact]
    public async Task NoFix_InSwitchWithGotoCase()
    {
        var source = Usings + """
            class C
            {
                void M(KmsClient kms)
                {
                    try { kms.DecryptData(new DecryptDataRequest()); }
                    catch (ClientRequestException e)
                    {
                        switch (e.ErrorCode)
                        {
                            case {|DEW005:"KMS.1101"|}:
                                break;
                            case "KMS.0207":
                                goto case "KMS.1101";
                        }
                    }
                }
            }
            """;
        await VerifyNoFixAsync(source);
    }

    /// <summary>The diagnostic is reported but no fix is offered (the fixed state equals the input).</summary>
    private static Task VerifyNoFixAsync(string source)
        => new CodeFixTest<NeverReturnedErrorCodeAnalyzer, NeverReturnedErrorCodeFixer> { TestCode = source, FixedCode = source }.WithConstants().RunAsync();

    /// <summary>Every comparison shape of the error-code-test model is a test of the code (ErrorCodeTest).</summary>
    [Fact]
    public Task CompareAndComparerTests_AreChecked() => VerifyCS.AnalyzerAsync(Usings + """
        class C
        {
            void M(KmsClient kms)
            {
                try { kms.DecryptData(new DecryptDataRequest()); }
                catch (ClientRequestException e) when (string.Compare(e.ErrorCode, {|DEW005:"KMS.1101"|}, StringComparison.Ordinal) == 0
                    || StringComparer.Ordinal.Equals({|DEW005:"CSMS.0106"|}, e.ErrorCode)
                    || string.Compare(e.ErrorCode, "KMS.0207", StringComparison.Ordinal) == 0) { }
            }
        }
        """);

    /// <summary>Handler sets beyond the switch over the code: if/else chains and switches over the exception.</summary>
    [Fact]
    public Task IfChainsAndSwitchesOverTheException_AreChecked() => VerifyCS.AnalyzerAsync(Usings + """
        class C
        {
            string M(KmsClient kms)
            {
                try { kms.DecryptData(new DecryptDataRequest()); return "ok"; }
                catch (ClientRequestException e)
                {
                    if (e.ErrorCode == "KMS.0207") return null;
                    else if (e.ErrorCode == {|DEW005:"KMS.1101"|}) return "alias";
                    else throw;
                }
            }

            string N(KmsClient kms)
            {
                try { kms.DecryptData(new DecryptDataRequest()); return "ok"; }
                catch (ServiceResponseException e)
                {
                    return e switch
                    {
                        { ErrorCode: "KMS.0207" } => null,
                        ClientRequestException { ErrorCode: {|DEW005:"CSMS.0106"|} or "KMS.0209" } => "secret",
                        _ => throw new InvalidOperationException("unexpected", e),
                    };
                }
            }
        }
        """);

    /// <summary>A test that ignores case tests the code whatever the case of its text.</summary>
    [Fact]
    public Task CaseInsensitiveTest_IsTheCatalogCode() => VerifyCS.AnalyzerAsync(Usings + """
        class C
        {
            void M(KmsClient kms)
            {
                try { kms.DecryptData(new DecryptDataRequest()); }
                catch (ClientRequestException e) when (string.Equals(e.ErrorCode, {|DEW005:"kms.1101"|}, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(e.ErrorCode, "kms.0207", StringComparison.OrdinalIgnoreCase)
                    || e.ErrorCode == "kms.1101") { }
            }
        }
        """);

    /// <summary>An operation whose code list is inferred by analogy (Operations.tsv marks it): the message says so.</summary>
    [Fact]
    public async Task InferredOperation_MessageSaysSo()
    {
        var test = new AnalyzerTest<NeverReturnedErrorCodeAnalyzer>
        {
            TestCode = Usings + """
                class C
                {
                    void M(KmsClient kms)
                    {
                        try { kms.ReEncrypt(new ReEncryptRequest()); }
                        catch (ClientRequestException e) when (e.ErrorCode == {|#0:"KMS.1101"|}) { }
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("DEW005").WithLocation(0).WithArguments("KMS.1101", "Invalid key_alias", "ReEncrypt", " in any tier of its inferred (not documented) code list"));
        await test.RunAsync();
    }
}
