using System;
using System.Threading.Tasks;
using HuaweiCloud.SDK.Core;
using HuaweiCloud.SDK.Kms.V2;
using HuaweiCloud.SDK.Kms.V2.Model;

namespace Consumer;

// Findings are marked "expect: ID" on their line; the integration tests read the markers as the expected set.
public sealed class KeyService
{
    private readonly KmsAsyncClient _kms;

    public KeyService(KmsAsyncClient kms) => _kms = kms;

    public async Task<string?> DecryptAsync(DecryptDataRequest request)
    {
        try
        {
            var response = await _kms.DecryptDataAsync(request);
            return response.HttpBody;
        }
        catch (ClientRequestException e)
        {
            switch (e.ErrorCode) // expect: DEW003
            {
                case "KMS.0207": // expect: DEW002
                    return null;
                case "KMS.0213": // expect: DEW001
                    throw new InvalidOperationException("Unexpected key state", e);
                default:
                    throw;
            }
        }
    }

    public static bool IsMissingKey(ServiceResponseException e)
        => e.ErrorCode == "kms.0207"; // expect: DEW001
}
