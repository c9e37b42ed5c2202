namespace DewAnalyzers;

/// <summary>The IDs of every DewAnalyzers rule.</summary>
internal static class DiagnosticIds
{
    public const string UndocumentedErrorCode = "DEW001";
    public const string UseCatalogConstant = "DEW002";
}
