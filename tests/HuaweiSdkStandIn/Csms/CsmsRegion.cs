// Stand-in for the Huawei Cloud .NET SDK (HuaweiCloud.SDK.Core/Kms/Csms 3.1.207) public surface, written from shared/reference/huawei-sdk-surface.md because the SDK package is not on this machine's NuGet feed. Shapes only; no behaviour.

using System;
using System.Collections.Generic;
using HuaweiCloud.SDK.Core;

namespace HuaweiCloud.SDK.Csms.V1
{
    /// <summary>
    /// CSMS regions. The real class lists every region the service runs in and also consults the
    /// environment/profile region providers; the stand-in keeps a few fields and a dictionary lookup.
    /// Endpoint strings are illustrative.
    /// </summary>
    public class CsmsRegion
    {
        public static readonly Region CN_NORTH_4 = new Region("cn-north-4", "https://kms.cn-north-4.myhuaweicloud.com");
        public static readonly Region CN_NORTH_1 = new Region("cn-north-1", "https://kms.cn-north-1.myhuaweicloud.com");
        public static readonly Region CN_EAST_3 = new Region("cn-east-3", "https://kms.cn-east-3.myhuaweicloud.com");
        public static readonly Region CN_SOUTH_1 = new Region("cn-south-1", "https://kms.cn-south-1.myhuaweicloud.com");
        public static readonly Region AP_SOUTHEAST_1 = new Region("ap-southeast-1", "https://kms.ap-southeast-1.myhuaweicloud.com");

        private static readonly Dictionary<string, Region> StaticFields = new Dictionary<string, Region>
        {
            { "cn-north-4", CN_NORTH_4 },
            { "cn-north-1", CN_NORTH_1 },
            { "cn-east-3", CN_EAST_3 },
            { "cn-south-1", CN_SOUTH_1 },
            { "ap-southeast-1", AP_SOUTHEAST_1 },
        };

        /// <exception cref="ArgumentNullException"><paramref name="regionId"/> is null or empty.</exception>
        /// <exception cref="ArgumentException">The stand-in does not know <paramref name="regionId"/>.</exception>
        public static Region ValueOf(string regionId)
        {
            if (string.IsNullOrEmpty(regionId))
            {
                throw new ArgumentNullException(nameof(regionId));
            }

            if (StaticFields.TryGetValue(regionId, out var region))
            {
                return region;
            }

            throw new ArgumentException("Unexpected regionId: " + regionId, nameof(regionId));
        }
    }
}
