using System;
using System.Collections.Generic;
using System.Linq;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DewAnalyzers;

/// <summary>
/// A handler set: a place that decides per code. Today a <c>switch</c> statement or switch expression over an error-code
/// expression: the codes of its case labels, patterns and <c>when</c> clauses (read with <see cref="ErrorCodeTest"/>,
/// compared by constant value), and its default arm.
/// </summary>
internal sealed class HandlerSet
{
    private HandlerSet(ImmutableArray<string> codes, IOperation? defaultArm, bool defaultOnlyThrows)
    {
        Codes = codes;
        DefaultArm = defaultArm;
        DefaultOnlyThrows = defaultOnlyThrows;
    }

    /// <summary>Every code (constant value) named by a label, pattern or <c>when</c> test, in source order (a code may appear twice).</summary>
    public ImmutableArray<string> Codes { get; }

    /// <summary>
    /// The section/arm that takes every other value: <c>default:</c>, <c>_</c>, <c>var x</c>, <c>case string s</c>,
    /// <c>not "…"</c>… without a <c>when</c> clause. Null when there is none.
    /// </summary>
    public IOperation? DefaultArm { get; }

    public bool HasDefault => DefaultArm is not null;

    /// <summary>
    /// True when the default arm ends in <c>throw;</c>/<c>throw new …</c> with no branch before it (statement), or is a
    /// throw expression (switch expression): it says "anything else is unexpected" rather than handling the rest.
    /// </summary>
    public bool DefaultOnlyThrows { get; }

    /// <summary>True when some code in <see cref="Codes"/> equals <paramref name="code"/>.</summary>
    public bool Handles(string code) => Codes.IndexOf(code) >= 0;

