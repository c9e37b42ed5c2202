using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace DewAnalyzers.Catalog;

/// <summary>
/// The error-code catalog: the built-in KMS/CSMS codes (embedded TSV files, parsed once per process) plus any
/// user catalogs. Immutable and safe to share between threads and compilations.
/// </summary>
internal sealed class ErrorCodeCatalog
{
    private static readonly Lazy<ErrorCodeCatalog> s_builtIn = new(LoadBuiltIn);

    // Code -> index in Entries; built by the merge that made the catalog (a page's tens of thousands of codes are hashed once).
    private readonly Dictionary<string, int> _byCode;

    private readonly Dictionary<string, PrefixCodes> _byPrefix = new(StringComparer.Ordinal);
    private readonly bool[] _prefixFirstChars = new bool[128];
    private readonly ImmutableArray<ErrorCodeEntry>[] _notTransient = new ImmutableArray<ErrorCodeEntry>[6];

    [MethodImpl(HotPath.Optimized)]
    private ErrorCodeCatalog(ImmutableArray<ErrorCodeEntry> entries, OperationMap operations, Dictionary<string, int>? byCode = null)
    {
        Entries = entries;
        Operations = operations;
        if (byCode is null)
        {
            byCode = new Dictionary<string, int>(entries.Length, StringComparer.Ordinal);
            for (var i = 0; i < entries.Length; i++)
            {
                byCode.Add(entries[i].Code, i);
            }
        }

        _byCode = byCode;
        var prefixes = new List<string>();
        var minLength = int.MaxValue;
        var maxLength = 0;
        PrefixCodes? ofPrefix = null;
        foreach (var entry in entries)
        {
            // The entries of a prefix mostly come together: the last prefix's codes are at hand.
            if (ofPrefix is null || !string.Equals(ofPrefix.Prefix, entry.Prefix, StringComparison.Ordinal))
            {
                if (!_byPrefix.TryGetValue(entry.Prefix, out ofPrefix))
                {
                    ofPrefix = new PrefixCodes(entry.Prefix);
                    _byPrefix.Add(entry.Prefix, ofPrefix);
                    prefixes.Add(entry.Prefix);
                    _prefixFirstChars[char.ToUpperInvariant(entry.Prefix[0])] = true;
                }
            }

            ofPrefix.Entries.Add(entry);
            ofPrefix.DigitLengths |= 1 << (entry.Code.Length - entry.Prefix.Length - 1);
            minLength = Math.Min(minLength, entry.Code.Length);
            maxLength = Math.Max(maxLength, entry.Code.Length);
        }

        Prefixes = prefixes.ToImmutableArray();
        MinCodeLength = minLength;
        MaxCodeLength = maxLength;
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
        // Every code ends in digits: the length and the last character reject almost every other string before it is hashed.
        if (code.Length < MinCodeLength || code.Length > MaxCodeLength || !CodeShape.IsDigit(code[code.Length - 1]))
        {
            entry = null!;
            return false;
        }

        if (_byCode.TryGetValue(code, out var index))
        {
            entry = Entries[index];
            return true;
        }

        entry = null!;
        return false;
    }

    public bool Contains(string code) => TryGetEntry(code, out _);

    /// <summary>
    /// The codes that are not transient, of one HTTP status class (<c>4</c> for 4xx; <c>0</c> for every class), in catalog
    /// order. Built once per catalog and class: a catalog with a large page holds tens of thousands of codes.
    /// </summary>
    public ImmutableArray<ErrorCodeEntry> NotTransientOf(int statusClass)
    {
        var index = statusClass is >= 1 and <= 5 ? statusClass : 0;
        var codes = _notTransient[index];
        if (codes.IsDefault)
        {
            codes = Entries.Where(e => e.Retry != RetryClass.Transient && (index == 0 || e.HttpStatus / 100 == index)).ToImmutableArray();
            _notTransient[index] = codes;
        }

        return codes;
    }

