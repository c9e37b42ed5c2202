using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DewAnalyzers.Catalog;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DewAnalyzers.Tests.CodeTests;

/// <summary>
/// The one model of an error-code test (<see cref="ErrorCodeTest"/>): every shape it reads, from the first string literal
/// of the expression: the subject, the codes for which the test is true (+) and false (−), and its flags.
/// </summary>
public sealed class ErrorCodeTestTests
{
    [Theory]
    [InlineData("e.ErrorCode == \"KMS.0207\"", "e.ErrorCode | +KMS.0207 | membership error-code")]
    [InlineData("\"KMS.0207\" != e.ErrorCode", "e.ErrorCode | −KMS.0207 | negated error-code")]
    [InlineData("e?.ErrorCode == \"KMS.0207\"", "e?.ErrorCode | +KMS.0207 | membership error-code")]
    [InlineData("e.ErrorCode.Equals(\"KMS.0207\")", "e.ErrorCode | +KMS.0207 | membership error-code")]
    [InlineData("\"KMS.0207\".Equals(e.ErrorCode)", "e.ErrorCode | +KMS.0207 | membership error-code")]
    [InlineData("!e.ErrorCode.Equals(\"KMS.0207\")", "e.ErrorCode | +KMS.0207 | membership negated error-code")]
    [InlineData("string.Equals(e.ErrorCode, \"KMS.0207\")", "e.ErrorCode | +KMS.0207 | membership error-code")]
    [InlineData("string.Equals(e.ErrorCode, \"KMS.0207\", StringComparison.Ordinal)", "e.ErrorCode | +KMS.0207 | membership error-code")]
    [InlineData("string.Equals(\"KMS.0207\", e.ErrorCode, StringComparison.OrdinalIgnoreCase)", "e.ErrorCode | +KMS.0207 | ignore-case membership error-code")]
    [InlineData("e.ErrorCode.Equals(\"KMS.0207\", StringComparison.InvariantCultureIgnoreCase)", "e.ErrorCode | +KMS.0207 | ignore-case membership error-code")]
    [InlineData("StringComparer.OrdinalIgnoreCase.Equals(e.ErrorCode, \"KMS.0207\")", "e.ErrorCode | +KMS.0207 | ignore-case membership error-code")]
    [InlineData("StringComparer.Ordinal.Equals(e.ErrorCode, \"KMS.0207\")", "e.ErrorCode | +KMS.0207 | membership error-code")]
    [InlineData("string.Compare(e.ErrorCode, \"KMS.0207\", StringComparison.Ordinal) == 0", "e.ErrorCode | +KMS.0207 | membership error-code")]
    [InlineData("0 != string.CompareOrdinal(\"KMS.0207\", e.ErrorCode)", "e.ErrorCode | −KMS.0207 | negated error-code")]
    [InlineData("string.Compare(e.ErrorCode, \"KMS.0207\", true) == 0", "e.ErrorCode | +KMS.0207 | ignore-case membership error-code")]
    [InlineData("e.ErrorCode.ToUpperInvariant() == \"KMS.0207\"", "e.ErrorCode | +KMS.0207 | ignore-case membership error-code")]
    [InlineData("e.ErrorCode is \"KMS.0207\" or \"KMS.0209\"", "e.ErrorCode | +KMS.0207 +KMS.0209 | membership error-code")]
    [InlineData("e.ErrorCode is not (\"KMS.0207\" or \"KMS.0209\")", "e.ErrorCode | −KMS.0207 −KMS.0209 | negated error-code")]
    [InlineData("e.ErrorCode is not null and not \"KMS.0207\"", "e.ErrorCode | −KMS.0207 | negated error-code")]
    [InlineData("e is ClientRequestException { ErrorCode: \"KMS.0207\" or \"KMS.0209\" }", "ErrorCode | +KMS.0207 +KMS.0209 | membership error-code")]
    [InlineData("code == \"KMS.0207\"", "code | +KMS.0207 | membership")]
    [InlineData("local == \"KMS.0207\"", "local | +KMS.0207 | membership error-code")]
    [InlineData("(e.ErrorCode ?? \"none\") == \"KMS.0207\"", "e.ErrorCode ?? \"none\" | +KMS.0207 | membership error-code")]
    public void Reads(string condition, string expected) => Assert.Equal(expected, Describe(condition));

