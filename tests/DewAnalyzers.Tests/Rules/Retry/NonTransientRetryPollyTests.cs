using System.Threading.Tasks;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace DewAnalyzers.Tests.Rules.Retry;

/// <summary>DEW004 on the real Polly packages: v7 (Polly 7.2.4) policies and v8 (Polly.Core 8.9.1) retry options.</summary>
public sealed class NonTransientRetryPollyTests
{
    private static Task VerifyAsync(string source, ReferenceAssemblies references, LanguageVersion languageVersion = LanguageVersion.Latest, bool withSdk = true)
    {
        var test = new Infrastructure.AnalyzerTest<NonTransientRetryAnalyzer>(withSdk) { TestCode = source, LanguageVersion = languageVersion, ReferenceAssemblies = references };
        return test.RunAsync();
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task Polly7_RetryChains_AreReported(LanguageVersion version) => VerifyAsync(
        """
        using System;
        using HuaweiCloud.SDK.Core;
        using Polly;

        class C
        {
            void M()
            {
                Policy.Handle<ServiceResponseException>(e => e.ErrorCode == {|DEW004:"KMS.0207"|} || e.ErrorCode == "KMS.0101")
                    .Or<ClientRequestException>(e => e.ErrorCode == {|DEW004:"KMS.0303"|})
                    .WaitAndRetry(3, i => TimeSpan.FromMilliseconds(100 * i));
                Policy.Handle<ServiceResponseException>(e => e.ErrorCode == {|DEW004:"KMS.0209"|}).RetryAsync(3);
                Policy.Handle<ServiceResponseException>(IsGone).RetryForever();
                Policy<string>.Handle<ServiceResponseException>(e => string.Equals(e.ErrorCode, {|DEW004:"KMS.0210"|})).OrResult(r => r == null).WaitAndRetryAsync(2, i => TimeSpan.Zero);
                Policy.HandleResult<string>(r => r == "x").Or<ServiceResponseException>(e => e.ErrorCode == {|DEW004:"KMS.0306"|}).Retry();
            }

            static bool IsGone(ServiceResponseException e) => e.ErrorCode == {|DEW004:"KMS.1105"|};
        }
        """, TestReferences.Net80WithPolly7, version);

    [Fact]
    public Task Polly7_TransientCircuitBreakerFallbackAndTimeout_AreNotReported() => VerifyAsync(
        """
        using System;
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;
        using Polly;

        class C
        {
            void M()
            {
                Policy.Handle<ServiceResponseException>(e => e.ErrorCode == "KMS.0101" || e.ErrorCode == "CSMS.0001").WaitAndRetry(3, i => TimeSpan.Zero);
                Policy.Handle<ServiceResponseException>(e => DewErrorCodes.IsTransient(e.ErrorCode)).Retry(3);
                Policy.Handle<ServiceResponseException>(e => e.ErrorCode == "KMS.0207").CircuitBreaker(2, TimeSpan.FromSeconds(30));
                Policy.Handle<ServiceResponseException>(e => e.ErrorCode == "KMS.0207").Fallback(() => { });
                Policy<string>.Handle<ServiceResponseException>(e => e.ErrorCode == "KMS.0303").Fallback("cached");
                Policy.Timeout(5);
            }
        }
        """, TestReferences.Net80WithPolly7);

    [Fact]
    public Task Polly8_ShouldHandle_BuilderAndLambdas_AreReported() => VerifyAsync(
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
                    ShouldHandle = new PredicateBuilder().Handle<ServiceResponseException>(e => e.ErrorCode == {|DEW004:"KMS.0207"|} || e.ErrorCode == "KMS.0101"),
                };
                var b = new RetryStrategyOptions<string>
                {
                    ShouldHandle = new PredicateBuilder<string>()
                        .Handle<ClientRequestException>(e => e.ErrorCode is {|DEW004:"KMS.0303"|} or "KMS.0104")
                        .HandleResult(r => r == "retry"),
                };
                var c = new RetryStrategyOptions();
                c.ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ServiceResponseException e && e.ErrorCode == {|DEW004:"KMS.0209"|});
                var d = new RetryStrategyOptions
                {
                    ShouldHandle = args => args.Outcome.Exception switch
                    {
                        ServiceResponseException { ErrorCode: {|DEW004:"KMS.0210"|} } => PredicateResult.True(),
                        ServiceResponseException { ErrorCode: "KMS.0301" } => PredicateResult.False(),
                        _ => PredicateResult.False(),
                    },
                };
            }
        }
        """, TestReferences.Net80WithPolly8);

    [Fact]
    public Task Polly8_TransientAndOtherStrategies_AreNotReported() => VerifyAsync(
        """
        using System.Threading.Tasks;
        using HuaweiCloud.SDK.Core;
        using Polly;
        using Polly.CircuitBreaker;
        using Polly.Fallback;
        using Polly.Retry;

        class C
        {
            void M()
            {
                var retry = new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<ServiceResponseException>(e => e.ErrorCode == "KMS.0101"),
                };
                var breaker = new CircuitBreakerStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<ServiceResponseException>(e => e.ErrorCode == "KMS.0207"),
                };
                var fallback = new FallbackStrategyOptions<string>
                {
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ServiceResponseException e && e.ErrorCode == "KMS.0207"),
                };
            }
        }
        """, TestReferences.Net80WithPolly8);

    [Fact]
    public Task Polly8_WithoutSdk_PlainStringsAreStillMatchedByValue() => VerifyAsync(
        """
        using System;
        using Polly;
        using Polly.Retry;

        class C
        {
            void M()
            {
                var retry = new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<InvalidOperationException>(e => e.Message == {|DEW004:"KMS.0207"|}),
                };
            }
        }
        """, TestReferences.Net80WithPolly8, withSdk: false);

    [Fact]
    public Task NoPolly_PolicyLookalikes_AreNotReported() => VerifyAsync(
        """
        using System;
        using HuaweiCloud.SDK.Core;

        static class Policy
        {
            public static Builder Handle<T>(Func<T, bool> predicate) => new Builder();
        }

        class Builder
        {
            public void WaitAndRetry(int count) { }
        }

        class C
        {
            void M() => Policy.Handle<ServiceResponseException>(e => e.ErrorCode == "KMS.0207").WaitAndRetry(3);
        }
        """, TestReferences.Net80);
}
