using System;
using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Runtime.CompilerServices;
using System.Threading;
using DewAnalyzers.Catalog;
using Microsoft.CodeAnalysis;

namespace DewAnalyzers;

/// <summary>
/// Whether a compilation without the SDK can hold a catalog code at all (README, "Performance": pay only for what you
/// use). Without the SDK only DEW001, DEW002 and DEW004 have anything to look at, and each of them reports a string
/// constant whose value is, or looks like, a catalog code. Such a constant is written in a source file, which then
/// contains its prefix (<c>"KMS.0207"</c>, <c>"KMS" + ".0207"</c>), or is a generated constant, which a source file
/// names through its class (<c>KmsErrorCodes</c>, or <c>using static</c> of it), or is a constant of a referenced
/// assembly, whose metadata then holds a string with the prefix. When none of these is found, the rules register
/// nothing for the compilation; when one is, everything runs as with the SDK.
/// </summary>
/// <remarks>
/// Each file's answer is kept with its syntax tree and each assembly's with its reference, so an edit in the IDE scans
/// the edited file only. A file without its text at hand, or a reference that is not a metadata file (another project in
/// the IDE), counts as holding codes.
/// </remarks>
internal static class CatalogUse
{
    /// <summary>The suffix of every generated class name (<c>KmsErrorCodes</c>, <c>DewErrorCodes</c>).</summary>
    private const string ClassSuffix = "ErrorCodes";

    private static readonly ConditionalWeakTable<SyntaxTree, Holder> s_trees = new();
    private static readonly ConditionalWeakTable<PortableExecutableReference, Holder> s_assemblies = new();

    public static bool MayHoldCodes(Compilation compilation, ErrorCodeCatalog catalog, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsGeneratedConstants(tree))
            {
                continue;
            }

            if (!TryRecall(s_trees, tree, catalog, out var mentions))
            {
                mentions = !tree.TryGetText(out var text) || Mentions(text.ToString(), catalog);
                Remember(s_trees, tree, catalog, mentions);
            }

            if (mentions)
            {
                return true;
            }
        }

        foreach (var reference in compilation.References)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reference is not PortableExecutableReference file)
            {
                return true;
            }

            if (!TryRecall(s_assemblies, file, catalog, out var mentions))
            {
                mentions = !(compilation.GetAssemblyOrModuleSymbol(file) is IAssemblySymbol { Identity: var identity } && IsPlatform(identity))
                    && MetadataMentions(file, catalog);
                Remember(s_assemblies, file, catalog, mentions);
            }

            if (mentions)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An assembly of .NET or Microsoft (signed with one of their keys): it holds no Huawei codes, and its constants (the
    /// runtime has tens of thousands) are not read. Asked once per reference, with its answer.
    /// </summary>
    private static bool IsPlatform(AssemblyIdentity identity)
    {
        var token = identity.PublicKeyToken;
        if (token.Length != 8)
        {
            return false;
        }

        foreach (var platform in PlatformKeyTokens)
        {
            var same = true;
            for (var i = 0; i < 8 && same; i++)
            {
                same = token[i] == platform[i];
            }

            if (same)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The public key tokens of .NET's and Microsoft's assemblies (runtime, reference packs, ASP.NET Core, ECMA).</summary>
    private static readonly byte[][] PlatformKeyTokens =
    {
        new byte[] { 0xb0, 0x3f, 0x5f, 0x7f, 0x11, 0xd5, 0x0a, 0x3a },
        new byte[] { 0x7c, 0xec, 0x85, 0xd7, 0xbe, 0xa7, 0x79, 0x8e },
        new byte[] { 0xcc, 0x7b, 0x13, 0xff, 0xcd, 0x2d, 0xdd, 0x51 },
        new byte[] { 0xad, 0xb9, 0x79, 0x38, 0x29, 0xdd, 0xae, 0x60 },
        new byte[] { 0x31, 0xbf, 0x38, 0x56, 0xad, 0x36, 0x4e, 0x35 },
        new byte[] { 0xb7, 0x7a, 0x5c, 0x56, 0x19, 0x34, 0xe0, 0x89 },
    };

    /// <summary>The generator's own file: its constants reach user code only through their class names.</summary>
    private static bool IsGeneratedConstants(SyntaxTree tree)
        => tree.FilePath.EndsWith(ErrorCodeConstantsGenerator.HintName, StringComparison.Ordinal);

    /// <summary>The answer kept for <paramref name="key"/>, when it was found under this catalog.</summary>
    private static bool TryRecall<TKey>(ConditionalWeakTable<TKey, Holder> answers, TKey key, ErrorCodeCatalog catalog, out bool mentions)
        where TKey : class
    {
        var known = answers.TryGetValue(key, out var holder) ? holder.Answer : null;
        mentions = known is not null && known.Mentions;
        return known is not null && ReferenceEquals(known.Catalog, catalog);
    }

    private static void Remember<TKey>(ConditionalWeakTable<TKey, Holder> answers, TKey key, ErrorCodeCatalog catalog, bool mentions)
        where TKey : class
        => answers.GetValue(key, static _ => new Holder()).Answer = new Answer(catalog, mentions);

    private static bool MetadataMentions(PortableExecutableReference file, ErrorCodeCatalog catalog)
    {
        Metadata metadata;
        try
        {
            // A copy of the compiler's metadata for the reference, read when the reference is first seen: the answer is
            // kept with the reference, which every compilation of a project (every edit in the IDE) shares.
            metadata = file.GetMetadata();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A reference the compiler could not read either: assume the worst.
            return true;
        }

        var modules = metadata switch
        {
            AssemblyMetadata assembly => assembly.GetModules(),
            ModuleMetadata module => ImmutableArray.Create(module),
            _ => default,
        };
        if (modules.IsDefault)
        {
            return true;
        }

        foreach (var module in modules)
        {
            // The constant table holds every default value (const fields, optional parameters), nothing else: far
            // fewer rows than the field table.
            var reader = module.GetMetadataReader();
            var rows = reader.GetTableRowCount(TableIndex.Constant);
            for (var row = 1; row <= rows; row++)
            {
                var constant = reader.GetConstant(MetadataTokens.ConstantHandle(row));
                if (constant.TypeCode == ConstantTypeCode.String)
                {
                    var blob = reader.GetBlobReader(constant.Value);
                    if (Mentions(blob.ReadUTF16(blob.Length), catalog))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>A catalog prefix or the generated classes' suffix anywhere in <paramref name="content"/> (ordinal).</summary>
    private static bool Mentions(string content, ErrorCodeCatalog catalog)
    {
        if (content.IndexOf(ClassSuffix, StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        foreach (var prefix in catalog.Prefixes)
        {
            if (content.IndexOf(prefix, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The latest answer for one file or assembly (replaced whole, so readers never see half of one).</summary>
    private sealed class Holder
    {
        public volatile Answer? Answer;
    }

    private sealed class Answer
    {
        public Answer(ErrorCodeCatalog catalog, bool mentions)
        {
            Catalog = catalog;
            Mentions = mentions;
        }

        public ErrorCodeCatalog Catalog { get; }

        public bool Mentions { get; }
    }
}
