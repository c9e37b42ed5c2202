// Stand-in for the Huawei Cloud .NET SDK (HuaweiCloud.SDK.Core/Kms/Csms 3.1.207) public surface, written from shared/reference/huawei-sdk-surface.md because the SDK package is not on this machine's NuGet feed. Shapes only; no behaviour.

using System.Collections.Generic;
using System.IO;

namespace HuaweiCloud.SDK.Core
{
    /// <summary>The transport-level request a client builds from a *Request model.</summary>
    public class SdkRequest
    {
        public string Body { get; set; }

        public string Path { get; set; }

        public string QueryParams { get; set; }

        public string Method { get; set; }

        public Dictionary<string, string> Header { get; set; }

        public string ContentType { get; set; }

        public Stream FileStream { get; set; }

        public Dictionary<string, object> FormData { get; set; }

        public string Cname { get; set; }
    }
}
