namespace DewAnalyzers.Catalog;

/// <summary>A problem found in a catalog file: reported as DEW100 at <see cref="Line"/> (1-based; 0 = the whole file).</summary>
internal readonly struct CatalogError
{
    public CatalogError(int line, string message)
    {
        Line = line;
        Message = message;
    }

    public int Line { get; }

    public string Message { get; }

    public override string ToString() => $"line {Line}: {Message}";
}
