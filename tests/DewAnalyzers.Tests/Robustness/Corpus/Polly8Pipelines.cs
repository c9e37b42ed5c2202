// refs: sdk polly8
using System;
using System.Threading.Tasks;
using Dew.ErrorCodes;
using HuaweiCloud.SDK.Core;
using HuaweiCloud.SDK.Kms.V2;
using HuaweiCloud.SDK.Kms.V2.Model;
using Polly;
using Polly.Retry;

namespace Corpus.Polly8
{
    public sealed class Pipelines
    {
        private static readonly ResiliencePipeline Builder = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<ServiceResponseException>(e => e.ErrorCode == "KMS.0101" || e.ErrorCode == KmsErrorCodes.KeyNotFound)
                    .Handle<ClientRequestException>(e => e.ErrorCode is "KMS.0207"),
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
            })
            .Build();

        private static readonly ResiliencePipeline Delegate = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => args.Outcome.Exception switch
                {
                    ServiceResponseException { ErrorCode: "KMS.0110" } => PredicateResult.True(),
                    ServiceResponseException e when e.ErrorCode == "KMS.0206" => PredicateResult.True(),
                    _ => PredicateResult.False(),
                },
            })
            .Build();

        private static readonly ResiliencePipeline<CreateKeyResponse> Typed = new ResiliencePipelineBuilder<CreateKeyResponse>()
            .AddRetry(new RetryStrategyOptions<CreateKeyResponse>
            {
                ShouldHandle = new PredicateBuilder<CreateKeyResponse>()
                    .Handle<ServiceResponseException>(IsRetryable)
                    .HandleResult(r => r is null),
                MaxRetryAttempts = int.MaxValue,
            })
            .Build();

        private static ValueTask<bool> Named(RetryPredicateArguments<object> args)
            => new(args.Outcome.Exception is ServiceResponseException { ErrorCode: "KMS.0213" });

        private static readonly ResiliencePipeline WithNamed = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions { ShouldHandle = Named })
            .Build();

        public static ValueTask<CreateKeyResponse> CreateAsync(KmsAsyncClient client)
            => Typed.ExecuteAsync(async token => await client.CreateKeyAsync(new CreateKeyRequest()));

        public static void Run(Action action)
        {
            Builder.Execute(action);
            Delegate.Execute(action);
            WithNamed.Execute(action);
        }

        private static bool IsRetryable(ServiceResponseException e) => DewErrorCodes.IsTransient(e.ErrorCode) || e.ErrorCode == "KMS.0302";
    }
}
