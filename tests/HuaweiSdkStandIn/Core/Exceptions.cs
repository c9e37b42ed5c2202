// Stand-in for the Huawei Cloud .NET SDK (HuaweiCloud.SDK.Core/Kms/Csms 3.1.207) public surface, written from shared/reference/huawei-sdk-surface.md because the SDK package is not on this machine's NuGet feed. Shapes only; no behaviour.

using System;

namespace HuaweiCloud.SDK.Core
{
    /// <summary>Root of every exception the SDK throws itself (reference §1.1).</summary>
    public class SdkException : Exception
    {
        protected SdkException()
        {
        }

        public SdkException(string errorMessage)
            : base(errorMessage)
        {
            ErrorMessage = errorMessage;
        }

        public SdkException(string errorMessage, Exception innerException)
            : base(errorMessage, innerException)
        {
            ErrorMessage = errorMessage;
        }

        /// <summary>Not the same as <see cref="ServiceResponseException.ErrorMsg"/>; null on service errors.</summary>
        public string ErrorMessage { get; set; }
    }

    /// <summary>
    /// An HTTP error response from the service. Chains to the protected parameterless base
    /// constructor, so <see cref="Exception.Message"/> is the .NET default text and
    /// <see cref="SdkException.ErrorMessage"/> is null.
    /// </summary>
    public class ServiceResponseException : SdkException
    {
        public ServiceResponseException(int? httpStatusCode, SdkError sdkError)
        {
            HttpStatusCode = httpStatusCode;
            if (sdkError != null)
            {
                ErrorCode = sdkError.ErrorCode;
                ErrorMsg = sdkError.ErrorMsg;
                RequestId = sdkError.RequestId;
                EncodedAuthorizationMessage = sdkError.EncodedAuthorizationMessage;
            }
        }

        public int? HttpStatusCode { get; set; }

        public string ErrorMsg { get; set; }

        public string ErrorCode { get; set; }

        public string RequestId { get; set; }

        public string EncodedAuthorizationMessage { get; set; }

        /// <summary>400–499 → <see cref="ClientRequestException"/>, 500–599 → <see cref="ServerResponseException"/>, else this type.</summary>
        public static ServiceResponseException MapException(int? httpStatusCode, SdkError sdkError)
        {
            if (httpStatusCode >= 400 && httpStatusCode < 500)
            {
                return new ClientRequestException(httpStatusCode, sdkError);
            }

            if (httpStatusCode >= 500 && httpStatusCode < 600)
            {
                return new ServerResponseException(httpStatusCode, sdkError);
            }

            return new ServiceResponseException(httpStatusCode, sdkError);
        }
    }

    /// <summary>HTTP status 400–499 (including 401, 403, 404, 409 and 429).</summary>
    public class ClientRequestException : ServiceResponseException
    {
        public ClientRequestException(int? httpCode, SdkError sdkError)
            : base(httpCode, sdkError)
        {
        }
    }

    /// <summary>HTTP status 500–599.</summary>
    public class ServerResponseException : ServiceResponseException
    {
        public ServerResponseException(int? httpCode, SdkError sdkError)
            : base(httpCode, sdkError)
        {
        }
    }

    public class ConnectionException : SdkException
    {
        /// <summary>Chains to the protected base constructor, so <see cref="Exception.Message"/> is the default text.</summary>
        public ConnectionException(string errorMessage)
        {
            ErrorMessage = errorMessage;
        }

        public ConnectionException(string errorMessage, Exception innerException)
            : base(errorMessage, innerException)
        {
        }
    }

    public class HostUnreachableException : ConnectionException
    {
        public HostUnreachableException(string errorMessage)
            : base(errorMessage)
        {
        }

        public HostUnreachableException(string errorMessage, Exception innerException)
            : base(errorMessage, innerException)
        {
        }
    }

    public class SslHandShakeException : ConnectionException
    {
        public SslHandShakeException(string errorMessage)
            : base(errorMessage)
        {
        }

        public SslHandShakeException(string errorMessage, Exception innerException)
            : base(errorMessage, innerException)
        {
        }
    }

    public class RequestTimeoutException : SdkException
    {
        /// <summary>Chains to the protected base constructor, so <see cref="Exception.Message"/> is the default text.</summary>
        public RequestTimeoutException(string errorMessage)
        {
            ErrorMessage = errorMessage;
        }

        public RequestTimeoutException(string errorMessage, Exception innerException)
            : base(errorMessage, innerException)
        {
        }
    }

    /// <summary>Declared by the SDK but never thrown by Core 3.1.207.</summary>
    public class CallTimeoutException : RequestTimeoutException
    {
        public CallTimeoutException(string errorMessage)
            : base(errorMessage)
        {
        }
    }

    /// <summary>Declared by the SDK but never thrown by Core 3.1.207.</summary>
    public class RetryOutageException : RequestTimeoutException
    {
        public RetryOutageException(string errorMessage)
            : base(errorMessage)
        {
        }
    }
}
