using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DewAnalyzers.Catalog;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace DewAnalyzers.Tests.Rules;

/// <summary>
/// Pay only for what you use (<see cref="CatalogUse"/>): a compilation without the SDK in which nothing can hold a catalog
/// code gets no DEW001/DEW002/DEW004 registrations; every place a code can come from keeps the rules on.
/// </summary>
public sealed class CatalogUseTests
{
    private const string Plain = """
        namespace App
        {
            public static class Orders
            {
                public static bool IsRetryable(string code) => code == "ORDER-17" || code == "timeout";
            }
        }
        """;

    [Fact]
    public async Task PlainCode_HoldsNoCodes()
    {
        Assert.False(MayHoldCodes(await CompileAsync(Plain)));
    }

    [Theory]
    [InlineData("\"KMS.0207\"")]
    [InlineData("\"KMS\" + \".0207\"")]
    [InlineData("\"CSMS.0005\"")]
    public async Task ACodeWrittenInSource_KeepsTheRulesOn(string value)
    {
        Assert.True(MayHoldCodes(await CompileAsync(Plain, $"static class Codes {{ public const string Gone = {value}; }}")));
    }

    [Fact]
    public async Task TheGeneratedConstantsNamedInSource_KeepTheRulesOn()
    {
        var generated = ErrorCodeConstantsGenerator.Emit(ErrorCodeCatalog.BuiltIn, DewOptions.DefaultNamespace, nullable: true);
        var user = $"static class Use {{ static bool Gone(string code) => code == {DewOptions.DefaultNamespace}.KmsErrorCodes.KeyNotFound; }}";

        // The generated file alone holds every code, but only a file that names its classes can use one.
        Assert.False(MayHoldCodes(await CompileAsync(("/src/Plain.cs", Plain), ("/gen/DewErrorCodes.g.cs", generated))));
        Assert.True(MayHoldCodes(await CompileAsync(("/src/Plain.cs", Plain), ("/gen/DewErrorCodes.g.cs", generated), ("/src/Use.cs", user))));
    }

    [Fact]
    public async Task ACustomPrefix_CountsOnlyWhenTheCatalogHasIt()
    {
        var compilation = await CompileAsync(Plain, "static class Codes { public const string Quota = \"CBC.18000016\"; }");
        var custom = ErrorCodeCatalog.BuiltIn.Merge(
            ImmutableArray.Create(new ErrorCodeEntry("CBC.18000016", 400, "QuotaExceeded", RetryClass.Permanent, string.Empty, "Quota exceeded.", string.Empty, string.Empty)),
            out _);

        Assert.False(CatalogUse.MayHoldCodes(compilation, ErrorCodeCatalog.BuiltIn, CancellationToken.None));
        Assert.True(CatalogUse.MayHoldCodes(compilation, custom, CancellationToken.None));
    }

    [Fact]
    public async Task AConstantOfAReferencedAssembly_KeepsTheRulesOn()
    {
        var withLibrary = (await CompileAsync(Plain)).AddReferences(await LibraryAsync("public static class Codes { public const string KeyGone = \"KMS.0207\"; }"));
        var withOtherLibrary = (await CompileAsync(Plain)).AddReferences(await LibraryAsync("public static class Codes { public const string Late = \"ORDER-17\"; }"));

        Assert.True(MayHoldCodes(withLibrary));
        Assert.False(MayHoldCodes(withOtherLibrary));
    }

    /// <summary>The rule end to end: without the SDK, a retry predicate that compares with a library's code is still reported.</summary>
    [Fact]
    public async Task NonTransientRetry_WithoutSdk_ReportsACodeFromAReferencedAssembly()
    {
        var test = new Infrastructure.AnalyzerTest<NonTransientRetryAnalyzer>(withSdk: false)
        {
            ReferenceAssemblies = TestReferences.Net80WithPolly8,
            TestCode = """
                using System;
                using Polly;
                using Polly.Retry;

                class C
                {
                    void M()
                    {
                        var retry = new RetryStrategyOptions
                        {
                            ShouldHandle = new PredicateBuilder().Handle<InvalidOperationException>(e => e.Message == {|DEW004:Contoso.Codes.KeyGone|}),
                        };
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(await LibraryAsync("namespace Contoso { public static class Codes { public const string KeyGone = \"KMS.0207\"; } }"));
        await test.RunAsync();
    }

    private static bool MayHoldCodes(CSharpCompilation compilation)
        => CatalogUse.MayHoldCodes(compilation, ErrorCodeCatalog.BuiltIn, CancellationToken.None);

    private static Task<CSharpCompilation> CompileAsync(params string[] sources)
        => CompileAsync(sources.Select((source, i) => ($"/src/File{i}.cs", source)).ToArray());

    private static async Task<CSharpCompilation> CompileAsync(params (string Path, string Source)[] sources)
    {
        var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return CSharpCompilation.Create(
            "App",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, path: s.Path)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    /// <summary>A library compiled in memory and referenced as metadata, as a NuGet package's assembly is.</summary>
    private static async Task<MetadataReference> LibraryAsync(string source)
    {
        var library = (await CompileAsync(source)).WithAssemblyName("Contoso.Codes" + (uint)source.GetHashCode());
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
