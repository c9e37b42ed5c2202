using System.Threading.Tasks;
using DewAnalyzers.CodeFixes;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace DewAnalyzers.Tests.Rules.Retry;

/// <summary>DEW004 fixes: remove the code from the retry condition; retry only transient codes; FixAll.</summary>
public sealed class NonTransientRetryFixTests
{
    private static Task FixAsync(string source, string fixedSource, string equivalenceKey, LanguageVersion version = LanguageVersion.Latest, ReferenceAssemblies? references = null, int? iterations = null, string? batchFixed = null)
    {
        var test = new CodeFixTest<NonTransientRetryAnalyzer, NonTransientRetryFixer>
        {
            TestCode = source,
            FixedCode = fixedSource,
            LanguageVersion = version,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        if (references is not null)
        {
            test.ReferenceAssemblies = references;
        }

        if (iterations is not null)
        {
            test.NumberOfIncrementalIterations = iterations;
            test.NumberOfFixAllIterations = 1;
        }

        if (batchFixed is not null)
        {
            test.BatchFixedCode = batchFixed;
        }

        return test.WithConstants().RunAsync();
    }

    private const string WithRetrySource = """
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            void M(KmsClient client, ListKeysRequest request)
            {
                client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && (s.ErrorCode == {|DEW004:"KMS.0207"|} || s.ErrorCode == "KMS.0101"), 3, BackoffStrategies.None).Invoke();
            }
        }
        """;

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task Remove_OperandOfOr(LanguageVersion version) => FixAsync(
        WithRetrySource,
        """
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            void M(KmsClient client, ListKeysRequest request)
            {
                client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && (s.ErrorCode == "KMS.0101"), 3, BackoffStrategies.None).Invoke();
            }
        }
        """,
        NonTransientRetryFixer.RemoveEquivalenceKey,
        version);

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public Task RetryOnlyTransient_ReplacesTheWholeCodeTest(LanguageVersion version) => FixAsync(
        WithRetrySource,
        """
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;
        using HuaweiCloud.SDK.Kms.V2;
        using HuaweiCloud.SDK.Kms.V2.Model;

        class C
        {
            void M(KmsClient client, ListKeysRequest request)
            {
                client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && (DewErrorCodes.IsTransient(s.ErrorCode)), 3, BackoffStrategies.None).Invoke();
            }
        }
        """,
        NonTransientRetryFixer.TransientEquivalenceKey,
        version);

    [Fact]
    public async Task OnlyCode_OffersOnlyRetryOnlyTransient()
    {
        var test = new CodeFixTest<NonTransientRetryAnalyzer, NonTransientRetryFixer>
        {
            TestCode = """
                using HuaweiCloud.SDK.Core;
                using HuaweiCloud.SDK.Kms.V2;
                using HuaweiCloud.SDK.Kms.V2.Model;

                class C
                {
                    void M(KmsClient client, ListKeysRequest request)
                    {
                        while (true)
                        {
                            try
                            {
                                client.ListKeys(request);
                                return;
                            }
                            catch (ServiceResponseException e) when (e.ErrorCode == {|DEW004:"KMS.0303"|} && request != null)
                            {
                            }
                        }
                    }
                }
                """,
            FixedCode = """
                using Dew.ErrorCodes;
                using HuaweiCloud.SDK.Core;
                using HuaweiCloud.SDK.Kms.V2;
                using HuaweiCloud.SDK.Kms.V2.Model;

                class C
                {
                    void M(KmsClient client, ListKeysRequest request)
                    {
                        while (true)
                        {
                            try
                            {
                                client.ListKeys(request);
                                return;
                            }
                            catch (ServiceResponseException e) when (DewErrorCodes.IsTransient(e.ErrorCode) && request != null)
                            {
                            }
                        }
                    }
                }
                """,
            LanguageVersion = LanguageVersion.CSharp7_3,
            CodeActionIndex = 0,
            CodeActionEquivalenceKey = NonTransientRetryFixer.TransientEquivalenceKey,
        };
        await test.WithConstants().RunAsync();
    }

    [Fact]
    public Task Remove_OrPatternAlternative_AndCollectionElement() => FixAsync(
        """
        using System.Collections.Generic;
        using HuaweiCloud.SDK.Core;

        static class Retries
        {
            public static readonly HashSet<string> RetryableCodes = new HashSet<string> { "KMS.0101", {|DEW004:"KMS.0207"|}, "KMS.0104" };

            public static bool ShouldRetry(SdkException e) => e is ServiceResponseException { ErrorCode: "KMS.0101" or {|DEW004:"KMS.0209"|} };
        }
        """,
        """
        using System.Collections.Generic;
        using HuaweiCloud.SDK.Core;

        static class Retries
        {
            public static readonly HashSet<string> RetryableCodes = new HashSet<string> { "KMS.0101", "KMS.0104" };

            public static bool ShouldRetry(SdkException e) => e is ServiceResponseException { ErrorCode: "KMS.0101" };
        }
        """,
        NonTransientRetryFixer.RemoveEquivalenceKey);

    [Fact]
    public Task FixAll_Remove_SeveralCodesOfOneChain_Polly7() => FixAsync(
        """
        using System;
        using HuaweiCloud.SDK.Core;
        using Polly;

        class C
        {
            static readonly string[] RetryCodes = { {|DEW004:"KMS.0207"|}, "KMS.0101", {|DEW004:"KMS.0303"|} };

            void M()
            {
                Policy.Handle<ServiceResponseException>(e => e.ErrorCode == {|DEW004:"KMS.0207"|}
                        || e.ErrorCode == "KMS.0101"
                        || e.ErrorCode == {|DEW004:"KMS.0209"|})
                    .WaitAndRetry(3, i => TimeSpan.Zero);
            }
        }
        """,
        """
        using System;
        using HuaweiCloud.SDK.Core;
        using Polly;

        class C
        {
            static readonly string[] RetryCodes = { "KMS.0101" };

            void M()
            {
                Policy.Handle<ServiceResponseException>(e => e.ErrorCode == "KMS.0101")
                    .WaitAndRetry(3, i => TimeSpan.Zero);
            }
        }
        """,
        NonTransientRetryFixer.RemoveEquivalenceKey,
        references: TestReferences.Net80WithPolly7,
        iterations: 4);

    [Fact]
    public Task FixAll_RetryOnlyTransient_Polly8() => FixAsync(
        """
        using HuaweiCloud.SDK.Core;
        using Polly;
        using Polly.Retry;

        class C
        {
            RetryStrategyOptions A() => new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ServiceResponseException>(e => e.ErrorCode == {|DEW004:"KMS.0207"|} || e.ErrorCode == {|DEW004:"KMS.0209"|}),
            };

            RetryStrategyOptions B() => new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ClientRequestException>(e => e.ErrorCode is "KMS.0101" or {|DEW004:"KMS.0303"|}),
            };
        }
        """,
        """
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;
        using Polly;
        using Polly.Retry;

        class C
        {
            RetryStrategyOptions A() => new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ServiceResponseException>(e => DewErrorCodes.IsTransient(e.ErrorCode)),
            };

            RetryStrategyOptions B() => new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ClientRequestException>(e => DewErrorCodes.IsTransient(e.ErrorCode)),
            };
        }
        """,
        NonTransientRetryFixer.TransientEquivalenceKey,
        references: TestReferences.Net80WithPolly8,
        iterations: 2);
}
