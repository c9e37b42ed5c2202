using System.Threading.Tasks;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace DewAnalyzers.Tests.Rules.Retry;

/// <summary>DEW004 on the SDK's WithRetry, hand-written loops and named predicates.</summary>
public sealed class NonTransientRetryTests
{
    private static Task VerifyAsync(string source, LanguageVersion languageVersion = LanguageVersion.Latest, bool withSdk = true, params DiagnosticResult[] expected)
    {
        var test = new Infrastructure.AnalyzerTest<NonTransientRetryAnalyzer>(withSdk) { TestCode = source, LanguageVersion = languageVersion };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task WithRetry_PermanentAndAfterActionCodes_AreReported(LanguageVersion version) => VerifyAsync(
        """
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            void M(KmsClient client, ListKeysRequest request)
            {
                client.ListKeysInvoker(request)
                    .WithRetry((response, e) => e is ServiceResponseException s && (s.ErrorCode == {|DEW004:"KMS.0207"|} || s.ErrorCode == "KMS.0101" || s.ErrorCode == {|DEW004:"KMS.0303"|}), 3, BackoffStrategies.EqualJitter)
                    .Invoke();
            }
        }
        """, version);

    [Fact]
    public Task WithRetry_Message_GivesClassAndMeasure() => VerifyAsync(
        """
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            void M(KmsClient client, ListKeysRequest request)
            {
                client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && (s.ErrorCode == {|#0:"KMS.0303"|} || s.ErrorCode == {|#1:"KMS.0207"|}), 3, BackoffStrategies.None).Invoke();
            }
        }
        """,
        LanguageVersion.Latest,
        true,
        new DiagnosticResult("DEW004", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("KMS.0303", "X-Auth-Token expired", "needs action first", "Obtain the token again and ensure the token string is complete.", "after-action:credential"),
        new DiagnosticResult("DEW004", DiagnosticSeverity.Warning).WithLocation(1)
            .WithArguments("KMS.0207", "The key does not exist", "never succeeds on retry", "Choose a valid key or create a key.", "permanent"));

    [Fact]
    public Task WithRetry_TransientCodesAndStatus_AreNotReported() => VerifyAsync(
        """
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            void M(KmsClient client, ListKeysRequest request)
            {
                client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && (s.ErrorCode == "KMS.0101" || s.ErrorCode == KmsErrorCodes.ServiceUnavailable || s.HttpStatusCode == 503), 3, BackoffStrategies.None).Invoke();
                client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && DewErrorCodes.IsTransient(s.ErrorCode), 3, BackoffStrategies.None).Invoke();
                client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && s.ErrorCode != "KMS.0207", 3, BackoffStrategies.None).Invoke();
            }
        }
        """);

    [Fact]
    public Task WithRetry_AsyncInvoker_PatternsConstantsAndMethodGroup() => VerifyAsync(
        """
        using System.Threading.Tasks;
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            const string Gone = "KMS.0207";

            async Task M(KmsAsyncClient client, ListKeysRequest request)
            {
                await client.ListKeysAsyncInvoker(request).WithRetry((r, e) => e is ServiceResponseException { ErrorCode: {|DEW004:"KMS.0209"|} or "KMS.0101" }, 3, BackoffStrategies.None).Invoke();
                await client.ListKeysAsyncInvoker(request).WithRetry((r, e) => (e as ServiceResponseException)?.ErrorCode is {|DEW004:KmsErrorCodes.KeyDisabled|}, 3, BackoffStrategies.None).Invoke();
                await client.ListKeysAsyncInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && string.Equals(s.ErrorCode, {|DEW004:Gone|}), 3, BackoffStrategies.None).Invoke();
                await client.ListKeysAsyncInvoker(request).WithRetry(Check, 3, BackoffStrategies.None).Invoke();
            }

            static bool Check(ListKeysResponse response, SdkException exception)
            {
                if (exception is ServiceResponseException s)
                {
                    switch (s.ErrorCode)
                    {
                        case {|DEW004:"KMS.0210"|}:
                        case "KMS.0101":
                            return true;
                    }
                }

                return false;
            }
        }
        """);

    [Fact]
    public Task WithRetry_FollowsCalledPredicateAndCollection() => VerifyAsync(
        """
        using System.Collections.Generic;
        using System.Linq;
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            static readonly HashSet<string> Codes = new HashSet<string> { {|DEW004:"KMS.0207"|}, "KMS.0101" };

            void M(KmsClient client, ListKeysRequest request)
            {
                client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && Codes.Contains(s.ErrorCode), 3, BackoffStrategies.None).Invoke();
                client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && Decide(s.ErrorCode), 3, BackoffStrategies.None).Invoke();
                client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && new[] { {|DEW004:"KMS.1105"|} }.Contains(s.ErrorCode), 3, BackoffStrategies.None).Invoke();
            }

            static bool Decide(string code) => code == {|DEW004:"KMS.0306"|} || code == "CSMS.0001";
        }
        """);

    [Fact]
    public Task Loop_WhenFilterWithAttemptCounter_IsReported() => VerifyAsync(
        """
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            ListKeysResponse M(KmsClient client, ListKeysRequest request)
            {
                var attempt = 0;
                while (true)
                {
                    try
                    {
                        return client.ListKeys(request);
                    }
                    catch (ServiceResponseException e) when ((e.ErrorCode == {|DEW004:"KMS.0207"|} || e.ErrorCode == "KMS.0101") && attempt++ < 3)
                    {
                    }
                }
            }
        }
        """);

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task Loop_IfInHandler_ContinueAndFallThrough(LanguageVersion version) => VerifyAsync(
        """
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            void M(KmsClient client, ListKeysRequest request)
            {
                for (var i = 0; i < 3; i++)
                {
                    try
                    {
                        client.ListKeys(request);
                        break;
                    }
                    catch (ServiceResponseException e)
                    {
                        if (e.ErrorCode == {|DEW004:"KMS.0209"|})
                        {
                            continue;
                        }

                        throw;
                    }
                }

                do
                {
                    try
                    {
                        client.ListKeys(request);
                        return;
                    }
                    catch (ServiceResponseException e)
                    {
                        if (e.ErrorCode != {|DEW004:"KMS.0303"|})
                        {
                            throw;
                        }
                    }
                }
                while (true);
            }
        }
        """, version);

    [Fact]
    public Task Loop_HandlerThatExits_IsNotReported() => VerifyAsync(
        """
        using System;
        using System.Collections.Generic;
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            void M(KmsClient client, ListKeysRequest request, List<string> keyIds)
            {
                while (true)
                {
                    try
                    {
                        client.ListKeys(request);
                        return;
                    }
                    catch (ServiceResponseException e) when (e.ErrorCode == "KMS.0207")
                    {
                        throw new InvalidOperationException("gone", e);
                    }
                    catch (ServiceResponseException e)
                    {
                        if (e.ErrorCode == "KMS.0209")
                        {
                            return;
                        }

                        if (e.ErrorCode == "KMS.0303")
                        {
                            break;
                        }
                    }
                }

                foreach (var id in keyIds)
                {
                    try
                    {
                        client.ListKeys(new ListKeysRequest { Body = id });
                    }
                    catch (ServiceResponseException e) when (e.ErrorCode == "KMS.0207")
                    {
                        continue;
                    }
                }

                try
                {
                    client.ListKeys(request);
                }
                catch (ServiceResponseException e) when (e.ErrorCode == "KMS.0207")
                {
                }
            }
        }
        """);

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, false)]
    [InlineData(LanguageVersion.Latest, false)]
    [InlineData(LanguageVersion.Latest, true)]
    public Task NamedPredicates_AreReported_EvenWithoutSdk(LanguageVersion version, bool withSdk) => VerifyAsync(
        """
        using System.Collections.Generic;

        static class Retries
        {
            public static readonly string[] RetryableCodes = { {|DEW004:"KMS.0207"|}, "KMS.0101" };
            private static readonly List<string> TransientErrorCodes = new List<string> { "CSMS.0001", {|DEW004:"CSMS.0103"|} };

            public static bool ShouldRetry(string code) => code == {|DEW004:"KMS.0209"|} || code == "KMS.0104";

            public static bool IsRetryable(string code)
            {
                switch (code)
                {
                    case "KMS.0101":
                    case {|DEW004:"KMS.1201"|}:
                        return true;
                    default:
                        return false;
                }
            }

            public static bool CanRetry(string code)
            {
                if (code.Equals({|DEW004:"KMS.0301"|}))
                {
                    return true;
                }

                var transientCodes = new HashSet<string> { {|DEW004:"KMS.0405"|} };
                return transientCodes.Contains(code);
            }

            // Negated names are not retry predicates.
            public static bool IsNonRetryable(string code) => code == "KMS.0207";
            public static bool ShouldNotRetry(string code) => code == "KMS.0207";
            public static readonly string[] NonTransientCodes = { "KMS.0207" };
            public static bool IsKeyGone(string code) => code == "KMS.0207";
            public static string RetryCode(string code) => code == "KMS.0207" ? "a" : "b";
        }
        """, version, withSdk);

