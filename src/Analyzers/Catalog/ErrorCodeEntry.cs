using System.Collections.Generic;
using System.Linq;

namespace DewAnalyzers.Catalog;

/// <summary>One documented error code: a row of ErrorCodes.tsv or of a user's *.errorcodes.tsv.</summary>
internal sealed class ErrorCodeEntry
{
    public ErrorCodeEntry(
        string code,
        int httpStatus,
        string name,
        RetryClass retry,
        string retryDetail,
        string message,
        string description,
        string measure,
        int line = 0)
    {
        Code = code;
        HttpStatus = httpStatus;
        Name = name;
        Retry = retry;
        RetryDetail = retryDetail;
        Message = message;
        Description = description;
        Measure = measure;
        Line = line;
        Prefix = code.Substring(0, code.IndexOf('.'));
    }

    /// <summary>The code, e.g. <c>KMS.0207</c>.</summary>
    public string Code { get; }

    /// <summary>The part before the dot, e.g. <c>KMS</c>.</summary>
    public string Prefix { get; }

    public int HttpStatus { get; }

    /// <summary>The C# constant name, e.g. <c>KeyNotFound</c>; empty only in a user line that overrides a built-in code.</summary>
    public string Name { get; }

    public RetryClass Retry { get; }

    /// <summary>The qualifier after the colon: <c>credential</c>, <c>state</c>, <c>quota</c>, <c>permission</c>, <c>account</c>, <c>no-op</c>, or empty.</summary>
    public string RetryDetail { get; }

    public string Message { get; }

    public string Description { get; }

    public string Measure { get; }

    /// <summary>1-based line in the file the entry came from (0 when unknown).</summary>
    public int Line { get; }

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
        => new(Code, HttpStatus, Name, retry, retryDetail, Message, Description, Measure, Line);

    public override string ToString() => Code;
}
