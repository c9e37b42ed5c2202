using System;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using TestBase = Microsoft.CodeAnalysis.Testing.AnalyzerTest<Microsoft.CodeAnalysis.Testing.DefaultVerifier>;

namespace DewAnalyzers.Tests.Rules;

/// <summary>
/// No DEW rule reports in generated code (a generated file name, an <c>&lt;auto-generated&gt;</c> header,
/// <c>generated_code = true</c> in .editorconfig, or a <c>[GeneratedCode]</c> symbol), while the same code in hand-written
/// code next to it is still reported. The rules analyze generated code and return early on <c>context.IsGeneratedCode</c>,
/// which must drop what <see cref="GeneratedCodeAnalysisFlags.None"/> dropped before: the literal tests also run
/// <see cref="DriverReferenceAnalyzer"/> (a literal reporter configured with <c>None</c>) on the same input and expectations,
/// so those expectations are the driver's own.
/// </summary>
public sealed class GeneratedCodeTests
{
    /// <summary>The id of <see cref="DriverReferenceAnalyzer"/>.</summary>
    private const string DriverReference = "REF000";

    private const string PredicatesPath = "/0/Predicates.cs";

    /// <summary>Rule id and a literal it reports anywhere in hand-written code.</summary>
    public static TheoryData<string, string> LiteralRules => new()
    {
        { "DEW002", "KMS.0207" },
        { "DEW001", "KMS.0213" },
        { DriverReference, "KMS.0207" },
    };

    // ---- DEW001 / DEW002: [GeneratedCode] on symbols ----

    [Theory]
    [MemberData(nameof(LiteralRules))]
    public Task GeneratedCodeAttributeOnClass_LiteralsInsideAreNotReported(string rule, string code) => RunLiteralAsync(rule, code, """
        using System.CodeDom.Compiler;

        [GeneratedCode("tool", "1.0")]
        class Generated
        {
            const string Field = "$CODE$";
            string Property { get; } = "$CODE$";
            string Getter => "$CODE$";

            string Method(string parameter = "$CODE$")
            {
                var local = "$CODE$";
                return local + parameter;
            }
        }

        class Handwritten
        {
            const string Field = {|$RULE$:"$CODE$"|};

            string Method() => {|$RULE$:"$CODE$"|};
        }
        """);

    [Theory]
    [MemberData(nameof(LiteralRules))]
    public Task GeneratedCodeAttributeOnMember_OnlyThatMemberIsExempt(string rule, string code) => RunLiteralAsync(rule, code, """
        using System.CodeDom.Compiler;

        class C
        {
            [GeneratedCode("tool", "1.0")]
            const string GeneratedField = "$CODE$";

            const string Field = {|$RULE$:"$CODE$"|};

            [GeneratedCode("tool", "1.0")]
            string GeneratedMethod()
            {
                var local = "$CODE$";
                return local;
            }

            string Sibling()
            {
                var local = {|$RULE$:"$CODE$"|};
                return local;
            }

            [GeneratedCode("tool", "1.0")]
            string GeneratedInitializer { get; } = "$CODE$";

            string SiblingProperty => {|$RULE$:"$CODE$"|};
        }
        """);

    /// <summary>
    /// <c>[GeneratedCode]</c> on a property, indexer or event covers its accessors: the driver drops what
    /// <see cref="DriverReference"/> reports there, and so do the rules.
    /// </summary>
    [Theory]
    [InlineData("DEW002", "KMS.0207")]
    [InlineData("DEW001", "KMS.0213")]
    [InlineData(DriverReference, "KMS.0207")]
    public Task GeneratedCodeAttributeOnPropertyIndexerOrEvent_AccessorsAreNotReported(string rule, string code) => RunLiteralAsync(rule, code, """
        using System;
        using System.CodeDom.Compiler;

        class C
        {
            [GeneratedCode("tool", "1.0")]
            string ExpressionBodied => "$CODE$";

            [GeneratedCode("tool", "1.0")]
            string Accessors
            {
                get { return "$CODE$"; }
                set { var local = "$CODE$"; }
            }

            [GeneratedCode("tool", "1.0")]
            string this[int i] => "$CODE$";

            [GeneratedCode("tool", "1.0")]
            event Action Event
            {
                add { var local = "$CODE$"; }
                remove { }
            }

            string Handwritten => {|$RULE$:"$CODE$"|};
        }
        """);

