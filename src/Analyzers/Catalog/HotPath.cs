using System.Runtime.CompilerServices;

namespace DewAnalyzers.Catalog;

/// <summary>
/// Code that reads a large catalog runs once per build: under tiered compilation it would run as unoptimized tier-0
/// code every time (a method is only recompiled optimized after many calls). Methods marked
/// <c>[MethodImpl(HotPath.Optimized)]</c> are compiled optimized on their first call.
/// </summary>
internal static class HotPath
{
    /// <summary><c>MethodImplOptions.AggressiveOptimization</c> (.NET Core 3.0+; not in netstandard2.0's enum, honoured by the runtime).</summary>
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
