using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers;

/// <summary>
/// A generated file's text read straight from the <see cref="StringBuilder"/> it was written into: a large catalog's
/// constants are megabytes of text, and <c>ToString()</c> would copy all of it once more. The builder is handed over:
/// nothing writes to it afterwards.
/// </summary>
internal sealed class StringBuilderText : SourceText
{
    private readonly StringBuilder _builder;

    public StringBuilderText(StringBuilder builder, Encoding encoding)
    {
        _builder = builder;
        Encoding = encoding;
    }

    public override Encoding Encoding { get; }

    public override int Length => _builder.Length;

    public override char this[int position] => _builder[position];

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        => _builder.CopyTo(sourceIndex, destination, destinationIndex, count);

    public override string ToString(TextSpan span) => _builder.ToString(span.Start, span.Length);
}
