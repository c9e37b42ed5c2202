using System.Threading.Tasks;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace DewAnalyzers.Tests.Rules.Retry;

/// <summary>DEW007 on the real Polly packages: v7 (Polly 7.2.4) handler chains and v8 (Polly.Core 8.9.1) ShouldHandle.</summary>
public sealed class BlanketRetryPollyTests
{
    private static Task VerifyAsync(string source, ReferenceAssemblies references, LanguageVersion languageVersion = LanguageVersion.Latest, bool withSdk = true, params DiagnosticResult[] expected)
    {
        var test = new Infrastructure.AnalyzerTest<BlanketRetryAnalyzer>(withSdk) { TestCode = source, LanguageVersion = languageVersion, ReferenceAssemblies = references };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task Polly7_TypeOnlyAndBlindHandlers_AreReported_EachOne(LanguageVersion version) => VerifyAsync(
        """
        using System;
        using HuaweiCloud.SDK.Core;
        using Polly;

        class C
        {
            bool _enabled;

            void M()
            {
                Policy.{|DEW007:Handle<ServiceResponseException>()|}.WaitAndRetryAsync(3, i => TimeSpan.FromSeconds(i));
                Policy.{|DEW007:Handle<ClientRequestException>()|}.Or<ConnectionException>().{|DEW007:Or<ServiceResponseException>()|}.Retry(3);
                Policy.Handle<ServerResponseException>().{|DEW007:Or<SdkException>(e => e != null)|}.RetryForever();
                Policy<string>.{|DEW007:Handle<ServiceResponseException>(e => _enabled)|}.OrResult(r => r == null).WaitAndRetry(2, i => TimeSpan.Zero);
                Policy.HandleResult<string>(r => r == "x").{|DEW007:OrInner<ClientRequestException>()|}.Retry();
                Policy.{|DEW007:HandleInner<ServiceResponseException>(e => true)|}.RetryAsync(1);
            }
        }
        """, TestReferences.Net80WithPolly7, version);

    [Fact]
    public Task Polly7_RestrictedTransportAndNonRetryPolicies_AreNotReported() => VerifyAsync(
        """
        using System;
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;
        using Polly;

        class C
        {
            void M()
            {
                Policy.Handle<ServiceResponseException>(e => e.ErrorCode == "KMS.0101").Retry(3);
                Policy.Handle<ServiceResponseException>(e => DewErrorCodes.IsTransient(e.ErrorCode)).Retry(3);
                Policy.Handle<ServiceResponseException>(e => e.HttpStatusCode >= 500).Retry(3);
                Policy.Handle<ServiceResponseException>(e => IsRetryable(e)).Retry(3);
                Policy.Handle<ServiceResponseException>(IsRetryable).Retry(3);
                Policy.Handle<ServerResponseException>().Or<ConnectionException>().Or<RequestTimeoutException>().WaitAndRetry(3, i => TimeSpan.Zero);
                Policy.Handle<HostUnreachableException>().Or<SslHandShakeException>().Retry();
                Policy.Handle<Exception>().Retry(3);
                Policy.Handle<ServiceResponseException>().CircuitBreaker(2, TimeSpan.FromSeconds(30));
                Policy.Handle<ServiceResponseException>().Fallback(() => { });
            }

            static bool IsRetryable(ServiceResponseException e) => e.HttpStatusCode >= 500;
        }
        """, TestReferences.Net80WithPolly7);

    [Fact]
    public Task Polly7_ExceptionOnAKnownCall_IsReportedWithItsCodes() => VerifyAsync(
        """
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;
        using Polly;

        class C
        {
            void M(KmsClient kms, DecryptDataRequest r)
            {
                Policy.{|#0:Handle<System.Exception>()|}.Retry(3).Execute(() => kms.DecryptData(r));
            }
        }
        """,
        TestReferences.Net80WithPolly7,
        LanguageVersion.Latest,
        true,
        new DiagnosticResult("DEW007", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
            "Exception",
            38,
            " that DecryptData can return",
            "KMS.0207 (The key does not exist.), KMS.0209 (The key has been disabled.), KMS.0210 (The key is in Scheduled deletion state and cannot be used.) and 35 more"));

    [Fact]
    public Task Polly8_BuilderAndPredicates_AreReported() => VerifyAsync(
        """
        using System.Threading.Tasks;
        using HuaweiCloud.SDK.Core;
        using Polly;
        using Polly.Retry;

        class C
        {
            void M()
            {
                var a = new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().{|DEW007:Handle<ClientRequestException>()|},
                };
                var b = new RetryStrategyOptions<string>
                {
                    ShouldHandle = new PredicateBuilder<string>().Handle<ConnectionException>().{|DEW007:Handle<ServiceResponseException>()|}.HandleResult(r => r == null),
                };
                var c = new RetryStrategyOptions();
                c.ShouldHandle = {|DEW007:args => ValueTask.FromResult(args.Outcome.Exception is ServiceResponseException)|};
                var d = new RetryStrategyOptions
                {
                    ShouldHandle = {|DEW007:args => args.Outcome.Exception switch
                    {
                        ConnectionException => PredicateResult.True(),
                        ClientRequestException => PredicateResult.True(),
                        _ => PredicateResult.False(),
                    }|},
                };
                var e = new RetryStrategyOptions
                {
                    ShouldHandle = {|DEW007:args => new ValueTask<bool>(args.Outcome.Exception is SdkException)|},
                };
            }
        }
        """, TestReferences.Net80WithPolly8);

    [Fact]
    public Task Polly8_RestrictedTransportAndOtherStrategies_AreNotReported() => VerifyAsync(
        """
        using System;
        using System.Threading.Tasks;
        using HuaweiCloud.SDK.Core;
        using Polly;
        using Polly.CircuitBreaker;
        using Polly.Retry;

        class C
        {
            void M()
            {
                var a = new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<ServiceResponseException>(e => e.ErrorCode == "KMS.0101") };
                var b = new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<ServerResponseException>().Handle<ConnectionException>() };
                var c = new RetryStrategyOptions { ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ServiceResponseException { HttpStatusCode: >= 500 }) };
                var d = new RetryStrategyOptions { ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ServiceResponseException e && e.ErrorCode == "KMS.0101") };
                var e = new RetryStrategyOptions { ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception != null) };
                var f = new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<Exception>() };
                var g = new RetryStrategyOptions
                {
                    ShouldHandle = args => args.Outcome.Exception switch
                    {
                        ServiceResponseException { ErrorCode: "KMS.0101" } => PredicateResult.True(),
                        _ => PredicateResult.False(),
                    },
                };
                var breaker = new CircuitBreakerStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<ServiceResponseException>() };
            }
        }
        """, TestReferences.Net80WithPolly8);

    [Fact]
    public Task Polly_WithoutSdk_NothingIsReported() => VerifyAsync(
        """
        using System;
        using Polly;

        class C
        {
            void M() => Policy.Handle<Exception>().Retry(3);
        }
        """, TestReferences.Net80WithPolly7, withSdk: false);
}