    [Theory]
    [InlineData("\"KMS.0207\" == \"KMS.0209\"")]
    [InlineData("Use(\"KMS.0207\")")]
    [InlineData("e.ErrorCode.StartsWith(\"KMS.0207\")")]
    [InlineData("string.Compare(e.ErrorCode, \"KMS.0207\") > 0")]
    public void NotATest(string condition) => Assert.Equal("(none)", Describe(condition));

    [Fact]
    public void SwitchLabelsAndArms_AreTestsOfTheSwitchedValue()
    {
        var (state, model, root) = Compile("""
            int M(ServiceResponseException e)
            {
                switch (e.ErrorCode) { case "KMS.0207": return 1; case "KMS.0209" or "KMS.0210": return 2; }
                return e.ErrorCode switch { "KMS.0211" => 3, not "KMS.0212" => 4, _ => 5 };
            }
            """);
        var described = root.DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression))
            .Select(l => Describe(state, model.GetOperation(l)!))
            .ToArray();
        Assert.Equal(
            new[]
            {
                "e.ErrorCode | +KMS.0207 | membership error-code",
                "e.ErrorCode | +KMS.0209 +KMS.0210 | membership error-code",
                "e.ErrorCode | +KMS.0209 +KMS.0210 | membership error-code",
                "e.ErrorCode | +KMS.0211 | membership error-code",
                "e.ErrorCode | −KMS.0212 | negated error-code",
            },
            described);
    }

    private static string Describe(string condition)
    {
        var (state, model, root) = Compile($$"""
            bool M(ServiceResponseException e, string code)
            {
                var local = e.ErrorCode;
                return {{condition}};
            }

            static bool Use(string value) => value.Length > 0;
            """);
        var literal = root.DescendantNodes().OfType<ReturnStatementSyntax>().Single().DescendantNodes()
            .OfType<LiteralExpressionSyntax>().First(l => l.IsKind(SyntaxKind.StringLiteralExpression) && l.Token.ValueText.StartsWith("KMS", System.StringComparison.Ordinal));
        return Describe(state, model.GetOperation(literal)!);
    }

    private static string Describe(CompilationState state, IOperation constant)
    {
        if (ErrorCodeTest.Of(constant) is not { } test)
        {
            return "(none)";
        }

        var codes = test.Admitted.Select(c => "+" + c.ConstantValue.Value).Concat(test.Excluded.Select(c => "−" + c.ConstantValue.Value));
        var flags = new List<string>();
        if (test.IgnoresCase)
        {
            flags.Add("ignore-case");
        }

        if (test.IsMembership)
        {
            flags.Add("membership");
        }

        if (test.IsNegated(constant))
        {
            flags.Add("negated");
        }

        if (state.ErrorCodes.IsErrorCode(test.Subject, CancellationToken.None))
        {
            flags.Add("error-code");
        }

        return $"{test.Subject.Syntax} | {string.Join(" ", codes)} | {string.Join(" ", flags)}";
    }

    private static (CompilationState State, SemanticModel Model, SyntaxNode Root) Compile(string members)
    {
        var tree = CSharpSyntaxTree.ParseText($$"""
            using System;
            using HuaweiCloud.SDK.Core;

            class C
            {
                {{members}}
            }
            """);
        var references = new List<MetadataReference> { TestReferences.HuaweiSdk };
        references.AddRange(TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult());
        var compilation = CSharpCompilation.Create("T", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (CompilationState.Create(compilation, ErrorCodeCatalog.BuiltIn), compilation.GetSemanticModel(tree), tree.GetRoot());
    }
}
