// refs: sdk polly7
using System;
using System.Threading.Tasks;
using Dew.ErrorCodes;
using HuaweiCloud.SDK.Core;
using HuaweiCloud.SDK.Kms.V2;
using HuaweiCloud.SDK.Kms.V2.Model;
using Polly;
using Polly.Retry;

namespace Corpus.Polly7
{
    public sealed class Policies
    {
        private static readonly AsyncRetryPolicy Transient = Policy
            .Handle<ServiceResponseException>(e => e.ErrorCode == "KMS.0101" || e.ErrorCode == KmsErrorCodes.KeyNotFound)
            .Or<ServerResponseException>(e => e.ErrorCode == "KMS.0102")
            .WaitAndRetryAsync(3, attempt => TimeSpan.FromMilliseconds(100 * attempt));

        private static readonly RetryPolicy Forever = Policy
            .Handle<ClientRequestException>(e => e.ErrorCode is "KMS.0207" or "KMS.0213")
            .RetryForever();

        private static readonly RetryPolicy Named = Policy.Handle<ServiceResponseException>(IsRetryable).Retry(2);

        private static readonly RetryPolicy<CreateKeyResponse> Results = Policy
            .HandleResult<CreateKeyResponse>(r => r == null)
            .OrInner<ServiceResponseException>(e => e.ErrorCode == "KMS.0206")
            .WaitAndRetry(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) });

        private readonly KmsAsyncClient _client;

        public Policies(KmsAsyncClient client) => _client = client;

        public Task<CreateKeyResponse> CreateAsync() => Transient.ExecuteAsync(() => _client.CreateKeyAsync(new CreateKeyRequest()));

        public void Run(Action action)
        {
            Forever.Execute(action);
            Named.Execute(action);
        }

        public CreateKeyResponse Run(Func<CreateKeyResponse> f) => Results.Execute(f);

        public static async Task Inline(KmsAsyncClient client)
        {
            await Policy
                .Handle<ServiceResponseException>(e =>
                {
                    switch (e.ErrorCode)
                    {
                        case "KMS.0101":
                        case "KMS.0110":
                            return true;
                        default:
                            return false;
                    }
                })
                .RetryAsync(5, (ex, n) => Console.WriteLine(n))
                .ExecuteAsync(() => client.EnableKeyAsync(new EnableKeyRequest()));
        }

        private static bool IsRetryable(ServiceResponseException e) => e.ErrorCode == "KMS.0303" || e.ErrorCode == "KMS.9999";
    }
}
