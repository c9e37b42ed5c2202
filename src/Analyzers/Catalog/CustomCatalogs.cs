using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers.Catalog;

/// <summary>
/// Users' <c>*.errorcodes.tsv</c> AdditionalFiles merged into the built-in catalog (design §7).
/// Each file is parsed once per content (cached by checksum); the merged catalog is cached by the set of contents.
/// </summary>
internal static class CustomCatalogs
{
    public const string FileSuffix = ".errorcodes.tsv";
    private const int MaxCacheEntries = 64;

    private static readonly ConcurrentDictionary<string, ParsedCodes> s_parsed = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ErrorCodeCatalog> s_merged = new(StringComparer.Ordinal);

    public static bool IsCatalogFile(string path) => path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses one catalog file's text, reusing the result for identical content.</summary>
    public static ParsedCodes Parse(SourceText text)
    {
        var key = ChecksumKey(text);
        if (s_parsed.TryGetValue(key, out var parsed))
        {
            return parsed;
        }

        if (s_parsed.Count >= MaxCacheEntries)
        {
            s_parsed.Clear();
        }

        parsed = CatalogParser.ParseCodes(text.ToString());
        return s_parsed.GetOrAdd(key, parsed);
    }

    /// <summary>The catalog for a compilation: the built-in one when no user catalog is present.</summary>
    public static ErrorCodeCatalog GetCatalog(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        if (additionalFiles.IsDefaultOrEmpty)
        {
            return ErrorCodeCatalog.BuiltIn;
        }

        var files = ImmutableArray.CreateBuilder<ParsedCodes>();
        var key = new StringBuilder();
        foreach (var file in additionalFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsCatalogFile(file.Path) || file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            key.Append(ChecksumKey(text)).Append('|');
            files.Add(Parse(text));
        }

        return files.Count == 0 ? ErrorCodeCatalog.BuiltIn : Merge(key.ToString(), files.ToImmutable());
    }

    /// <summary>Merges parsed user files in order; problems are ignored here (the DEW100 analyzer reports them).</summary>
    public static ErrorCodeCatalog Merge(string key, ImmutableArray<ParsedCodes> files)
    {
        if (s_merged.TryGetValue(key, out var catalog))
        {
            return catalog;
        }

        if (s_merged.Count >= MaxCacheEntries)
        {
            s_merged.Clear();
        }

        catalog = ErrorCodeCatalog.BuiltIn;
        foreach (var file in files)
        {
            catalog = catalog.Merge(file.Entries, out _);
        }

        return s_merged.GetOrAdd(key, catalog);
    }

    private static string ChecksumKey(SourceText text)
    {
        var checksum = text.GetChecksum();
        var builder = new StringBuilder(checksum.Length * 2 + 12);
        foreach (var b in checksum)
        {
            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.Append(':').Append(text.Length).ToString();
    }
}
