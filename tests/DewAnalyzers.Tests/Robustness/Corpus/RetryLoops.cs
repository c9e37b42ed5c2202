// refs: sdk
using System;
using System.Threading;
using System.Threading.Tasks;
using Dew.ErrorCodes;
using HuaweiCloud.SDK.Core;
using HuaweiCloud.SDK.Csms.V1;
using HuaweiCloud.SDK.Csms.V1.Model;
using HuaweiCloud.SDK.Kms.V2;
using HuaweiCloud.SDK.Kms.V2.Model;

namespace Corpus.Loops
{
    public sealed class Loops
    {
        private readonly KmsClient _kms;
        private readonly CsmsClient _csms;

        public Loops(KmsClient kms, CsmsClient csms)
        {
            _kms = kms;
            _csms = csms;
        }

        public void ForLoop()
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                try
                {
                    _kms.EnableKey(new EnableKeyRequest());
                    return;
                }
                catch (ServiceResponseException e) when (e.ErrorCode == "KMS.0207")
                {
                    Thread.Sleep(100 * attempt);
                }
            }
        }

        public async Task WhileLoopAsync(CancellationToken cancellationToken)
        {
            var attempts = 0;
            while (true)
            {
                try
                {
                    _csms.ShowSecret(new ShowSecretRequest { SecretName = "db" });
                    break;
                }
                catch (ServiceResponseException e)
                {
                    if (e.ErrorCode != "CSMS.0401" || ++attempts > 3)
                    {
                        throw;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(attempts), cancellationToken);
                    continue;
                }
            }
        }

        public void DoWhile()
        {
            bool again;
            var tries = 0;
            do
            {
                again = false;
                try
                {
                    _kms.DisableKey(new DisableKeyRequest());
                }
                catch (ServiceResponseException e)
                {
                    switch (e.ErrorCode)
                    {
                        case "KMS.0101":
                        case KmsErrorCodes.KeyNotFound:
                            again = ++tries < 3;
                            break;
                        default:
                            throw;
                    }
                }
            }
            while (again);
        }

        public T Retry<T>(Func<T> action, int max = 3)
        {
            for (var i = 0; ; i++)
            {
                try
                {
                    return action();
                }
                catch (ServiceResponseException e) when (i < max && DewErrorCodes.IsTransient(e.ErrorCode))
                {
                }
                catch (ServiceResponseException e) when (i < max && e.ErrorCode is "KMS.0302" or "KMS.0303")
                {
                    Thread.Sleep(10);
                }
            }
        }

        public void Goto()
        {
            var n = 0;
        again:
            try
            {
                _kms.RotateOnDemand(new RotateOnDemandRequest());
            }
            catch (ServiceResponseException e) when (e.ErrorCode == "KMS.0101" && n++ < 2)
            {
                goto again;
            }
        }
    }
}
