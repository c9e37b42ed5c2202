// refs: sdk
using System;
using System.Threading.Tasks;
using Dew.ErrorCodes;
using HuaweiCloud.SDK.Core;
using HuaweiCloud.SDK.Csms.V1;
using HuaweiCloud.SDK.Csms.V1.Model;

namespace Corpus.Csms
{
    public sealed class SecretStore
    {
        private readonly CsmsAsyncClient _client;

        public SecretStore(CsmsAsyncClient client) => _client = client;

        public async Task<string> GetAsync(string name)
        {
            try
            {
                var response = await _client.ShowSecretAsync(new ShowSecretRequest { SecretName = name }).ConfigureAwait(false);
                return response.ToString();
            }
            catch (ServiceResponseException e) when (e.ErrorCode == "CSMS.0401")
            {
                return null;
            }
            catch (ServiceResponseException e)
            {
                return e.ErrorCode switch
                {
                    "CSMS.0101" => await RetryAsync(name).ConfigureAwait(false),
                    "CSMS.9999" => "bogus",
                    _ => throw new InvalidOperationException(e.ErrorCode, e),
                };
            }
        }

        public async Task DeleteAsync(string name)
        {
            try
            {
                await _client.DeleteSecretAsync(new DeleteSecretRequest());
                await _client.CreateSecretAsync(new CreateSecretRequest());
            }
            catch (ClientRequestException e)
            {
                switch (e.ErrorCode)
                {
                    case "CSMS.0401":
                        break;
                    default:
                        throw;
                }
            }
        }

        public Task<ShowSecretResponse> InvokeAsync(string name) => _client
            .ShowSecretAsyncInvoker(new ShowSecretRequest { SecretName = name })
            .WithRetry((r, ex) => ex is ServiceResponseException { ErrorCode: "CSMS.0401" }, 3, BackoffStrategies.RandomJitter)
            .Invoke();

        private Task<string> RetryAsync(string name) => GetAsync(name);
    }
}
