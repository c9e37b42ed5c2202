using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using DewAnalyzers.Catalog;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DewAnalyzers.Tests.Generator;

public sealed class ErrorCodeConstantsGeneratorTests
{
    private const string Consumer = """
        namespace Consumer
        {
            public static class Program
            {
                public static int Main() => 0;
            }
        }
        """;

    private static readonly ErrorCodeCatalog BuiltIn = ErrorCodeCatalog.BuiltIn;

    public static TheoryData<LanguageVersion> LanguageVersions => new() { LanguageVersion.CSharp7_3, LanguageVersion.Latest };

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public async Task Output_CompilesWithoutErrorsOrWarnings(LanguageVersion version)
    {
        var run = await RunAsync(version, Consumer);

        var generated = Assert.Single(run.Result.GeneratedTrees);
        Assert.EndsWith(ErrorCodeConstantsGenerator.HintName, generated.FilePath, StringComparison.Ordinal);
        Assert.Empty(run.Result.Diagnostics);
        AssertClean(run.Output);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp8)]
    [InlineData(LanguageVersion.Latest)]
    public async Task Output_CompilesWithNullableEnabledProject(LanguageVersion version)
    {
        // Nullable reference types need C# 8, the first version a nullable-enabled project can use.
        var run = await RunAsync(version, Consumer, nullable: NullableContextOptions.Enable);
        Assert.Contains("IsTransient(string? code)", GeneratedText(run));
        AssertClean(run.Output);
    }

    [Fact]
    public async Task Output_UsesNullableAnnotation_OnlyWhenAvailable()
    {
        var old = GeneratedText(await RunAsync(LanguageVersion.CSharp7_3, Consumer));
        var latest = GeneratedText(await RunAsync(LanguageVersion.Latest, Consumer));

        Assert.Contains("IsTransient(string code)", old);
        Assert.DoesNotContain("string?", old);
        Assert.DoesNotContain("#nullable", old);
        Assert.Contains("IsTransient(string? code)", latest);
        Assert.Contains("#nullable enable", latest);
    }

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public async Task Output_AvoidsNewerSyntax(LanguageVersion version)
    {
        var root = (await RunAsync(version, Consumer)).Result.GeneratedTrees.Single().GetRoot();
        Assert.DoesNotContain(root.DescendantNodes(), n => n.IsKind(SyntaxKind.FileScopedNamespaceDeclaration) || n.IsKind(SyntaxKind.SwitchExpression));
    }

    [Fact]
    public async Task Output_IsWhatTheFixTestsUse()
    {
        foreach (var version in new[] { LanguageVersion.CSharp7_3, LanguageVersion.Latest })
        {
            var generated = GeneratedText(await RunAsync(version, Consumer));
            Assert.Equal(DewTestSetup.ConstantsSource(version).Source.ToString(), generated);
        }
    }

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public async Task Constants_EqualTheirCatalogCodes(LanguageVersion version)
    {
        var run = await RunAsync(version, Consumer);
        var count = 0;
        foreach (var prefix in new[] { "KMS", "CSMS" })
        {
            var type = run.Output.GetTypeByMetadataName("Dew.ErrorCodes." + ErrorCodeCatalog.ClassNameFor(prefix));
            Assert.NotNull(type);
            Assert.Equal(Accessibility.Internal, type!.DeclaredAccessibility);
            Assert.True(type.IsStatic);
            var fields = type.GetMembers().OfType<IFieldSymbol>().ToArray();
            Assert.Equal(BuiltIn.EntriesOf(prefix).Count(), fields.Length);
            foreach (var entry in BuiltIn.EntriesOf(prefix))
            {
                var field = Assert.Single(type.GetMembers(entry.Name).OfType<IFieldSymbol>());
                Assert.True(field.IsConst, entry.Name);
                Assert.Equal(Accessibility.Public, field.DeclaredAccessibility);
                Assert.Equal(entry.Code, field.ConstantValue);
                count++;
            }
        }

        Assert.Equal(190, count);
    }

    [Fact]
    public async Task Constants_WorkInCaseLabels_Attributes_ConstFields_AndDefaultValues_AtCSharp73()
    {
        const string source = """
            using System.ComponentModel;
            using Dew.ErrorCodes;

            namespace Consumer
            {
                public static class Uses
                {
                    public const string Key = KmsErrorCodes.KeyNotFound;

                    [Description(CsmsErrorCodes.SecretNotFound)]
                    public static string M(string code = KmsErrorCodes.KeyNotFound)
                    {
                        switch (code)
                        {
                            case KmsErrorCodes.KeyNotFound:
                                return "missing";
                            case KmsErrorCodes.KmsError:
                                return "retry";
                            default:
                                return DewErrorCodes.IsTransient(code) ? "transient" : "other";
                        }
                    }
                }
            }
            """;
        Assert.True(BuiltIn.Entries.Any(e => e.Prefix == "CSMS" && e.Name == "SecretNotFound"), "CSMS name used by this test");
        var run = await RunAsync(LanguageVersion.CSharp7_3, source);
        AssertClean(run.Output);
    }

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public async Task IsTransient_IsTrueExactlyForTransientCodes(LanguageVersion version)
    {
        var run = await RunAsync(version, Consumer);
        var isTransient = LoadIsTransient(run.Output);

        foreach (var entry in BuiltIn.Entries)
        {
            Assert.True(entry.Retry == RetryClass.Transient == isTransient(entry.Code), $"{entry.Code} ({entry.RetryText})");
        }

        Assert.Contains(BuiltIn.Entries, e => e.Retry == RetryClass.Transient && isTransient(e.Code));
        Assert.False(isTransient(null));
        Assert.False(isTransient(string.Empty));
        Assert.False(isTransient("kms.0101"));
        Assert.False(isTransient("KMS.9999"));
    }

    [Fact]
    public async Task XmlDocs_ExplainEachCode()
    {
        var run = await RunAsync(LanguageVersion.Latest, Consumer);
        foreach (var entry in BuiltIn.Entries)
        {
            var type = run.Output.GetTypeByMetadataName("Dew.ErrorCodes." + ErrorCodeCatalog.ClassNameFor(entry.Prefix))!;
            var field = type.GetMembers(entry.Name).Single();
            var xml = field.GetDocumentationCommentXml();
            Assert.False(string.IsNullOrEmpty(xml), entry.Code);
            var doc = XElement.Parse(xml!);
            var summary = Normalize(doc.Element("summary")!.Value);
            var remarks = Normalize(doc.Element("remarks")!.Value);

            Assert.Contains(entry.Code, summary);
            Assert.Contains("HTTP " + entry.HttpStatus, summary);
            Assert.Contains(Normalize(entry.Message), summary);
            Assert.Contains("Measure: " + Normalize(entry.Measure), remarks);
            Assert.Contains("Retry: " + entry.RetryText, remarks);
        }

        var isTransient = run.Output.GetTypeByMetadataName("Dew.ErrorCodes.DewErrorCodes")!.GetMembers("IsTransient").Single();
        Assert.Contains("<summary>", isTransient.GetDocumentationCommentXml());
    }

    [Fact]
    public async Task XmlDocs_ForKeyNotFound()
    {
        var text = GeneratedText(await RunAsync(LanguageVersion.Latest, Consumer));
        Assert.Contains("/// <summary>KMS.0207 — HTTP 404 — The key does not exist.</summary>", text);
        Assert.Contains("public const string KeyNotFound = \"KMS.0207\";", text);
        Assert.Contains("Retry: permanent.</remarks>", text);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData(" false ")]
    public async Task GenerateFalse_EmitsNothing(string value)
    {
        var run = await RunAsync(LanguageVersion.Latest, Consumer, options: new() { ["build_property.DewGenerateErrorCodes"] = value });
        Assert.Empty(run.Result.GeneratedTrees);
        Assert.Null(run.Output.GetTypeByMetadataName("Dew.ErrorCodes.KmsErrorCodes"));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("")]
    public async Task GenerateTrueOrEmpty_Emits(string value)
    {
        var run = await RunAsync(LanguageVersion.Latest, Consumer, options: new() { ["build_property.DewGenerateErrorCodes"] = value });
        Assert.Single(run.Result.GeneratedTrees);
    }

    [Fact]
    public async Task Namespace_CanBeChanged()
    {
        const string source = """
            namespace Consumer
            {
                public static class Uses
                {
                    public const string Key = My.Codes.KmsErrorCodes.KeyNotFound;
                    public static bool T(string c) => My.Codes.DewErrorCodes.IsTransient(c);
                }
            }
            """;
        var run = await RunAsync(LanguageVersion.CSharp7_3, source, options: new() { ["build_property.DewErrorCodesNamespace"] = "My.Codes" });

        AssertClean(run.Output);
        Assert.NotNull(run.Output.GetTypeByMetadataName("My.Codes.KmsErrorCodes"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("My.Codes.CsmsErrorCodes"));
        Assert.Null(run.Output.GetTypeByMetadataName("Dew.ErrorCodes.KmsErrorCodes"));
    }

    [Theory]
    [InlineData("My..Codes")]
    [InlineData("1Codes")]
    [InlineData("My.class")]
    [InlineData("My Codes")]
    [InlineData("My.Codes;")]
    [InlineData("")]
    public async Task InvalidNamespace_FallsBackToDefault(string value)
    {
        var run = await RunAsync(LanguageVersion.Latest, Consumer, options: new() { ["build_property.DewErrorCodesNamespace"] = value });

        AssertClean(run.Output);
        Assert.NotNull(run.Output.GetTypeByMetadataName("Dew.ErrorCodes.KmsErrorCodes"));
    }

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public async Task UserTypesWithTheSameNames_DoNotCollide(LanguageVersion version)
    {
        const string source = """
            using Dew.ErrorCodes;

            namespace Consumer
            {
                internal static class KmsErrorCodes
                {
                    public const string Mine = "mine";
                }

                internal sealed class DewErrorCodes
                {
                }

                internal static class Uses
                {
                    public const string Own = KmsErrorCodes.Mine;
                    public const string Catalog = Dew.ErrorCodes.KmsErrorCodes.KeyNotFound;
                    public static bool T(string c) => Dew.ErrorCodes.DewErrorCodes.IsTransient(c) || CsmsErrorCodes.SecretNotFound == c;
                }
            }

            namespace Other
            {
                public class CsmsErrorCodes
                {
                }
            }
            """;
        var run = await RunAsync(version, source);
        AssertClean(run.Output);
    }

    [Fact]
    public async Task UserCanExtendThePartialClass()
    {
        const string source = """
            namespace Dew.ErrorCodes
            {
                internal static partial class KmsErrorCodes
                {
                    public const string Alias = KeyNotFound;
                }
            }
            """;
        var run = await RunAsync(LanguageVersion.CSharp7_3, source);
        AssertClean(run.Output);
    }

    [Fact]
    public async Task CustomCatalog_GetsItsOwnClass()
    {
        var catalog = new TestAdditionalText("/0/my.errorcodes.tsv", "code\thttp_status\tname\tretry\tmessage\tdescription\tmeasure\nAPIG.0308\t429\tThrottled\ttransient\tToo many requests.\tThrottled.\tRetry later.\n");
        var ignored = new TestAdditionalText("/0/notes.tsv", "APIG.0309\t400\tIgnored\tpermanent\tm\td\tx\n");
        var run = await RunAsync(LanguageVersion.Latest, Consumer, additionalTexts: new AdditionalText[] { catalog, ignored });

        AssertClean(run.Output);
        var apig = run.Output.GetTypeByMetadataName("Dew.ErrorCodes.ApigErrorCodes");
        Assert.NotNull(apig);
        var field = Assert.Single(apig!.GetMembers().OfType<IFieldSymbol>());
        Assert.Equal("Throttled", field.Name);
        Assert.Equal("APIG.0308", field.ConstantValue);
        Assert.True(LoadIsTransient(run.Output)("APIG.0308"));
    }

    [Fact]
    public async Task SecondRun_WithUnrelatedChange_ReportsCachedOutput()
    {
        var references = await References();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(Consumer, parseOptions, path: "/0/Test0.cs");
        var compilation = CreateCompilation(new[] { tree }, references);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ErrorCodeConstantsGenerator().AsSourceGenerator() },
            parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        driver = driver.RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.Single(first.GeneratedSources);
        Assert.Contains(first.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.New);

        var edited = tree.WithChangedText(tree.GetText().Replace(0, 0, "// an unrelated edit\n"));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited));
        var second = driver.GetRunResult().Results.Single();

        Assert.Single(second.GeneratedSources);
        var outputs = second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Equal(first.GeneratedSources[0].SourceText.ToString(), second.GeneratedSources[0].SourceText.ToString());
    }

    private static void AssertClean(Compilation compilation)
    {
        // CS1591 (missing XML comment) on the test's own public types is not about the generated code.
        var diagnostics = compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Where(d => !(d.Id == "CS1591" && d.Location.SourceTree?.FilePath == "/0/Test0.cs"))
            .ToArray();
        Assert.True(diagnostics.Length == 0, string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString())));
    }

    private static string Normalize(string text) => string.Join(" ", text.Split(new[] { ' ', '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries));

    private static string GeneratedText(GeneratorRun run) => run.Result.GeneratedTrees.Single().GetText().ToString();

    private static Func<string?, bool> LoadIsTransient(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generator-test", isCollectible: true);
        var assembly = context.LoadFromStream(stream);
        var method = assembly.GetType("Dew.ErrorCodes.DewErrorCodes", throwOnError: true)!
            .GetMethod("IsTransient", BindingFlags.Public | BindingFlags.Static)!;
        return code => (bool)method.Invoke(null, new object?[] { code })!;
    }

    // ---- across assemblies: the generated types are [Embedded] (no CS0436 between a library and its test project) ----

    private const string UsesConstants = """
        namespace {0}
        {{
            internal static class Uses
            {{
                internal static bool IsMissing(string code) => code == Dew.ErrorCodes.KmsErrorCodes.KeyNotFound && !Dew.ErrorCodes.DewErrorCodes.IsTransient(code);
            }}
        }}
        """;

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public async Task LibraryAndItsFriend_EachUseTheirOwnConstants_WithoutCS0436(LanguageVersion version)
    {
        var lib = await CompileWithGeneratorAsync(version, "Lib", references: null,
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Lib.Tests\")]", string.Format(UsesConstants, "Lib"));
        AssertClean(lib);

        var tests = await CompileWithGeneratorAsync(version, "Lib.Tests", new[] { Image(lib) }, string.Format(UsesConstants, "Lib.Tests"));
        AssertClean(tests);
        Assert.DoesNotContain(tests.GetDiagnostics(), d => d.Id is "CS0436" or "CS0433");
    }

    [Fact]
    public async Task TwoLibrariesAndAFriendOfBoth_CompileClean()
    {
        var version = LanguageVersion.Latest;
        var a = await CompileWithGeneratorAsync(version, "LibA", references: null,
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App\")]", string.Format(UsesConstants, "LibA"));
        var b = await CompileWithGeneratorAsync(version, "LibB", references: null,
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App\")]", string.Format(UsesConstants, "LibB"));
        AssertClean(a);
        AssertClean(b);
        AssertClean(await CompileWithGeneratorAsync(version, "App", new[] { Image(a), Image(b) }, string.Format(UsesConstants, "App")));
    }

    [Fact]
    public async Task FriendWithoutTheGenerator_DoesNotSeeTheLibrarysConstants()
    {
        var lib = await CompileWithGeneratorAsync(LanguageVersion.Latest, "Lib", references: null,
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App\")]", string.Format(UsesConstants, "Lib"));
        var app = CreateCompilation(
            new[] { CSharpSyntaxTree.ParseText(string.Format(UsesConstants, "App"), new CSharpParseOptions(LanguageVersion.Latest)) },
            (await References()).Add(Image(lib))).WithAssemblyName("App");
        Assert.Contains(app.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Null(app.Assembly.GetTypeByMetadataName("Dew.ErrorCodes.KmsErrorCodes"));
    }

    [Fact]
    public async Task UserDefinedEmbeddedAttribute_IsUsed_NotEmittedAgain()
    {
        const string own = """
            namespace Microsoft.CodeAnalysis
            {
                internal sealed class EmbeddedAttribute : System.Attribute
                {
                }
            }
            """;
        var run = await RunAsync(LanguageVersion.Latest, own);
        Assert.DoesNotContain("class EmbeddedAttribute", GeneratedText(run));
        Assert.Contains("[global::Microsoft.CodeAnalysis.Embedded]", GeneratedText(run));
        AssertClean(run.Output);

        var emitted = GeneratedText(await RunAsync(LanguageVersion.Latest, Consumer));
        Assert.Contains("internal sealed partial class EmbeddedAttribute : global::System.Attribute", emitted);
    }

    private static async Task<Compilation> CompileWithGeneratorAsync(LanguageVersion version, string assemblyName, MetadataReference[]? references, params string[] sources)
    {
        var parseOptions = new CSharpParseOptions(version, DocumentationMode.Diagnose);
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions, path: $"/{assemblyName}/File{i}.cs"));
        var compilation = CreateCompilation(trees, (await References()).AddRange(references ?? Array.Empty<MetadataReference>())).WithAssemblyName(assemblyName);
        CSharpGeneratorDriver.Create(new[] { new ErrorCodeConstantsGenerator().AsSourceGenerator() }, parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        return output;
    }

    private static MetadataReference Image(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    private static async Task<GeneratorRun> RunAsync(
        LanguageVersion version,
        string source,
        Dictionary<string, string>? options = null,
        NullableContextOptions nullable = NullableContextOptions.Disable,
        AdditionalText[]? additionalTexts = null)
    {
        var parseOptions = new CSharpParseOptions(version, DocumentationMode.Diagnose);
        var tree = CSharpSyntaxTree.ParseText(source, parseOptions, path: "/0/Test0.cs");
        var compilation = CreateCompilation(new[] { tree }, await References(), nullable);
        var driver = CSharpGeneratorDriver.Create(
            new[] { new ErrorCodeConstantsGenerator().AsSourceGenerator() },
            additionalTexts,
            parseOptions,
            new TestOptionsProvider(options ?? new Dictionary<string, string>()));
        driver = (CSharpGeneratorDriver)driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        Assert.Empty(driverDiagnostics);
        return new GeneratorRun(driver.GetRunResult(), output);
    }

    private static CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree> trees, ImmutableArray<MetadataReference> references, NullableContextOptions nullable = NullableContextOptions.Disable)
        => CSharpCompilation.Create(
            "Consumer",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable));

    private static Task<ImmutableArray<MetadataReference>> References()
        => ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);

    private sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output);

    private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly TestOptions Empty = new(new Dictionary<string, string>());

        public TestOptionsProvider(Dictionary<string, string> global) => GlobalOptions = new TestOptions(global);

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
    }

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public TestOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }

    private sealed class TestAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public TestAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
