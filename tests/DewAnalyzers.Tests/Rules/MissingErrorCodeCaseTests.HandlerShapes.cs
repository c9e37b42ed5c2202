using System.Threading.Tasks;
using DewAnalyzers.CodeFixes;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DewAnalyzers.Tests.Rules;

/// <summary>DEW003 on handler sets beyond the switch over the code: if/else chains and switches over the exception.</summary>
public sealed partial class MissingErrorCodeCaseTests
{
    // ---- if/else chains ----

    private static string InShowSecretCatch(string handler, string exception = "ServiceResponseException") => InClass($$"""
            string M()
            {
                try { csms.ShowSecret(new ShowSecretRequest()); return "ok"; }
                catch ({{exception}} e)
                {
        {{handler}}
                }
            }
        """);

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task IfElseChain_EndingInThrow_IsReported(LanguageVersion version) => AnalyzeAsync(InShowSecretCatch("""
                    {|DEW003:if|} (e.ErrorCode == "CSMS.0005") return null;
                    else if (string.Equals(e.ErrorCode, "CSMS.0002")) return "bad";
                    else throw;
        """), version);

    [Fact]
    public Task IfElseChain_Message_NamesTheMissingCode() => AnalyzeAsync(
        InShowSecretCatch("""
                    {|#0:if|} ("CSMS.0005".Equals(e.ErrorCode) || e.ErrorCode == "CSMS.0003") { return null; }
                    else if (e.ErrorCode == "CSMS.0002") { return "bad"; }
                    else { Console.WriteLine(e); throw new InvalidOperationException("unexpected", e); }
        """),
        expected: new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticIds.MissingErrorCodeCase, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithMessage("No case handles 1 error code(s) that ShowSecret can return: CSMS.0106 (The secret name not found int the db.)"));

    [Theory]
    [InlineData("var code = e.ErrorCode;\n{|DEW003:if|} (code == \"CSMS.0005\") return null;\nif (code is \"CSMS.0002\" or \"CSMS.0003\") return \"bad\";\nthrow;")]
    [InlineData("Console.WriteLine(e);\n{|DEW003:if|} (e.ErrorCode == \"CSMS.0005\") { return null; }\nif (e.ErrorCode == \"CSMS.0002\") { Console.WriteLine(1); return \"bad\"; }\nthrow new InvalidOperationException(\"unexpected\", e);")]
    [InlineData("{|DEW003:if|} (e?.ErrorCode == \"CSMS.0005\") throw new InvalidOperationException(\"gone\");\nif (e?.ErrorCode == \"CSMS.0002\") return \"bad\";\nthrow;")]
    public Task IfSequence_EndingInThrow_IsReported(string handler) => AnalyzeAsync(InShowSecretCatch(handler));

    [Fact]
    public Task SwitchOverTheException_Expression_IsReported() => AnalyzeAsync(InShowSecretCatch("""
                    return e {|DEW003:switch|}
                    {
                        { ErrorCode: "CSMS.0005" } => null,
                        ClientRequestException { ErrorCode: "CSMS.0002" or "CSMS.0003" } => "bad",
                        _ => throw new InvalidOperationException("unexpected", e),
                    };
        """));

    [Fact]
    public Task SwitchOverTheException_Statement_IsReported() => AnalyzeAsync(InShowSecretCatch("""
                    {|DEW003:switch|} (e)
                    {
                        case { ErrorCode: "CSMS.0005" }:
                            return null;
                        case ClientRequestException { ErrorCode: "CSMS.0002" } c when c.HttpStatusCode == 400:
                            return "bad";
                        default:
                            throw;
                    }
        """));

