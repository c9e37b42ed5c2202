using System;
using System.Runtime.CompilerServices;

namespace DewAnalyzers.Catalog;

/// <summary>
/// Character-level tests for error-code text. No allocations on the common (non-matching) path.
/// A code is <c>PREFIX(.SEGMENT)*.DIGITS</c>: dot-separated segments of ASCII letters, digits and hyphens, each starting
/// with a letter, then 2–10 digits after the last dot (<c>KMS.0207</c>, <c>CBC.18000016</c>,
/// <c>SVCSTG.CCE-ADDONMGR.4040204</c>). The prefix is everything before the last dot. Case is kept as published: codes
/// are compared exactly as the service returns them.
/// </summary>
internal static class CodeShape
{
    public const int MinDigits = 2;

    public const int MaxDigits = 10;

    /// <summary>True for <c>PREFIX(.SEGMENT)*.DIGITS</c> (see the class summary).</summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool IsWellFormedCode(string text)
    {
        var dot = text.LastIndexOf('.');
        var digits = text.Length - dot - 1;
        if (dot < 1 || digits < MinDigits || digits > MaxDigits)
        {
            return false;
        }

        for (var i = dot + 1; i < text.Length; i++)
        {
            if (!IsDigit(text[i]))
            {
                return false;
            }
        }

        return IsWellFormedPrefix(text, 0, dot);
    }

    /// <summary>True when <c>text[start..end)</c> is dot-separated segments of letters, digits and hyphens, each starting with a letter.</summary>
    private static bool IsWellFormedPrefix(string text, int start, int end)
    {
        var segmentStart = true;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (segmentStart)
            {
                if (!IsAsciiLetter(c))
                {
                    return false;
                }

                segmentStart = false;
            }
            else if (c == '.')
            {
                segmentStart = true;
            }
            else if (!IsAsciiLetter(c) && !IsDigit(c) && c != '-')
            {
                return false;
            }
        }

        return !segmentStart;
    }

    /// <summary>The prefix of a well-formed code: everything before the last dot (<c>KMS</c> for <c>KMS.0207</c>).</summary>
    public static string PrefixOf(string code) => code.Substring(0, code.LastIndexOf('.'));

    /// <summary>The number of digits after the last dot of a well-formed code.</summary>
    public static int DigitCountOf(string code) => code.Length - code.LastIndexOf('.') - 1;

    /// <summary>
    /// Recognizes a malformed spelling of a code with a known prefix: wrong case (<c>kms.0207</c>), another or no
    /// separator (<c>KMS-0207</c>, <c>KMS0207</c>), missing leading zeros (<c>KMS.207</c>) or surrounding spaces.
    /// <paramref name="digitLengths"/> has bit <c>n</c> set for every digit count the prefix's codes are published with;
    /// missing zeros are padded to the shortest of those that fits. Returns the canonical spelling (<c>KMS.0207</c>),
    /// which may or may not be documented.
    /// </summary>
    public static bool TryNormalizeNearMiss(string text, string prefix, int digitLengths, out string canonical)
    {
        canonical = string.Empty;
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end - start < prefix.Length + 1 || string.Compare(text, start, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        var i = start + prefix.Length;
        if (i < end && IsSeparator(text[i]))
        {
            i++;
        }

        var digits = end - i;
        var length = ShortestLengthAtLeast(digitLengths, Math.Max(digits, 1));
        if (digits < 1 || length == 0)
        {
            return false;
        }

        for (var j = i; j < end; j++)
        {
            if (!IsDigit(text[j]))
            {
                return false;
            }
        }

        canonical = prefix + "." + text.Substring(i, digits).PadLeft(length, '0');
        return true;
    }

    /// <summary>The smallest digit count in <paramref name="digitLengths"/> (a bit set) that is at least <paramref name="digits"/>; 0 if none.</summary>
    private static int ShortestLengthAtLeast(int digitLengths, int digits)
    {
        for (var n = digits; n <= MaxDigits; n++)
        {
            if ((digitLengths & (1 << n)) != 0)
            {
                return n;
            }
        }

        return 0;
    }

    /// <summary>
    /// Distance between the numeric parts (after the last dot) of two codes of one prefix: edit distance with
    /// transpositions first, numeric difference as a tie-breaker (so <c>KMS.0270</c> is near <c>KMS.0207</c>, and
    /// <c>KMS.0213</c> near 0212 and 0214). A transposition of adjacent digits (the commonest typo) costs less than a
    /// substitution, so <c>KMS.0270</c> suggests <c>KMS.0207</c> before <c>KMS.0210</c>.
    /// </summary>
    public static int Distance(string a, string b)
    {
        var offsetA = a.LastIndexOf('.') + 1;
        var offsetB = b.LastIndexOf('.') + 1;
        var edits = EditDistance(a, offsetA, b, offsetB);
        var numeric = Math.Abs(NumberAt(a, offsetA) - NumberAt(b, offsetB));
        return (edits * 10000) + (int)Math.Min(numeric, 9999);
    }

    private static long NumberAt(string text, int offset)
    {
        var value = 0L;
        for (var i = offset; i < text.Length; i++)
        {
            value = (value * 10) + (IsDigit(text[i]) ? text[i] - '0' : 0);
        }

        return value;
    }

    /// <summary>
    /// Optimal string alignment distance of the two digit parts, in half edits: insertion, deletion and substitution
    /// cost 2, a transposition of adjacent characters costs 1. Runs for every catalog code of a prefix when a fix is
    /// suggested, so it works on the strings in place, on one small flat row-major table on the stack.
    /// </summary>
    private static int EditDistance(string a, int offsetA, string b, int offsetB)
    {
        var lengthA = Math.Min(a.Length - offsetA, MaxDigits);
        var lengthB = Math.Min(b.Length - offsetB, MaxDigits);
        var width = lengthB + 1;
        Span<int> d = stackalloc int[(MaxDigits + 1) * (MaxDigits + 1)];
        for (var i = 0; i <= lengthA; i++)
        {
            d[i * width] = 2 * i;
        }

        for (var j = 0; j <= lengthB; j++)
        {
            d[j] = 2 * j;
        }

        for (var i = 1; i <= lengthA; i++)
        {
            for (var j = 1; j <= lengthB; j++)
            {
                var ai = a[offsetA + i - 1];
                var bj = b[offsetB + j - 1];
                var cost = ai == bj ? 0 : 2;
                var best = Math.Min(Math.Min(d[((i - 1) * width) + j] + 2, d[(i * width) + j - 1] + 2), d[((i - 1) * width) + j - 1] + cost);
                if (i > 1 && j > 1 && ai == b[offsetB + j - 2] && a[offsetA + i - 2] == bj)
                {
                    best = Math.Min(best, d[((i - 2) * width) + j - 2] + 1);
                }

                d[(i * width) + j] = best;
            }
        }

        return d[(lengthA * width) + lengthB];
    }

    private static bool IsSeparator(char c) => c == '.' || c == '-' || c == '_' || c == ' ' || c == ':' || c == '/';

    /// <summary>An ASCII letter: what codes, constant names and derived names are made of (no culture, no Unicode letters).</summary>
    internal static bool IsAsciiLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    internal static bool IsDigit(char c) => c >= '0' && c <= '9';
}
