// refs: sdk
using System;
using System.Threading.Tasks;
using Dew.ErrorCodes;
using HuaweiCloud.SDK.Core;
using HuaweiCloud.SDK.Csms.V1;
using HuaweiCloud.SDK.Csms.V1.Model;
using HuaweiCloud.SDK.Kms.V2;
using HuaweiCloud.SDK.Kms.V2.Model;

namespace Corpus.SwitchStatements
{
    public sealed class Crypto
    {
        private readonly KmsClient _kms;
        private readonly CsmsAsyncClient _csms;

        public Crypto(KmsClient kms, CsmsAsyncClient csms)
        {
            _kms = kms;
            _csms = csms;
        }

        public string Encrypt(object body)
        {
            try
            {
                var response = _kms.EncryptData(new EncryptDataRequest { Body = body });
                return response.ToString();
            }
            catch (ServiceResponseException e)
            {
                switch (e.ErrorCode)
                {
                    case "KMS.0207":
                        return "no key";
                    case KmsErrorCodes.KeyDisabled:
                        return "unreachable";
                    case "KMS.0206":
                    case "KMS.0205":
                        return "disabled";
                    case "KMS.9999":
                        return "bogus";
                    default:
                        throw;
                }
            }
        }

        public async Task<string> ReadSecretAsync(string name)
        {
            try
            {
                var secret = await _csms.ShowSecretAsync(new ShowSecretRequest { SecretName = name });
                return secret.ToString();
            }
            catch (ClientRequestException e)
            {
                switch (e.ErrorCode)
                {
                    case "CSMS.0401":
                        return null;
                    case string s when s.StartsWith("CSMS.", StringComparison.Ordinal):
                        throw new InvalidOperationException(s, e);
                    default:
                        throw new InvalidOperationException("unexpected " + e.ErrorCode, e);
                }
            }
        }

        public int Classify(SdkException error)
        {
            if (error is ServiceResponseException response)
            {
                switch (response.ErrorCode)
                {
                    case null:
                        return -1;
                    case "KMS.0101":
                        return 1;
                }
            }

            return 0;
        }
    }
}
