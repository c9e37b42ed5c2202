// Stand-in for the Huawei Cloud .NET SDK (HuaweiCloud.SDK.Core/Kms/Csms 3.1.207) public surface, written from shared/reference/huawei-sdk-surface.md because the SDK package is not on this machine's NuGet feed. Shapes only; no behaviour.

namespace HuaweiCloud.SDK.Core.Auth
{
    /// <summary>
    /// Credentials used to sign requests. The real interface (namespace HuaweiCloud.SDK.Core.Auth) also
    /// declares signing and auth-parameter members that depend on SDK-internal transport types; the
    /// stand-in leaves them out because nothing here signs or sends requests.
    /// </summary>
    public interface ICredential
    {
    }
}
