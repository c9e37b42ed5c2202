namespace DewAnalyzers;

/// <summary>The IDs of every DewAnalyzers rule.</summary>
internal static class DiagnosticIds
{
    public const string UndocumentedErrorCode = "DEW001";
    public const string UseCatalogConstant = "DEW002";
    public const string MissingErrorCodeCase = "DEW003";
    public const string InvalidCatalogEntry = "DEW100";
    public const string UnreachableErrorCodeCase = "DEW005";
    public const string ImpossibleErrorCode = "DEW006";
    public const string RetryOfNonTransientErrorCode = "DEW004";
}
