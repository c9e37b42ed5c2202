using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;

namespace DewAnalyzers;

/// <summary>
/// Where the generated catalog constants live in one compilation, so rules and fixes can name them.
/// A constant is only offered when the generated class and member really exist (the generator may be switched off).
/// Resolved once per compilation, by <see cref="CompilationState"/>.
/// </summary>
internal sealed class CatalogConstants
{
    // Per prefix, the generated class's reference and its member names (from the declarations); a constant's reference is
    // built when a rule first asks for it: a large catalog has tens of thousands of constants and a rule names a few.
    private readonly Dictionary<string, (string Reference, ICollection<string> Members)> _classes = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ErrorCodeEntry, string?> _references = new();
    private readonly ConcurrentDictionary<ErrorCodeEntry, ImmutableDictionary<string, string?>> _singleProperties = new();

    public CatalogConstants(Compilation compilation, ErrorCodeCatalog catalog, string @namespace)
    {
        foreach (var prefix in catalog.Prefixes)
        {
            var className = ErrorCodeCatalog.ClassNameFor(prefix);
            if (FindGenerated(compilation, @namespace + "." + className) is { } type)
            {
                // Member names come from the declarations (GetMembers would create every member symbol of the class first),
                // which hold them as a set already: a large catalog's class has tens of thousands.
                var members = type.MemberNames as ICollection<string> ?? new HashSet<string>(type.MemberNames, System.StringComparer.Ordinal);
                _classes.Add(prefix, ("global::" + @namespace + "." + className + ".", members));
            }
        }

        var helpers = FindGenerated(compilation, @namespace + "." + ErrorCodeConstantsGenerator.HelperClassName);
        if (helpers is not null && System.Linq.Enumerable.Contains(helpers.MemberNames, ErrorCodeConstantsGenerator.IsTransientMethodName))
        {
            IsTransientReference = "global::" + @namespace + "." + ErrorCodeConstantsGenerator.HelperClassName + "." + ErrorCodeConstantsGenerator.IsTransientMethodName;
        }
    }

    /// <summary>
    /// A generated class in this compilation's source, where the generator puts it. Never a referenced project's: the
    /// generated types are [Embedded], so another assembly's constants cannot be named here (even with
    /// InternalsVisibleTo), and a fix must not write them.
    /// </summary>
    private static INamedTypeSymbol? FindGenerated(Compilation compilation, string metadataName)
        => compilation.Assembly.GetTypeByMetadataName(metadataName);

    /// <summary>Fully qualified <c>global::Dew.ErrorCodes.DewErrorCodes.IsTransient</c>, or null when not generated.</summary>
    public string? IsTransientReference { get; }

    /// <summary>Short display name, e.g. <c>KmsErrorCodes.KeyNotFound</c>.</summary>
    public static string DisplayName(ErrorCodeEntry entry) => ErrorCodeCatalog.ClassNameFor(entry.Prefix) + "." + entry.Name;

    /// <summary>Fully qualified reference (<c>global::Dew.ErrorCodes.KmsErrorCodes.KeyNotFound</c>), or null when not generated.</summary>
    public string? ReferenceTo(ErrorCodeEntry entry)
        => _references.TryGetValue(entry, out var reference)
            ? reference
            : _references.GetOrAdd(entry, e => _classes.TryGetValue(e.Prefix, out var generated) && generated.Members.Contains(e.Name) ? generated.Reference + e.Name : null);

    /// <summary><see cref="SuggestionProperties(IReadOnlyList{ErrorCodeEntry})"/> for one entry, built once per compilation.</summary>
    public ImmutableDictionary<string, string?> SuggestionProperties(ErrorCodeEntry entry)
        => _singleProperties.TryGetValue(entry, out var properties)
            ? properties
            : _singleProperties.GetOrAdd(entry, SuggestionProperties(new[] { entry }));

    /// <summary>
    /// The diagnostic properties the code fixes read (<see cref="FixProperties.Codes"/>,
    /// <see cref="FixProperties.Constants"/>): the entries' codes and their constants, comma separated in the
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
            .Add(FixProperties.Codes, codes.ToString())
            .Add(FixProperties.Constants, constants.ToString());
    }
}
