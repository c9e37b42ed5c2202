// Stand-in for the Huawei Cloud .NET SDK (HuaweiCloud.SDK.Core/Kms/Csms 3.1.207) public surface, written from shared/reference/huawei-sdk-surface.md because the SDK package is not on this machine's NuGet feed. Shapes only; no behaviour.

using System.Xml.Serialization;

namespace HuaweiCloud.SDK.Core
{
    /// <summary>Base of every *Response model.</summary>
    public class SdkResponse
    {
        public string HttpBody { get; set; }

        public int? HttpStatusCode { get; set; }

        public string HttpHeaders { get; set; }

        public string GetHttpBody()
        {
            return HttpBody;
        }

        public int? GetHttpStatusCode()
        {
            return HttpStatusCode;
        }

        public string GetHttpHeaders()
        {
            return HttpHeaders;
        }
    }

    /// <summary>
    /// The parsed error body (JSON error_code / error_msg / request_id / encoded_authorization_message).
    /// ErrorCode, RequestId and EncodedAuthorizationMessage are public fields; ErrorMsg is a property.
    /// </summary>
    [XmlRoot("Error")]
    public class SdkError : SdkResponse
    {
        [XmlElement("Code")]
        public string ErrorCode;

        [XmlElement("RequestId")]
        public string RequestId;

        public string EncodedAuthorizationMessage;

        public SdkError()
        {
        }

        public SdkError(string errorCode, string errorMsg, string requestId)
        {
            ErrorCode = errorCode;
            ErrorMsg = errorMsg;
            RequestId = requestId;
        }

        public SdkError(string errorCode, string errorMsg)
        {
            ErrorCode = errorCode;
            ErrorMsg = errorMsg;
        }

        public SdkError(string errorMsg)
        {
            ErrorMsg = errorMsg;
        }

        [XmlElement("Message")]
        public string ErrorMsg { get; set; }
    }
}
