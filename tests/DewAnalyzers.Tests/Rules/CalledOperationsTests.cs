using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DewAnalyzers.Catalog;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace DewAnalyzers.Tests.Rules;

public sealed class CalledOperationsTests
{
    /// <summary>The codes DEW003 requires by default (the handle tier), pinned so a change of tiers is reviewed.</summary>
    [Theory]
    [InlineData("KMS", "DecryptData", "KMS.0207 KMS.0209 KMS.0210 KMS.2201")]
    [InlineData("CSMS", "CreateSecret", "CSMS.0101 CSMS.0201 CSMS.0202 CSMS.0207 CSMS.0401")]
    [InlineData("CSMS", "ShowSecret", "CSMS.0005 CSMS.0106")]
    [InlineData("KMS", "ListGrants", "KMS.0207")]
    [InlineData("CSMS", "ListGrants", "")]
    public void HandleTier_IsWhatDew003Requires(string service, string operation, string expected)
    {
        Assert.True(ErrorCodeCatalog.BuiltIn.Operations.TryGet(service, operation, out var info));
        Assert.Equal(expected, string.Join(" ", info.Handle));
    }

    [Theory]
    [InlineData("kms.DecryptData(null)", "KMS.DecryptData")]
    [InlineData("kms.DecryptDataInvoker(null)", "KMS.DecryptData")]
    [InlineData("kmsAsync.DecryptDataAsync(null)", "KMS.DecryptData")]
    [InlineData("kmsAsync.DecryptDataAsyncInvoker(null)", "KMS.DecryptData")]
    [InlineData("kms.ListGrants(null)", "KMS.ListGrants")]
    [InlineData("csmsAsync.ListGrantsAsync(null)", "CSMS.ListGrants")]
    [InlineData("csms.CreateSecretInvoker(null)", "CSMS.CreateSecret")]
    [InlineData("mine.ShowSecret(null)", "CSMS.ShowSecret")]
    [InlineData("kms.ToString()", null)]
    [InlineData("KmsClient.NewBuilder()", null)]
    [InlineData("mine.Helper()", null)]
    public void Resolve_RecognizesEveryForm(string call, string? expected)
    {
        var invocation = FirstInvocation(call);
        var calls = new CalledOperations(new SdkSymbols(invocation.SemanticModel!.Compilation), ErrorCodeCatalog.BuiltIn);
        Assert.Equal(expected, calls.Resolve(invocation)?.ToString());
    }

    [Fact]
    public void TryGetForCatch_CollectsDistinctOperationsOfTheNearestTryThatCallsAny()
    {
        var tree = Parse("""
            void M()
            {
                try
                {
                    kms.DecryptData(null);
                    try { csms.ShowSecret(null); System.Func<object> f = () => kms.DecryptDataInvoker(null).Invoke(); }
                    catch (System.Exception)
                    {
                        try { }
                        catch { var inner = 1; }
                    }
                }
                catch (System.Exception)
                {
                    var outer = 2;
                }
            }
            """);
        var (compilation, root) = Compile(tree);
        var model = compilation.GetSemanticModel(tree);
        var sdk = new SdkSymbols(compilation);
        IOperation Declarator(string name) => model.GetOperation(root.DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(d => d.Identifier.ValueText == name))!;

        Assert.True(new CalledOperations(sdk, ErrorCodeCatalog.BuiltIn).TryGetForCatch(Declarator("inner"), CancellationToken.None, out _, out var innerOps));
        Assert.Equal(new[] { "CSMS.ShowSecret", "KMS.DecryptData" }, innerOps.Select(o => o.ToString()));

        var calls = new CalledOperations(sdk, ErrorCodeCatalog.BuiltIn);
        Assert.True(calls.TryGetForCatch(Declarator("outer"), CancellationToken.None, out var catchClause, out var outerOps));
        var cache = calls.WalkedTryBodies;
        Assert.Equal(new[] { "KMS.DecryptData", "CSMS.ShowSecret" }, outerOps.Select(o => o.ToString()));
        Assert.Single(cache);
        Assert.IsType<CatchClauseSyntax>(catchClause.Syntax);
        Assert.False(calls.TryGetForCatch(model.GetOperation(root.DescendantNodes().OfType<InvocationExpressionSyntax>().First())!, CancellationToken.None, out _, out _));
    }

    private static IInvocationOperation FirstInvocation(string call)
    {
        var tree = Parse("object M() => " + call + ";");
        var (compilation, root) = Compile(tree);
        var syntax = root.DescendantNodes().OfType<InvocationExpressionSyntax>().First();
        return (IInvocationOperation)compilation.GetSemanticModel(tree).GetOperation(syntax)!;
    }

    private static SyntaxTree Parse(string member) => CSharpSyntaxTree.ParseText($$"""
        using HuaweiCloud.SDK.Csms.V1;
        using HuaweiCloud.SDK.Kms.V2;

        class MyCsms : CsmsClient { public object Helper() => null; }

        class C
        {
            KmsClient kms = null;
            KmsAsyncClient kmsAsync = null;
            CsmsClient csms = null;
            CsmsAsyncClient csmsAsync = null;
            MyCsms mine = null;

            {{member}}
        }
        """);

    private static (Compilation Compilation, SyntaxNode Root) Compile(SyntaxTree tree)
    {
        var references = new List<MetadataReference> { TestReferences.HuaweiSdk };
        references.AddRange(TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult());
        var compilation = CSharpCompilation.Create("T", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return (compilation, tree.GetRoot());
    }
}
