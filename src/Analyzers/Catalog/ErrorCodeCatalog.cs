using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace DewAnalyzers.Catalog;

/// <summary>
/// The error-code catalog: the built-in KMS/CSMS codes (embedded TSV files, parsed once per process) plus any
/// user catalogs. Immutable and safe to share between threads and compilations.
/// </summary>
internal sealed class ErrorCodeCatalog
{
    private static readonly Lazy<ErrorCodeCatalog> s_builtIn = new(LoadBuiltIn);

    private readonly Dictionary<string, ErrorCodeEntry> _byCode;
    private readonly Dictionary<string, ErrorCodeEntry> _byCodeIgnoringCase;
    private readonly Dictionary<string, List<ErrorCodeEntry>> _byPrefix = new(StringComparer.Ordinal);
    private readonly bool[] _prefixFirstChars = new bool[128];

    private ErrorCodeCatalog(ImmutableArray<ErrorCodeEntry> entries, OperationMap operations)
    {
        Entries = entries;
        Operations = operations;
        _byCode = new Dictionary<string, ErrorCodeEntry>(entries.Length, StringComparer.Ordinal);
        _byCodeIgnoringCase = new Dictionary<string, ErrorCodeEntry>(entries.Length, StringComparer.OrdinalIgnoreCase);
        var prefixes = new List<string>();
        foreach (var entry in entries)
        {
            _byCode.Add(entry.Code, entry);
            if (!_byCodeIgnoringCase.ContainsKey(entry.Code))
            {
                _byCodeIgnoringCase.Add(entry.Code, entry);
            }

            if (!_byPrefix.TryGetValue(entry.Prefix, out var ofPrefix))
            {
                ofPrefix = new List<ErrorCodeEntry>();
                _byPrefix.Add(entry.Prefix, ofPrefix);
                prefixes.Add(entry.Prefix);
                _prefixFirstChars[entry.Prefix[0]] = true;
            }

            ofPrefix.Add(entry);
        }

        Prefixes = prefixes.ToImmutableArray();
        MinCodeLength = prefixes.Min(p => p.Length) + 1 + CodeShape.DigitCount;
        MaxCodeLength = prefixes.Max(p => p.Length) + 1 + CodeShape.DigitCount;
    }

    /// <summary>The 190 published KMS and CSMS codes with the operation map.</summary>
    public static ErrorCodeCatalog BuiltIn => s_builtIn.Value;

    /// <summary>All entries, built-in first (KMS, CSMS, in file order), then user codes.</summary>
    public ImmutableArray<ErrorCodeEntry> Entries { get; }

    /// <summary>Prefixes in first-seen order (KMS, CSMS, then user prefixes).</summary>
    public ImmutableArray<string> Prefixes { get; }

    public OperationMap Operations { get; }

    public int MinCodeLength { get; }

    public int MaxCodeLength { get; }

    /// <summary>
    /// The entry of a documented code. Rules call this for every string constant they meet (SQL text, log messages...),
    /// so a length and shape check rejects almost all of them before the string is hashed.
    /// </summary>
    public bool TryGetEntry(string code, out ErrorCodeEntry entry)
    {
        // Every code is PREFIX.dddd: the length and the dot reject almost every other string before it is hashed.
        if (code.Length < MinCodeLength || code.Length > MaxCodeLength || code[code.Length - 1 - CodeShape.DigitCount] != '.')
        {
            entry = null!;
            return false;
        }

        return _byCode.TryGetValue(code, out entry!);
    }

    public bool Contains(string code) => TryGetEntry(code, out _);

    /// <summary>The entry whose code equals <paramref name="text"/> ignoring case (for tests that ignore case); no allocation.</summary>
    public bool TryGetEntryIgnoringCase(string text, out ErrorCodeEntry entry)
    {
        if (text.Length < MinCodeLength || text.Length > MaxCodeLength)
        {
            entry = null!;
            return false;
        }

        return _byCodeIgnoringCase.TryGetValue(text, out entry!);
    }

    /// <summary>Cheap pre-check for every string literal: could this text be a code or a near miss of one?</summary>
    public bool MayBeCodeText(string text)
    {
        if (text.Length < 2 || text.Length > MaxCodeLength + 8)
        {
            return false;
        }

        var i = 0;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i == text.Length)
        {
            return false;
        }

        var c = text[i];
        if (c >= 'a' && c <= 'z')
        {
            c = (char)(c - 32);
        }

        if (c >= 128 || !_prefixFirstChars[c])
        {
            return false;
        }

