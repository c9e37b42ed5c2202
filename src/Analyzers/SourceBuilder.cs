using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers;

/// <summary>
/// The generated file's text, written front to back into one buffer sized in advance and handed to the compiler as it is
/// (<see cref="ToSourceText"/>): a large catalog's constants are megabytes of text, which a <see cref="StringBuilder"/>
/// writes through many small calls and then copies once more into a string. Lines end as
/// <see cref="StringBuilder.AppendLine()"/> ends them.
/// </summary>
internal sealed class SourceBuilder
{
    // The line end StringBuilder.AppendLine writes (the platform's), read from it: Environment is banned in analyzers (RS1035).
    private static readonly string NewLine = new StringBuilder().AppendLine().ToString();

    private static readonly string[] Digits = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" };

    private char[] _chars;
    private int _length;

    public SourceBuilder(int capacity) => _chars = new char[Math.Max(16, capacity)];

    public int Length => _length;

    public int Capacity => _chars.Length;

    public SourceBuilder Append(string text) => Append(text, 0, text.Length);

    public SourceBuilder Append(string text, int start, int count)
    {
        if (count > _chars.Length - _length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + count));
        }

        text.CopyTo(start, _chars, _length, count);
        _length += count;
        return this;
    }

    /// <summary>A non-negative number (an HTTP status) in invariant digits.</summary>
    public SourceBuilder Append(int value)
        => value is >= 100 and <= 999
            ? Append(value / 100).Append(value % 100 / 10).Append(value % 10)
            : value is >= 0 and <= 9 ? Append(Digits[value]) : Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public SourceBuilder AppendLine() => Append(NewLine);

    public SourceBuilder AppendLine(string text) => Append(text).Append(NewLine);

    public override string ToString() => new(_chars, 0, _length);

    /// <summary>The text for <c>AddSource</c>, over this buffer (nothing is written to it afterwards).</summary>
    public SourceText ToSourceText(Encoding encoding) => new BufferText(_chars, _length, encoding);

    private sealed class BufferText : SourceText
    {
        private readonly char[] _chars;

        public BufferText(char[] chars, int length, Encoding encoding)
        {
            _chars = chars;
            Length = length;
            Encoding = encoding;
        }

        public override Encoding Encoding { get; }

        public override int Length { get; }

        public override char this[int position]
            => (uint)position < (uint)Length ? _chars[position] : throw new ArgumentOutOfRangeException(nameof(position));

        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (sourceIndex < 0 || count < 0 || sourceIndex > Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(sourceIndex));
            }

            Array.Copy(_chars, sourceIndex, destination, destinationIndex, count);
        }

        public override string ToString(TextSpan span)
            => span.End <= Length ? new string(_chars, span.Start, span.Length) : throw new ArgumentOutOfRangeException(nameof(span));
    }
}