    [Fact]
    public Task NamedPredicate_SwitchExpressionAndPatterns() => VerifyAsync(
        """
        static class Retries
        {
            public static bool IsTransient(string code) => code switch
            {
                {|DEW004:"KMS.0207"|} or "KMS.0101" => true,
                "KMS.0209" => false,
                _ => false,
            };

            public static bool ShouldRetry(string code) => code is "KMS.0101" or {|DEW004:"KMS.0303"|};
        }
        """);

    [Fact]
    public Task NoSdkNoPolly_OnlyNamedPredicates() => VerifyAsync(
        """
        class C
        {
            void M(System.Func<string> call)
            {
                while (true)
                {
                    try
                    {
                        call();
                        return;
                    }
                    catch (System.Exception e) when (e.Message == "KMS.0207")
                    {
                    }
                }
            }

            static bool Decide(string code) => code == "KMS.0207";
        }
        """, LanguageVersion.Latest, withSdk: false);

    // ---- remedies: a loop that performs the remedy of an after-action:state code before going round ----

    private const string RemedyUsings = """
        using System;
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Csms.V1;
        using HuaweiCloud.SDK.Csms.V1.Model;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        """;

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task Loop_ThatPerformsTheRemedy_IsNotReported(LanguageVersion version) => VerifyAsync(RemedyUsings + """
        class C
        {
            DecryptDataResponse M(KmsClient kms, DecryptDataRequest request, string keyId)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try { return kms.DecryptData(request); }
                    catch (ClientRequestException e) when (e.ErrorCode == "KMS.0209" && attempt < 1)
                    {
                        kms.EnableKey(new EnableKeyRequest());
                    }
                    catch (ClientRequestException e) when (attempt < 2)
                    {
                        if (e.ErrorCode == "KMS.0210")
                        {
                            kms.CancelKeyDeletion(new CancelKeyDeletionRequest());
                            continue;
                        }

                        throw;
                    }
                }
            }

            ShowSecretResponse N(CsmsClient csms, ShowSecretRequest request)
            {
                while (true)
                {
                    try { return csms.ShowSecret(request); }
                    catch (ClientRequestException e)
                    {
                        Console.WriteLine(e.ErrorMsg);
                        if (e.ErrorCode != "CSMS.0103")
                        {
                            throw;
                        }

                        csms.RestoreSecret(new RestoreSecretRequest());
                    }
                }
            }
        }
        """, version);

