using System.Threading.Tasks;
using HuaweiCloud.SDK.Core;
using HuaweiCloud.SDK.Csms.V1;
using HuaweiCloud.SDK.Csms.V1.Model;

namespace DewSample;

/// <summary>CSMS calls: a retry of a code that never succeeds on retry, a dead handler, an impossible test, a retry of every code.</summary>
public sealed class SecretService
{
    private readonly CsmsAsyncClient _csms;

    public SecretService(CsmsAsyncClient csms) => _csms = csms;

    public Task<ShowSecretResponse> ShowWithRetryAsync(ShowSecretRequest request)
        => _csms.ShowSecretAsyncInvoker(request)
            .WithRetry(
                (response, exception) => exception is ServiceResponseException e
                    && (e.ErrorCode == "CSMS.0001" || e.ErrorCode == "CSMS.0106"), // DEW004: CSMS.0106 (secret not found) never succeeds on retry
                3,
                BackoffStrategies.EqualJitter)
            .Invoke();

    public async Task<bool> DeleteAsync(DeleteSecretRequest request)
    {
        try
        {
            await _csms.DeleteSecretAsync(request);
            return true;
        }
        catch (ClientRequestException e) when (e.ErrorCode == "CSMS.0101") // DEW005: DeleteSecret never returns "name already exists"
        {
            return false;
        }
        catch (ClientRequestException e) when (e.ErrorCode == "CSMS.0001") // DEW006: CSMS.0001 is HTTP 500, never a ClientRequestException
        {
            return false;
        }
    }

    public async Task<ShowSecretResponse> ShowWithLoopAsync(ShowSecretRequest request)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _csms.ShowSecretAsync(request);
            }
            catch (ClientRequestException) when (attempt < 3) // DEW007: retries every 4xx code, CSMS.0106 (secret not found) too
            {
                await Task.Delay(100 * attempt);
            }
        }
    }
}
