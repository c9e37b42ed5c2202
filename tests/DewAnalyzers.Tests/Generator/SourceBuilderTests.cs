using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DewAnalyzers.Tests.Generator;

/// <summary>
/// The generated file's chunked text (<see cref="SourceBuilder"/>): whatever is appended, across chunk boundaries and in
/// pieces larger than a chunk, reads back exactly as one string would, through every way the compiler reads a text.
/// </summary>
public sealed class SourceBuilderTests
{
    [Fact]
    public void ChunkedText_ReadsBackAsTheAppendedString()
    {
        var expected = new StringBuilder();
        var builder = new SourceBuilder();
        for (var i = 0; i < 9000; i++)
        {
            var line = "        /// <summary>SVCA." + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + " — HTTP " + (400 + (i % 200)) + "</summary>";
            builder.AppendLine(line);
            expected.AppendLine(line);
        }

        // One piece longer than a chunk, written across two boundaries.
        var large = new string('x', 70_000) + "end";
        builder.Append(large).Append(7).Append(503);
        expected.Append(large).Append(7).Append(503);
        var text = builder.ToSourceText(Encoding.UTF8);
        var want = expected.ToString();

        Assert.Equal(want.Length, builder.Length);
        Assert.Equal(want.Length, text.Length);
        Assert.Equal(want, builder.ToString());
        Assert.Equal(want, text.ToString());
        Assert.Same(Encoding.UTF8, text.Encoding);

        // Spans and copies that start, end or cross at every chunk boundary (32,768 characters), and single characters.
        foreach (var boundary in Enumerable.Range(1, want.Length / 32_768).Select(k => k * 32_768))
        {
            foreach (var (start, length) in new[] { (boundary - 5, 10), (boundary, 3), (boundary - 3, 3), (boundary - 40_000, 80_000), (boundary, 0) })
            {
                if (start < 0 || start + length > want.Length)
                {
                    continue;
                }

                Assert.Equal(want.Substring(start, length), text.ToString(new TextSpan(start, length)));
                var copy = new char[length + 2];
                text.CopyTo(start, copy, 1, length);
                Assert.Equal(want.Substring(start, length), new string(copy, 1, length));
            }

            Assert.Equal(want[boundary - 1], text[boundary - 1]);
            Assert.Equal(want[boundary], text[boundary]);
        }

        // The compiler's own line map agrees with the string's.
        Assert.Equal(SourceText.From(want).Lines.Count, text.Lines.Count);
        Assert.Equal(want.Split('\n')[4000], text.Lines[4000].ToString() + (Environment.NewLine == "\r\n" ? "\r" : string.Empty));
    }

    [Fact]
    public void ChunkedText_RejectsReadsOutsideIt()
    {
        var text = new SourceBuilder().Append("abc").ToSourceText(Encoding.UTF8);

        Assert.Throws<ArgumentOutOfRangeException>(() => text[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => text.CopyTo(2, new char[4], 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.ToString(new TextSpan(1, 3)));
        Assert.Equal(string.Empty, new SourceBuilder().ToSourceText(Encoding.UTF8).ToString());
    }
}
