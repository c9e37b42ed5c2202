using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers.Tests.Infrastructure;

/// <summary>What every DewAnalyzers test compilation has unless a test says otherwise.</summary>
internal static class DewTestSetup
{
    public static void Apply(SolutionState state, ref ReferenceAssemblies referenceAssemblies, bool withSdk)
    {
        referenceAssemblies = TestReferences.Net80;
        if (withSdk)
        {
            state.AdditionalReferences.Add(TestReferences.HuaweiSdk);
        }
    }

    public static IEnumerable<Type> Generators(bool withGenerator)
        => withGenerator ? new[] { typeof(ErrorCodeConstantsGenerator) } : Array.Empty<Type>();

    /// <summary>The generator's output for the built-in catalog, as a generated-code document.</summary>
    public static (string FileName, SourceText Source) ConstantsSource(LanguageVersion version)
        => ("/0/DewErrorCodes.g.cs", SourceText.From(
            ErrorCodeConstantsGenerator.Emit(Catalog.ErrorCodeCatalog.BuiltIn, DewOptions.DefaultNamespace, version == LanguageVersion.Latest || version >= LanguageVersion.CSharp8),
            System.Text.Encoding.UTF8));

    public static ParseOptions WithLanguageVersion(ParseOptions options, LanguageVersion version)
        => ((CSharpParseOptions)options).WithLanguageVersion(version);
}
