using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using DewAnalyzers.Catalog;

namespace DewAnalyzers;

/// <summary>
/// The entry point of the rules that judge a catalog code by the test it is compared in (DEW005, DEW006): every constant
/// operand (literal, user <c>const</c>, catalog constant) of every test (<see cref="ErrorCodeTest.TryGetOperand"/>) whose
/// value is a catalog code, outside generated code.
/// </summary>
internal static class ComparedConstants
{
    /// <summary>What a rule does with one compared catalog code.</summary>
    public delegate void Action(in OperationAnalysisContext context, IOperation constant, ErrorCodeEntry entry);

    /// <summary>Registers <paramref name="analyze"/> for every compared constant whose value is a code of <paramref name="catalog"/>.</summary>
    public static void Register(CompilationStartAnalysisContext start, ErrorCodeCatalog catalog, Action analyze)
        => start.RegisterOperationAction(
            context =>
            {
                // Loop with an index: no enumerator, no delegate, no copies of the context.
                for (var i = 0; !context.IsGeneratedCode && ErrorCodeTest.TryGetOperand(context.Operation, i, out var constant); i++)
                {
                    if (constant is not null && TryGetCatalogCode(constant, catalog, out var entry))
                    {
                        analyze(in context, constant, entry);
                    }
                }
            },
            ErrorCodeTest.OperandKinds);

    /// <summary>
    /// True when <paramref name="constant"/> (a literal, a const field or a const local) has a catalog code as its value, or
    /// one in another case in a test that ignores case.
    /// Runs for every constant-like operand of every comparison, so it rejects non-constants, and string literals of the
    /// wrong length, before any look-up. A string literal's value is read from its token, as the literal rules read it
    /// (<see cref="ErrorCodeLiterals.ValueOf"/>); only a const field or local asks for its constant value.
    /// </summary>
    private static bool TryGetCatalogCode(IOperation constant, ErrorCodeCatalog catalog, out ErrorCodeEntry entry)
    {
        entry = null!;
        string text;
        switch (constant)
        {
            case ILiteralOperation { Syntax: LiteralExpressionSyntax literal }:
                if (!literal.Token.IsKind(SyntaxKind.StringLiteralToken))
                {
                    return false;
                }

                text = ErrorCodeLiterals.ValueOf(literal.Token);
                if (text.Length < catalog.MinCodeLength || text.Length > catalog.MaxCodeLength)
                {
                    return false;
                }

                break;
            case IFieldReferenceOperation { Field.IsConst: true }:
            case ILocalReferenceOperation { Local.IsConst: true }:
                if (constant.Type?.SpecialType != SpecialType.System_String || constant.ConstantValue.Value is not string value)
                {
                    return false;
                }

                text = value;
                break;
            default:
                return false;
        }

        // A test that ignores case matches the code whatever the case of its text ("kms.0207" in OrdinalIgnoreCase).
        return catalog.TryGetEntry(text, out entry)
            || (catalog.TryGetEntryIgnoringCase(text, out entry) && ErrorCodeTest.Of(constant) is { IgnoresCase: true });
    }
}
