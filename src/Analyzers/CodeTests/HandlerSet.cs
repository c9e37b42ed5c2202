using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>The forms of a <see cref="HandlerSet"/>.</summary>
internal enum HandlerShape
{
    /// <summary><c>switch (e.ErrorCode) { case "KMS.0207": … default: throw; }</c> and the switch expression.</summary>
    CodeSwitch,

    /// <summary><c>e switch { { ErrorCode: "KMS.0207" } => …, _ => throw … }</c> and <c>case { ErrorCode: … }:</c> labels.</summary>
    ExceptionSwitch,

    /// <summary><c>if (c == A) … else if (c == B) … else throw;</c></summary>
    IfElseChain,

    /// <summary><c>if (c == A) { …; return; } if (c == B) { …; return; } throw;</c> at the end of a catch block.</summary>
    IfSequence,

    /// <summary><c>catch (…) when (c == A || c == B)</c>: only these codes get into the catch (no default).</summary>
    CatchFilter,
}

/// <summary>
/// A handler set: a place that decides per error code (docs/error-code-tests.md). Its codes come from the
/// <see cref="ErrorCodeTest"/>s of its labels, arms, patterns, <c>when</c> clauses or <c>if</c> conditions (compared by
/// constant value, or ignoring case where the test does); its default is the branch that takes every other code.
/// Built by <see cref="FromSwitch"/> (HandlerSet.Switches.cs) and <see cref="FromCatch"/> (HandlerSet.IfChains.cs).
/// </summary>
internal sealed partial class HandlerSet
{
    private readonly ImmutableArray<string> _codesIgnoringCase;
    private readonly ImmutableArray<(string Prefix, bool IgnoresCase)> _families;

    private HandlerSet(HandlerShape shape, IOperation operation, IOperation subject, List<IOperation> codes, List<IOperation> codesIgnoringCase, IOperation? defaultArm, bool defaultOnlyThrows, List<(string Prefix, bool IgnoresCase)>? families = null)
        : this(shape, operation, subject, Values(codes), Values(codesIgnoringCase), families?.ToImmutableArray() ?? ImmutableArray<(string, bool)>.Empty, defaultArm, defaultOnlyThrows)
    {
    }

    private HandlerSet(HandlerShape shape, IOperation operation, IOperation subject, ImmutableArray<string> codes, ImmutableArray<string> codesIgnoringCase, ImmutableArray<(string Prefix, bool IgnoresCase)> families, IOperation? defaultArm, bool defaultOnlyThrows)
    {
        Shape = shape;
        Operation = operation;
        Subject = subject;
        Codes = codes;
        _codesIgnoringCase = codesIgnoringCase;
        _families = families;
        DefaultArm = defaultArm;
        DefaultOnlyThrows = defaultOnlyThrows;
    }

    public HandlerShape Shape { get; }

    /// <summary>The switch statement or expression, or the first <c>if</c> of the chain.</summary>
    public IOperation Operation { get; }

    /// <summary>The error-code expression the set tests; for <see cref="HandlerShape.ExceptionSwitch"/>, the switched exception.</summary>
    public IOperation Subject { get; }

    /// <summary>Every code (constant value) a label, pattern, <c>when</c> test or condition names, in source order (a code may appear twice).</summary>
    public ImmutableArray<string> Codes { get; }

    /// <summary>
    /// The branch that takes every other code: a <c>default:</c> section, a <c>_</c>/<c>var x</c>/catch-all arm (without a
    /// <c>when</c>), the final <c>else</c> of an if/else chain, or the <c>throw</c> that ends an if sequence. Null when none.
    /// </summary>
    public IOperation? DefaultArm { get; }

    public bool HasDefault => DefaultArm is not null;

    /// <summary>
    /// True when the default ends in <c>throw;</c>/<c>throw new …</c> with no branch before it (statement), or is a throw
    /// expression: it says "anything else is unexpected" rather than handling the rest.
    /// </summary>
    public bool DefaultOnlyThrows { get; }