    [Theory]
    [InlineData("if (e.ErrorCode == \"CSMS.0005\") return null;\nelse if (e.ErrorCode == \"CSMS.0002\") return \"bad\";\nelse return \"other\";")]
    [InlineData("if (e.ErrorCode == \"CSMS.0005\") return null;\nelse throw;")]
    [InlineData("if (e.ErrorCode == \"CSMS.0005\") return null;\nthrow;")]
    [InlineData("if (e.ErrorCode == \"CSMS.0005\") return null;\nelse if (e.Message == \"CSMS.0002\") return \"bad\";\nelse throw;")]
    [InlineData("if (e.ErrorCode == \"CSMS.0005\") return null;\nelse if (e.ErrorCode == \"CSMS.0002\" && e.HttpStatusCode == 400) return \"bad\";\nelse throw;")]
    [InlineData("if (e.ErrorCode == \"CSMS.0005\") return null;\nelse if (e.ErrorCode != \"CSMS.0002\") return \"bad\";\nelse throw;")]
    [InlineData("if (e.ErrorCode == \"CSMS.0005\") return null;\nelse if (e.ErrorCode == \"CSMS.0106\") return \"bad\";\nelse throw;")]
    [InlineData("if (e.ErrorCode == \"CSMS.0106\") return null;\nif (e.ErrorCode == \"CSMS.0005\") return null;\nif (e.ErrorCode == \"CSMS.0002\") return \"bad\";\nthrow;")]
    [InlineData("if (e.ErrorCode == \"CSMS.0106\") return null;\nif (e.ErrorCode == \"CSMS.0005\") return null;\nelse if (e.ErrorCode == \"CSMS.0002\") return \"bad\";\nelse throw;")]
    [InlineData("if (e.HttpStatusCode == 400) return null;\nif (e.ErrorCode == \"CSMS.0005\") return null;\nif (e.ErrorCode == \"CSMS.0002\") return \"bad\";\nthrow;")]
    [InlineData("if (e.ErrorCode == \"CSMS.0005\") Console.WriteLine(1);\nif (e.ErrorCode == \"CSMS.0002\") return \"bad\";\nthrow;")]
    [InlineData("if (e.ErrorCode == \"CSMS.0005\") return null;\nif (e.ErrorCode == \"CSMS.0002\") return \"bad\";\nreturn \"other\";")]
    [InlineData("if (e.ErrorCode == \"CSMS.0005\") return null;\nelse if (string.Equals(e.ErrorCode, \"csms.0106\", StringComparison.OrdinalIgnoreCase)) return \"bad\";\nelse throw;")]
    [InlineData("if (e.ErrorCode.ToUpperInvariant() == \"CSMS.0005\") return null;\nelse if (e.ErrorCode.ToUpperInvariant() == \"CSMS.0106\") return \"bad\";\nelse throw;")]
    public Task IfChains_NotReported(string handler) => AnalyzeAsync(InShowSecretCatch(handler));

    [Theory]
    [InlineData("return e switch { { ErrorCode: \"CSMS.0005\" } => null, { HttpStatusCode: 400 } => \"bad\", _ => throw new InvalidOperationException() };")]
    [InlineData("return e switch { { ErrorCode: \"CSMS.0005\" } => null, ServerResponseException => \"server\", _ => throw new InvalidOperationException() };")]
    [InlineData("return e switch { { ErrorCode: \"CSMS.0005\" } => null, _ when e.HttpStatusCode == 400 => \"bad\", _ => throw new InvalidOperationException() };")]
    [InlineData("return e switch { { ErrorCode: \"CSMS.0005\" or \"CSMS.0106\" } => null, _ => throw new InvalidOperationException() };")]
    [InlineData("return e switch { { ErrorCode: \"CSMS.0005\" } => null, var other => other.Message };")]
    [InlineData("switch (e) { case { ErrorCode: \"CSMS.0005\" }: return null; case ClientRequestException c: return c.Message; default: throw; }")]
    public Task SwitchOverTheException_NotReported(string handler) => AnalyzeAsync(InShowSecretCatch(handler));

    [Fact]
    public Task IfChain_OutsideCatchOrWithoutOperations_NotReported() => AnalyzeAsync(InClass("""
            string M(ServiceResponseException e)
            {
                if (e.ErrorCode == "CSMS.0005") return null;
                if (e.ErrorCode == "CSMS.0002") return "bad";
                throw e;
            }

            string N()
            {
                try { Console.WriteLine(); return "ok"; }
                catch (ServiceResponseException e)
                {
                    if (e.ErrorCode == "CSMS.0005") return null;
                    if (e.ErrorCode == "CSMS.0002") return "bad";
                    throw;
                }
            }
        """));

    // ---- fixes ----

    [Fact]
    public Task Fix_IfElseChain_AddsBranchesBeforeTheFinalElse() => FixAsync(
        InShowSecretCatch("""
                    {|DEW003:if|} (e.ErrorCode == "CSMS.0005") return null;
                    else if (e.ErrorCode == "CSMS.0002") return "bad";
                    else throw new InvalidOperationException("unexpected", e);
        """),
        WithConstantsUsing(InShowSecretCatch($$"""
                    if (e.ErrorCode == "CSMS.0005") return null;
                    else if (e.ErrorCode == "CSMS.0002") return "bad";
                    {{SecretComment}}
                    else if (e.ErrorCode == CsmsErrorCodes.SecretNotFound)
                        throw new InvalidOperationException("unexpected", e);
                    else throw new InvalidOperationException("unexpected", e);
        """)));

    [Fact]
    public Task Fix_IfSequence_AddsBranchesBeforeTheThrow() => FixAsync(
        InShowSecretCatch("""
                    var code = e.ErrorCode;
                    {|DEW003:if|} (code == "CSMS.0005") { return null; }
                    if (code == "CSMS.0002") { return "bad"; }
                    throw;
        """),
        WithConstantsUsing(InShowSecretCatch($$"""
                    var code = e.ErrorCode;
                    if (code == "CSMS.0005") { return null; }
                    if (code == "CSMS.0002") { return "bad"; }
                    {{SecretComment}}
                    if (code == CsmsErrorCodes.SecretNotFound)
                    {
                        throw;
                    }

                    throw;
        """)));

