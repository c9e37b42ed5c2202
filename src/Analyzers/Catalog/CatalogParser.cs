using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;

namespace DewAnalyzers.Catalog;

/// <summary>
/// Reads the error-code format (<c>code, http_status, name, retry, message, description, measure</c>, tab separated).
/// The built-in ErrorCodes.tsv and users' <c>*.errorcodes.tsv</c> files go through this one parser.
/// Lines starting with <c>#</c> and blank lines are skipped; an optional header line starts with <c>code</c>.
/// A bad line becomes a <see cref="CatalogError"/> and is skipped; the rest of the file still loads.
/// </summary>
internal static class CatalogParser
{
    public const int ColumnCount = 7;

    public static ParsedCodes ParseCodes(string text, CancellationToken cancellationToken = default)
    {
        var entries = ImmutableArray.CreateBuilder<ErrorCodeEntry>();
        var errors = ImmutableArray.CreateBuilder<CatalogError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sawContent = false;
        var lineNumber = 0;

        foreach (var rawLine in Lines(text))
        {
            lineNumber++;
            if ((lineNumber & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var line = lineNumber == 1 ? rawLine.TrimStart('\uFEFF') : rawLine;
            if (line.Trim().Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (!sawContent && fields[0] == "code")
            {
                sawContent = true;
                continue;
            }

            sawContent = true;
            if (fields.Length != ColumnCount)
            {
                errors.Add(new CatalogError(lineNumber, $"expected {ColumnCount} tab-separated columns (code, http_status, name, retry, message, description, measure) but found {fields.Length}"));
                continue;
            }

            var entry = ParseEntry(fields, lineNumber, errors);
            if (entry is null)
            {
                continue;
            }

            if (!seen.Add(entry.Code))
            {
                errors.Add(new CatalogError(lineNumber, $"duplicate code '{entry.Code}'"));
                continue;
            }

            entries.Add(entry);
        }

        if (entries.Count == 0 && errors.Count == 0)
        {
            errors.Add(new CatalogError(0, "the file has no error-code entries"));
        }

        return new ParsedCodes(entries.ToImmutable(), errors.ToImmutable());
    }

    private static ErrorCodeEntry? ParseEntry(string[] fields, int lineNumber, ImmutableArray<CatalogError>.Builder errors)
    {
        var code = fields[0].Trim();
        if (!CodeShape.IsWellFormedCode(code))
        {
            errors.Add(new CatalogError(lineNumber, $"'{code}' is not an error code of the form PREFIX.DIGITS (e.g. KMS.0207, CBC.18000016)"));
            return null;
        }

        var statusText = fields[1].Trim();
        if (!int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status < 100 || status > 599)
        {
            errors.Add(new CatalogError(lineNumber, $"'{statusText}' is not an HTTP status between 100 and 599"));
            return null;
        }

        var name = fields[2].Trim();
        if (name.Length != 0 && !Identifiers.IsValidConstantName(name))
        {
            errors.Add(new CatalogError(lineNumber, $"'{name}' is not a valid C# constant name"));
            return null;
        }

        var retryText = fields[3].Trim();
        if (!RetryClasses.TryParse(retryText, out var retry, out var detail))
        {
            errors.Add(new CatalogError(lineNumber, $"unknown retry class '{retryText}' (expected transient, after-action:<credential|state|quota|permission|account>, permanent or permanent:no-op)"));
            return null;
        }

        if (status < 300 && retry == RetryClass.Transient)
        {
            errors.Add(new CatalogError(lineNumber, $"'{code}' comes with HTTP status {status}, a success: it is never retried, so it cannot be transient"));
            return null;
        }

        return new ErrorCodeEntry(code, status, name, retry, detail, fields[4], fields[5], fields[6], lineNumber);
    }

    /// <summary>Splits on LF, CRLF or CR without allocating an intermediate array of the whole text.</summary>
    internal static IEnumerable<string> Lines(string text)
    {
        foreach (var (start, length) in LineSpans(text))
        {
            yield return text.Substring(start, length);
        }
    }

    /// <summary>Start and length (line break excluded) of every line as <see cref="Lines"/> numbers them.</summary>
    internal static IEnumerable<(int Start, int Length)> LineSpans(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\n' && c != '\r')
            {
                continue;
            }

            yield return (start, i - start);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        if (start < text.Length)
        {
            yield return (start, text.Length - start);
        }
    }
}

/// <summary>The result of parsing one codes file.</summary>
internal sealed class ParsedCodes
{
    public ParsedCodes(ImmutableArray<ErrorCodeEntry> entries, ImmutableArray<CatalogError> errors)
    {
        Entries = entries;
        Errors = errors;
    }

    public ImmutableArray<ErrorCodeEntry> Entries { get; }

    public ImmutableArray<CatalogError> Errors { get; }
}
