namespace DewAnalyzers;

/// <summary>
/// The analyzer→fixer contract: every <c>Diagnostic.Properties</c> key a rule sets and its fixer reads, in one place.
/// The analyzer computes, the fixer applies: a fixer reads what the analyzer knew instead of computing it again.
/// </summary>
internal static class FixProperties
{
    /// <summary>
    /// DEW001, DEW002, DEW003: the code(s) to write, comma separated, best first (DEW001: the suggestions; DEW002: the
    /// literal's code; DEW003: the missing codes).
    /// </summary>
    public const string Codes = "Codes";

    /// <summary>The fully qualified generated constant of each of <see cref="Codes"/>, in the same order; an empty item where none is generated.</summary>
    public const string Constants = "Constants";

    /// <summary>DEW003: per missing code, the comment the fix writes above its new case; separated by <see cref="CommentSeparator"/>.</summary>
    public const string Comments = "Comments";

    public const char CommentSeparator = '\n';

    /// <summary>
    /// DEW003: where the new cases go, the index of the default section or arm among the switch's sections or arms (the
    /// section count when a switch statement has no default: the new sections are appended with <c>break;</c>; 0 for an
    /// if/else chain, whose final <c>else</c> or <c>throw</c> the fixer finds). Absent when the fix cannot keep behaviour
    /// (a switch expression without a default arm, a default that uses a variable it declares).
    /// </summary>
    public const string InsertAt = "InsertAt";

    /// <summary>
    /// DEW003 on a switch over the exception: the property the new labels and arms test in a property pattern
    /// (<c>{ ErrorCode: … }</c>).
    /// </summary>
    public const string CodeMember = "CodeMember";

    /// <summary>DEW003 on an if/else chain: the tested error-code expression (<c>e.ErrorCode</c>), for the new conditions.</summary>
    public const string Subject = "Subject";

    /// <summary>DEW004, DEW005: the reported code (<c>KMS.0207</c>), for the fix title.</summary>
    public const string Code = "Code";

    /// <summary>DEW004, DEW007: fully qualified <c>DewErrorCodes.IsTransient</c>; absent when the generated class is not there.</summary>
    public const string IsTransient = "IsTransient";

    /// <summary>
    /// DEW007: what "Retry only transient codes" edits, at the diagnostic's first additional location:
    /// <see cref="BlanketFixPredicate"/>, <see cref="BlanketFixFilter"/> or <see cref="BlanketFixCondition"/>. Absent when
    /// the fix is not offered.
    /// </summary>
    public const string BlanketFix = "BlanketFix";

    /// <summary>The argument list of a Polly <c>Handle&lt;T&gt;(…)</c>: add a predicate, or narrow its lambda.</summary>
    public const string BlanketFixPredicate = "Predicate";

    /// <summary>A <c>catch</c> clause: add a <c>when</c> filter, or narrow it (naming the exception if needed).</summary>
    public const string BlanketFixFilter = "Filter";

    /// <summary>A boolean condition (WithRetry's lambda body, the value a Polly v8 predicate wraps): narrow it.</summary>
    public const string BlanketFixCondition = "Condition";

    /// <summary>DEW007 on a condition: the expression that holds the exception (<c>ex</c>, <c>args.Outcome.Exception</c>).</summary>
    public const string Exception = "Exception";

    /// <summary>
    /// DEW007: fully qualified <c>ServiceResponseException</c>, when the exception the fix tests has no <c>ErrorCode</c>
    /// (<c>SdkException</c>, <c>Exception</c>): the fix then writes "not a non-transient service error".
    /// </summary>
    public const string ServiceErrorType = "ServiceErrorType";
}
