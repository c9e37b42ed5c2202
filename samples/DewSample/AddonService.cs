using Dew.ErrorCodes;
using HuaweiCloud.SDK.Core;

namespace DewSample;

/// <summary>
/// Codes of another Huawei Cloud service, CCE's add-on manager, known from its copied error-code page
/// (cce-addon.errorcodes.md): the page's constants are generated, and its codes are checked like the KMS ones.
/// </summary>
public static class AddonService
{
    public static string Describe(ServiceResponseException e)
    {
        if (e.ErrorCode == SvcstgCceAddonmgrErrorCodes.AddonNotExist)
        {
            return "The add-on is not installed.";
        }

        // DEW001: not on the page; the nearest codes of the same service are suggested.
        if (e.ErrorCode == "SVCSTG.CCE-ADDONMGR.4030320")
        {
            return "The cluster does not support the add-on.";
        }

        return "CCE error " + e.ErrorCode;
    }
}
