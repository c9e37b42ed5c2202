using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using DewAnalyzers.CodeFixes;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DewAnalyzers.Tests.Docs;

/// <summary>
/// README's "Example": the "Before" catch block, placed after a DecryptData call, gets DEW002 and DEW001; applying each
/// fix's first action gives the switch of "After the fixes" (white space and comments aside) and the <c>using</c> it shows.
/// </summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task BeforeAndAfter_AreWhatTheFixesDo()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md")).Replace("\r\n", "\n");
        var before = Regex.Match(readme, "\nBefore:\n\n```csharp\n(?<code>.*?)```", RegexOptions.Singleline).Groups["code"].Value;
        var after = Regex.Match(readme, "\nAfter the fixes:\n\n```csharp\n(?<code>.*?)```", RegexOptions.Singleline).Groups["code"].Value;
        Assert.Contains("switch", before, StringComparison.Ordinal);
        Assert.Contains("switch", after, StringComparison.Ordinal);

        var source = $$"""
            using System;
            using HuaweiCloud.SDK.Core;
            using HuaweiCloud.SDK.Kms.V2;
            using HuaweiCloud.SDK.Kms.V2.Model;

            class KeyService
            {
                object Decrypt(KmsClient kms)
                {
                    try
                    {
                        return kms.DecryptData(new DecryptDataRequest());
                    }
            {{before}}
                }
            }
            """;

        var document = await CreateDocumentAsync(source);
        var fixedIds = new List<string>();
        for (var round = 0; round < 5; round++)
        {
            var diagnostic = (await DiagnosticsAsync(document)).FirstOrDefault();
            if (diagnostic is null)
            {
                break;
            }

            fixedIds.Add(diagnostic.Id);
            document = await ApplyFirstFixAsync(document, diagnostic);
        }

        Assert.Equal(new[] { "DEW002", "DEW001" }, fixedIds.OrderByDescending(id => id, StringComparer.Ordinal));
        var root = (await document.GetSyntaxRootAsync())!;
        Assert.Contains("using Dew.ErrorCodes;", after, StringComparison.Ordinal);
        Assert.Contains(root.DescendantNodes().OfType<UsingDirectiveSyntax>(), u => u.Name!.ToString() == "Dew.ErrorCodes");
        var fixedSwitch = root.DescendantNodes().OfType<SwitchStatementSyntax>().Single().ToString();
        var shownSwitch = after.Substring(after.IndexOf("switch", StringComparison.Ordinal));
        Assert.Equal(Collapse(shownSwitch), Collapse(fixedSwitch));
    }

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        ImmutableArray.Create<DiagnosticAnalyzer>(new UseCatalogConstantAnalyzer(), new UndocumentedErrorCodeAnalyzer());

    private static readonly ImmutableArray<CodeFixProvider> Fixers =
        ImmutableArray.Create<CodeFixProvider>(new UseCatalogConstantFixer(), new UndocumentedErrorCodeFixer());

    private static async Task<Document> CreateDocumentAsync(string source)
    {
        var references = new List<MetadataReference> { TestReferences.HuaweiSdk };
        references.AddRange(await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Readme", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .AddMetadataReferences(references);
        var (fileName, constants) = DewTestSetup.ConstantsSource(LanguageVersion.Latest);
        project = project.AddDocument(fileName, constants).Project;
        return project.AddDocument("KeyService.cs", SourceText.From(source));
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var tree = (await document.GetSyntaxTreeAsync())!;
        var diagnostics = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Location.SourceTree == tree).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    private static async Task<Document> ApplyFirstFixAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        }

        var apply = Assert.IsType<ApplyChangesOperation>(Assert.Single(await actions.First().GetOperationsAsync(CancellationToken.None)));
        return apply.ChangedSolution.GetDocument(document.Id)!;
    }

    /// <summary>The code without comments (the "Before" block explains its findings in them) and with white space collapsed.</summary>
    private static string Collapse(string text) => Regex.Replace(Regex.Replace(text, "//[^\n]*", string.Empty), @"\s+", " ").Trim();

    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
