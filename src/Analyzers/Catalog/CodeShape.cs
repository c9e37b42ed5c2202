using System;

namespace DewAnalyzers.Catalog;

/// <summary>Character-level tests for error-code text. No allocations on the common (non-matching) path.</summary>
internal static class CodeShape
{
    public const int DigitCount = 4;

    /// <summary><c>PREFIX.dddd</c> with an upper-case ASCII prefix (letters, then letters or digits).</summary>
    public static bool IsWellFormedCode(string text)
    {
        var dot = text.Length - DigitCount - 1;
        if (dot < 1 || text[dot] != '.' || !IsUpper(text[0]))
        {
            return false;
        }

        for (var i = 1; i < dot; i++)
        {
            if (!IsUpper(text[i]) && !IsDigit(text[i]))
            {
                return false;
            }
        }

        for (var i = dot + 1; i < text.Length; i++)
        {
            if (!IsDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The prefix of a well-formed code (<c>KMS</c> for <c>KMS.0207</c>).</summary>
    public static string PrefixOf(string code) => code.Substring(0, code.Length - DigitCount - 1);

    /// <summary>
    /// Recognizes a malformed spelling of a code with a known prefix: wrong case (<c>kms.0207</c>), another or no
    /// separator (<c>KMS-0207</c>, <c>KMS0207</c>), missing leading zeros (<c>KMS.207</c>) or surrounding spaces.
    /// Returns the canonical spelling (<c>KMS.0207</c>), which may or may not be documented.
    /// </summary>
    public static bool TryNormalizeNearMiss(string text, string prefix, out string canonical)
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
        if (digits < 1 || digits > DigitCount)
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

        canonical = prefix + "." + text.Substring(i, digits).PadLeft(DigitCount, '0');
        return true;
    }

    /// <summary>
    /// Distance between the numeric parts of two codes of one prefix: edit distance with transpositions first,
    /// numeric difference as a tie-breaker (so <c>KMS.0270</c> is near <c>KMS.0207</c>, and <c>KMS.0213</c> near 0212 and 0214).
    /// A transposition of adjacent digits (the commonest typo) costs less than a substitution, so <c>KMS.0270</c>
    /// suggests <c>KMS.0207</c> before <c>KMS.0210</c>.
    /// </summary>
    public static int Distance(string a, string b)
    {
        var offsetA = a.Length - DigitCount;
        var offsetB = b.Length - DigitCount;
        var edits = EditDistance(a, offsetA, b, offsetB);
        var numeric = Math.Abs(NumberAt(a, offsetA) - NumberAt(b, offsetB));
        return (edits * 10000) + Math.Min(numeric, 9999);
    }

    private static int NumberAt(string text, int offset)
    {
        var value = 0;
        for (var i = offset; i < text.Length; i++)
        {
            value = (value * 10) + (IsDigit(text[i]) ? text[i] - '0' : 0);
        }

        return value;
    }

    /// <summary>
    /// Optimal string alignment distance of the two 4-character digit parts, in half edits: insertion, deletion and
    /// substitution cost 2, a transposition of adjacent characters costs 1. Runs for every catalog code of a prefix when
    /// a fix is suggested, so it works on the strings in place, on one flat row-major table.
    /// </summary>
    private static int EditDistance(string a, int offsetA, string b, int offsetB)
    {
        const int Width = DigitCount + 1;
        var d = new int[Width * Width];
        for (var i = 0; i <= DigitCount; i++)
        {
            d[i * Width] = 2 * i;
            d[i] = 2 * i;
        }

        for (var i = 1; i <= DigitCount; i++)
        {
            for (var j = 1; j <= DigitCount; j++)
            {
                var ai = a[offsetA + i - 1];
                var bj = b[offsetB + j - 1];
                var cost = ai == bj ? 0 : 2;
                var best = Math.Min(Math.Min(d[((i - 1) * Width) + j] + 2, d[(i * Width) + j - 1] + 2), d[((i - 1) * Width) + j - 1] + cost);
                if (i > 1 && j > 1 && ai == b[offsetB + j - 2] && a[offsetA + i - 2] == bj)
                {
                    best = Math.Min(best, d[((i - 2) * Width) + j - 2] + 1);
                }

                d[(i * Width) + j] = best;
            }
        }

        return d[(DigitCount * Width) + DigitCount];
    }

    private static bool IsSeparator(char c) => c == '.' || c == '-' || c == '_' || c == ' ' || c == ':' || c == '/';

    private static bool IsUpper(char c) => c >= 'A' && c <= 'Z';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
