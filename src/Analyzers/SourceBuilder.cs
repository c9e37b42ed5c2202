using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DewAnalyzers;

/// <summary>
/// The generated file's text, written front to back into fixed-size chunks and handed to the compiler as it is
/// (<see cref="ToSourceText"/>): a large catalog's constants are megabytes of text, which a <see cref="StringBuilder"/>
/// writes through many small calls and then copies once more into a string. Lines end as
/// <see cref="StringBuilder.AppendLine()"/> ends them.
/// </summary>
/// <remarks>
/// Each chunk stays below the large-object threshold (85,000 bytes): small objects come from memory the garbage collector
/// has in use, where one large buffer is fresh memory the process must first be given and touch page by page (the
/// benchmark's 20,000-row page: 17 MB of text, whose one buffer took about 4,100 page faults to fill where the chunks
/// take next to none; emit medians 8.7-12.7 ms before, 5.3-9.5 ms after).
/// </remarks>
internal sealed class SourceBuilder
{
    // The line end StringBuilder.AppendLine writes (the platform's), read from it: Environment is banned in analyzers (RS1035).
    private static readonly string NewLine = new StringBuilder().AppendLine().ToString();

    private static readonly string[] Digits = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" };

    /// <summary>Characters per chunk: a power of two, so a position splits into chunk and offset by shifting.</summary>
    private const int ChunkShift = 15;
    private const int ChunkSize = 1 << ChunkShift;
    private const int OffsetMask = ChunkSize - 1;

    private readonly List<char[]> _chunks = new();
    private char[] _chunk;
    private int _used;

    public SourceBuilder()
    {
        _chunk = new char[ChunkSize];
        _chunks.Add(_chunk);
    }

    public int Length => ((_chunks.Count - 1) << ChunkShift) + _used;

    public SourceBuilder Append(string text) => Append(text, 0, text.Length);

    public SourceBuilder Append(string text, int start, int count)
    {
        while (count > ChunkSize - _used)
        {
            var room = ChunkSize - _used;
            text.CopyTo(start, _chunk, _used, room);
            start += room;
            count -= room;
            _chunk = new char[ChunkSize];
            _chunks.Add(_chunk);
            _used = 0;
        }

        text.CopyTo(start, _chunk, _used, count);
        _used += count;
        return this;
    }

    /// <summary>A non-negative number (an HTTP status) in invariant digits.</summary>
    public SourceBuilder Append(int value)
        => value is >= 100 and <= 999
            ? Append(value / 100).Append(value % 100 / 10).Append(value % 10)
            : value is >= 0 and <= 9 ? Append(Digits[value]) : Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public SourceBuilder AppendLine() => Append(NewLine);

    public SourceBuilder AppendLine(string text) => Append(text).Append(NewLine);

    public override string ToString() => Text(_chunks, 0, Length);

    /// <summary>The text for <c>AddSource</c>, over these chunks (nothing is written to them afterwards).</summary>
    public SourceText ToSourceText(Encoding encoding) => new ChunkedText(_chunks.ToArray(), Length, encoding);

    private static void Copy(IReadOnlyList<char[]> chunks, int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        while (count > 0)
        {
            var offset = sourceIndex & OffsetMask;
            var n = Math.Min(count, ChunkSize - offset);
            Array.Copy(chunks[sourceIndex >> ChunkShift], offset, destination, destinationIndex, n);
            sourceIndex += n;
            destinationIndex += n;
            count -= n;
        }
    }

    private static string Text(IReadOnlyList<char[]> chunks, int start, int length)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        if ((start & OffsetMask) + length <= ChunkSize)
        {
            return new string(chunks[start >> ChunkShift], start & OffsetMask, length);
        }

        var chars = new char[length];
        Copy(chunks, start, chars, 0, length);
        return new string(chars);
    }

    private sealed class ChunkedText : SourceText
    {
        private readonly char[][] _chunks;

        public ChunkedText(char[][] chunks, int length, Encoding encoding)
        {
            _chunks = chunks;
            Length = length;
            Encoding = encoding;
        }

        public override Encoding Encoding { get; }

        public override int Length { get; }

        public override char this[int position]
            => (uint)position < (uint)Length ? _chunks[position >> ChunkShift][position & OffsetMask] : throw new ArgumentOutOfRangeException(nameof(position));

        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (sourceIndex < 0 || count < 0 || sourceIndex > Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(sourceIndex));
            }

            Copy(_chunks, sourceIndex, destination, destinationIndex, count);
        }

        public override string ToString(TextSpan span)
            => span.End <= Length ? Text(_chunks, span.Start, span.Length) : throw new ArgumentOutOfRangeException(nameof(span));
    }
}
