using System.Threading.Tasks;
using Dew.ErrorCodes;
using HuaweiCloud.SDK.Core;
using HuaweiCloud.SDK.Csms.V1;
using HuaweiCloud.SDK.Csms.V1.Model;

namespace Consumer;

public sealed class SecretService
{
    private readonly CsmsAsyncClient _csms;

    public SecretService(CsmsAsyncClient csms) => _csms = csms;

    public async Task<string?> ReadAsync(ShowSecretRequest request)
    {
        try
        {
            var response = await _csms.ShowSecretAsync(request);
            return response.HttpBody;
        }
        catch (ServerResponseException e) when (e.ErrorCode == KmsErrorCodes.KeyNotFound) // expect: DEW005 DEW006
        {
            return null;
        }
    }
}