        // Every code and near miss has digits; words that merely start like a prefix ("Cancel", "key") have none.
        for (var j = text.Length - 1; j > i; j--)
        {
            if (text[j] >= '0' && text[j] <= '9')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="text"/> is exactly <c>PREFIX.dddd</c> for a catalog prefix.</summary>
    public bool HasCodeShape(string text)
        => text.Length >= MinCodeLength
            && text.Length <= MaxCodeLength
            && CodeShape.IsWellFormedCode(text)
            && _byPrefix.ContainsKey(CodeShape.PrefixOf(text));

    /// <summary>A malformed spelling of a code with a catalog prefix (<c>kms.207</c> → <c>KMS.0207</c>).</summary>
    public bool TryNormalizeNearMiss(string text, out string canonical)
    {
        foreach (var prefix in Prefixes)
        {
            if (CodeShape.TryNormalizeNearMiss(text, prefix, out canonical) && canonical != text)
            {
                return true;
            }
        }

        canonical = string.Empty;
        return false;
    }

    /// <summary>The documented codes of the same prefix closest to <paramref name="code"/>, best first.</summary>
    /// <remarks>
    /// Codes in <paramref name="preferred"/> (e.g. the codes the called operations can return) come first, so a fix
    /// does not swap one impossible code for another.
    /// </remarks>
    public ImmutableArray<ErrorCodeEntry> NearestTo(string code, int count, ISet<string>? preferred = null)
    {
        if (count <= 0 || !_byPrefix.TryGetValue(CodeShape.PrefixOf(code), out var entries))
        {
            return ImmutableArray<ErrorCodeEntry>.Empty;
        }

        // The best `count` by (preferred first, distance, code), kept sorted while the prefix's entries are scanned once.
        var best = new ErrorCodeEntry[Math.Min(count, entries.Count)];
        var keys = new long[best.Length];
        var filled = 0;
        foreach (var entry in entries)
        {
            var key = ((preferred is not null && preferred.Contains(entry.Code) ? 0L : 1L) << 32) | (uint)CodeShape.Distance(code, entry.Code);
            var at = filled;
            while (at > 0 && (key < keys[at - 1] || (key == keys[at - 1] && string.CompareOrdinal(entry.Code, best[at - 1].Code) < 0)))
            {
                at--;
            }

            if (at >= best.Length)
            {
                continue;
            }

            var last = Math.Min(filled, best.Length - 1);
            for (var i = last; i > at; i--)
            {
                best[i] = best[i - 1];
                keys[i] = keys[i - 1];
            }

            best[at] = entry;
            keys[at] = key;
            filled = Math.Min(filled + 1, best.Length);
        }

        return ImmutableArray.Create(best, 0, filled);
    }

    /// <summary>The entries of one prefix, in catalog order.</summary>
    public IEnumerable<ErrorCodeEntry> EntriesOf(string prefix)
        => _byPrefix.TryGetValue(prefix, out var entries) ? entries : Enumerable.Empty<ErrorCodeEntry>();

    /// <summary>Name of the generated constants class for a prefix: <c>KMS</c> → <c>KmsErrorCodes</c>.</summary>
    public static string ClassNameFor(string prefix)
        => char.ToUpperInvariant(prefix[0]) + prefix.Substring(1).ToLowerInvariant() + "ErrorCodes";

    /// <summary>
    /// Adds user codes (new codes, new prefixes) and applies overrides of built-in codes (retry class).
    /// Problems (a new code without a name, a name used twice in one class) are returned, not thrown.
    /// </summary>
    public ErrorCodeCatalog Merge(ImmutableArray<ErrorCodeEntry> custom, out ImmutableArray<(ErrorCodeEntry Entry, string Message)> problems)
    {
        var errors = ImmutableArray.CreateBuilder<(ErrorCodeEntry, string)>();
        if (custom.IsDefaultOrEmpty)
        {
            problems = errors.ToImmutable();
            return this;
        }

        var entries = Entries.ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            index.Add(entries[i].Code, i);
            names.Add(entries[i].Prefix + "/" + entries[i].Name);
        }

        foreach (var entry in custom)
        {
            if (index.TryGetValue(entry.Code, out var existing))
            {
                var builtIn = entries[existing];
                if (entry.Name.Length != 0 && entry.Name != builtIn.Name)
                {
                    errors.Add((entry, $"'{entry.Code}' is already in the catalog as '{builtIn.Name}'; an override may change only the retry class (leave the name empty)"));
                    continue;
                }

                entries[existing] = builtIn.WithRetry(entry.Retry, entry.RetryDetail);
                continue;
            }

            if (entry.Name.Length == 0)
            {
                errors.Add((entry, $"'{entry.Code}' is a new code and needs a constant name"));
                continue;
            }

            if (!names.Add(entry.Prefix + "/" + entry.Name))
            {
                errors.Add((entry, $"the constant name '{entry.Name}' is already used in {ClassNameFor(entry.Prefix)}"));
                continue;
            }

            index.Add(entry.Code, entries.Count);
            entries.Add(entry);
        }

        problems = errors.ToImmutable();
        return new ErrorCodeCatalog(entries.ToImmutableArray(), Operations);
    }

    private static ErrorCodeCatalog LoadBuiltIn()
    {
        var codes = CatalogParser.ParseCodes(ReadResource("ErrorCodes.tsv"));
        if (!codes.Errors.IsEmpty)
        {
            throw new InvalidOperationException("Built-in ErrorCodes.tsv is invalid: " + string.Join("; ", codes.Errors));
        }

        var known = new HashSet<string>(codes.Entries.Select(e => e.Code), StringComparer.Ordinal);
        var operations = OperationMap.Parse(ReadResource("Operations.tsv"), ReadResource("CodeGroups.tsv"), known.Contains);
        return new ErrorCodeCatalog(codes.Entries, operations);
    }

    internal static string ReadResource(string fileName)
    {
        var assembly = typeof(ErrorCodeCatalog).Assembly;
        using var stream = assembly.GetManifestResourceStream("DewAnalyzers.Catalog." + fileName)
            ?? throw new InvalidOperationException("Missing embedded catalog resource " + fileName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
