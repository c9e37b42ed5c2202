using System.Threading.Tasks;
using Xunit;

namespace DewAnalyzers.Tests.Rules;

/// <summary>DEW003 asks only for codes that can reach the handler set: the catch filter narrows them; families count as handled.</summary>
public sealed partial class MissingErrorCodeCaseTests
{
    private static string InDecryptCatch(string filter, string sections, string exception = "ClientRequestException") => InClass($$"""
            string M()
            {
                try { kms.DecryptData(new HuaweiCloud.SDK.Kms.V2.Model.DecryptDataRequest()); return "ok"; }
                catch ({{exception}} e){{filter}}
                {
                    switch (e.ErrorCode)
                    {
        {{sections}}
                        default:
                            throw;
                    }
                }
            }
        """);

    [Theory]
    [InlineData(" when (e.HttpStatusCode == 404)", "case \"KMS.0207\": return null;")]
    [InlineData(" when (e.HttpStatusCode == 404 && e.ErrorMsg != null)", "case \"KMS.0207\": return null;")]
    [InlineData(" when (e.ErrorCode == \"KMS.0209\" || e.ErrorCode == \"KMS.0210\")", "case \"KMS.0209\": case \"KMS.0210\": return \"state\";")]
    [InlineData(" when (e.ErrorMsg != null && e.ErrorCode is \"KMS.0209\" or \"KMS.0210\")", "case \"KMS.0209\": case \"KMS.0210\": return \"state\";")]
    [InlineData("", "case var c when c.StartsWith(\"KMS.\", StringComparison.Ordinal): return \"kms\";")]
    [InlineData("", "case var c when c.StartsWith(\"kms.\", StringComparison.OrdinalIgnoreCase): return \"kms\";")]
    [InlineData("", "case var c when c.StartsWith(\"KMS.\"): return \"kms\";")]
    [InlineData("", "case var c when c.ToUpperInvariant().StartsWith(\"KMS.\"): return \"kms\";")]
    [InlineData("", "case string c when e.ErrorCode.StartsWith(\"KMS.0\") || e.ErrorCode.StartsWith(\"KMS.1\") || e.ErrorCode.StartsWith(\"KMS.2\"): return \"kms\";")]
    public Task CodesThatCannotReachOrAreHandledAsAFamily_NotReported(string filter, string sections)
        => AnalyzeAsync(InDecryptCatch(filter, sections));

    [Theory]
    [InlineData(" when (e.HttpStatusCode == 400)", "case \"KMS.0207\": return null;")]
    [InlineData(" when (e.ErrorCode == \"KMS.0209\" || e.ErrorCode == \"KMS.0210\")", "case \"KMS.0209\": return \"disabled\";")]
    [InlineData(" when (e.ErrorCode == \"KMS.0209\" || e.HttpStatusCode == 404)", "case \"KMS.0209\": return \"disabled\";")]
    [InlineData("", "case var c when c.StartsWith(\"CSMS.\", StringComparison.Ordinal): return \"csms\";")]
    [InlineData("", "case var c when c.StartsWith(\"kms.\"): return \"kms\";")]
    [InlineData("", "case var c when c.StartsWith(\"kms.\", StringComparison.Ordinal): return \"kms\";")]
    public Task CodesThatReachAndAreNotHandled_AreReported(string filter, string sections)
        => AnalyzeAsync(InDecryptCatch(filter, sections).Replace("switch (e.ErrorCode)", "{|DEW003:switch|} (e.ErrorCode)"));

    [Fact]
    public Task FilterOnAnotherException_DoesNotNarrow() => AnalyzeAsync(InClass("""
            string M(ServiceResponseException other)
            {
                try { kms.DecryptData(new HuaweiCloud.SDK.Kms.V2.Model.DecryptDataRequest()); return "ok"; }
                catch (ClientRequestException e) when (other.HttpStatusCode == 404)
                {
                    {|DEW003:switch|} (e.ErrorCode)
                    {
                        case "KMS.0207": return null;
                        default: throw;
                    }
                }
            }
        """));

    /// <summary>An operation whose code list is inferred by analogy (Operations.tsv marks it) is named in the message.</summary>
    [Fact]
    public Task InferredOperation_MessageSaysSo() => AnalyzeAsync(
        InClass("""
            string M()
            {
                try { kms.ReEncrypt(new HuaweiCloud.SDK.Kms.V2.Model.ReEncryptRequest()); return "ok"; }
                catch (ClientRequestException e)
                {
                    {|#0:switch|} (e.ErrorCode)
                    {
                        case "KMS.0207":
                        case "KMS.0209":
                            return null;
                        default:
                            throw;
                    }
                }
            }
        """),
        expected: new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticIds.MissingErrorCodeCase, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithMessage("No case handles 1 error code(s) that ReEncrypt can return: KMS.0210 (The key is in Scheduled deletion state and cannot be used.) (ReEncrypt: code list inferred, not documented)"));
}