    [Fact]
    public Task Loop_WithoutTheRemedy_OrWithAnotherCodesRemedy_OrForAPermanentCode_IsReported() => VerifyAsync(RemedyUsings + """
        class C
        {
            DecryptDataResponse M(KmsClient kms, DecryptDataRequest request)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try { return kms.DecryptData(request); }
                    catch (ClientRequestException e) when (e.ErrorCode == {|DEW004:"KMS.0209"|} && attempt < 1)
                    {
                        kms.CancelKeyDeletion(new CancelKeyDeletionRequest());
                    }
                    catch (ClientRequestException e) when (e.ErrorCode == {|DEW004:"KMS.0210"|} && attempt < 2)
                    {
                        Console.WriteLine("waiting");
                    }
                    catch (ClientRequestException e) when (e.ErrorCode == {|DEW004:"KMS.0207"|} && attempt < 3)
                    {
                        kms.EnableKey(new EnableKeyRequest());
                    }
                }
            }
        }
        """);

    [Fact]
    public Task WithRetry_CannotPerformARemedy_IsReported() => VerifyAsync(RemedyUsings + """
        class C
        {
            void M(KmsClient kms, DecryptDataRequest request)
            {
                kms.DecryptDataInvoker(request)
                    .WithRetry((response, e) => e is ServiceResponseException s && s.ErrorCode == {|DEW004:"KMS.0209"|}, 3, BackoffStrategies.EqualJitter)
                    .Invoke();
                kms.EnableKey(new EnableKeyRequest());
            }
        }
        """);
}
