namespace DewAnalyzers.Catalog;

/// <summary>How a caller may react to an error code (see the catalog header in ErrorCodes.tsv).</summary>
internal enum RetryClass
{
    /// <summary>The same request may succeed after a backoff.</summary>
    Transient,

    /// <summary>The request succeeds only after a remedy (new token, enable the key, raise the quota...).</summary>
    AfterAction,

    /// <summary>The same request will never succeed.</summary>
    Permanent,
}
