// Stand-in for the Huawei Cloud .NET SDK (HuaweiCloud.SDK.Core/Kms/Csms 3.1.207) public surface, written from shared/reference/huawei-sdk-surface.md because the SDK package is not on this machine's NuGet feed. Shapes only; no behaviour.

using System;
using System.Collections.Generic;
using System.IO;
using System.Net;

namespace HuaweiCloud.SDK.Core
{
    /// <summary>The signed HTTP request handed to <see cref="IExceptionHandler"/>. Fields only; nothing is parsed.</summary>
    public class HttpRequest
    {
        public string Body = "";
        public string ContentType = "application/json";
        public Stream FileStream = Stream.Null;
        public Dictionary<string, object> FormData;
        public WebHeaderCollection Headers = new WebHeaderCollection();
        public string Host = "";
        public string Method = "GET";
        public Dictionary<string, List<string>> QueryParam = new Dictionary<string, List<string>>();
        public Uri Url;

        public HttpRequest(string method = "GET", string contentType = "application/json", Uri url = null,
            WebHeaderCollection headers = null, string body = null, Stream fileStream = null)
        {
            Method = method ?? Method;
            ContentType = contentType ?? ContentType;
            Url = url;
            Host = url == null ? "" : url.Scheme + "://" + url.Host;
            Headers = headers ?? Headers;
            Body = body ?? Body;
            FileStream = fileStream ?? FileStream;
        }
    }
}
