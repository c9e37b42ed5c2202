using System.Threading.Tasks;
using DewAnalyzers.CodeFixes;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace DewAnalyzers.Tests.Rules.Retry;

/// <summary>
/// DEW007's "Retry only transient codes": the fixed code compiles (at C# 7.3 and the latest version) and is no longer
/// reported (the framework re-runs the analyzer on it); FixAll; not offered without the generated constants.
/// </summary>
public sealed class BlanketRetryFixTests
{
    private static Task FixAsync(string source, string fixedSource, LanguageVersion version = LanguageVersion.Latest, ReferenceAssemblies? references = null, bool withConstants = true)
    {
        var test = new CodeFixTest<BlanketRetryAnalyzer, BlanketRetryFixer>
        {
            TestCode = source,
            FixedCode = fixedSource,
            LanguageVersion = version,
            CodeActionEquivalenceKey = BlanketRetryFixer.EquivalenceKey,
        };
        if (references is not null)
        {
            test.ReferenceAssemblies = references;
        }

        return withConstants ? test.WithConstants().RunAsync() : test.RunAsync();
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task Polly7_TypeOnlyHandlers_GetAPredicate_FixAll(LanguageVersion version) => FixAsync(
        """
        using System;
        using HuaweiCloud.SDK.Core;
        using Polly;

        class C
        {
            void M(string e)
            {
                Policy.{|DEW007:Handle<ServiceResponseException>()|}.{|DEW007:Or<ClientRequestException>()|}.{|DEW007:Or<SdkException>()|}.WaitAndRetry(3, i => TimeSpan.FromSeconds(i));
            }
        }
        """,
        """
        using System;
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;
        using Polly;

        class C
        {
            void M(string e)
            {
                Policy.Handle<ServiceResponseException>(e1 => DewErrorCodes.IsTransient(e1.ErrorCode)).Or<ClientRequestException>(e2 => DewErrorCodes.IsTransient(e2.ErrorCode)).Or<SdkException>(e3 => !(e3 is ServiceResponseException serviceError) || DewErrorCodes.IsTransient(serviceError.ErrorCode)).WaitAndRetry(3, i => TimeSpan.FromSeconds(i));
            }
        }
        """,
        version,
        TestReferences.Net80WithPolly7);

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task Polly7_BlindPredicate_IsNarrowed(LanguageVersion version) => FixAsync(
        """
        using HuaweiCloud.SDK.Core;
        using Polly;

        class C
        {
            bool _enabled;

            void M()
            {
                Policy.{|DEW007:Handle<ServiceResponseException>(e => _enabled || e == null)|}.Retry(3);
                Policy.{|DEW007:Handle<ClientRequestException>(x => true)|}.Retry(3);
            }
        }
        """,
        """
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;
        using Polly;

        class C
        {
            bool _enabled;

            void M()
            {
                Policy.Handle<ServiceResponseException>(e => (_enabled || e == null) && DewErrorCodes.IsTransient(e.ErrorCode)).Retry(3);
                Policy.Handle<ClientRequestException>(x => DewErrorCodes.IsTransient(x.ErrorCode)).Retry(3);
            }
        }
        """,
        version,
        TestReferences.Net80WithPolly7);

    [Fact]
    public Task Polly8_BuilderAndPredicate_AreNarrowed() => FixAsync(
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
                    ShouldHandle = new PredicateBuilder().{|DEW007:Handle<ClientRequestException>()|}.Handle<ConnectionException>(),
                };
                var b = new RetryStrategyOptions
                {
                    ShouldHandle = {|DEW007:args => ValueTask.FromResult(args.Outcome.Exception is ServiceResponseException)|},
                };
            }
        }
        """,
        """
        using System.Threading.Tasks;
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;
        using Polly;
        using Polly.Retry;

        class C
        {
            void M()
            {
                var a = new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<ClientRequestException>(e => DewErrorCodes.IsTransient(e.ErrorCode)).Handle<ConnectionException>(),
                };
                var b = new RetryStrategyOptions
                {
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ServiceResponseException && (!(args.Outcome.Exception is ServiceResponseException serviceError) || DewErrorCodes.IsTransient(serviceError.ErrorCode))),
                };
            }
        }
        """,
        references: TestReferences.Net80WithPolly8);

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task WithRetry_KeepsItsNonServicePart(LanguageVersion version) => FixAsync(
        """
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            void M(KmsClient kms, DecryptDataRequest r)
            {
                kms.DecryptDataInvoker(r).WithRetry({|DEW007:(resp, ex) => ex != null|}, 3, BackoffStrategies.EqualJitter).Invoke();
                kms.DecryptDataInvoker(r).WithRetry({|DEW007:(resp, ex) => ex is ConnectionException || ex is ServiceResponseException|}, 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry({|DEW007:(resp, ex) => true|}, 3, BackoffStrategies.None).Invoke();
            }
        }
        """,
        """
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            void M(KmsClient kms, DecryptDataRequest r)
            {
                kms.DecryptDataInvoker(r).WithRetry((resp, ex) => ex != null && (!(ex is ServiceResponseException serviceError) || DewErrorCodes.IsTransient(serviceError.ErrorCode)), 3, BackoffStrategies.EqualJitter).Invoke();
                kms.DecryptDataInvoker(r).WithRetry((resp, ex) => (ex is ConnectionException || ex is ServiceResponseException) && (!(ex is ServiceResponseException serviceError1) || DewErrorCodes.IsTransient(serviceError1.ErrorCode)), 3, BackoffStrategies.None).Invoke();
                kms.DecryptDataInvoker(r).WithRetry((resp, ex) => !(ex is ServiceResponseException serviceError2) || DewErrorCodes.IsTransient(serviceError2.ErrorCode), 3, BackoffStrategies.None).Invoke();
            }
        }
        """,
        version);

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task Catch_GetsOrNarrowsItsFilter(LanguageVersion version) => FixAsync(
        """
        using System;
        using System.Threading;
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            DecryptDataResponse A(KmsClient kms, DecryptDataRequest r)
            {
                var attempt = 0;
                while (true)
                {
                    try { return kms.DecryptData(r); }
                    {|DEW007:catch (ServiceResponseException) when (attempt++ < 3)|} { Thread.Sleep(100); }
                }
            }

            DecryptDataResponse B(KmsClient kms, DecryptDataRequest r)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        return kms.DecryptData(r);
                    }
                    {|DEW007:catch (ClientRequestException e)|}
                    {
                        if (attempt > 3) throw;
                    }
                }
            }

            void D(KmsClient kms, DecryptDataRequest r)
            {
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    try { kms.DecryptData(r); break; }
                    catch (ServerResponseException) { throw; }
                    {|DEW007:catch|} { }
                }
            }
        }
        """,
        """
        using System;
        using System.Threading;
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            DecryptDataResponse A(KmsClient kms, DecryptDataRequest r)
            {
                var attempt = 0;
                while (true)
                {
                    try { return kms.DecryptData(r); }
                    catch (ServiceResponseException e) when (attempt++ < 3 && DewErrorCodes.IsTransient(e.ErrorCode)) { Thread.Sleep(100); }
                }
            }

            DecryptDataResponse B(KmsClient kms, DecryptDataRequest r)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        return kms.DecryptData(r);
                    }
                    catch (ClientRequestException e) when (DewErrorCodes.IsTransient(e.ErrorCode))
                    {
                        if (attempt > 3) throw;
                    }
                }
            }

            void D(KmsClient kms, DecryptDataRequest r)
            {
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    try { kms.DecryptData(r); break; }
                    catch (ServerResponseException) { throw; }
                    catch (Exception e) when (!(e is ServiceResponseException serviceError) || DewErrorCodes.IsTransient(serviceError.ErrorCode)) { }
                }
            }
        }
        """,
        version);

    [Fact]
    public Task NotOffered_WithoutTheGeneratedConstants()
    {
        const string Source = """
            using HuaweiCloud.SDK.Core;
            using Polly;

            class C
            {
                void M() => Policy.{|DEW007:Handle<ServiceResponseException>()|}.Retry(3);
            }
            """;
        return FixAsync(Source, Source, references: TestReferences.Net80WithPolly7, withConstants: false);
    }

    [Fact]
    public Task NotOffered_ForAPolly8SwitchExpression()
    {
        const string Source = """
            using HuaweiCloud.SDK.Core;
            using Polly;
            using Polly.Retry;

            class C
            {
                RetryStrategyOptions Options() => new RetryStrategyOptions
                {
                    ShouldHandle = {|DEW007:args => args.Outcome.Exception switch
                    {
                        ClientRequestException => PredicateResult.True(),
                        _ => PredicateResult.False(),
                    }|},
                };
            }
            """;
        return FixAsync(Source, Source, references: TestReferences.Net80WithPolly8);
    }
}
