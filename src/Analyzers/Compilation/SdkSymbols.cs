using System;
using Microsoft.CodeAnalysis;

namespace DewAnalyzers;

/// <summary>
/// The Huawei SDK symbols the rules recognize (ARCHITECTURE.md, "SDK shapes"), resolved once per compilation by
/// <see cref="CompilationState"/>: type look-ups cost more than most rules' own work on a small project, so they run once,
/// in the SDK's assemblies only. Every member is null when the compilation does not reference that part of the SDK.
/// </summary>
internal sealed class SdkSymbols
{
    private readonly Lazy<Members> _members;

    public SdkSymbols(Compilation compilation)
    {
        var types = new KnownTypes(compilation, "HuaweiCloud.SDK");
        SdkException = types.Get("HuaweiCloud.SDK.Core.SdkException");
        ServiceResponseException = types.Get("HuaweiCloud.SDK.Core.ServiceResponseException");
        ClientRequestException = types.Get("HuaweiCloud.SDK.Core.ClientRequestException");
        ServerResponseException = types.Get("HuaweiCloud.SDK.Core.ServerResponseException");
        SdkError = types.Get("HuaweiCloud.SDK.Core.SdkError");
        BaseInvoker = types.Get("HuaweiCloud.SDK.Core.BaseInvoker`2");
        KmsClient = types.Get("HuaweiCloud.SDK.Kms.V2.KmsClient");
        KmsAsyncClient = types.Get("HuaweiCloud.SDK.Kms.V2.KmsAsyncClient");
        CsmsClient = types.Get("HuaweiCloud.SDK.Csms.V1.CsmsClient");
        CsmsAsyncClient = types.Get("HuaweiCloud.SDK.Csms.V1.CsmsAsyncClient");

        // The members are looked up on first use, not here: by the time a rule asks, the compiler has usually bound an
        // `ErrorCode` access and loaded the type's members already.
        _members = new Lazy<Members>(() => new Members(
            FindMember<IPropertySymbol>(ServiceResponseException, "ErrorCode"),
            FindMember<IPropertySymbol>(ServiceResponseException, "HttpStatusCode"),
            FindMember<IFieldSymbol>(SdkError, "ErrorCode")));
    }

    /// <summary>The root of every exception the SDK throws itself (service errors and transport failures).</summary>
    public INamedTypeSymbol? SdkException { get; }

    public INamedTypeSymbol? ServiceResponseException { get; }

    public INamedTypeSymbol? ClientRequestException { get; }

    public INamedTypeSymbol? ServerResponseException { get; }

    public INamedTypeSymbol? SdkError { get; }

    public INamedTypeSymbol? BaseInvoker { get; }

    public INamedTypeSymbol? KmsClient { get; }

    public INamedTypeSymbol? KmsAsyncClient { get; }

    public INamedTypeSymbol? CsmsClient { get; }

    public INamedTypeSymbol? CsmsAsyncClient { get; }

    /// <summary><c>ServiceResponseException.ErrorCode</c> (declared there; the subtypes add no members).</summary>
    public IPropertySymbol? ErrorCodeProperty => _members.Value.ErrorCode;

    /// <summary><c>ServiceResponseException.HttpStatusCode</c> (<c>int?</c>).</summary>
    public IPropertySymbol? HttpStatusCodeProperty => _members.Value.HttpStatusCode;

    /// <summary>The public field <c>SdkError.ErrorCode</c>.</summary>
    public IFieldSymbol? SdkErrorErrorCodeField => _members.Value.SdkErrorErrorCode;

    /// <summary>True when error codes can be read at all (an exception or SdkError type is present).</summary>
    public bool HasErrorCodes => ServiceResponseException is not null || SdkError is not null;

    /// <summary>True when at least one KMS or CSMS client type is present.</summary>
    public bool HasClients => KmsClient is not null || KmsAsyncClient is not null || CsmsClient is not null || CsmsAsyncClient is not null;

    /// <summary>
    /// The HTTP status class of the codes an exception of <paramref name="exceptionType"/> carries: 4 for
    /// <c>ClientRequestException</c> (4xx), 5 for <c>ServerResponseException</c> (5xx), 0 for any other type.
    /// </summary>
    public int StatusClassOf(ITypeSymbol? exceptionType)
        => OperationHelpers.DerivesFrom(exceptionType, ClientRequestException) ? 4
            : OperationHelpers.DerivesFrom(exceptionType, ServerResponseException) ? 5
            : 0;

    /// <summary>The service (<c>KMS</c>/<c>CSMS</c>) a client type belongs to, or null for any other type.</summary>
    public string? ServiceOf(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(type, KmsClient) || SymbolEqualityComparer.Default.Equals(type, KmsAsyncClient))
        {
            return "KMS";
        }

        if (SymbolEqualityComparer.Default.Equals(type, CsmsClient) || SymbolEqualityComparer.Default.Equals(type, CsmsAsyncClient))
        {
            return "CSMS";
        }

        return null;
    }

    private static T? FindMember<T>(INamedTypeSymbol? type, string name)
        where T : class, ISymbol
    {
        if (type is null)
        {
            return null;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is T typed)
            {
                return typed;
            }
        }

        return null;
    }

    private sealed class Members
    {
        public Members(IPropertySymbol? errorCode, IPropertySymbol? httpStatusCode, IFieldSymbol? sdkErrorErrorCode)
        {
            ErrorCode = errorCode;
            HttpStatusCode = httpStatusCode;
            SdkErrorErrorCode = sdkErrorErrorCode;
        }

        public IPropertySymbol? ErrorCode { get; }

        public IPropertySymbol? HttpStatusCode { get; }

        public IFieldSymbol? SdkErrorErrorCode { get; }
    }
}
