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
    /// wrong length (their text is on the syntax token), before it asks for a constant value.
    /// </summary>
    private static bool TryGetCatalogCode(IOperation constant, ErrorCodeCatalog catalog, out ErrorCodeEntry entry)
    {
        entry = null!;
        var mayBeConstant = constant switch
        {
            // A string token holds its value: no numeric formatting, no constant-value lookup for the wrong length.
            ILiteralOperation { Syntax: LiteralExpressionSyntax literal } => literal.Token.IsKind(SyntaxKind.StringLiteralToken)
                && ErrorCodeLiterals.ValueOf(literal.Token).Length is var length && length >= catalog.MinCodeLength && length <= catalog.MaxCodeLength,
            ILiteralOperation => false,
            IFieldReferenceOperation reference => reference.Field.IsConst,
            ILocalReferenceOperation reference => reference.Local.IsConst,
            _ => false,
        };
        if (!mayBeConstant
            || constant.Type?.SpecialType != SpecialType.System_String
            || constant.ConstantValue is not { HasValue: true, Value: string text })
        {
            return false;
        }

        // A test that ignores case matches the code whatever the case of its text ("kms.0207" in OrdinalIgnoreCase).
        return catalog.TryGetEntry(text, out entry)
            || (catalog.TryGetEntryIgnoringCase(text, out entry) && ErrorCodeTest.Of(constant) is { IgnoresCase: true });
    }
}
