using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers.Catalog;

/// <summary>
/// Users' catalog AdditionalFiles merged into the built-in catalog (README, "Custom catalogs"): copied error-code pages
/// (<c>*.errorcodes.md</c>, read by <see cref="PublishedPageParser"/>) and tab-separated lines
/// (<c>*.errorcodes.tsv</c>, read by <see cref="CatalogParser"/>). Pages are merged first, then TSV files, so a TSV line
/// can rename a page's code or change its retry class; each kind in ordinal path order (as the generator does), so the
/// result does not depend on the order the build lists them in. Each file is parsed once per content (cached by
/// checksum); the merged catalog is cached by the ordered set of contents.
/// </summary>
internal static class CustomCatalogs
{
    public const string TsvSuffix = ".errorcodes.tsv";
    public const string PageSuffix = ".errorcodes.md";
    private const int MaxCacheEntries = 64;

    private static readonly ConcurrentDictionary<string, ParsedCodes> s_parsed = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, MergedCatalog> s_merged = new(StringComparer.Ordinal);

    public static bool IsCatalogFile(string path) => IsPage(path) || path.EndsWith(TsvSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a copied error-code page (<c>*.errorcodes.md</c>).</summary>
    public static bool IsPage(string path) => path.EndsWith(PageSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses one catalog file's text (as a page or as TSV, by its name), reusing the result for identical content.</summary>
    public static ParsedCodes Parse(string path, SourceText text, CancellationToken cancellationToken = default)
        => Parse(ContentKey(path, text), IsPage(path), text, cancellationToken);

    private static ParsedCodes Parse(string key, bool page, SourceText text, CancellationToken cancellationToken)
    {
        if (s_parsed.TryGetValue(key, out var parsed))
        {
            return parsed;
        }

        if (s_parsed.Count >= MaxCacheEntries)
        {
            s_parsed.Clear();
        }

        parsed = page
            ? PublishedPageParser.Parse(text.ToString(), cancellationToken)
            : CatalogParser.ParseCodes(text.ToString(), cancellationToken);
        return s_parsed.GetOrAdd(key, parsed);
    }

    /// <summary>The catalog for a compilation: the built-in one when no user catalog is present.</summary>
    public static ErrorCodeCatalog GetCatalog(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
        => Load(additionalFiles, cancellationToken).Catalog;

    /// <summary>The merged catalog and the merge problems of every user file (files in ordinal path order).</summary>
    public static MergedCatalog Load(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
        => Load(CatalogFiles(additionalFiles, cancellationToken), cancellationToken);

    /// <summary>The merged catalog for files already ordered by <see cref="CatalogFiles"/>.</summary>
    public static MergedCatalog Load(List<(string Path, SourceText Text)> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return new MergedCatalog(ErrorCodeCatalog.BuiltIn, ImmutableArray<ImmutableArray<CatalogError>>.Empty);
        }

        var key = new StringBuilder();
        var parsed = ImmutableArray.CreateBuilder<ParsedCodes>(files.Count);
        foreach (var (path, text) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fileKey = ContentKey(path, text);
            key.Append(fileKey).Append('|');
            parsed.Add(Parse(fileKey, IsPage(path), text, cancellationToken));
        }

        return MergeWithProblems(key.ToString(), parsed.MoveToImmutable(), cancellationToken);
    }

    /// <summary>The user catalog files with their text, in merge order (<see cref="Sort"/>).</summary>
    public static List<(string Path, SourceText Text)> CatalogFiles(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var files = new List<(string Path, SourceText Text)>();
        if (additionalFiles.IsDefaultOrEmpty)
        {
            return files;
        }

        foreach (var file in additionalFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsCatalogFile(file.Path) && file.GetText(cancellationToken) is { } text)
            {
                files.Add((file.Path, text));
            }
        }

        Sort(files);
        return files;
    }

    /// <summary>Puts catalog files in merge order: pages before TSV files, then ordinal path order, ties broken by content.</summary>
    public static void Sort(List<(string Path, SourceText Text)> files)
    {
        if (files.Count > 1)
        {
            files.Sort(static (a, b) =>
            {
                var byKind = IsPage(b.Path).CompareTo(IsPage(a.Path));
                if (byKind != 0)
                {
                    return byKind;
                }

                var byPath = string.CompareOrdinal(a.Path, b.Path);
                return byPath != 0 ? byPath : string.CompareOrdinal(ChecksumKey(a.Text), ChecksumKey(b.Text));
            });
        }
    }

    private static MergedCatalog MergeWithProblems(string key, ImmutableArray<ParsedCodes> files, CancellationToken cancellationToken)
    {
        if (s_merged.TryGetValue(key, out var merged))
        {
            return merged;
        }

        if (s_merged.Count >= MaxCacheEntries)
        {
            s_merged.Clear();
        }

        var catalog = ErrorCodeCatalog.BuiltIn;
        var problems = ImmutableArray.CreateBuilder<ImmutableArray<CatalogError>>(files.Length);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            catalog = catalog.Merge(file.Entries, out var fileProblems);
            var errors = ImmutableArray.CreateBuilder<CatalogError>(fileProblems.Length);
            foreach (var (entry, message) in fileProblems)
            {
                errors.Add(new CatalogError(entry.Line, message));
            }

            problems.Add(errors.MoveToImmutable());
        }

        return s_merged.GetOrAdd(key, new MergedCatalog(catalog, problems.MoveToImmutable()));
    }

    /// <summary>The cache key of one file: its format (a page and a TSV file with the same text parse differently) and content.</summary>
    private static string ContentKey(string path, SourceText text) => (IsPage(path) ? "md:" : "tsv:") + ChecksumKey(text);

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

/// <summary>The catalog of a compilation and, per user file (same order as the files), the problems found while merging it.</summary>
internal sealed class MergedCatalog
{
    public MergedCatalog(ErrorCodeCatalog catalog, ImmutableArray<ImmutableArray<CatalogError>> mergeProblems)
    {
        Catalog = catalog;
        MergeProblems = mergeProblems;
    }

    public ErrorCodeCatalog Catalog { get; }

    /// <summary>Merge problems of the i-th user file (a new code without a name, a renamed built-in code, a name used twice).</summary>
    public ImmutableArray<ImmutableArray<CatalogError>> MergeProblems { get; }
}
