using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DewAnalyzers;

/// <summary>
/// Where the generated catalog constants live in one compilation, so rules and fixes can name them.
/// A constant is only offered when the generated class and member really exist (the generator may be switched off).
/// Resolved once per compilation.
/// </summary>
internal sealed class CatalogConstants
{
    private readonly string _namespace;
    private readonly Dictionary<string, INamedTypeSymbol> _classes = new();

    private CatalogConstants(Compilation compilation, ErrorCodeCatalog catalog, string @namespace)
    {
        _namespace = @namespace;
        foreach (var prefix in catalog.Prefixes)
        {
            if (compilation.GetTypeByMetadataName(@namespace + "." + ErrorCodeCatalog.ClassNameFor(prefix)) is { } type)
            {
                _classes.Add(prefix, type);
            }
        }
    }

    public static CatalogConstants Create(Compilation compilation, ErrorCodeCatalog catalog, AnalyzerOptions options)
        => new(compilation, catalog, DewOptions.ConstantsNamespace(options.AnalyzerConfigOptionsProvider.GlobalOptions));

    /// <summary>Short display name, e.g. <c>KmsErrorCodes.KeyNotFound</c>.</summary>
    public static string DisplayName(ErrorCodeEntry entry) => ErrorCodeCatalog.ClassNameFor(entry.Prefix) + "." + entry.Name;

    /// <summary>Fully qualified reference (<c>global::Dew.ErrorCodes.KmsErrorCodes.KeyNotFound</c>), or null when not generated.</summary>
    public string? ReferenceTo(ErrorCodeEntry entry)
    {
        if (!_classes.TryGetValue(entry.Prefix, out var type) || type.GetMembers(entry.Name).IsEmpty)
        {
            return null;
        }

        return "global::" + _namespace + "." + ErrorCodeCatalog.ClassNameFor(entry.Prefix) + "." + entry.Name;
    }

    /// <summary>
    /// The diagnostic properties the code fixes read (<see cref="ErrorCodeLiterals.CodesProperty"/>,
    /// <see cref="ErrorCodeLiterals.ConstantsProperty"/>): the entries' codes and their constants, comma separated in the
    /// same order, an empty item where no constant is generated.
    /// </summary>
    public ImmutableDictionary<string, string?> SuggestionProperties(IReadOnlyList<ErrorCodeEntry> entries)
    {
        var codes = new StringBuilder();
        var constants = new StringBuilder();
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                codes.Append(',');
                constants.Append(',');
            }

            codes.Append(entries[i].Code);
            constants.Append(ReferenceTo(entries[i]));
        }

        return ImmutableDictionary<string, string?>.Empty
            .Add(ErrorCodeLiterals.CodesProperty, codes.ToString())
            .Add(ErrorCodeLiterals.ConstantsProperty, constants.ToString());
    }
}
