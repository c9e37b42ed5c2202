using Dew.ErrorCodes;
using HuaweiCloud.SDK.Core;
using Polly;
using Polly.Retry;

namespace Consumer;

public static class RetryPolicies
{
    // A missing key never appears on retry; KMS.0105 (a server-side fault) may.
    public static readonly AsyncRetryPolicy KeyRetry = Policy
        .Handle<ClientRequestException>(e => e.ErrorCode == KmsErrorCodes.SystemErrorBadRequest
            || e.ErrorCode == KmsErrorCodes.KeyNotFound) // expect: DEW004
        .RetryAsync(3);
}
