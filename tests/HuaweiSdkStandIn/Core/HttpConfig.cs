// Stand-in for the Huawei Cloud .NET SDK (HuaweiCloud.SDK.Core/Kms/Csms 3.1.207) public surface, written from shared/reference/huawei-sdk-surface.md because the SDK package is not on this machine's NuGet feed. Shapes only; no behaviour.

namespace HuaweiCloud.SDK.Core
{
    /// <summary>HTTP settings for a client. <see cref="Timeout"/> is in seconds (default 120).</summary>
    public class HttpConfig
    {
        public int? Timeout { get; set; } = 120;

        public bool IgnoreSslVerification { get; set; }

        public static HttpConfig GetDefaultConfig()
        {
            return new HttpConfig();
        }

        public HttpConfig WithTimeout(int timeout)
        {
            Timeout = timeout;
            return this;
        }
    }
}
