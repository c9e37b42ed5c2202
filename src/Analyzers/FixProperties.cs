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
    /// section count when a switch statement has no default: the new sections are appended with <c>break;</c>). Absent
    /// when the fix cannot keep behaviour (a switch expression without a default arm, a default arm that uses the
    /// variable its pattern declares).
    /// </summary>
    public const string InsertAt = "InsertAt";

    /// <summary>DEW004, DEW005: the reported code (<c>KMS.0207</c>), for the fix title.</summary>
    public const string Code = "Code";

    /// <summary>DEW004: fully qualified <c>DewErrorCodes.IsTransient</c>; absent when the generated class is not there.</summary>
    public const string IsTransient = "IsTransient";
}
