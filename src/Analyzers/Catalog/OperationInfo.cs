using System.Collections.Immutable;

namespace DewAnalyzers.Catalog;

/// <summary>The codes one SDK operation can return, in three tiers (design §3).</summary>
internal sealed class OperationInfo
{
    public OperationInfo(string service, string name, ImmutableArray<string> handle, ImmutableArray<string> also, ImmutableArray<string> maybe)
    {
        Service = service;
        Name = name;
        Handle = handle;
        Also = also;
        Maybe = maybe;
    }

    /// <summary><c>KMS</c> or <c>CSMS</c>: also the prefix of the service's codes.</summary>
    public string Service { get; }

    /// <summary>The SDK method base name, e.g. <c>DecryptData</c>.</summary>
    public string Name { get; }

    /// <summary>Codes a caller should handle explicitly (not found, state, conflict, quota, specific validation).</summary>
    public ImmutableArray<string> Handle { get; }

    /// <summary>Other codes the operation can return (common request, auth and system codes).</summary>
    public ImmutableArray<string> Also { get; }

    /// <summary>Plausible but unverified codes.</summary>
    public ImmutableArray<string> Maybe { get; }

    public override string ToString() => Service + "." + Name;
}
