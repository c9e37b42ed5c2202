// refs: sdk
using System;
using System.Linq;
using System.Threading.Tasks;
using Dew.ErrorCodes;
using HuaweiCloud.SDK.Core;
using HuaweiCloud.SDK.Kms.V2;
using HuaweiCloud.SDK.Kms.V2.Model;

namespace Corpus.Invokers
{
    public sealed class RetryingKms
    {
        private static readonly string[] Transient = { "KMS.0101", "KMS.0102", KmsErrorCodes.KeyNotFound };
        private readonly KmsClient _client;
        private readonly KmsAsyncClient _async;

        public RetryingKms(KmsClient client, KmsAsyncClient async)
        {
            _client = client;
            _async = async;
        }

        public CreateKeyResponse CreateWithLambda() => _client.CreateKeyInvoker(new CreateKeyRequest())
            .WithRetry((response, error) => error is ServiceResponseException e && e.ErrorCode == "KMS.0101", 3, new ExponentialBackoffStrategy())
            .Invoke();

        public CreateKeyResponse CreateWithBlockLambda() => _client.CreateKeyInvoker(new CreateKeyRequest())
            .AddHeader("X-Trace", "1")
            .WithRetry((response, error) =>
            {
                if (error is ServiceResponseException e)
                {
                    return e.ErrorCode == "KMS.0207" || e.ErrorCode == KmsErrorCodes.KeyNotFound;
                }

                return false;
            }, maxRetries: 5, backoffStrategy: BackoffStrategies.EqualJitter)
            .Invoke();

        public EncryptDataResponse EncryptWithNamedPredicate() => _client.EncryptDataInvoker(new EncryptDataRequest())
            .WithRetry(ShouldRetry, 4, BackoffStrategies.DecorRelatedJitter)
            .Invoke();

        public Task<DecryptDataResponse> DecryptAsync() => _async.DecryptDataAsyncInvoker(new DecryptDataRequest())
            .WithRetry((r, ex) => ex is ServiceResponseException sre && Transient.Contains(sre.ErrorCode), 3, new RandomJitterBackoffStrategy())
            .Invoke();

        public Task<DecryptDataResponse> DecryptForeverAsync() => _async.DecryptDataAsyncInvoker(new DecryptDataRequest())
            .WithRetry((r, ex) => true, 11, BackoffStrategies.None)
            .Invoke();

        public Task<SignResponse> SignAsync()
        {
            Func<SignResponse, SdkException, bool> condition = (r, ex) => ex is ServiceResponseException { ErrorCode: "KMS.0301" or "KMS.0110" };
            var invoker = _async.SignAsyncInvoker(new SignRequest());
            invoker.WithRetry(condition, 2, new NoBackoffStrategy());
            return invoker.Invoke();
        }

        private static bool ShouldRetry(EncryptDataResponse response, SdkException error)
            => error is ServiceResponseException e && (e.ErrorCode == "KMS.0206" || IsServerSide(e.ErrorCode));

        private static bool IsServerSide(string code) => code switch
        {
            "KMS.0101" => true,
            "KMS.0102" => true,
            _ => DewErrorCodes.IsTransient(code),
        };
    }
}