    /// <summary>
    /// As above, for the rules that analyze operations: nothing is reported in the accessor of a <c>[GeneratedCode]</c>
    /// property, the same accessor in a hand-written property is reported.
    /// </summary>
    [Theory]
    [InlineData("DEW003")]
    [InlineData("DEW004")]
    [InlineData("DEW005")]
    [InlineData("DEW006")]
    [InlineData("DEW007")]
    public Task GeneratedCodeAttributeOnProperty_OperationRulesInItsGetterAreNotReported(string rule)
    {
        var getter = rule switch
        {
            "DEW003" => """
                    {
                        get
                        {
                            try { return csms.ShowSecret(new ShowSecretRequest()); }
                            catch (ServiceResponseException e)
                            {
                                {|DEW003:switch|} (e.ErrorCode)
                                {
                                    case "CSMS.0005":
                                        return null;
                                    default:
                                        throw;
                                }
                            }
                        }
                    }
                """,
            "DEW004" => """
                    => csms.ShowSecretInvoker(new ShowSecretRequest()).WithRetry((r, e) => e is ServiceResponseException s && s.ErrorCode == {|DEW004:"CSMS.0106"|}, 3, BackoffStrategies.None).Invoke();
                """,
            "DEW005" => """
                    {
                        get
                        {
                            try { return csms.ShowSecret(new ShowSecretRequest()); }
                            catch (ClientRequestException e) when (e.ErrorCode == {|DEW005:"KMS.1101"|}) { return null; }
                        }
                    }
                """,
            "DEW006" => """
                    {
                        get
                        {
                            try { return csms.ShowSecret(new ShowSecretRequest()); }
                            catch (ClientRequestException e) when (e.ErrorCode == {|DEW006:"KMS.0101"|}) { return null; }
                        }
                    }
                """,
            "DEW007" => """
                    => csms.ShowSecretInvoker(new ShowSecretRequest()).WithRetry({|DEW007:(r, e) => e != null|}, 3, BackoffStrategies.None).Invoke();
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };

        var test = NewFor(rule);
        test.TestCode = """
            using System.CodeDom.Compiler;
            using HuaweiCloud.SDK.Core;
            using HuaweiCloud.SDK.Csms.V1;
            using HuaweiCloud.SDK.Csms.V1.Model;

            class C
            {
                CsmsClient csms = null;

                [GeneratedCode("tool", "1.0")]
                ShowSecretResponse Generated

            """ + StripMarkup(getter) + """

                ShowSecretResponse Handwritten

            """ + getter + "}\n";
        return test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(LiteralRules))]
    public Task NestedClassOfGeneratedCodeClass_IsNotReported(string rule, string code) => RunLiteralAsync(rule, code, """
        using System.CodeDom.Compiler;

        [GeneratedCode("tool", "1.0")]
        class Outer
        {
            class Nested
            {
                const string Field = "$CODE$";

                class Deeper
                {
                    string Method() => "$CODE$";
                }
            }
        }

        class Handwritten
        {
            class Nested
            {
                const string Field = {|$RULE$:"$CODE$"|};
            }
        }
        """);

    /// <summary>
    /// The driver ignores <c>[GeneratedCode]</c> on a type declared in more than one part (the attribute may be applied
    /// once, so it cannot say which part is generated): every part, the attributed one included, is analyzed and
    /// reported like hand-written code. <see cref="DriverReference"/> shows that is what the driver does.
    /// </summary>
    [Theory]
    [MemberData(nameof(LiteralRules))]
    public Task PartialClass_GeneratedCodeAttributeOnOnePart_IsIgnoredLikeTheDriverDoes(string rule, string code) => RunLiteralAsync(
        rule,
        code,
        """
        partial class Widget
        {
            const string Field = {|$RULE$:"$CODE$"|};

            string Method() => {|$RULE$:"$CODE$"|};
        }
        """,
        ("/0/WidgetAttributes.cs", """
            using System.CodeDom.Compiler;

            [GeneratedCode("tool", "1.0")]
            partial class Widget
            {
                const string Other = {|$RULE$:"$CODE$"|};
            }
            """));

    /// <summary>A partial type whose only part carries <c>[GeneratedCode]</c> is generated, as for any other type.</summary>
    [Theory]
    [MemberData(nameof(LiteralRules))]
    public Task PartialClass_SinglePartWithGeneratedCodeAttribute_IsNotReported(string rule, string code) => RunLiteralAsync(rule, code, """
        using System.CodeDom.Compiler;

        [GeneratedCode("tool", "1.0")]
        partial class Widget
        {
            const string Field = "$CODE$";
        }

        class Handwritten
        {
            const string Field = {|$RULE$:"$CODE$"|};
        }
        """);

    [Theory]
    [MemberData(nameof(LiteralRules))]
    public Task EditorConfigGeneratedCode_LiteralsInThatFileAreNotReported(string rule, string code) => RunLiteralAsync(
        rule,
        code,
        """
        class Handwritten
        {
            const string Field = {|$RULE$:"$CODE$"|};
        }
        """,
        (PredicatesPath, """
            class Configured
            {
                const string Field = "$CODE$";
            }
            """),
        ("/0/Other.g.cs", """
            class NamedGenerated
            {
                const string Field = "$CODE$";
            }
            """),
        ("/0/NotGenerated.g.cs", """
            class ConfiguredNotGenerated
            {
                const string Field = {|$RULE$:"$CODE$"|};
            }
            """));

    // ---- DEW004: codes in a followed predicate that lives in generated code ----

    /// <summary>Construct ("Sdk" WithRetry or "Polly7") and how the predicate file is generated ("Normal" = it is not).</summary>
    public static TheoryData<string, string> PredicateFiles
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var construct in new[] { "Sdk", "Polly7" })
            {
                foreach (var kind in new[] { "FileName", "Header", "ClassAttribute", "EditorConfig", "Normal", "FileNameButEditorConfigFalse" })
                {
                    data.Add(construct, kind);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PredicateFiles))]
    public Task Dew004_CodesInFollowedPredicate_AreReportedOnlyWhenItsFileIsNotGenerated(string construct, string kind)
    {
        var reported = kind is "Normal" or "FileNameButEditorConfigFalse";
        var path = kind is "FileName" or "FileNameButEditorConfigFalse" ? "/0/Predicates.g.cs" : PredicatesPath;
        var header = kind == "Header" ? "// <auto-generated/>\n" : string.Empty;
        var attribute = kind == "ClassAttribute" ? "[GeneratedCode(\"tool\", \"1.0\")]\n" : string.Empty;

        // Decide and Codes are reached only by following them from the retry construct; ShouldRetry is also a predicate by
        // its name. KMS.0101 is transient and never reported.
        var predicates = header + "using System.CodeDom.Compiler;\nusing System.Collections.Generic;\n\n" + attribute + """
            static class Predicates
            {
                public static readonly HashSet<string> Codes = new HashSet<string> { $MARK_KMS.0210$, "KMS.0101" };

                public static bool Decide(string code) => code == $MARK_KMS.0207$ || code == "KMS.0101";

                public static bool ShouldRetry(string code) => code == $MARK_KMS.0303$;
            }
            """;
        predicates = Regex.Replace(predicates, @"\$MARK_([A-Z]+\.\d{4})\$", m => reported ? "{|DEW004:\"" + m.Groups[1].Value + "\"|}" : "\"" + m.Groups[1].Value + "\"");

        var test = New<NonTransientRetryAnalyzer>();
        test.TestCode = construct == "Sdk"
            ? """
                using HuaweiCloud.SDK.Core;
                using HuaweiCloud.SDK.Kms.V2;
                using HuaweiCloud.SDK.Kms.V2.Model;

                class C
                {
                    void M(KmsClient client, ListKeysRequest request)
                    {
                        client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && (s.ErrorCode == {|DEW004:"KMS.0209"|} || Predicates.Decide(s.ErrorCode)), 3, BackoffStrategies.None).Invoke();
                        client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && Predicates.ShouldRetry(s.ErrorCode), 3, BackoffStrategies.None).Invoke();
                        client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && Predicates.Codes.Contains(s.ErrorCode), 3, BackoffStrategies.None).Invoke();
                    }
                }
                """
            : """
                using System;
                using HuaweiCloud.SDK.Core;
                using Polly;

