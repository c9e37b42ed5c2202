// Stand-in for the Huawei Cloud .NET SDK (HuaweiCloud.SDK.Core/Kms/Csms 3.1.207) public surface, written from shared/reference/huawei-sdk-surface.md because the SDK package is not on this machine's NuGet feed. Shapes only; no behaviour.

using System.Net.Http;

namespace HuaweiCloud.SDK.Core
{
    /// <summary>
    /// Called by the client for every response (added in 3.1.91). Plugged in with
    /// <see cref="Client.ClientBuilder{T}.WithExceptionHandler(IExceptionHandler)"/>.
    /// </summary>
    public interface IExceptionHandler
    {
        void HandleException(HttpRequest request, HttpResponseMessage response);
    }
}
