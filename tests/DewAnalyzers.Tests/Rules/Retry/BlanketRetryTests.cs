using System.Threading.Tasks;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace DewAnalyzers.Tests.Rules.Retry;

/// <summary>DEW007 on the SDK's WithRetry and hand-written retry loops: handlers that admit service errors of every code.</summary>
public sealed class BlanketRetryTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        """;

    private static Task VerifyAsync(string source, LanguageVersion languageVersion = LanguageVersion.Latest, bool withSdk = true, params DiagnosticResult[] expected)
    {
        var test = new Infrastructure.AnalyzerTest<BlanketRetryAnalyzer>(withSdk) { TestCode = source, LanguageVersion = languageVersion };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Dew007(int location) => new DiagnosticResult("DEW007", DiagnosticSeverity.Warning).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    // ---- WithRetry ----

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task WithRetry_ConditionsThatOnlyTestTheType_AreReported(LanguageVersion version) => VerifyAsync(Usings + """
        class C
        {
            void M(KmsClient kms, DecryptDataRequest r, bool enabled)
            {
                kms.DecryptDataInvoker(r).WithRetry({|DEW007:(resp, ex) => ex != null|}, 3, BackoffStrategies.EqualJitter).Invoke();
                kms.DecryptDataInvoker(r).WithRetry({|DEW007:(resp, ex) => ex is SdkException|}, 3, BackoffStrategies.EqualJitter).Invoke();
                kms.DecryptDataInvoker(r).WithRetry({|DEW007:(resp, ex) => ex is ServiceResponseException|}, 3, BackoffStrategies.EqualJitter).Invoke();
                kms.DecryptDataInvoker(r).WithRetry({|DEW007:(resp, ex) => ex is ConnectionException || ex is ClientRequestException|}, 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry({|DEW007:(resp, ex) => enabled && ex is ServiceResponseException|}, 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry({|DEW007:(resp, ex) => resp == null|}, 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry({|DEW007:delegate (DecryptDataResponse resp, SdkException ex) { return ex != null; }|}, 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).AddHeader("X-Trace", "1").WithRetry({|DEW007:(resp, ex) => !(ex is ServerResponseException)|}, 3, BackoffStrategies.None).Invoke();
            }
        }
        """, version);

    [Fact]
    public Task WithRetry_PatternsAndAsyncInvoker_AreReported() => VerifyAsync(Usings + """
        class C
        {
            async Task M(KmsAsyncClient kms, DecryptDataRequest r)
            {
                await kms.DecryptDataAsyncInvoker(r).WithRetry({|DEW007:(resp, ex) => ex is ServiceResponseException s|}, 3, BackoffStrategies.EqualJitter).Invoke();
                await kms.DecryptDataAsyncInvoker(r).WithRetry({|DEW007:(resp, ex) => ex is not null|}, 3, BackoffStrategies.EqualJitter).Invoke();
                await kms.DecryptDataAsyncInvoker(r).WithRetry({|DEW007:(resp, ex) => ex is ConnectionException or ClientRequestException|}, 3, BackoffStrategies.None).Invoke();
                await kms.DecryptDataAsyncInvoker(r).WithRetry({|DEW007:(resp, ex) => ex is ServiceResponseException { } ? true : ex is RequestTimeoutException|}, 3, BackoffStrategies.None).Invoke();
            }
        }
        """);

    [Fact]
    public Task WithRetry_ConditionsThatRestrictTheCodeOrTheType_AreNotReported() => VerifyAsync(Usings + """
        using Dew.ErrorCodes;

        class C
        {
            void M(KmsClient kms, DecryptDataRequest r)
            {
                kms.DecryptDataInvoker(r).WithRetry((resp, ex) => ex is ServiceResponseException s && s.ErrorCode == "KMS.0101", 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry((resp, ex) => ex is ServiceResponseException s && DewErrorCodes.IsTransient(s.ErrorCode), 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry((resp, ex) => ex is ServiceResponseException s && s.HttpStatusCode >= 500, 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry((resp, ex) => ex is ServiceResponseException { HttpStatusCode: 503 }, 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry((resp, ex) => ex is ServerResponseException, 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry((resp, ex) => ex is ConnectionException || ex is RequestTimeoutException, 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry((resp, ex) => ex is HostUnreachableException || ex is SslHandShakeException, 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry((resp, ex) => IsRetryable(ex), 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry(IsRetryable, 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry((resp, ex) => ex.Message.Contains("timeout"), 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry((resp, ex) => resp != null && resp.HttpStatusCode == 200, 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry((resp, ex) => ex == null, 3, BackoffStrategies.None).Invoke();
            }

            static bool IsRetryable(SdkException ex) => true;

            static bool IsRetryable(DecryptDataResponse resp, SdkException ex) => true;
        }
        """);

    [Fact]
    public Task WithRetry_Message_NamesTheTypeAndTheOperationsCodes() => VerifyAsync(
        Usings + """
        class C
        {
            void M(KmsClient kms, DecryptDataRequest r)
            {
                kms.DecryptDataInvoker(r).WithRetry({|#0:(resp, ex) => ex is ClientRequestException|}, 3, BackoffStrategies.None).Invoke();
            }
        }
        """,
        LanguageVersion.Latest,
        true,
        Dew007(0).WithArguments(
            "ClientRequestException",
            38,
            " that DecryptData can return",
            "KMS.0207 (The key does not exist.), KMS.0209 (The key has been disabled.), KMS.0210 (The key is in Scheduled deletion state and cannot be used.) and 35 more"));

    [Fact]
    public Task NoSdk_NothingIsReported() => VerifyAsync(
        """
        using System;

        class C
        {
            void M(Func<string> call)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try { call(); return; }
                    catch (Exception) when (attempt < 3) { }
                }
            }
        }
        """,
        LanguageVersion.Latest,
        withSdk: false);

    // ---- loops ----

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task Loop_CatchThatGoesRoundForEveryCode_IsReported(LanguageVersion version) => VerifyAsync(Usings + """
        class C
        {
            async Task<DecryptDataResponse> A(KmsAsyncClient kms, DecryptDataRequest r)
            {
                var attempt = 0;
                while (true)
                {
                    try { return await kms.DecryptDataAsync(r); }
                    {|DEW007:catch (ServiceResponseException) when (attempt++ < 3)|} { await Task.Delay(100); }
                }
            }

            DecryptDataResponse B(KmsClient kms, DecryptDataRequest r)
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        return kms.DecryptData(r);
                    }
                    {|DEW007:catch (ClientRequestException e)|}
                    {
                        Console.WriteLine(e.ErrorCode + " " + e.ErrorMsg);
                        if (attempt >= 3)
                        {
                            throw;
                        }

                        Thread.Sleep(100 * attempt);
                    }
                }
            }

            void D(KmsClient kms, DecryptDataRequest r)
            {
                var done = false;
                var attempt = 0;
                while (!done && attempt < 3)
                {
                    try
                    {
                        kms.DecryptData(r);
                        done = true;
                    }
                    {|DEW007:catch (SdkException)|}
                    {
                        attempt++;
                    }
                }
            }

            void E(KmsClient kms, DecryptDataRequest r)
            {
                var attempt = 0;
                do
                {
                    try { kms.DecryptData(r); break; }
                    {|DEW007:catch (Exception e) when (!(e is ServerResponseException))|} { attempt++; }
                }
                while (attempt < 3);
            }

            void F(KmsClient kms, DecryptDataRequest r)
            {
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    try { kms.DecryptData(r); break; }
                    catch (ServerResponseException) { throw; }
                    {|DEW007:catch|} { }
                }
            }
        }
        """, version);

    /// <summary>Looking at the exception decides the retry only in a branch that leaves or continues the loop.</summary>
    [Fact]
    public Task Loop_HandlerThatLooksAtTheExceptionOnlyToLogOrWait_IsReported() => VerifyAsync(Usings + """
        class C
        {
            DecryptDataResponse M(KmsClient kms, DecryptDataRequest r)
            {
                for (var attempt = 1; ; attempt++)
                {
                    try { return kms.DecryptData(r); }
                    {|DEW007:catch (ServiceResponseException e) when (attempt < 5)|}
                    {
                        Console.WriteLine(e is ClientRequestException ? "4xx " + e.ErrorCode : "5xx");
                        if (e.HttpStatusCode == 429)
                        {
                            Thread.Sleep(1000);
                        }
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Loop_Message_UsesTheCalledOperations_OrTheStatusClass() => VerifyAsync(
        Usings + """
        class C
        {
            DecryptDataResponse M(KmsClient kms, DecryptDataRequest r)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try { return kms.DecryptData(r); }
                    {|#0:catch (ServiceResponseException) when (attempt < 3)|} { }
                }
            }

            void N(Action call)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try { call(); return; }
                    {|#1:catch (ClientRequestException) when (attempt < 3)|} { }
                }
            }
        }
        """,
        LanguageVersion.Latest,
        true,
        Dew007(0).WithArguments(
            "ServiceResponseException",
            38,
            " that DecryptData can return",
            "KMS.0207 (The key does not exist.), KMS.0209 (The key has been disabled.), KMS.0210 (The key is in Scheduled deletion state and cannot be used.) and 35 more"),
        Dew007(1).WithArguments(
            "ClientRequestException",
            169,
            string.Empty,
            "KMS.0106 (It is replica service, readonly api allowed.), KMS.0201 (Invalid request URL.), KMS.0202 (Invalid JSON format of the request message.) and 166 more"));

    [Fact]
    public Task Loop_HandlersThatRestrictTheCode_OrDoNotGoRound_AreNotReported() => VerifyAsync(Usings + """
        using System.Collections.Generic;

        class C
        {
            DecryptDataResponse A(KmsClient kms, DecryptDataRequest r)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try { return kms.DecryptData(r); }
                    catch (ServiceResponseException e) when (e.HttpStatusCode == 503 && attempt < 3) { }
                    catch (ServiceResponseException e) when (e.ErrorCode == "KMS.0101") { }
                    catch (ServerResponseException) when (attempt < 3) { }
                    catch (ConnectionException) { }
                    catch (RequestTimeoutException) { }
                }
            }

            DecryptDataResponse B(KmsClient kms, DecryptDataRequest r)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try { return kms.DecryptData(r); }
                    catch (ClientRequestException e)
                    {
                        if (e.ErrorCode != "KMS.0101")
                        {
                            throw;
                        }
                    }
                }
            }

            DecryptDataResponse D(KmsClient kms, DecryptDataRequest r)
            {
                while (true)
                {
                    try { return kms.DecryptData(r); }
                    catch (ServiceResponseException e) when (IsRetryable(e)) { }
                    catch (ServiceResponseException e)
                    {
                        throw new InvalidOperationException("failed", e);
                    }
                }
            }

            DecryptDataResponse E(KmsClient kms, DecryptDataRequest r)
            {
                while (true)
                {
                    try { return kms.DecryptData(r); }
                    catch (ClientRequestException) { throw; }
                    catch (ServiceResponseException) { Thread.Sleep(10); }
                }
            }

            DecryptDataResponse F(KmsClient kms, DecryptDataRequest r)
            {
                while (true)
                {
                    try { return kms.DecryptData(r); }
                    catch (ServiceResponseException e)
                    {
                        if (e.HttpStatusCode < 500)
                        {
                            return null;
                        }
                    }
                }
            }

            static bool IsRetryable(ServiceResponseException e) => e.HttpStatusCode >= 500;
        }
        """);

    [Fact]
    public Task Loop_OverItems_ExceptionWithoutAKnownCall_AndNoLoop_AreNotReported() => VerifyAsync(Usings + """
        using System.Collections.Generic;

        class C
        {
            void A(KmsClient kms, List<DecryptDataRequest> requests)
            {
                foreach (var request in requests)
                {
                    try { kms.DecryptData(request); }
                    catch (ServiceResponseException) { }
                }

                for (var i = 0; i < requests.Count; i++)
                {
                    try { kms.DecryptData(requests[i]); }
                    catch (ClientRequestException) { }
                }

                var queue = new Queue<DecryptDataRequest>(requests);
                while (queue.Count > 0)
                {
                    var next = queue.Dequeue();
                    try { kms.DecryptData(next); }
                    catch (ClientRequestException) { Console.WriteLine("skipped"); }
                }
            }

            void B(Action call)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try { call(); return; }
                    catch (Exception) when (attempt < 3) { }
                }
            }

            void D(KmsClient kms, DecryptDataRequest r)
            {
                try { kms.DecryptData(r); }
                catch (ServiceResponseException) { }
            }
        }
        """);
}
