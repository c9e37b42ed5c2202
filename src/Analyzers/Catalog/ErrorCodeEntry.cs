using System.Collections.Generic;
using System.Linq;

namespace DewAnalyzers.Catalog;

/// <summary>One documented error code: a row of ErrorCodes.tsv, of a user's *.errorcodes.tsv or of a copied page (*.errorcodes.md).</summary>
internal sealed class ErrorCodeEntry
{
    public ErrorCodeEntry(
        string code,
        int httpStatus,
        string name,
        RetryClass retry,
        string retryDetail,
        TextSlice message,
        TextSlice description,
        TextSlice measure,
        int line = 0,
        bool isDerived = false,
        string? prefix = null)
    {
        Code = code;
        HttpStatus = httpStatus;
        Name = name;
        Retry = retry;
        RetryDetail = retryDetail;
        MessageText = message;
        DescriptionText = description;
        MeasureText = measure;
        Line = line;
        IsDerived = isDerived;
        Prefix = prefix ?? CodeShape.PrefixOf(code);
        System.Diagnostics.Debug.Assert(prefix is null || code.Length > prefix.Length && code[prefix.Length] == '.' && code.StartsWith(prefix, System.StringComparison.Ordinal), "the prefix of the code");
    }

    /// <summary>The code, e.g. <c>KMS.0207</c>.</summary>
    public string Code { get; }

    /// <summary>Everything before the last dot, e.g. <c>KMS</c>, <c>SVCSTG.CCE-ADDONMGR</c>.</summary>
    public string Prefix { get; }

    public int HttpStatus { get; }

    /// <summary>The C# constant name, e.g. <c>KeyNotFound</c>; empty only in a user line that overrides a built-in code.</summary>
    public string Name { get; }

    public RetryClass Retry { get; }

    /// <summary>The qualifier after the colon: <c>credential</c>, <c>state</c>, <c>quota</c>, <c>permission</c>, <c>account</c>, <c>no-op</c>, or empty.</summary>
    public string RetryDetail { get; }

    public string Message => MessageText.ToString();

    /// <summary><see cref="Message"/> where it is written (a page's cell: no string until asked for).</summary>
    public TextSlice MessageText { get; }

    public string Description => DescriptionText.ToString();

    /// <summary><see cref="Description"/> where it is written (a page's cell: no string until asked for).</summary>
    public TextSlice DescriptionText { get; }

    public string Measure => MeasureText.ToString();

    /// <summary><see cref="Measure"/> where it is written (a page's cell: no string until asked for).</summary>
    public TextSlice MeasureText { get; }

    /// <summary>1-based line in the file the entry came from (0 when unknown).</summary>
    public int Line { get; }

    /// <summary>
    /// True for a row of a published page (<c>*.errorcodes.md</c>): its name is derived from the message and its retry
    /// class inferred from the status, so a <c>*.errorcodes.tsv</c> line may rename it or change its retry class, and it
    /// changes nothing of a code already in the catalog.
    /// </summary>
    public bool IsDerived { get; }

    /// <summary>The retry column as written in the catalog, e.g. <c>after-action:credential</c>.</summary>
    public string RetryText => RetryClasses.Format(Retry, RetryDetail);

    /// <summary>The code and its message for diagnostic messages, e.g. <c>KMS.0207 (The key does not exist.)</c>.</summary>
    public string CodeAndMessage => Code + " (" + Message.Trim() + ")";

    /// <summary>
    /// The first <paramref name="listed"/> entries as <see cref="CodeAndMessage"/>, comma separated, then "and N more" for
    /// the rest (the code lists of DEW003 and DEW007 messages).
    /// </summary>
    public static string Describe(IReadOnlyList<ErrorCodeEntry> entries, int listed)
    {
        var shown = string.Join(", ", entries.Take(listed).Select(e => e.CodeAndMessage));
        return entries.Count > listed ? $"{shown} and {entries.Count - listed} more" : shown;
    }

    public ErrorCodeEntry WithRetry(RetryClass retry, string retryDetail)
        => new(Code, HttpStatus, Name, retry, retryDetail, MessageText, DescriptionText, MeasureText, Line, IsDerived, Prefix);

    /// <summary>This entry under another name: a page entry renamed by a <c>*.errorcodes.tsv</c> line, or made unique within its prefix.</summary>
    public ErrorCodeEntry WithName(string name)
        => new(Code, HttpStatus, name, Retry, RetryDetail, MessageText, DescriptionText, MeasureText, Line, IsDerived, Prefix);

    public override string ToString() => Code;
}
