namespace DewAnalyzers;

/// <summary>
/// The IDs of every DewAnalyzers rule, in ID order. Each constant's name is the rule's one name: the analyzer is
/// <c>{Name}Analyzer</c>, the fixer <c>{Name}Fixer</c>, the tests <c>{Name}Tests</c>, and docs/rules/{ID}.md is headed with it.
/// </summary>
internal static class DiagnosticIds
{
    public const string UndocumentedErrorCode = "DEW001";
    public const string UseCatalogConstant = "DEW002";
    public const string MissingErrorCodeCase = "DEW003";
    public const string NonTransientRetry = "DEW004";
    public const string NeverReturnedErrorCode = "DEW005";
    public const string ErrorCodeStatusMismatch = "DEW006";
    public const string BlanketRetry = "DEW007";
    public const string InvalidCatalogEntry = "DEW100";
}
