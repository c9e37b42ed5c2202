namespace DewAnalyzers.Catalog;

/// <summary>
/// Text that is a part of a larger string (a cell of a copied page), made a string of its own only when asked for: a large
/// page's descriptions and measures go into the generated docs straight from the page, without a string each.
/// </summary>
internal readonly struct TextSlice
{
    public TextSlice(string source, int start, int length)
    {
        Source = source;
        Start = start;
        Length = length;
    }

    /// <summary>The string the text is part of.</summary>
    public string Source { get; }

    public int Start { get; }

    public int Length { get; }

    public static implicit operator TextSlice(string text) => new(text, 0, text.Length);

    public override string ToString() => Start == 0 && Length == Source.Length ? Source : Source.Substring(Start, Length);
}
