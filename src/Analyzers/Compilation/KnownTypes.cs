using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace DewAnalyzers;

/// <summary>
/// Type look-ups by metadata name in the assemblies that can define them: the compilation's own source, then the
/// references whose name starts with one of the given prefixes (<c>HuaweiCloud.SDK</c>, <c>Polly</c>).
/// <c>Compilation.GetTypeByMetadataName</c> searches every reference (about 170 for a net10.0 project); in the benchmark
/// those searches were most of DEW's fixed cost per compilation. Resolved once per compilation by the symbol holders.
/// </summary>
internal sealed class KnownTypes
{
    private readonly Compilation _compilation;
    private readonly List<IAssemblySymbol> _references = new();

    public KnownTypes(Compilation compilation, params string[] assemblyNamePrefixes)
    {
        _compilation = compilation;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            foreach (var prefix in assemblyNamePrefixes)
            {
                if (assembly.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    _references.Add(assembly);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The type, from source first, else from the one matching reference that defines it (null when none does, or when
    /// two do: the ambiguity <c>GetTypeByMetadataName</c> also answers with null).
    /// </summary>
    public INamedTypeSymbol? Get(string metadataName)
    {
        if (_compilation.Assembly.GetTypeByMetadataName(metadataName) is { } own)
        {
            return own;
        }

        INamedTypeSymbol? found = null;
        foreach (var assembly in _references)
        {
            if (assembly.GetTypeByMetadataName(metadataName) is not { } type)
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = type;
        }

        return found;
    }
}