                class C
                {
                    void M()
                    {
                        Policy.Handle<ServiceResponseException>(e => e.ErrorCode == {|DEW004:"KMS.0209"|} || Predicates.Decide(e.ErrorCode)).Retry(3);
                        Policy.Handle<ServiceResponseException>(e => Predicates.ShouldRetry(e.ErrorCode)).WaitAndRetry(3, i => TimeSpan.Zero);
                        Policy.Handle<ServiceResponseException>(e => Predicates.Codes.Contains(e.ErrorCode)).RetryForever();
                    }
                }
                """;
        if (construct == "Polly7")
        {
            test.ReferenceAssemblies = TestReferences.Net80WithPolly7;
        }

        test.TestState.Sources.Add((path, predicates));
        if (kind == "EditorConfig")
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n[{PredicatesPath}]\ngenerated_code = true\n"));
        }
        else if (kind == "FileNameButEditorConfigFalse")
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n[{path}]\ngenerated_code = false\n"));
        }

        return test.RunAsync();
    }

    [Fact]
    public Task Dew004_FollowedMembersWithGeneratedCodeAttribute_InTheSameFile_AreNotReported()
    {
        var test = New<NonTransientRetryAnalyzer>();
        test.TestCode = """
            using System.CodeDom.Compiler;
            using System.Collections.Generic;
            using HuaweiCloud.SDK.Core;
            using HuaweiCloud.SDK.Kms.V2;
            using HuaweiCloud.SDK.Kms.V2.Model;