    [Fact]
    public Task Fix_SwitchOverTheException_AddsPropertyPatternArms() => FixAsync(
        InShowSecretCatch("""
                    return e {|DEW003:switch|}
                    {
                        { ErrorCode: "CSMS.0005" } => null,
                        _ => throw new InvalidOperationException("unexpected", e),
                    };
        """),
        WithConstantsUsing(InShowSecretCatch($$"""
                    return e switch
                    {
                        { ErrorCode: "CSMS.0005" } => null,
                        {{SecretComment}}
                        { ErrorCode: CsmsErrorCodes.SecretNotFound } => throw new InvalidOperationException("unexpected", e),
                        _ => throw new InvalidOperationException("unexpected", e),
                    };
        """)));

    [Fact]
    public Task Fix_SwitchStatementOverTheException_AddsPropertyPatternLabels() => FixAsync(
        InShowSecretCatch("""
                    {|DEW003:switch|} (e)
                    {
                        case { ErrorCode: "CSMS.0005" }:
                            return null;
                        default:
                            throw;
                    }
        """),
        WithConstantsUsing(InShowSecretCatch($$"""
                    switch (e)
                    {
                        case { ErrorCode: "CSMS.0005" }:
                            return null;
                        {{SecretComment}}
                        case { ErrorCode: CsmsErrorCodes.SecretNotFound }:
                            throw;
                        default:
                            throw;
                    }
        """)));

    [Fact]
    public Task FixAll_ChainsAndSwitchesOverTheException_InOneDocument()
    {
        var test = new CodeFixTest<MissingErrorCodeCaseAnalyzer, MissingErrorCodeCaseFixer>
        {
            TestCode = InClass("""
                    string A()
                    {
                        try { csms.ShowSecret(new ShowSecretRequest()); return "ok"; }
                        catch (ServiceResponseException e)
                        {
                            {|DEW003:if|} (e.ErrorCode == "CSMS.0005") return null;
                            else if (e.ErrorCode == "CSMS.0002") return "bad";
                            else throw;
                        }
                    }

                    string B()
                    {
                        try { csms.ShowSecret(new ShowSecretRequest()); return "ok"; }
                        catch (ClientRequestException e)
                        {
                            {|DEW003:if|} (e.ErrorCode == "CSMS.0106") return null;
                            if (e.ErrorCode == "CSMS.0002") return "bad";
                            throw;
                        }
                    }

                    string D()
                    {
                        try { csms.ShowSecret(new ShowSecretRequest()); return "ok"; }
                        catch (ServiceResponseException e)
                        {
                            return e {|DEW003:switch|}
                            {
                                { ErrorCode: "CSMS.0002" } => "bad",
                                _ => throw e,
                            };
                        }
                    }
                """),
            FixedCode = WithConstantsUsing(InClass($$"""
                    string A()
                    {
                        try { csms.ShowSecret(new ShowSecretRequest()); return "ok"; }
                        catch (ServiceResponseException e)
                        {
                            if (e.ErrorCode == "CSMS.0005") return null;
                            else if (e.ErrorCode == "CSMS.0002") return "bad";
                            {{SecretComment}}
                            else if (e.ErrorCode == CsmsErrorCodes.SecretNotFound)
                                throw;
                            else throw;
                        }
                    }

                    string B()
                    {
                        try { csms.ShowSecret(new ShowSecretRequest()); return "ok"; }
                        catch (ClientRequestException e)
                        {
                            if (e.ErrorCode == "CSMS.0106") return null;
                            if (e.ErrorCode == "CSMS.0002") return "bad";
                            {{ResourceComment}}
                            if (e.ErrorCode == CsmsErrorCodes.ResourceNotFound)
                            {
                                throw;
                            }

                            throw;
                        }
                    }

                    string D()
                    {
                        try { csms.ShowSecret(new ShowSecretRequest()); return "ok"; }
                        catch (ServiceResponseException e)
                        {
                            return e switch
                            {
                                { ErrorCode: "CSMS.0002" } => "bad",
                                {{ResourceComment}}
                                { ErrorCode: CsmsErrorCodes.ResourceNotFound } => throw e,
                                {{SecretComment}}
                                { ErrorCode: CsmsErrorCodes.SecretNotFound } => throw e,
                                _ => throw e,
                            };
                        }
                    }
                """)),
            CodeActionEquivalenceKey = MissingErrorCodeCaseFixer.EquivalenceKey,
        };
        test.NumberOfFixAllIterations = 1;
        return test.WithConstants().RunAsync();
    }
}