    /// <summary>
    /// Where DEW003's fix inserts the missing cases (<see cref="FixProperties.InsertAt"/>): the default section's or arm's
    /// index, or the section count of a switch statement without a default. Null when the fix cannot keep behaviour: a
    /// switch expression without a default arm, a default that handles the rest, or a default whose statements use a
    /// variable declared in it (copies would not compile).
    /// </summary>
    public int? InsertionIndex(IOperation switchOperation)
    {
        if (DefaultArm is null)
        {
            return switchOperation.Syntax is SwitchStatementSyntax statement ? statement.Sections.Count : null;
        }

        if (!DefaultOnlyThrows || UsesDesignation(DefaultArm.Syntax))
        {
            return null;
        }

        var index = (DefaultArm.Syntax, switchOperation.Syntax) switch
        {
            (SwitchSectionSyntax section, SwitchStatementSyntax statement) => statement.Sections.IndexOf(section),
            (SwitchExpressionArmSyntax arm, SwitchExpressionSyntax expression) => expression.Arms.IndexOf(arm),
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

    /// <summary>
    /// Reads a switch statement (<see cref="ISwitchOperation"/>) or switch expression (<see cref="ISwitchExpressionOperation"/>).
    /// Null for any other operation. Does not check that the switched value is an error code.
    /// </summary>
    public static HandlerSet? From(IOperation switchOperation, ErrorCodeExpressions errorCodes, CancellationToken cancellationToken)
        => switchOperation switch
        {
            ISwitchOperation statement => FromStatement(statement, errorCodes, cancellationToken),
            ISwitchExpressionOperation expression => FromExpression(expression, errorCodes, cancellationToken),
            _ => null,
        };

    /// <summary>The value a switch statement or expression switches on; null for other operations.</summary>
    public static IOperation? SwitchedValue(IOperation switchOperation)
        => switchOperation switch
        {
            ISwitchOperation statement => statement.Value,
            ISwitchExpressionOperation expression => expression.Value,
            _ => null,
        };

    private static HandlerSet FromStatement(ISwitchOperation statement, ErrorCodeExpressions errorCodes, CancellationToken cancellationToken)
    {
        var codes = new List<IOperation>();
        IOperation? defaultArm = null;
        foreach (var section in statement.Cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var clause in section.Clauses)
            {
                switch (clause)
                {
                    case IDefaultCaseClauseOperation:
                        defaultArm ??= section;
                        break;
                    case ISingleValueCaseClauseOperation single:
                        AddConstant(single.Value, codes);
                        break;
                    case IPatternCaseClauseOperation patternClause:
                        ErrorCodeTest.AddPatternCodes(patternClause.Pattern, outcome: true, codes);
                        if (patternClause.Guard is { } guard)
                        {
                            AddGuard(guard, patternClause.Pattern, errorCodes, cancellationToken, codes);
                        }
                        else if (IsCatchAll(patternClause.Pattern))
                        {
                            defaultArm ??= section;
                        }

                        break;
                }
            }
        }

        var onlyThrows = defaultArm is ISwitchCaseOperation defaultSection && OnlyThrows(defaultSection.Body);
        return new HandlerSet(Values(codes), defaultArm, onlyThrows);
    }

    private static HandlerSet FromExpression(ISwitchExpressionOperation expression, ErrorCodeExpressions errorCodes, CancellationToken cancellationToken)
    {
        var codes = new List<IOperation>();
        ISwitchExpressionArmOperation? defaultArm = null;
        foreach (var arm in expression.Arms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ErrorCodeTest.AddPatternCodes(arm.Pattern, outcome: true, codes);
            if (arm.Guard is { } guard)
            {
                AddGuard(guard, arm.Pattern, errorCodes, cancellationToken, codes);
            }
            else if (IsCatchAll(arm.Pattern))
            {
                defaultArm ??= arm;
            }
        }

        var onlyThrows = defaultArm is not null && OperationHelpers.Unwrap(defaultArm.Value) is IThrowOperation;
        return new HandlerSet(Values(codes), defaultArm, onlyThrows);
    }

    private static void AddConstant(IOperation? value, List<IOperation> codes)
    {
        if (value?.ConstantValue is { HasValue: true, Value: string })
        {
            codes.Add(value);
        }
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

    /// <summary>
    /// Codes a <c>when</c> clause tests for (<see cref="ErrorCodeTest"/>: <c>==</c>, <c>Equals</c>, <c>is</c> patterns…)
    /// against the switched value: an error-code expression or the variable the arm's pattern declares.
    /// </summary>
    private static void AddGuard(IOperation guard, IPatternOperation? pattern, ErrorCodeExpressions errorCodes, CancellationToken cancellationToken, List<IOperation> codes)
    {
        var declared = (pattern as IDeclarationPatternOperation)?.DeclaredSymbol as ILocalSymbol;
        foreach (var operation in guard.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation.Kind is OperationKind.Binary or OperationKind.Invocation or OperationKind.IsPattern
                && ErrorCodeTest.Read(operation) is { } test
                && (IsDeclared(test.Subject, declared) || errorCodes.IsErrorCode(test.Subject, cancellationToken)))
            {
                codes.AddRange(test.Admitted);
            }
        }
    }

    private static bool IsDeclared(IOperation subject, ILocalSymbol? declared)
        => declared is not null && subject is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, declared);

    /// <summary>A pattern that matches every string (the switch's input is a string): <c>_</c>, <c>var x</c>, <c>string s</c>, <c>string</c>, <c>not "…"</c>.</summary>
    private static bool IsCatchAll(IPatternOperation? pattern)
        => pattern switch
        {
            IDiscardPatternOperation => true,
            IDeclarationPatternOperation declaration => declaration.MatchesNull || declaration.MatchedType?.SpecialType is SpecialType.System_String or SpecialType.System_Object,
            ITypePatternOperation type => type.MatchedType?.SpecialType is SpecialType.System_String or SpecialType.System_Object,
            INegatedPatternOperation { Pattern: IConstantPatternOperation } => true,
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or => IsCatchAll(or.LeftPattern) || IsCatchAll(or.RightPattern),
            _ => false,
        };

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
