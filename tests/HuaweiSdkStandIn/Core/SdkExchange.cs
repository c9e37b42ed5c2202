// Stand-in for the Huawei Cloud .NET SDK (HuaweiCloud.SDK.Core/Kms/Csms 3.1.207) public surface, written from shared/reference/huawei-sdk-surface.md because the SDK package is not on this machine's NuGet feed. Shapes only; no behaviour.

namespace HuaweiCloud.SDK.Core
{
    /// <summary>Per-call exchange data handed to <c>WithExchange</c> callbacks on invokers.</summary>
    public class SdkExchange
    {
    }
}
