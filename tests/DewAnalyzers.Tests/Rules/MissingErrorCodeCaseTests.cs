using System.Threading.Tasks;
using DewAnalyzers.CodeFixes;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace DewAnalyzers.Tests.Rules;

public sealed partial class MissingErrorCodeCaseTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Csms.V1;
        using HuaweiCloud.SDK.Csms.V1.Model;
        using HuaweiCloud.SDK.Kms.V2;

        """;

    // ShowSecret's handle tier: CSMS.0005 (ResourceNotFound), CSMS.0106 (SecretNotFound).
    private static string InClass(string members) => Usings + $$"""
        class C
        {
            CsmsClient csms = null;
            CsmsAsyncClient csmsAsync = null;
            KmsClient kms = null;
            KmsAsyncClient kmsAsync = null;

        {{members}}
        }
        """;

    private static Task AnalyzeAsync(string source, LanguageVersion version = LanguageVersion.Latest, string? editorConfig = null, params DiagnosticResult[] expected)
    {
        var test = new Infrastructure.AnalyzerTest<MissingErrorCodeCaseAnalyzer> { TestCode = source, LanguageVersion = version };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    // ---- call forms ----

    [Theory]
    [InlineData("csms.ShowSecret(new ShowSecretRequest());")]
    [InlineData("csms.ShowSecretInvoker(new ShowSecretRequest()).Invoke();")]
    [InlineData("csms.ShowSecretInvoker(new ShowSecretRequest()).WithRetry((r, x) => false, 3, BackoffStrategies.None).Invoke();")]
    [InlineData("csmsAsync.ShowSecretAsync(new ShowSecretRequest()).Wait();")]
    [InlineData("var t = csmsAsync.ShowSecretAsync(new ShowSecretRequest());")]
    [InlineData("Func<Task> f = () => csmsAsync.ShowSecretAsync(new ShowSecretRequest());")]
    [InlineData("Action a = () => csms.ShowSecret(new ShowSecretRequest()); a();")]
    [InlineData("Local(); void Local() => csms.ShowSecret(new ShowSecretRequest());")]
    public Task SyncMethod_CallForms_AreReported(string call) => AnalyzeAsync(InClass($$"""
            void M()
            {
                try
                {
                    {{call}}
                }
                catch (ServiceResponseException e)
                {
                    {|DEW003:switch|} (e.ErrorCode)
                    {
                        case "CSMS.0005":
                            break;
                        default:
                            throw;
                    }
                }
            }
        """));

    [Theory]
    [InlineData("await csmsAsync.ShowSecretAsync(new ShowSecretRequest());")]
    [InlineData("await csmsAsync.ShowSecretAsyncInvoker(new ShowSecretRequest()).Invoke();")]
    [InlineData("var invoker = csmsAsync.ShowSecretAsyncInvoker(new ShowSecretRequest()); await invoker.Invoke();")]
    [InlineData("await Task.Run(async () => await csmsAsync.ShowSecretAsync(new ShowSecretRequest()));")]
    [InlineData("await Task.Run(() => csmsAsync.ShowSecretAsync(new ShowSecretRequest()).ConfigureAwait(false));")]
    public Task AsyncMethod_CallForms_AreReported(string call) => AnalyzeAsync(InClass($$"""
            async Task M()
            {
                try
                {
                    {{call}}
                }
                catch (ServiceResponseException e)
                {
                    {|DEW003:switch|} (e.ErrorCode)
                    {
                        case "CSMS.0005":
                            break;
                        default:
                            throw;
                    }
                }
            }
        """));

    [Fact]
    public Task Message_ListsMissingCodesAndOperation() => AnalyzeAsync(
        InClass("""
                void M()
                {
                    try { csms.ShowSecret(new ShowSecretRequest()); }
                    catch (ServiceResponseException e)
                    {
                        {|#0:switch|} (e.ErrorCode)
                        {
                            default:
                                throw;
                        }
                    }
                }
            """),
        expected: new DiagnosticResult(DiagnosticIds.MissingErrorCodeCase, DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments(2, "ShowSecret", "CSMS.0005 (The resource does not exist.), CSMS.0106 (The secret name not found int the db.)"));

    [Fact]
    public Task Message_ListsFirstThreeAndCount() => AnalyzeAsync(
        InClass("""
                void M()
                {
                    try { kms.DecryptDatakey(null); }
                    catch (ClientRequestException e)
                    {
                        {|#0:switch|} (e.ErrorCode)
                        {
                            case "KMS.0207":
                                break;
                            default:
                                throw;
                        }
                    }
                }
            """),
        expected: new DiagnosticResult(DiagnosticIds.MissingErrorCodeCase, DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments(4, "DecryptDatakey", "KMS.0209 (The key has been disabled.), KMS.0210 (The key is in Scheduled deletion state and cannot be used.), KMS.2201 (Invalid cipher_text.) and 1 more"));

    [Fact]
    public Task AllCodesHandled_NoDiagnostic() => AnalyzeAsync(InClass("""
            void M()
            {
                try { csms.ShowSecret(new ShowSecretRequest()); }
                catch (ServiceResponseException e)
                {
                    switch (e.ErrorCode)
                    {
                        case "CSMS.0005":
                        case "CSMS.0106":
                            break;
                        default:
                            throw;
                    }
                }
            }
        """));

    // ---- catch clauses, error-code expressions ----

    [Theory]
    [InlineData("catch (ServiceResponseException e)", "e.ErrorCode")]
    [InlineData("catch (ClientRequestException e)", "e.ErrorCode")]
    [InlineData("catch (ClientRequestException e) when (e.HttpStatusCode == 400)", "e.ErrorCode")]
    [InlineData("catch (ServiceResponseException e) when (e.ErrorCode != null)", "e?.ErrorCode")]
    [InlineData("catch (Exception ex) when (ex is ServiceResponseException)", "(ex as ServiceResponseException)?.ErrorCode")]
    [InlineData("catch (ServiceResponseException e)", "e.ErrorCode ?? \"\"")]
    public Task CatchAndExpressionShapes_AreReported(string catchClause, string expression) => AnalyzeAsync(InClass($$"""
            void M()
            {
                try { csms.ShowSecret(new ShowSecretRequest()); }
                {{catchClause}}
                {
                    {|DEW003:switch|} ({{expression}})
                    {
                        case "CSMS.0005":
                            break;
                    }
                }
            }
        """));

    [Fact]
    public Task LocalAssignedFromErrorCode_IsReported() => AnalyzeAsync(InClass("""
            void M()
            {
                try { csms.ShowSecret(new ShowSecretRequest()); }
                catch (ServiceResponseException e)
                {
                    var code = e.ErrorCode;
                    {|DEW003:switch|} (code)
                    {
                        case "CSMS.0005":
                            return;
                        default:
                            Console.WriteLine(code);
                            throw;
                    }
                }
            }
        """));

    [Fact]
    public Task LocalAlsoAssignedFromElsewhere_NotReported() => AnalyzeAsync(InClass("""
            void M(string other)
            {
                try { csms.ShowSecret(new ShowSecretRequest()); }
                catch (ServiceResponseException e)
                {
                    var code = e.ErrorCode;
                    if (code == null) code = other;
                    switch (code)
                    {
                        case "CSMS.0005":
                            return;
                        default:
                            throw;
                    }
                }
            }
        """));

    [Fact]
    public Task SwitchExpression_IsReported() => AnalyzeAsync(InClass("""
            string M()
            {
                try { csms.ShowSecret(new ShowSecretRequest()); return "ok"; }
                catch (ServiceResponseException e)
                {
                    return e.ErrorCode {|DEW003:switch|}
                    {
                        "CSMS.0005" => "missing",
                        _ => throw new InvalidOperationException(e.ErrorCode, e),
                    };
                }
            }
        """));

    [Fact]
    public Task SwitchExpression_WithoutDefaultArm_IsReported() => AnalyzeAsync(InClass("""
            string M()
            {
                try { csms.ShowSecret(new ShowSecretRequest()); return "ok"; }
                catch (ServiceResponseException e)
                {
                    return e.ErrorCode {|DEW003:switch|}
                    {
                        "CSMS.0005" => "missing",
                    };
                }
            }
        """));

    [Fact]
    public Task SwitchExpression_DefaultThatHandles_NotReported() => AnalyzeAsync(InClass("""
            string M()
            {
                try { csms.ShowSecret(new ShowSecretRequest()); return "ok"; }
                catch (ServiceResponseException e)
                {
                    return e?.ErrorCode switch
                    {
                        "CSMS.0005" => "missing",
                        _ => "other",
                    };
                }
            }
        """));

    [Fact]
    public Task SwitchExpression_OrPatternAndConstants_AllHandled_NotReported() => AnalyzeAsync(InClass("""
            const string NotFound = "CSMS.0106";

            string M()
            {
                try { csms.ShowSecret(new ShowSecretRequest()); return "ok"; }
                catch (ServiceResponseException e)
                {
                    return e.ErrorCode switch
                    {
                        Dew.ErrorCodes.CsmsErrorCodes.ResourceNotFound or NotFound => "missing",
                        _ => throw new InvalidOperationException(),
                    };
                }
            }
        """));

    [Theory]
    [InlineData("case \"CSMS.0005\": case \"CSMS.0106\": return;")]
    [InlineData("case \"CSMS.0005\" or \"CSMS.0106\": return;")]
    [InlineData("case CsmsErrorCodes.ResourceNotFound: case CsmsErrorCodes.SecretNotFound: return;")]
    [InlineData("case var c when c == \"CSMS.0005\" || c == \"CSMS.0106\": return;")]
    [InlineData("case string c when c.Equals(\"CSMS.0005\") || string.Equals(c, CsmsErrorCodes.SecretNotFound): return;")]
    [InlineData("case var _ when e.ErrorCode is \"CSMS.0005\" or \"CSMS.0106\": return;")]
    [InlineData("case \"CSMS.0005\" when e.HttpStatusCode == 400: case \"CSMS.0106\": return;")]
    public Task HandledShapes_NotReported(string sections) => AnalyzeAsync("using Dew.ErrorCodes;\n" + InClass($$"""
            void M()
            {
                try { csms.ShowSecret(new ShowSecretRequest()); }
                catch (ServiceResponseException e)
                {
                    switch (e.ErrorCode)
                    {
                        {{sections}}
                        default:
                            throw;
                    }
                }
            }
        """));

    [Theory]
    [InlineData("default: Console.WriteLine(e); break;")]
    [InlineData("default: return;")]
    [InlineData("case var other: Console.WriteLine(other); break;")]
    [InlineData("case string other: break;")]
    [InlineData("case not \"CSMS.0106\": break;")]
    [InlineData("default: if (e.HttpStatusCode == 400) throw; break;")]
    public Task DefaultThatHandles_NotReported(string sections) => AnalyzeAsync(InClass($$"""
            void M()
            {
                try { csms.ShowSecret(new ShowSecretRequest()); }
                catch (ServiceResponseException e)
                {
                    switch (e.ErrorCode)
                    {
                        case "CSMS.0005":
                            break;
                        {{sections}}
                    }
                }
            }
        """));

    [Theory]
    [InlineData("default: throw;")]
    [InlineData("default: { throw new InvalidOperationException(\"unexpected\", e); }")]
    [InlineData("default: Console.WriteLine(e); throw;")]
    [InlineData("case var other: throw new InvalidOperationException(other);")]
    [InlineData("case var other when other.Length > 100: break; default: throw;")]
    public Task DefaultThatOnlyThrows_IsReported(string sections) => AnalyzeAsync(InClass($$"""
            void M()
            {
                try { csms.ShowSecret(new ShowSecretRequest()); }
                catch (ServiceResponseException e)
                {
                    {|DEW003:switch|} (e.ErrorCode)
                    {
                        case "CSMS.0005":
                            break;
                        {{sections}}
                    }
                }
            }
        """));

    // ---- where the switch is ----

    [Fact]
    public Task NestedTry_UsesNearestTryThatCallsOperations() => AnalyzeAsync(InClass("""
            void M()
            {
                try
                {
                    csms.ShowSecret(new ShowSecretRequest());
                }
                catch (ServiceResponseException e)
                {
                    try
                    {
                        Console.WriteLine("cleanup");
                    }
                    catch (Exception)
                    {
                        {|DEW003:switch|} (e.ErrorCode)
                        {
                            case "CSMS.0005":
                                break;
                        }
                    }
                }
            }
        """));

    [Fact]
    public Task NestedTry_InnerOperationWins() => AnalyzeAsync(
        InClass("""
                void M()
                {
                    try
                    {
                        kms.DecryptData(null);
                        try
                        {
                            csms.ShowSecret(new ShowSecretRequest());
                        }
                        catch (ServiceResponseException e)
                        {
                            {|#0:switch|} (e.ErrorCode)
                            {
                                case "CSMS.0005":
                                    break;
                            }
                        }
                    }
                    catch (ServiceResponseException)
                    {
                    }
                }
            """),
        expected: new DiagnosticResult(DiagnosticIds.MissingErrorCodeCase, DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments(1, "ShowSecret", "CSMS.0106 (The secret name not found int the db.)"));

    [Fact]
    public Task SeveralOperations_RequireTheUnion() => AnalyzeAsync(
        InClass("""
                void M()
                {
                    try
                    {
                        csms.ShowSecret(new ShowSecretRequest());
                        kms.ListGrants(new HuaweiCloud.SDK.Kms.V2.Model.ListGrantsRequest());
                    }
                    catch (ServiceResponseException e)
                    {
                        {|#0:switch|} (e.ErrorCode)
                        {
                            case "CSMS.0005":
                            case "CSMS.0106":
                                break;
                            default:
                                throw;
                        }
                    }
                }
            """),
        expected: new DiagnosticResult(DiagnosticIds.MissingErrorCodeCase, DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments(1, "ShowSecret, ListGrants", "KMS.0207 (The key does not exist.)"));

    [Fact]
    public Task ListGrants_KmsAndCsmsKeptApart() => AnalyzeAsync(InClass("""
            void Kms()
            {
                try { kms.ListGrants(new HuaweiCloud.SDK.Kms.V2.Model.ListGrantsRequest()); }
                catch (ServiceResponseException e)
                {
                    {|DEW003:switch|} (e.ErrorCode)
                    {
                        default:
                            throw;
                    }
                }
            }

            void Csms()
            {
                // CSMS ListGrants has no handle tier.
                try { csms.ListGrants(new HuaweiCloud.SDK.Csms.V1.Model.ListGrantsRequest()); }
                catch (ServiceResponseException e)
                {
                    switch (e.ErrorCode)
                    {
                        default:
                            throw;
                    }
                }
            }
        """));

    [Fact]
    public Task ClientRequestException_DoesNotRequire5xxCodes() => AnalyzeAsync(
        InClass("""
                void M()
                {
                    try { csms.CreateSecret(null); }
                    catch (ClientRequestException e)
                    {
                        {|#0:switch|} (e.ErrorCode)
                        {
                            default:
                                throw;
                        }
                    }
                }
            """),
        expected: new DiagnosticResult(DiagnosticIds.MissingErrorCodeCase, DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments(4, "CreateSecret", "CSMS.0101 (The secret name already exists.), CSMS.0202 (The number of secret has reached the upper limit.), CSMS.0207 (Secret quota not found.) and 1 more"));

    [Fact]
    public Task DerivedClient_IsRecognized() => AnalyzeAsync(Usings + """
        class MyCsms : CsmsClient { }

        class C
        {
            void M(MyCsms csms)
            {
                try { csms.ShowSecret(new ShowSecretRequest()); }
                catch (ServiceResponseException e)
                {
                    {|DEW003:switch|} (e.ErrorCode)
                    {
                        default:
                            throw;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task NotReported_OutsideCatchOrWithoutOperationsOrOverOtherStrings() => AnalyzeAsync(InClass("""
            void M(string s)
            {
                var other = s;
                try { csms.ShowSecret(new ShowSecretRequest()); }
                catch (ServiceResponseException e)
                {
                    switch (s)
                    {
                        case "CSMS.0005":
                            break;
                        default:
                            throw;
                    }

                    switch (e.Message)
                    {
                        default:
                            throw;
                    }

                    var x = other switch { "a" => 1, _ => throw new InvalidOperationException() };
                }

                try { Console.WriteLine(); }
                catch (ServiceResponseException e)
                {
                    switch (e.ErrorCode)
                    {
                        default:
                            throw;
                    }
                }
            }

            void Outside(ServiceResponseException e)
            {
                csms.ShowSecret(new ShowSecretRequest());
                switch (e.ErrorCode)
                {
                    default:
                        throw e;
                }
            }
        """));

    // ---- options, language versions, SDK absent ----

    [Theory]
    [InlineData("root = true\n[*]\ndew003.required_codes = all\n")]
    [InlineData("root = true\n[*.cs]\nDEW003.required_codes = ALL\n")]
    public Task EditorConfigAll_AddsAlsoTier(string editorConfig) => AnalyzeAsync(
        InClass("""
                void M()
                {
                    try { csms.ShowSecret(new ShowSecretRequest()); }
                    catch (ServiceResponseException e)
                    {
                        {|#0:switch|} (e.ErrorCode)
                        {
                            case "CSMS.0005":
                            case "CSMS.0106":
                                break;
                            default:
                                throw;
                        }
                    }
                }
            """),
        editorConfig: editorConfig,
        expected: new DiagnosticResult(DiagnosticIds.MissingErrorCodeCase, DiagnosticSeverity.Warning).WithLocation(0));

    [Theory]
    [InlineData("root = true\n[*]\ndew003.required_codes = handle\n")]
    [InlineData("root = true\n[*]\ndew003.required_codes = something-else\n")]
    public Task EditorConfigHandle_IsTheDefault(string editorConfig) => AnalyzeAsync(
        InClass("""
                void M()
                {
                    try { csms.ShowSecret(new ShowSecretRequest()); }
                    catch (ServiceResponseException e)
                    {
                        switch (e.ErrorCode)
                        {
                            case "CSMS.0005":
                            case "CSMS.0106":
                                break;
                            default:
                                throw;
                        }
                    }
                }
            """),
        editorConfig: editorConfig);

    [Fact]
    public Task CSharp7_3_SwitchStatement_IsReported() => AnalyzeAsync(
        InClass("""
                void M()
                {
                    try { csms.ShowSecretInvoker(new ShowSecretRequest()).Invoke(); }
                    catch (ClientRequestException e) when (e.HttpStatusCode == 400)
                    {
                        var code = e.ErrorCode;
                        {|DEW003:switch|} (code)
                        {
                            case "CSMS.0005":
                                break;
                            case string other when other.StartsWith("KMS."):
                                break;
                            default:
                                throw;
                        }
                    }
                }
            """),
        LanguageVersion.CSharp7_3);

    [Fact]
    public Task WithoutSdk_NoDiagnostic()
    {
        var test = new Infrastructure.AnalyzerTest<MissingErrorCodeCaseAnalyzer>(withSdk: false)
        {
            TestCode = """
                using System;

                namespace HuaweiLike
                {
                    class ServiceResponseException : Exception { public string ErrorCode { get; set; } }
                    class CsmsClient { public void ShowSecret(object request) { } }

                    class C
                    {
                        void M(CsmsClient csms)
                        {
                            try { csms.ShowSecret(null); }
                            catch (ServiceResponseException e)
                            {
                                switch (e.ErrorCode)
                                {
                                    case "CSMS.0005":
                                        break;
                                    default:
                                        throw;
                                }
                            }
                        }
                    }
                }
                """,
        };
        return test.RunAsync();
    }

    // ---- fix ----

    private static Task FixAsync(string source, string fixedSource, LanguageVersion version = LanguageVersion.Latest, bool withConstants = true)
    {
        var test = new CodeFixTest<MissingErrorCodeCaseAnalyzer, MissingErrorCodeCaseFixer>
        {
            TestCode = source,
            FixedCode = fixedSource,
            LanguageVersion = version,
        };
        return withConstants ? test.WithConstants().RunAsync() : test.RunAsync();
    }

    [Fact]
    public Task Fix_SwitchStatement_AddsCasesBeforeThrowingDefault() => FixAsync(
        InClass("""
                void M()
                {
                    try { csms.ShowSecret(new ShowSecretRequest()); }
                    catch (ServiceResponseException e)
                    {
                        {|DEW003:switch|} (e.ErrorCode)
                        {
                            case "CSMS.0005":
                                Console.WriteLine("gone");
                                break;
                            default:
                                throw;
                        }
                    }
                }
            """),
        WithConstantsUsing(InClass("""
                void M()
                {
                    try { csms.ShowSecret(new ShowSecretRequest()); }
                    catch (ServiceResponseException e)
                    {
                        switch (e.ErrorCode)
                        {
                            case "CSMS.0005":
                                Console.WriteLine("gone");
                                break;
                            // CSMS.0106: The secret name not found int the db. Measure: Enter a valid secret name.
                            case CsmsErrorCodes.SecretNotFound:
                                throw;
                            default:
                                throw;
                        }
                    }
                }
            """)));

    private static string WithConstantsUsing(string source)
        => source.Replace("using System.Threading.Tasks;\n", "using System.Threading.Tasks;\nusing Dew.ErrorCodes;\n");

    private const string ResourceComment = "// CSMS.0005: The resource does not exist. Measure: Enter valid secrets.";
    private const string SecretComment = "// CSMS.0106: The secret name not found int the db. Measure: Enter a valid secret name.";

    [Fact]
    public Task Fix_SwitchStatementWithoutDefault_AddsBreakSections() => FixAsync(
        InClass("""
                void M()
                {
                    try { csms.ShowSecret(new ShowSecretRequest()); }
                    catch (ClientRequestException e)
                    {
                        {|DEW003:switch|} (e?.ErrorCode)
                        {
                            case "CSMS.0106":
                                return;
                        }

                        Console.WriteLine(e);
                    }
                }
            """),
        WithConstantsUsing(InClass($$"""
                void M()
                {
                    try { csms.ShowSecret(new ShowSecretRequest()); }
                    catch (ClientRequestException e)
                    {
                        switch (e?.ErrorCode)
                        {
                            case "CSMS.0106":
                                return;
                            {{ResourceComment}}
                            case CsmsErrorCodes.ResourceNotFound:
                                break;
                        }

                        Console.WriteLine(e);
                    }
                }
            """)));

    [Fact]
    public Task Fix_DefaultThatDeclaresLocals_GetsTheNewLabels() => FixAsync(
        InClass("""
                async Task M()
                {
                    try { await csmsAsync.ShowSecretAsyncInvoker(new ShowSecretRequest()).Invoke(); }
                    catch (ServiceResponseException e)
                    {
                        var code = e.ErrorCode;
                        {|DEW003:switch|} (code)
                        {
                            case "CSMS.0005":
                                break;
                            case "KMS.0207":
                            default:
                                var message = "unexpected " + code;
                                throw new InvalidOperationException(message, e);
                        }
                    }
                }
            """),
        WithConstantsUsing(InClass($$"""
                async Task M()
                {
                    try { await csmsAsync.ShowSecretAsyncInvoker(new ShowSecretRequest()).Invoke(); }
                    catch (ServiceResponseException e)
                    {
                        var code = e.ErrorCode;
                        switch (code)
                        {
                            case "CSMS.0005":
                                break;
                            {{SecretComment}}
                            case CsmsErrorCodes.SecretNotFound:
                            case "KMS.0207":
                            default:
                                var message = "unexpected " + code;
                                throw new InvalidOperationException(message, e);
                        }
                    }
                }
            """)));

    [Fact]
    public Task Fix_WithoutGeneratedConstants_UsesLiterals() => FixAsync(
        InClass("""
                void M()
                {
                    try { csms.ShowSecret(new ShowSecretRequest()); }
                    catch (ServiceResponseException e)
                    {
                        {|DEW003:switch|} (e.ErrorCode)
                        {
                            default:
                                throw;
                        }
                    }
                }
            """),
        InClass($$"""
                void M()
                {
                    try { csms.ShowSecret(new ShowSecretRequest()); }
                    catch (ServiceResponseException e)
                    {
                        switch (e.ErrorCode)
                        {
                            {{ResourceComment}}
                            case "CSMS.0005":
                                throw;
                            {{SecretComment}}
                            case "CSMS.0106":
                                throw;
                            default:
                                throw;
                        }
                    }
                }
            """),
        withConstants: false);

    [Fact]
    public Task Fix_CSharp7_3() => FixAsync(
        InClass("""
                void M()
                {
                    try { csms.ShowSecretInvoker(new ShowSecretRequest()).Invoke(); }
                    catch (ServiceResponseException e) when (e.HttpStatusCode == 400)
                    {
                        {|DEW003:switch|} (e.ErrorCode)
                        {
                            case "CSMS.0005":
                                break;
                            default:
                                throw new InvalidOperationException(e.ErrorCode);
                        }
                    }
                }
            """),
        WithConstantsUsing(InClass($$"""
                void M()
                {
                    try { csms.ShowSecretInvoker(new ShowSecretRequest()).Invoke(); }
                    catch (ServiceResponseException e) when (e.HttpStatusCode == 400)
                    {
                        switch (e.ErrorCode)
                        {
                            case "CSMS.0005":
                                break;
                            {{SecretComment}}
                            case CsmsErrorCodes.SecretNotFound:
                                throw new InvalidOperationException(e.ErrorCode);
                            default:
                                throw new InvalidOperationException(e.ErrorCode);
                        }
                    }
                }
            """)),
        LanguageVersion.CSharp7_3);

    [Fact]
    public Task Fix_SwitchExpression_AddsArmsBeforeThrowingDiscard() => FixAsync(
        InClass("""
                string M()
                {
                    try { csms.ShowSecret(new ShowSecretRequest()); return "ok"; }
                    catch (ServiceResponseException e)
                    {
                        return e.ErrorCode {|DEW003:switch|}
                        {
                            "CSMS.0005" => "missing",
                            _ => throw new InvalidOperationException(e.ErrorCode, e),
                        };
                    }
                }
            """),
        WithConstantsUsing(InClass($$"""
                string M()
                {
                    try { csms.ShowSecret(new ShowSecretRequest()); return "ok"; }
                    catch (ServiceResponseException e)
                    {
                        return e.ErrorCode switch
                        {
                            "CSMS.0005" => "missing",
                            {{SecretComment}}
                            CsmsErrorCodes.SecretNotFound => throw new InvalidOperationException(e.ErrorCode, e),
                            _ => throw new InvalidOperationException(e.ErrorCode, e),
                        };
                    }
                }
            """)));

    [Fact]
    public Task Fix_NotOffered_ForSwitchExpressionWithoutDiscardArm()
    {
        var source = InClass("""
                string M()
                {
                    try { csms.ShowSecret(new ShowSecretRequest()); return "ok"; }
                    catch (ServiceResponseException e)
                    {
                        return e.ErrorCode {|DEW003:switch|}
                        {
                            "CSMS.0005" => "missing",
                        };
                    }
                }
            """);
        return FixAsync(source, source);
    }

    [Fact]
    public Task Fix_NotOffered_WhenDefaultUsesItsPatternVariable()
    {
        var source = InClass("""
                void M()
                {
                    try { csms.ShowSecret(new ShowSecretRequest()); }
                    catch (ServiceResponseException e)
                    {
                        {|DEW003:switch|} (e.ErrorCode)
                        {
                            case var other:
                                throw new InvalidOperationException(other);
                        }
                    }
                }
            """);
        return FixAsync(source, source);
    }

    [Fact]
    public Task FixAll_SeveralAndNestedSwitches()
    {
        var test = new CodeFixTest<MissingErrorCodeCaseAnalyzer, MissingErrorCodeCaseFixer>
        {
            TestCode = InClass("""
                    void A()
                    {
                        try { csms.ShowSecret(new ShowSecretRequest()); }
                        catch (ServiceResponseException e)
                        {
                            {|DEW003:switch|} (e.ErrorCode)
                            {
                                case "CSMS.0005":
                                    try { kms.ListGrants(null); }
                                    catch (ClientRequestException inner)
                                    {
                                        {|DEW003:switch|} (inner.ErrorCode)
                                        {
                                            case "KMS.1601":
                                            case "KMS.1602":
                                                break;
                                            default:
                                                throw;
                                        }
                                    }

                                    break;
                                default:
                                    throw;
                            }
                        }
                    }

                    string B()
                    {
                        try { csms.ShowSecret(new ShowSecretRequest()); return ""; }
                        catch (ServiceResponseException e)
                        {
                            return e.ErrorCode {|DEW003:switch|}
                            {
                                "CSMS.0106" => "gone",
                                _ => throw new InvalidOperationException(),
                            };
                        }
                    }
                """),
            FixedCode = WithConstantsUsing(InClass($$"""
                    void A()
                    {
                        try { csms.ShowSecret(new ShowSecretRequest()); }
                        catch (ServiceResponseException e)
                        {
                            switch (e.ErrorCode)
                            {
                                case "CSMS.0005":
                                    try { kms.ListGrants(null); }
                                    catch (ClientRequestException inner)
                                    {
                                        switch (inner.ErrorCode)
                                        {
                                            case "KMS.1601":
                                            case "KMS.1602":
                                                break;
                                            // KMS.0207: The key does not exist. Measure: Choose a valid key or create a key.
                                            case KmsErrorCodes.KeyNotFound:
                                                throw;
                                            default:
                                                throw;
                                        }
                                    }

                                    break;
                                {{SecretComment}}
                                case CsmsErrorCodes.SecretNotFound:
                                    throw;
                                default:
                                    throw;
                            }
                        }
                    }

                    string B()
                    {
                        try { csms.ShowSecret(new ShowSecretRequest()); return ""; }
                        catch (ServiceResponseException e)
                        {
                            return e.ErrorCode switch
                            {
                                "CSMS.0106" => "gone",
                                {{ResourceComment}}
                                CsmsErrorCodes.ResourceNotFound => throw new InvalidOperationException(),
                                _ => throw new InvalidOperationException(),
                            };
                        }
                    }
                """)),
            CodeActionEquivalenceKey = MissingErrorCodeCaseFixer.EquivalenceKey,
        };
        return test.WithConstants().RunAsync();
    }

    [Fact]
    public Task Fix_DefaultBlock_IsCopied() => FixAsync(
        InClass("""
                void M()
                {
                    try { csms.ShowSecret(new ShowSecretRequest()); }
                    catch (ServiceResponseException e)
                    {
                        {|DEW003:switch|} (e.ErrorCode)
                        {
                            case "CSMS.0005":
                                break;
                            default:
                            {
                                var message = "unexpected " + e.ErrorCode;
                                throw new InvalidOperationException(message, e);
                            }
                        }
                    }
                }
            """),
        WithConstantsUsing(InClass($$"""
                void M()
                {
                    try { csms.ShowSecret(new ShowSecretRequest()); }
                    catch (ServiceResponseException e)
                    {
                        switch (e.ErrorCode)
                        {
                            case "CSMS.0005":
                                break;
                            {{SecretComment}}
                            case CsmsErrorCodes.SecretNotFound:
                                {
                                    var message = "unexpected " + e.ErrorCode;
                                    throw new InvalidOperationException(message, e);
                                }
                            default:
                            {
                                var message = "unexpected " + e.ErrorCode;
                                throw new InvalidOperationException(message, e);
                            }
                        }
                    }
                }
            """)));
}