    /// <summary>The entry whose code equals <paramref name="text"/> ignoring case (for tests that ignore case).</summary>
    public bool TryGetEntryIgnoringCase(string text, out ErrorCodeEntry entry)
    {
        if (text.Length < MinCodeLength || text.Length > MaxCodeLength)
        {
            entry = null!;
            return false;
        }

        // A code is its prefix, a dot and digits, and digits have no case: only the prefix is compared ignoring case (a
        // catalog has a handful of prefixes), then the code is looked up as published. With several prefixes that differ
        // only in case, the entry that comes first in the catalog wins.
        entry = null!;
        var dot = text.LastIndexOf('.');
        if (dot <= 0 || !CodeShape.IsDigit(text[text.Length - 1]))
        {
            return false;
        }

        var found = -1;
        foreach (var prefix in Prefixes)
        {
            if (prefix.Length == dot
                && string.Compare(prefix, 0, text, 0, dot, StringComparison.OrdinalIgnoreCase) == 0
                && _byCode.TryGetValue(prefix + text.Substring(dot), out var index)
                && (found < 0 || index < found))
            {
                found = index;
            }
        }

        if (found < 0)
        {
            return false;
        }

        entry = Entries[found];
        return true;
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

    /// <summary>
    /// True when <paramref name="text"/> is a code of a catalog prefix, spelled as that prefix's codes are published
    /// (the prefix's exact case, a dot, and as many digits as some code of the prefix has): <c>KMS.0213</c>, not
    /// <c>KMS.213</c> or <c>kms.0213</c>.
    /// </summary>
    public bool HasCodeShape(string text)
        => text.Length >= MinCodeLength
            && text.Length <= MaxCodeLength
            && CodeShape.IsWellFormedCode(text)
            && _byPrefix.TryGetValue(CodeShape.PrefixOf(text), out var ofPrefix)
            && (ofPrefix.DigitLengths & (1 << CodeShape.DigitCountOf(text))) != 0;

    /// <summary>
    /// A malformed spelling of a code with a catalog prefix (<c>kms.207</c> → <c>KMS.0207</c>), padded to the shortest
    /// digit count the prefix is published with that fits.
    /// </summary>
    public bool TryNormalizeNearMiss(string text, out string canonical)
    {
        foreach (var prefix in Prefixes)
        {
            if (CodeShape.TryNormalizeNearMiss(text, prefix, _byPrefix[prefix].DigitLengths, out canonical) && canonical != text)
            {
                return true;
            }
        }

        canonical = string.Empty;
        return false;
    }

    /// <summary>The documented codes of the same prefix closest to <paramref name="code"/>, best first.</summary>
    /// <remarks>
    /// Codes that one of <paramref name="preferredFrom"/> can return (the operations a try block calls) come first, so a fix
    /// does not swap one impossible code for another.
    /// </remarks>
    public ImmutableArray<ErrorCodeEntry> NearestTo(string code, int count, ImmutableArray<OperationInfo> preferredFrom = default)
    {
        if (count <= 0 || !_byPrefix.TryGetValue(CodeShape.PrefixOf(code), out var ofPrefix))
        {
            return ImmutableArray<ErrorCodeEntry>.Empty;
        }

        // The best `count` by (preferred first, distance, code), kept sorted while the prefix's entries are scanned once.
        var entries = ofPrefix.Entries;
        var best = new ErrorCodeEntry[Math.Min(count, entries.Count)];
        var keys = new long[best.Length];
        var filled = 0;
        foreach (var entry in entries)
        {
            var key = ((CanBeReturnedBy(preferredFrom, entry.Code) ? 0L : 1L) << 32) | (uint)CodeShape.Distance(code, entry.Code);
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

    private static bool CanBeReturnedBy(ImmutableArray<OperationInfo> operations, string code)
    {
        if (!operations.IsDefault)
        {
            foreach (var operation in operations)
            {
                if (operation.CanReturn(code))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The entries of one prefix, in catalog order.</summary>
    public IEnumerable<ErrorCodeEntry> EntriesOf(string prefix)
        => _byPrefix.TryGetValue(prefix, out var ofPrefix) ? ofPrefix.Entries : Enumerable.Empty<ErrorCodeEntry>();

    /// <summary>
    /// Name of the generated constants class for a prefix: each dot- or hyphen-separated part of the prefix with its first
    /// letter upper case and the rest lower case, then <c>ErrorCodes</c>: <c>KMS</c> → <c>KmsErrorCodes</c>,
    /// <c>SVCSTG.CCE-ADDONMGR</c> → <c>SvcstgCceAddonmgrErrorCodes</c>.
    /// </summary>
    public static string ClassNameFor(string prefix)
    {
        var name = new System.Text.StringBuilder(prefix.Length + 10);
        var partStart = true;
        foreach (var c in prefix)
        {
            if (c == '.' || c == '-')
            {
                partStart = true;
                continue;
            }

            name.Append(partStart ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            partStart = false;
        }

        return name.Append("ErrorCodes").ToString();
    }

    /// <summary>
    /// Adds user codes (new codes, new prefixes) and applies overrides of codes already in the catalog: a
    /// <c>*.errorcodes.tsv</c> line sets the retry class, and may rename a code that came from a page. A page row (see
    /// <see cref="ErrorCodeEntry.IsDerived"/>) for a code already in the catalog changes nothing. Problems (a new code
    /// without a name, a name used twice in one class, a status that differs from the catalog's, two prefixes with one
    /// class name) are returned, not thrown.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public ErrorCodeCatalog Merge(ImmutableArray<ErrorCodeEntry> custom, out ImmutableArray<(ErrorCodeEntry Entry, string Message)> problems)
    {
        var errors = ImmutableArray.CreateBuilder<(ErrorCodeEntry, string)>();
        if (custom.IsDefaultOrEmpty)
        {
            problems = errors.ToImmutable();
            return this;
        }

        var entries = new List<ErrorCodeEntry>(Entries.Length + custom.Length);
        entries.AddRange(Entries);
        var index = new Dictionary<string, int>(entries.Capacity, StringComparer.Ordinal);
        var names = new MergeNames();
        for (var i = 0; i < entries.Count; i++)
        {
            index.Add(entries[i].Code, i);
            names.Of(entries[i].Prefix).Names.Add(entries[i].Name);
        }

        foreach (var entry in custom)
        {
            if (index.TryGetValue(entry.Code, out var existing))
            {
                if (Override(entries[existing], entry, names, errors) is { } overridden)
                {
                    entries[existing] = overridden;
                }

                continue;
            }

            if (entry.Name.Length == 0)
            {
                errors.Add((entry, $"'{entry.Code}' is a new code and needs a constant name"));
                continue;
            }

            var ofPrefix = names.Of(entry.Prefix);
            if (ofPrefix.ClassOwner != entry.Prefix)
            {
                errors.Add((entry, ofPrefix.ClassOwner.Length == 0
                    ? $"the prefix '{entry.Prefix}' would generate {ofPrefix.ClassName}, the class of {ErrorCodeConstantsGenerator.HelperClassName}.{ErrorCodeConstantsGenerator.IsTransientMethodName}"
                    : $"the prefix '{entry.Prefix}' would generate {ofPrefix.ClassName}, the class of the prefix '{ofPrefix.ClassOwner}'"));
                continue;
            }

            if (entry.Name == ofPrefix.ClassName)
            {
                errors.Add((entry, $"the constant name '{entry.Name}' is the name of its class"));
                continue;
            }

            if (!ofPrefix.Names.Add(entry.Name))
            {
                errors.Add((entry, $"the constant name '{entry.Name}' is already used in {ofPrefix.ClassName}"));
                continue;
            }

            index.Add(entry.Code, entries.Count);
            entries.Add(entry);
        }

        problems = errors.ToImmutable();
        return new ErrorCodeCatalog(entries.ToImmutableArray(), Operations, index);
    }

    /// <summary>The codes of one prefix, in catalog order, and the digit counts they are published with.</summary>
    private sealed class PrefixCodes
    {
        public PrefixCodes(string prefix) => Prefix = prefix;

        public string Prefix { get; }

        public List<ErrorCodeEntry> Entries { get; } = new();

        /// <summary>Bit n is set when a code of the prefix has n digits (KMS: 4; CBC: 4 and 8).</summary>
        public int DigitLengths { get; set; }
    }

    /// <summary>
    /// During a merge, per prefix: the constant names in use and the class name the prefix generates, with the prefix
    /// that first took that class name. The last prefix asked for is kept at hand (a file's codes of one prefix come together).
    /// </summary>
    private sealed class MergeNames
    {
        private readonly Dictionary<string, PrefixNames> _byPrefix = new(StringComparer.Ordinal);
        // The class of the generated helpers is taken (owner "": no prefix may generate it).
        private readonly Dictionary<string, string> _classOwners = new(StringComparer.Ordinal) { [ErrorCodeConstantsGenerator.HelperClassName] = string.Empty };
        private PrefixNames? _last;

        public PrefixNames Of(string prefix)
        {
            if (_last is not null && string.Equals(_last.Prefix, prefix, StringComparison.Ordinal))
            {
                return _last;
            }

            if (!_byPrefix.TryGetValue(prefix, out var names))
            {
                var className = ClassNameFor(prefix);
                if (!_classOwners.TryGetValue(className, out var owner))
                {
                    owner = prefix;
                    _classOwners.Add(className, owner);
                }

                names = new PrefixNames(prefix, className, owner);
                _byPrefix.Add(prefix, names);
            }

            _last = names;
            return names;
        }
    }

    private sealed class PrefixNames
    {
        public PrefixNames(string prefix, string className, string classOwner)
        {
            Prefix = prefix;
            ClassName = className;
            ClassOwner = classOwner;
        }

        public string Prefix { get; }

        public string ClassName { get; }

        /// <summary>
        /// The prefix that generates <see cref="ClassName"/>: this prefix, unless another one took the name first (empty: the
        /// name is the generated helpers' class).
        /// </summary>
        public string ClassOwner { get; }

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The entry <paramref name="current"/> becomes with a user line for the same code, or null to keep it (a problem is recorded).</summary>
    private static ErrorCodeEntry? Override(ErrorCodeEntry current, ErrorCodeEntry line, MergeNames names, ImmutableArray<(ErrorCodeEntry, string)>.Builder errors)
    {
        if (line.HttpStatus != current.HttpStatus)
        {
            errors.Add((line, $"'{line.Code}' is already in the catalog with HTTP status {current.HttpStatus}, not {line.HttpStatus}"));
            return null;
        }

        if (line.IsDerived)
        {
            // A page row for a known code: the catalog already says everything the page does (names and retry classes
            // derived from a page never replace chosen ones).
            return null;
        }

        var result = current;
        if (line.Name.Length != 0 && line.Name != current.Name)
        {
            if (!current.IsDerived)
            {
                errors.Add((line, $"'{line.Code}' is already in the catalog as '{current.Name}'; an override may change only the retry class (leave the name empty)"));
                return null;
            }

            var ofPrefix = names.Of(current.Prefix);
            if (line.Name == ofPrefix.ClassName)
            {
                errors.Add((line, $"the constant name '{line.Name}' is the name of its class"));
                return null;
            }

            if (!ofPrefix.Names.Add(line.Name))
            {
                errors.Add((line, $"the constant name '{line.Name}' is already used in {ofPrefix.ClassName}"));
                return null;
            }

            ofPrefix.Names.Remove(current.Name);
            result = result.WithName(line.Name);
        }

        return result.WithRetry(line.Retry, line.RetryDetail);
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
