// refs: sdk
using System;
using Dew.ErrorCodes;
using HuaweiCloud.SDK.Core;
using HuaweiCloud.SDK.Kms.V2;
using HuaweiCloud.SDK.Kms.V2.Model;

namespace Corpus.CatchAndCompare
{
    public sealed class KeyReader
    {
        private const string NotFound = "KMS.0207";
        private static readonly string Disabled = "KMS.0206";
        private readonly KmsClient _client;

        public KeyReader(KmsClient client) => _client = client;

        public string Describe(string keyId)
        {
            try
            {
                _client.ListKeyDetail(new ListKeyDetailRequest());
                return "ok";
            }
            catch (ServiceResponseException e) when (e.ErrorCode == NotFound)
            {
                return "missing " + keyId;
            }
            catch (ServiceResponseException e) when (e.ErrorCode == "KMS.0213" || e.ErrorCode == KmsErrorCodes.KeyNotFound)
            {
                return "typo";
            }
            catch (ClientRequestException e) when (string.Equals(e.ErrorCode, "kms.207", StringComparison.Ordinal))
            {
                return "near miss";
            }
            catch (ServerResponseException e) when ("KMS.0101".Equals(e.ErrorCode))
            {
                return "server";
            }
        }

        public bool IsDisabled(Exception error)
        {
            var sre = error as ServiceResponseException;
            var code = sre?.ErrorCode ?? string.Empty;
            if (code == Disabled)
            {
                return true;
            }

            string copy = sre?.ErrorCode;
            return copy != "KMS-0206" && copy == "KMS.0206";
        }

        public static bool FromSdkError(SdkError error) => error.ErrorCode == "KMS.0207" || error.ErrorCode == "CSMS.0401";

        public void Throwing()
        {
            try
            {
                _client.DeleteKey(new DeleteKeyRequest());
            }
            catch (ServiceResponseException e)
            {
                if (e.ErrorCode != "KMS.0207" && e.HttpStatusCode == 404)
                {
                    throw;
                }

                Console.WriteLine($"gone: {e.ErrorCode} {"KMS.0207"}");
            }
        }
    }
}
