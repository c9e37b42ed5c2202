using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
    // Shared by the four rules that name constants: the look-ups below run once per compilation, not once per rule.
    private static readonly ConditionalWeakTable<Compilation, CatalogConstants> s_byCompilation = new();

    // Every generated constant's reference, computed once per compilation (literals are checked against it often).
    private readonly Dictionary<ErrorCodeEntry, string> _references = new();
    private readonly ConcurrentDictionary<ErrorCodeEntry, ImmutableDictionary<string, string?>> _singleProperties = new();
    private readonly ErrorCodeCatalog _catalog;
    private readonly string _namespace;

    private CatalogConstants(Compilation compilation, ErrorCodeCatalog catalog, string @namespace)
    {
        _catalog = catalog;
        _namespace = @namespace;
        foreach (var prefix in catalog.Prefixes)
        {
            var className = ErrorCodeCatalog.ClassNameFor(prefix);
            if (FindGenerated(compilation, @namespace + "." + className) is not { } type)
            {
                continue;
            }

            // Member names come from the declarations; GetMembers would create every member symbol of the class first.
            var names = new HashSet<string>(type.MemberNames, System.StringComparer.Ordinal);
            foreach (var entry in catalog.EntriesOf(prefix))
            {
                if (names.Contains(entry.Name))
                {
                    _references.Add(entry, "global::" + @namespace + "." + className + "." + entry.Name);
                }
            }
        }

        var helpers = FindGenerated(compilation, @namespace + "." + ErrorCodeConstantsGenerator.HelperClassName);
        if (helpers is not null && System.Linq.Enumerable.Contains(helpers.MemberNames, ErrorCodeConstantsGenerator.IsTransientMethodName))
        {
            IsTransientReference = "global::" + @namespace + "." + ErrorCodeConstantsGenerator.HelperClassName + "." + ErrorCodeConstantsGenerator.IsTransientMethodName;
        }
    }

    /// <summary>
    /// A generated class: in this compilation's source (where the generator puts it) without searching the references,
    /// else anywhere (constants used from a referenced project with the generator switched off here).
    /// </summary>
    private static INamedTypeSymbol? FindGenerated(Compilation compilation, string metadataName)
        => compilation.Assembly.GetTypeByMetadataName(metadataName) ?? compilation.GetTypeByMetadataName(metadataName);

    /// <summary>Fully qualified <c>global::Dew.ErrorCodes.DewErrorCodes.IsTransient</c>, or null when not generated.</summary>
    public string? IsTransientReference { get; }

    /// <summary>
    /// The constants of <paramref name="compilation"/>, built by the first rule that asks and shared with the others (the
    /// catalog and the namespace option are the same for every rule of one compilation; when not, a private copy).
    /// </summary>
    public static CatalogConstants Create(Compilation compilation, ErrorCodeCatalog catalog, AnalyzerOptions options)
    {
        var @namespace = DewOptions.ConstantsNamespace(options.AnalyzerConfigOptionsProvider.GlobalOptions);
        var shared = s_byCompilation.GetValue(compilation, c => new CatalogConstants(c, catalog, @namespace));
        return ReferenceEquals(shared._catalog, catalog) && shared._namespace == @namespace
            ? shared
            : new CatalogConstants(compilation, catalog, @namespace);
    }

    /// <summary>Short display name, e.g. <c>KmsErrorCodes.KeyNotFound</c>.</summary>
    public static string DisplayName(ErrorCodeEntry entry) => ErrorCodeCatalog.ClassNameFor(entry.Prefix) + "." + entry.Name;

    /// <summary>Fully qualified reference (<c>global::Dew.ErrorCodes.KmsErrorCodes.KeyNotFound</c>), or null when not generated.</summary>
    public string? ReferenceTo(ErrorCodeEntry entry) => _references.TryGetValue(entry, out var reference) ? reference : null;

    /// <summary><see cref="SuggestionProperties(IReadOnlyList{ErrorCodeEntry})"/> for one entry, built once per compilation.</summary>
    public ImmutableDictionary<string, string?> SuggestionProperties(ErrorCodeEntry entry)
        => _singleProperties.TryGetValue(entry, out var properties)
            ? properties
            : _singleProperties.GetOrAdd(entry, SuggestionProperties(new[] { entry }));

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