    /// <summary>
    /// True when a test of the set matches <paramref name="code"/>: exactly, ignoring case where the test does, or as one of
    /// a family a <c>when</c> clause tests (<c>case var c when c.StartsWith("KMS.02")</c>).
    /// </summary>
    public bool Handles(string code)
    {
        if (Codes.IndexOf(code) >= 0)
        {
            return true;
        }

        foreach (var candidate in _codesIgnoringCase)
        {
            if (string.Equals(candidate, code, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var (prefix, ignoresCase) in _families)
        {
            if (code.StartsWith(prefix, ignoresCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where DEW003 reports: the <c>switch</c> keyword, or the <c>if</c> keyword of the chain's first test.</summary>
    public Location? ReportLocation()
        => Operation.Syntax switch
        {
            SwitchStatementSyntax statement => statement.SwitchKeyword.GetLocation(),
            SwitchExpressionSyntax expression => expression.SwitchKeyword.GetLocation(),
            IfStatementSyntax @if => @if.IfKeyword.GetLocation(),
            _ => null,
        };

    /// <summary>
    /// Where DEW003's fix inserts the missing cases (<see cref="FixProperties.InsertAt"/>). Switches: the default section's
    /// or arm's index, or the section count of a switch statement without a default. Chains: 0 (the fix finds the final
    /// <c>else</c> or <c>throw</c> from the <c>if</c>). Null when the fix cannot keep behaviour: a switch expression without
    /// a default arm, a default that handles the rest, or a default that uses a variable declared in it (copies would not
    /// compile).
    /// </summary>
    public int? InsertionIndex()
    {
        if (DefaultArm is null)
        {
            return Operation.Syntax is SwitchStatementSyntax statement ? statement.Sections.Count : null;
        }

        if (!DefaultOnlyThrows || UsesDesignation(DefaultArm.Syntax))
        {
            return null;
        }

        var index = (DefaultArm.Syntax, Operation.Syntax) switch
        {
            (SwitchSectionSyntax section, SwitchStatementSyntax statement) => statement.Sections.IndexOf(section),
            (SwitchExpressionArmSyntax arm, SwitchExpressionSyntax expression) => expression.Arms.IndexOf(arm),
            (_, IfStatementSyntax) => 0,
            _ => -1,
        };
        return index < 0 ? null : index;
    }

    /// <summary>True when the default arm uses a variable that is designated inside it (not in scope in a copy elsewhere).</summary>
    private static bool UsesDesignation(SyntaxNode defaultArm)
    {
        HashSet<string>? names = null;
        foreach (var designation in defaultArm.DescendantNodes().OfType<SingleVariableDesignationSyntax>())
        {
            (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(designation.Identifier.ValueText);
        }

        return names is not null && defaultArm.DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => names.Contains(n.Identifier.ValueText));
    }

    private static ImmutableArray<string> Values(List<IOperation> codes)
    {
        var values = ImmutableArray.CreateBuilder<string>(codes.Count);
        foreach (var code in codes)
        {
            values.Add((string)code.ConstantValue.Value!);
        }

        return values.MoveToImmutable();
    }

    /// <summary>Adds a test's codes to the exact or the ignoring-case list.</summary>
    private static void AddCodes(ErrorCodeTest test, List<IOperation> codes, List<IOperation> codesIgnoringCase)
        => (test.IgnoresCase ? codesIgnoringCase : codes).AddRange(test.Admitted);

    /// <summary>A statement list that ends in a throw and branches nowhere before it.</summary>
    private static bool OnlyThrows(ImmutableArray<IOperation> statements)
    {
        while (statements.Length == 1 && statements[0] is IBlockOperation block)
        {
            statements = block.Operations;
        }

        if (statements.IsEmpty || !IsThrow(statements[statements.Length - 1]))
        {
            return false;
        }

        for (var i = 0; i < statements.Length - 1; i++)
        {
            if (statements[i] is IBranchOperation or IReturnOperation || IsThrow(statements[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsThrow(IOperation statement)
        => statement is IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation };
}
