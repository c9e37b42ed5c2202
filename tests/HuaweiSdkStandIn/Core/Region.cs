// Stand-in for the Huawei Cloud .NET SDK (HuaweiCloud.SDK.Core/Kms/Csms 3.1.207) public surface, written from shared/reference/huawei-sdk-surface.md because the SDK package is not on this machine's NuGet feed. Shapes only; no behaviour.

using System.Collections.Generic;
using System.Linq;

namespace HuaweiCloud.SDK.Core
{
    /// <summary>A region id and its endpoints. Service region classes (KmsRegion, CsmsRegion) hold instances.</summary>
    public class Region
    {
        public Region(string id, params string[] endpoints)
        {
            Id = id;
            Endpoints = endpoints == null ? new List<string>() : endpoints.ToList();
        }

        public string Id { get; set; }

        public List<string> Endpoints { get; set; }

        public Region WithEndpointsOverride(List<string> endpoints)
        {
            Endpoints = endpoints;
            return this;
        }
    }
}