            class C
            {
                [GeneratedCode("tool", "1.0")]
                static readonly HashSet<string> GeneratedField = new HashSet<string> { "KMS.0210" };

                [GeneratedCode("tool", "1.0")]
                static HashSet<string> GeneratedProperty { get; } = new HashSet<string> { "KMS.1105" };

                static readonly HashSet<string> Field = new HashSet<string> { {|DEW004:"KMS.0306"|} };

                void M(KmsClient client, ListKeysRequest request)
                {
                    client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && GeneratedDecide(s.ErrorCode), 3, BackoffStrategies.None).Invoke();
                    client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && GeneratedField.Contains(s.ErrorCode), 3, BackoffStrategies.None).Invoke();
                    client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && GeneratedProperty.Contains(s.ErrorCode), 3, BackoffStrategies.None).Invoke();
                    client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && (Decide(s.ErrorCode) || Field.Contains(s.ErrorCode)), 3, BackoffStrategies.None).Invoke();
                }

                [GeneratedCode("tool", "1.0")]
                static bool GeneratedDecide(string code) => code == "KMS.0207";

                static bool Decide(string code) => code == {|DEW004:"KMS.0209"|};
            }
            """;
        return test.RunAsync();
    }

    [Fact]
    public Task Dew004_RetryConstructInGeneratedCode_IsNotReported()
    {
        var test = New<NonTransientRetryAnalyzer>();
        test.TestCode = """
            using System.CodeDom.Compiler;
            using HuaweiCloud.SDK.Core;
            using HuaweiCloud.SDK.Kms.V2;
            using HuaweiCloud.SDK.Kms.V2.Model;

            [GeneratedCode("tool", "1.0")]
            class Generated
            {
                void M(KmsClient client, ListKeysRequest request)
                {
                    client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && s.ErrorCode == "KMS.0207", 3, BackoffStrategies.None).Invoke();
                }

                static bool ShouldRetry(ServiceResponseException e) => e.ErrorCode == "KMS.0303";
            }

            class C
            {
                void M(KmsClient client, ListKeysRequest request)
                {
                    client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && s.ErrorCode == {|DEW004:"KMS.0207"|}, 3, BackoffStrategies.None).Invoke();
                }

                static bool ShouldRetry(ServiceResponseException e) => e.ErrorCode == {|DEW004:"KMS.0303"|};
            }
            """;
        test.TestState.Sources.Add(("/0/Retry.g.cs", """
            using HuaweiCloud.SDK.Core;
            using HuaweiCloud.SDK.Kms.V2;
            using HuaweiCloud.SDK.Kms.V2.Model;

            class NamedGenerated
            {
                void M(KmsClient client, ListKeysRequest request)
                {
                    client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && s.ErrorCode == "KMS.0209", 3, BackoffStrategies.None).Invoke();
                }
            }
            """));
        return test.RunAsync();
    }

    /// <summary>
    /// As for <see cref="PartialClass_GeneratedCodeAttributeOnOnePart_IsIgnoredLikeTheDriverDoes"/>: <c>[GeneratedCode]</c>
    /// on one part of a type declared in several parts does not make the type generated, so a code collection DEW004
    /// follows into it is reported like the literals DEW001/DEW002 report there.
    /// </summary>
    [Fact]
    public Task Dew004_CollectionInPartialClass_GeneratedCodeAttributeOnOtherPart_IsReported() => RunPartialPredicatesAsync(
        "Predicates.Codes.Contains(s.ErrorCode)",
        """
        using System.Collections.Generic;

        static partial class Predicates
        {
            public static readonly HashSet<string> Codes = new HashSet<string> { {|DEW004:"KMS.0210"|} };
        }
        """);

    /// <summary>
    /// The same for a predicate method.
    /// </summary>
    [Fact]
    public Task Dew004_MethodInPartialClass_GeneratedCodeAttributeOnOtherPart_IsReported() => RunPartialPredicatesAsync(
        "Predicates.Decide(s.ErrorCode)",
        """
        static partial class Predicates
        {
            public static bool Decide(string code) => code == {|DEW004:"KMS.0207"|};
        }
        """);

    /// <summary>A named predicate in that partial type is analyzed on its own and is reported (the driver's view).</summary>
    [Fact]
    public Task Dew004_NamedPredicateInPartialClass_GeneratedCodeAttributeOnOtherPart_IsReported() => RunPartialPredicatesAsync(
        "Predicates.ShouldRetry(s.ErrorCode)",
        """
        static partial class Predicates
        {
            public static bool ShouldRetry(string code) => code == {|DEW004:"KMS.0303"|};
        }
        """);

    // ---- DEW003 / DEW005 / DEW006 ----

    public static TheoryData<string, string> CatchRules
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var rule in new[] { "DEW003", "DEW005", "DEW006" })
            {
                foreach (var kind in new[] { "ClassAttribute", "MethodAttribute", "FileName", "Header", "EditorConfig" })
                {
                    data.Add(rule, kind);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CatchRules))]
    public Task CatchRules_AreNotReportedInGeneratedCode_ButAreNextToIt(string rule, string kind)
    {
        var member = rule switch
        {
            // ShowSecret can return CSMS.0005 and CSMS.0106; the switch handles only the first.
            "DEW003" => """
                    void M(CsmsClient csms)
                    {
                        try { csms.ShowSecret(new ShowSecretRequest()); }
                        catch (ServiceResponseException e)
                        {
                            {|DEW003:switch|} (e.ErrorCode)
                            {
                                case "CSMS.0005":
                                    break;
                                default:
                                    throw;
                            }
                        }
                    }
                """,

            // DecryptData never returns KMS.1101.
            "DEW005" => """
                    void M(KmsClient kms)
                    {
                        try { kms.DecryptData(new DecryptDataRequest()); }
                        catch (ClientRequestException e) when (e.ErrorCode == {|DEW005:"KMS.1101"|}) { }
                    }
                """,

            // KMS.0101 is an HTTP 500 code; a ClientRequestException is 4xx.
            "DEW006" => """
                    bool M(ClientRequestException e) => e.ErrorCode == {|DEW006:"KMS.0101"|};
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };

        const string Usings = """
            using System.CodeDom.Compiler;
            using HuaweiCloud.SDK.Core;
            using HuaweiCloud.SDK.Csms.V1;
            using HuaweiCloud.SDK.Csms.V1.Model;
            using HuaweiCloud.SDK.Kms.V2;
            using HuaweiCloud.SDK.Kms.V2.Model;

            """;

        var generatedMember = StripMarkup(member);
        if (kind == "MethodAttribute")
        {
            generatedMember = "        [GeneratedCode(\"tool\", \"1.0\")]\n" + generatedMember;
        }

        var generated = (kind == "Header" ? "// <auto-generated/>\n" : string.Empty)
            + Usings
            + (kind == "ClassAttribute" ? "[GeneratedCode(\"tool\", \"1.0\")]\n" : string.Empty)
            + "class Generated\n{\n" + generatedMember + "}\n";

        var handwritten = Usings + "class Handwritten\n{\n" + member + "}\n";
        var test = NewFor(rule);
        if (kind is "ClassAttribute" or "MethodAttribute")
        {
            // Same file as the hand-written code: only the attribute makes it generated.
            test.TestCode = handwritten + "\n" + generated.Substring(Usings.Length);
        }
        else
        {
            test.TestCode = handwritten;
            test.TestState.Sources.Add((kind == "FileName" ? "/0/Generated.g.cs" : "/0/Generated.cs", generated));
        }

        if (kind == "EditorConfig")
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[/0/Generated.cs]\ngenerated_code = true\n"));
        }

        return test.RunAsync();
    }

    // ---- helpers ----

    private static Task RunLiteralAsync(string rule, string code, string testCode, params (string Path, string Source)[] sources)
    {
        var test = NewFor(rule);
        test.TestCode = Fill(testCode, rule, code);
        foreach (var (path, source) in sources)
        {
            test.TestState.Sources.Add((path, Fill(source, rule, code)));
        }

        // The editorconfig test's files; harmless for the others (those paths are not in them).
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n[{PredicatesPath}]\ngenerated_code = true\n[/0/NotGenerated.g.cs]\ngenerated_code = false\n"));
        return test.RunAsync();
    }

    private static Task RunPartialPredicatesAsync(string condition, string predicates)
    {
        var test = New<NonTransientRetryAnalyzer>();
        test.TestCode = """
            using HuaweiCloud.SDK.Core;
            using HuaweiCloud.SDK.Kms.V2;
            using HuaweiCloud.SDK.Kms.V2.Model;

            class C
            {
                void M(KmsClient client, ListKeysRequest request)
                {
                    client.ListKeysInvoker(request).WithRetry((r, e) => e is ServiceResponseException s && CONDITION, 3, BackoffStrategies.None).Invoke();
                }
            }
            """.Replace("CONDITION", condition);
        test.TestState.Sources.Add((PredicatesPath, predicates));
        test.TestState.Sources.Add(("/0/PredicatesAttributes.cs", """
            using System.CodeDom.Compiler;

            [GeneratedCode("tool", "1.0")]
            static partial class Predicates
            {
            }
            """));
        return test.RunAsync();
    }

    private static string Fill(string source, string rule, string code) => source.Replace("$RULE$", rule).Replace("$CODE$", code);

    private static string StripMarkup(string source) => Regex.Replace(source, @"\{\|DEW\d{3}:(.*?)\|\}", "$1");

    private static TestBase NewFor(string rule) => rule switch
    {
        "DEW001" => New<UndocumentedErrorCodeAnalyzer>(),
        "DEW002" => New<UseCatalogConstantAnalyzer>(),
        "DEW003" => New<MissingErrorCodeCaseAnalyzer>(),
        "DEW004" => New<NonTransientRetryAnalyzer>(),
        "DEW005" => New<NeverReturnedErrorCodeAnalyzer>(),
        "DEW006" => New<ErrorCodeStatusMismatchAnalyzer>(),
        "DEW007" => New<BlanketRetryAnalyzer>(),
        DriverReference => New<DriverReferenceAnalyzer>(),
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    private static TestBase New<TAnalyzer>()
        where TAnalyzer : DiagnosticAnalyzer, new()
        => new Infrastructure.AnalyzerTest<TAnalyzer>();

    /// <summary>
    /// Reports every KMS/CSMS-shaped string literal, with <see cref="GeneratedCodeAnalysisFlags.None"/>: the Roslyn driver
    /// itself drops what it considers generated, so its results are the reference the DEW rules must match.
    /// </summary>
#pragma warning disable RS1036, RS2008 // A test-only analyzer: not shipped, no release tracking.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class DriverReferenceAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new(DriverReference, "Code literal", "Code literal", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        private static readonly Regex s_code = new(@"^(KMS|CSMS)\.\d{4}$");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    var literal = (LiteralExpressionSyntax)c.Node;
                    if (s_code.IsMatch(literal.Token.ValueText))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, literal.GetLocation()));
                    }
                },
                SyntaxKind.StringLiteralExpression);
        }
    }
#pragma warning restore RS1036, RS2008
}
