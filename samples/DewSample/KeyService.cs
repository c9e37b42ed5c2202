using System;
using System.Threading.Tasks;
using HuaweiCloud.SDK.Core;
using HuaweiCloud.SDK.Kms.V2;
using HuaweiCloud.SDK.Kms.V2.Model;

namespace DewSample;

/// <summary>Typical KMS error handling, with the mistakes DewAnalyzers finds.</summary>
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
            switch (e.ErrorCode)
            {
                case "KMS.0207": // DEW002: use KmsErrorCodes.KeyNotFound
                    return null;
                case "KMS.0213": // DEW001: no such code (KMS.0214?)
                    throw new InvalidOperationException("Unexpected key state", e);
                default:
                    throw;
            }
        }
    }

    public bool IsMissingKey(ServiceResponseException e)
        => e.ErrorCode == "kms.0207"; // DEW001: malformed near miss of KMS.0207, never matches
}
