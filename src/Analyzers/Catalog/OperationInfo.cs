using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace DewAnalyzers.Catalog;

/// <summary>The codes one SDK operation can return, in three tiers (ARCHITECTURE.md, "The catalog").</summary>
internal sealed class OperationInfo
{
    private readonly HashSet<string> _allCodes;

    public OperationInfo(string service, string name, ImmutableArray<string> handle, ImmutableArray<string> also, ImmutableArray<string> maybe, bool isInferred = false)
    {
        Service = service;
        Name = name;
        IsInferred = isInferred;
        Handle = handle;
        Also = also;
        Maybe = maybe;
        _allCodes = new HashSet<string>(handle.Concat(also).Concat(maybe), StringComparer.Ordinal);
    }

    /// <summary><c>KMS</c> or <c>CSMS</c>: also the prefix of the service's codes.</summary>
    public string Service { get; }

    /// <summary>The SDK method base name, e.g. <c>DecryptData</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// True when the operation's code lists are inferred by analogy with similar operations, not documented (the research
    /// behind the catalog does not cover it; Operations.tsv marks it). Messages that rely on the lists say so.
    /// </summary>
    public bool IsInferred { get; }

    /// <summary>
    /// Codes a caller should handle explicitly: outcomes a correct program meets at run time (not found, state, conflict,
    /// quota, no-op, bad stored data). The operation's request errors are in <see cref="Also"/> (Operations.tsv says why).
    /// </summary>
    public ImmutableArray<string> Handle { get; }

    /// <summary>Other codes the operation can return (common request, auth and system codes).</summary>
    public ImmutableArray<string> Also { get; }

    /// <summary>Plausible but unverified codes.</summary>
    public ImmutableArray<string> Maybe { get; }

    /// <summary>True when <paramref name="code"/> is in any tier.</summary>
    public bool CanReturn(string code) => _allCodes.Contains(code);

    public override string ToString() => Service + "." + Name;
}
