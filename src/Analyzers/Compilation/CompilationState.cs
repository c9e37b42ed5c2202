using System;
using System.Runtime.CompilerServices;
using System.Threading;
using DewAnalyzers.Catalog;
using DewAnalyzers.Retry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DewAnalyzers;

/// <summary>
/// Everything the rules know about one compilation, created once at compilation start and shared by every rule: the
/// catalog (built-in plus the user's <c>*.errorcodes.md</c> pages and <c>*.errorcodes.tsv</c> files), the SDK symbols, the generated constants, and the
/// per-compilation memos (operations called per try block, local values, retry predicates' bodies). The only
/// per-compilation cache in the analyzers: a rule keeps nothing of its own across callbacks.
/// </summary>
internal sealed class CompilationState
{
    // Every rule asks for the state at its compilation start, and the driver starts rules concurrently: the Lazy makes
    // them share one state built once (ConditionalWeakTable runs its factory outside its lock, so racing callers would
    // each build one).
    private static readonly ConditionalWeakTable<Compilation, Lazy<CompilationState>> s_byCompilation = new();

    private readonly Lazy<RetryConstructs> _retryConstructs;
    private readonly Lazy<MethodBodies> _methodBodies;
    private int _mayHoldCodes; // 0: not asked yet, 1: yes, 2: no

    private CompilationState(Compilation compilation, ErrorCodeCatalog catalog, string constantsNamespace)
    {
        Compilation = compilation;
        Catalog = catalog;
        ConstantsNamespace = constantsNamespace;
        Sdk = new SdkSymbols(compilation);
        Constants = new CatalogConstants(compilation, catalog, constantsNamespace);
        Locals = new LocalValues.Memo();
        ErrorCodes = new ErrorCodeExpressions(Sdk, Locals);
        Calls = new CalledOperations(Sdk, catalog);
        _retryConstructs = new Lazy<RetryConstructs>(() => new RetryConstructs(compilation, Sdk));
        _methodBodies = new Lazy<MethodBodies>(() => new MethodBodies(compilation));
    }

    public Compilation Compilation { get; }

    /// <summary>The built-in catalog merged with the compilation's catalog files.</summary>
    public ErrorCodeCatalog Catalog { get; }

    public string ConstantsNamespace { get; }

    public SdkSymbols Sdk { get; }

    /// <summary>The generated constants that exist in this compilation (none when the generator is off).</summary>
    public CatalogConstants Constants { get; }

    /// <summary>Where each local's value comes from, scanned once per local.</summary>
    public LocalValues.Memo Locals { get; }

    /// <summary>Error-code expressions and the tests they are compared in.</summary>
    public ErrorCodeExpressions ErrorCodes { get; }

    /// <summary>The KMS/CSMS operations a try block calls, memoized per try block.</summary>
    public CalledOperations Calls { get; }

    /// <summary>The retry constructs (SDK <c>WithRetry</c>, Polly 7 and 8) present in this compilation; resolved on first use.</summary>
    public RetryConstructs RetryConstructs => _retryConstructs.Value;

    /// <summary>
    /// False when the compilation references no SDK and nothing in it can hold a catalog code (<see cref="CatalogUse"/>):
    /// the rules that would still look at it without the SDK (DEW001, DEW002, DEW004) register nothing.
    /// </summary>
    public bool MayHoldCodes(CancellationToken cancellationToken)
    {
        if (_mayHoldCodes == 0)
        {
            // Rules that race here compute the same answer; the scan keeps its per-file answers itself.
            _mayHoldCodes = Sdk.HasErrorCodes || CatalogUse.MayHoldCodes(Compilation, Catalog, cancellationToken) ? 1 : 2;
        }

        return _mayHoldCodes == 1;
    }

    /// <summary>Operation trees of predicates that retry conditions call into, bound once per compilation.</summary>
    public MethodBodies MethodBodies => _methodBodies.Value;

    /// <summary>
    /// The state of a compilation, for a rule's compilation-start action: built by the first rule that asks and shared
    /// with the others (the catalog files and the namespace option are the same for every rule of one compilation; when
    /// not, a private copy).
    /// </summary>
    public static CompilationState For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var catalog = CustomCatalogs.GetCatalog(options.AdditionalFiles, cancellationToken);
        var constantsNamespace = DewOptions.ConstantsNamespace(options.AnalyzerConfigOptionsProvider.GlobalOptions);
        var shared = s_byCompilation.GetValue(compilation, c => new Lazy<CompilationState>(() => new CompilationState(c, catalog, constantsNamespace))).Value;
        return ReferenceEquals(shared.Catalog, catalog) && shared.ConstantsNamespace == constantsNamespace
            ? shared
            : new CompilationState(compilation, catalog, constantsNamespace);
    }

    /// <summary>A private state for tests and tools that analyze a compilation outside an analyzer driver.</summary>
    public static CompilationState Create(Compilation compilation, ErrorCodeCatalog catalog)
        => new(compilation, catalog, DewOptions.DefaultNamespace);
}
