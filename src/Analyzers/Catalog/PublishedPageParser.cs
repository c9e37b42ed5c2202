using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;

namespace DewAnalyzers.Catalog;

/// <summary>
/// Reads a Huawei Cloud "Error Codes" documentation page copied into a file (<c>*.errorcodes.md</c>) into catalog entries.
/// <para>
/// Table layouts: a pipe table whose rows start with a line beginning with <c>|</c> and whose cells may span several
/// lines (the page as copied from the site), a one-line-per-row Markdown pipe table with or without the leading and
/// trailing pipes, and tab-separated rows as a browser copies them. Columns are found by their header names (English
/// or Chinese, case-insensitive, any order); "Status Code" (<c>状态码</c>) and "Error Code" (<c>错误码</c>) are
/// required, the message, description and measure columns are optional. Text before, between and after tables is
/// ignored; every table of the file is read.
/// </para>
/// <para>
/// Entries: cell text has its white space collapsed to single spaces and is trimmed; the retry class comes from the
/// status (5xx and 429 transient, everything else permanent); the constant name is derived from the message (see
/// <see cref="DeriveName(string, string, string)"/> and <see cref="AssignNames"/>). A bad row becomes a <see cref="CatalogError"/> at the line
/// where the row starts and is skipped; the rest of the file still loads. Never throws except on cancellation.
/// </para>
/// </summary>
internal static class PublishedPageParser
{
    /// <summary>At most this many words of the message go into a derived constant name.</summary>
    public const int MaxNameWords = 8;

    /// <summary>A derived constant name (before a clash suffix) is at most this long.</summary>
    public const int MaxNameLength = 60;

    /// <summary>The error reported at line 1 when the file has no table with the required header names.</summary>
    public const string NoTableMessage =
        "no error-code table found: expected a header row with \"Status Code\" (状态码) and \"Error Code\" (错误码) columns";

    /// <summary>The error reported at the header line when the file's tables have no rows at all.</summary>
    public const string NoRowsMessage = "the error-code table has no rows";

    /// <summary>The longest header cell that can name a column; longer cells are not compared.</summary>
    private const int MaxHeaderCellLength = 64;

    /// <summary>Cell text quoted in an error message is cut to this length.</summary>
    private const int MaxQuotedLength = 80;

    private static readonly char[] LineBreaks = { '\r', '\n' };

    /// <summary>
    /// The white space other than a space and a line break, and the ignorable characters (<see cref="IsSpace"/>,
    /// <see cref="IsIgnorable"/>): a page without any takes the fast path of <c>IsSimple</c>.
    /// </summary>
    private static readonly char[] NotPlain =
    {
        '\t', '\v', '\f', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006',
        '\u2007', '\u2008', '\u2009', '\u200A', '\u200B', '\u200C', '\u200D', '\u2028', '\u2029', '\u202F', '\u205F', '\u2060',
        '\u3000', '\uFEFF',
    };

    /// <summary>Header names (compared case-insensitively after white space is collapsed) and the column each names.</summary>
    private static readonly Dictionary<string, Column> HeaderNames = CreateHeaderNames();

    private enum Column
    {
        None,
        Status,
        Code,
        Message,
        Description,
        Measure,
    }

    private enum Mode
    {
        /// <summary>Outside a table: looking for a header.</summary>
        None,

        /// <summary>Collecting a pipe row that starts with <c>|</c> and may be a header spanning several lines.</summary>
        Candidate,

        /// <summary>In a table whose rows start with a line beginning with <c>|</c>; cells may span lines.</summary>
        Piped,

        /// <summary>In a pipe table without leading pipes: one row per line.</summary>
        Bare,

        /// <summary>In a tab-separated table: one row per line.</summary>
        Tabs,
    }

    public static ParsedCodes Parse(string text, CancellationToken cancellationToken = default)
        => new Reader(text ?? string.Empty, cancellationToken).Read();

    /// <summary>
    /// The constant name derived from one row, before clashes are resolved: the PascalCase words of the message's first
    /// sentence (the description when the message is empty). Words are runs of ASCII letters and digits; every other
    /// character separates words, except apostrophes, which are dropped. Each word's first letter is capitalized and the
    /// rest kept as written. Words are taken while there are at most <see cref="MaxNameWords"/> and the name stays
    /// within <see cref="MaxNameLength"/> characters (a single longer first word is cut). If the first sentence has no
    /// words the whole text is used. A name that is empty or starts with a digit becomes <c>Code</c> + the code's digits;
    /// a name that is not a valid constant name (<c>IsTransient</c>) gets <c>Error</c> appended, as does (when a row is
    /// read) a name equal to its prefix's class name.
    /// </summary>
    internal static string DeriveName(string message, string description, string digits)
        => DeriveName((TextSlice)message, description, new char[MaxNameLength]) ?? "Code" + digits;

    /// <summary><see cref="DeriveName(string, string, string)"/> with a reused buffer; null where the name is <c>Code</c> + the digits.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static string? DeriveName(TextSlice message, TextSlice description, char[] buffer)
    {
        var source = message.Length != 0 ? message : description;
        var length = PascalWords(source, firstSentence: true, buffer);
        if (length == 0)
        {
            length = PascalWords(source, firstSentence: false, buffer);
        }

        if (length == 0 || !CodeShape.IsAsciiLetter(buffer[0]))
        {
            return null;
        }

        // ASCII letters and digits starting with an upper-case letter (Identifiers.IsGeneratedMemberName says why only the
        // generated code's own member names need the suffix).
        var name = new string(buffer, 0, length);
        return Identifiers.IsGeneratedMemberName(name) ? name + "Error" : name;
    }

    /// <summary>
    /// Makes the derived names unique within each prefix, independently of row order: when several rows of one prefix
    /// derive the same name, every one of them gets its code's digits appended (<c>InvalidParameter0002</c>,
    /// <c>InvalidParameter0005</c>). If a name still clashes (a message that itself ends in those digits), the later row
    /// in page order gets <c>_</c> + its digits appended until the name is unique.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private static void AssignNames(List<ErrorCodeEntry> rows, List<PrefixGroup> groups)
    {
        // Each row's candidate: its derived name, with its digits when the prefix has that name more than once. Candidates
        // can only clash when one with digits equals a derived name or another candidate with digits; a prefix where none
        // does (almost every page) keeps them as they are, without a table of the names in use.
        var names = new string[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var group = groups[i];
            if (group.BaseNames[row.Name] == 1)
            {
                names[i] = row.Name;
                continue;
            }

            var name = row.Name + DigitsOf(row.Code, row.Prefix);
            names[i] = name;
            if (!group.MayClash && (group.BaseNames.ContainsKey(name) || !(group.WithDigits ??= new HashSet<string>(StringComparer.Ordinal)).Add(name)))
            {
                group.MayClash = true;
            }
        }

        Dictionary<string, Dictionary<string, bool>>? used = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var group = groups[i];
            if (group.MayClash)
            {
                used ??= new Dictionary<string, Dictionary<string, bool>>(StringComparer.Ordinal);
                if (!used.TryGetValue(group.Prefix, out var usedOfPrefix))
                {
                    usedOfPrefix = new Dictionary<string, bool>(StringComparer.Ordinal);
                    used.Add(group.Prefix, usedOfPrefix);
                }

                while (usedOfPrefix.ContainsKey(names[i]))
                {
                    names[i] += "_" + DigitsOf(rows[i].Code, rows[i].Prefix);
                }

                usedOfPrefix.Add(names[i], true);
            }

            if (!ReferenceEquals(names[i], rows[i].Name))
            {
                rows[i] = rows[i].WithName(names[i]);
            }
        }
    }

    /// <summary>The digits after the prefix; only names that clash need them.</summary>
    private static string DigitsOf(string code, string prefix) => code.Substring(prefix.Length + 1);

    /// <summary>The rows of one prefix: how many derive each name, and whether their candidates may clash (<see cref="AssignNames"/>).</summary>
    private sealed class PrefixGroup
    {
        public PrefixGroup(string prefix, int capacity)
        {
            Prefix = prefix;
            BaseNames = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
            ClassName = ErrorCodeCatalog.ClassNameFor(prefix);
        }

        public string Prefix { get; }

        /// <summary>The generated class of the prefix: no constant of it may have its name.</summary>
        public string ClassName { get; }

        /// <summary>How many rows derive each name (counted as each row is read, while its name is at hand).</summary>
        public Dictionary<string, int> BaseNames { get; }

        public HashSet<string>? WithDigits { get; set; }

        public bool MayClash { get; set; }
    }

    /// <summary>5xx and 429 (too many requests) are transient; every other status, 2xx included, is permanent.</summary>
    internal static RetryClass InferRetry(int status) => status >= 500 || status == 429 ? RetryClass.Transient : RetryClass.Permanent;

    /// <summary>
    /// Writes the PascalCase words of <paramref name="slice"/> (of its first sentence only when
    /// <paramref name="firstSentence"/>) into <paramref name="name"/> (<see cref="MaxNameLength"/> characters) and
    /// returns their length. A word that takes the name past the limit is dropped, or cut when it is the first.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private static int PascalWords(TextSlice slice, bool firstSentence, char[] name)
    {
        var source = slice.Source;
        var end = slice.Start + slice.Length;
        var length = 0;
        var words = 0;
        var inWord = false;
        var wordStart = 0;
        for (var i = slice.Start; i < end; i++)
        {
            var c = source[i];
            if (CodeShape.IsAsciiLetter(c) || CodeShape.IsDigit(c))
            {
                if (!inWord)
                {
                    if (words == MaxNameWords)
                    {
                        break;
                    }

                    words++;
                    inWord = true;
                    wordStart = length;
                    c = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
                }

                if (length == MaxNameLength)
                {
                    // This word takes the name past the limit: a first word is cut, a later one dropped.
                    return words == 1 ? MaxNameLength : wordStart;
                }

                name[length++] = c;
                continue;
            }

            if (c == '\'' || c == '\u2018' || c == '\u2019')
            {
                continue;
            }

            if (firstSentence && EndsSentence(source, i, end))
            {
                break;
            }

            inWord = false;
        }

        return length;
    }

    /// <summary>True at the end of a sentence: a <c>. ! ? ;</c> followed by white space (or the end), or a full-width one.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static bool EndsSentence(string text, int i, int end)
    {
        switch (text[i])
        {
            case '.':
            case '!':
            case '?':
            case ';':
                return i + 1 == end || char.IsWhiteSpace(text[i + 1]);
            case '\u3002':
            case '\uFF01':
            case '\uFF1F':
            case '\uFF1B':
                return true;
            default:
                return false;
        }
    }

    private static Dictionary<string, Column> CreateHeaderNames()
    {
        var names = new Dictionary<string, Column>(StringComparer.OrdinalIgnoreCase);
        void Add(Column column, params string[] texts)
        {
            foreach (var text in texts)
            {
                names[text] = column;
            }
        }

        Add(Column.Status, "Status Code", "Status Codes", "HTTP Status Code", "HTTP Status", "Status", "状态码", "HTTP状态码", "HTTP 状态码");
        Add(Column.Code, "Error Code", "Error Codes", "错误码", "错误代码");
        Add(Column.Message, "Error Message", "Error Messages", "Message", "Error Info", "错误信息", "错误消息");
        Add(Column.Description, "Description", "Error Description", "描述", "错误描述", "说明");
        Add(
            Column.Measure,
            "Measure",
            "Measures",
            "Handling Measure",
            "Handling Measures",
            "Solution",
            "Solutions",
            "Troubleshooting",
            "处理措施",
            "解决方案",
            "处理建议",
            "解决措施");
        return names;
    }

    /// <summary>Characters a copy from a browser may carry that are dropped from cell text (zero-width spaces, BOM).</summary>
    private static bool IsIgnorable(char c) => c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';

    private static bool IsSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r') || (c > '\u007F' && char.IsWhiteSpace(c));

    private static string Quote(string text) => text.Length <= MaxQuotedLength ? text : text.Substring(0, MaxQuotedLength) + "...";

    /// <summary>A cell: the text between two separators, possibly over several lines, as a range of the file's text.</summary>
    private readonly struct Cell
    {
        public Cell(int start, int end)
        {
            Start = start;
            End = end;
        }

        public int Start { get; }

        public int End { get; }
    }

    /// <summary>The columns of a table, by cell index (-1 = absent).</summary>
    private sealed class Header
    {
        public Header(int line, int status, int code, int message, int description, int measure)
        {
            Line = line;
            Status = status;
            Code = code;
            Message = message;
            Description = description;
            Measure = measure;
        }

        public int Line { get; }

        public int Status { get; }

        public int Code { get; }

        public int Message { get; }

        public int Description { get; }

        public int Measure { get; }

        /// <summary>In a piped table: a row is complete once it has this many cells closed by <c>|</c>.</summary>
        public int RowCells { get; set; } = 1;
    }

    /// <summary>One pass over the lines; a small state machine (<see cref="Mode"/>) recognizes the tables.</summary>
    private sealed class Reader
    {
        private readonly string _text;
        private readonly CancellationToken _cancellationToken;
        private readonly ImmutableArray<CatalogError>.Builder _errors = ImmutableArray.CreateBuilder<CatalogError>();
        // The rows read so far, as entries under their derived names (AssignNames resolves clashes at the end), and the
        // prefix group of each.
        private readonly List<ErrorCodeEntry> _rows;
        private readonly List<PrefixGroup> _rowGroups;
        private readonly Dictionary<string, int> _firstLines;
        private readonly List<Cell> _cells = new();
        private readonly StringBuilder _builder = new();

        // The rows of each prefix; the last prefix's at hand (rows of one prefix come together).
        private readonly Dictionary<string, PrefixGroup> _groups = new(StringComparer.Ordinal);
        private readonly char[] _nameBuffer = new char[MaxNameLength];

        // The page has no white space but spaces and line breaks, and no ignorable character (IsSimple's fast path).
        private readonly bool _plain;

        // The page has a backslash somewhere (only then can a cell hold an escaped pipe).
        private readonly bool _backslash;
        private PrefixGroup? _lastGroup;

        private Mode _mode;
        private Header? _header;
        private int _firstHeaderLine;

        // The row being collected in Candidate and Piped modes: closed cells in _cells, the open cell from _openStart
        // to _rowEnd (the end of the last line taken into the row).
        private bool _rowOpen;
        private int _rowLine;
        private int _openStart;
        private int _rowEnd;

        // A one-row-per-line table ended by a line of text may go on after it (a cell the copy broke over two lines).
        private Header? _resumeHeader;
        private Mode _resumeMode;

        public Reader(string text, CancellationToken cancellationToken)
        {
            _text = text;
            _cancellationToken = cancellationToken;
            // All ASCII (a vectorized count) leaves only three characters to look for; otherwise every one of NotPlain.
            _plain = Encoding.UTF8.GetByteCount(text) == text.Length
                ? text.AsSpan().IndexOfAny('\t', '\v', '\f') < 0
                : text.AsSpan().IndexOfAny(NotPlain) < 0;
            _backslash = text.IndexOf('\\') >= 0;

            // Sized for rows of about 150 characters: a large page's rows fit without regrowth.
            var rows = Math.Min(text.Length / 150, 1 << 20);
            _rows = new List<ErrorCodeEntry>(rows);
            _rowGroups = new List<PrefixGroup>(rows);
            _firstLines = new Dictionary<string, int>(rows, StringComparer.Ordinal);
        }

        [MethodImpl(HotPath.Optimized)]
        public ParsedCodes Read()
        {
            var position = _text.Length != 0 && _text[0] == '\uFEFF' ? 1 : 0;
            var lineNumber = 0;
            while (position < _text.Length)
            {
                lineNumber++;
                if ((lineNumber & 0x3FF) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                var end = _text.IndexOfAny(LineBreaks, position);
                if (end < 0)
                {
                    end = _text.Length;
                }

                ReadLine(position, end, lineNumber);
                position = end + (end + 1 < _text.Length && _text[end] == '\r' && _text[end + 1] == '\n' ? 2 : 1);
            }

            if (_mode == Mode.Piped && _rowOpen)
            {
                FinishPipedRow();
            }

            if (_firstHeaderLine == 0)
            {
                return new ParsedCodes(ImmutableArray<ErrorCodeEntry>.Empty, ImmutableArray.Create(new CatalogError(1, NoTableMessage)));
            }

            if (_rows.Count == 0 && _errors.Count == 0)
            {
                _errors.Add(new CatalogError(_firstHeaderLine, NoRowsMessage));
            }

            AssignNames(_rows, _rowGroups);
            return new ParsedCodes(_rows.ToImmutableArray(), _errors.ToImmutable());
        }

        /// <summary>Each handler returns false when it ended a table or a candidate and the line must be read again (in <see cref="Mode.None"/>).</summary>
        [MethodImpl(HotPath.Optimized)]
        private void ReadLine(int start, int end, int line)
        {
            while (true)
            {
                var done = _mode switch
                {
                    Mode.Candidate => CandidateLine(start, end),
                    Mode.Piped => PipedLine(start, end, line),
                    Mode.Bare or Mode.Tabs => OneRowPerLine(start, end, line),
                    _ => ScanLine(start, end, line),
                };
                if (done)
                {
                    return;
                }
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private bool ScanLine(int start, int end, int line)
        {
            var first = FirstNonSpace(start, end);
            if (first == end)
            {
                return true;
            }

            if (Has('|', start, end))
            {
                if (IsSeparator(start, end))
                {
                    return true;
                }

                if (_text[first] == '|')
                {
                    BeginRow(first, end, line);
                    var closed = _cells.Count;
                    var header = TryPipedHeader(end, line);
                    if (header is not null)
                    {
                        _rowOpen = false;
                        StartTable(Mode.Piped, header, closed);
                    }
                    else
                    {
                        _mode = Mode.Candidate;
                    }

                    return true;
                }

                StartOrResume(Mode.Bare, start, end, line);
                return true;
            }

            if (Has('\t', start, end))
            {
                StartOrResume(Mode.Tabs, start, end, line);
            }

            return true;
        }

        /// <summary>
        /// A row that starts with <c>|</c> and is not a header on its own line: a header may still span the next lines.
        /// It ends at a line starting with <c>|</c> in its first column or a separator line (an indented <c>|</c> closes an
        /// empty cell), or, as not a header, at a line of text without <c>|</c>.
        /// </summary>
        private bool CandidateLine(int start, int end)
        {
            var first = FirstNonSpace(start, end);
            var rowBoundary = first < end && _text[first] == '|' && (first == start || IsSeparator(start, end));
            if (first == end || (!rowBoundary && Has('|', start, end)))
            {
                ContinueRow(start, end);
                return true;
            }

            if (rowBoundary)
            {
                var closed = _cells.Count;
                var header = TryPipedHeader(_rowEnd, _rowLine);
                _rowOpen = false;
                if (header is not null)
                {
                    StartTable(Mode.Piped, header, closed);
                    return false;
                }
            }

            // Not a header: a line of text ends the candidate, a line starting with '|' may start the next one.
            _rowOpen = false;
            _mode = Mode.None;
            return false;
        }

        /// <summary>
        /// A row starts at a line beginning with <c>|</c>. While the row has fewer closed cells than the header, a line
        /// whose <c>|</c> is indented closes an empty cell (the page layout puts every cell on its own indented line) and
        /// a line of text goes on with the open cell; once the row is complete a line of text ends the table.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private bool PipedLine(int start, int end, int line)
        {
            var first = FirstNonSpace(start, end);
            if (first == end)
            {
                return true;
            }

            var incomplete = _rowOpen && _cells.Count < _header!.RowCells;
            if (_text[first] == '|' && (first == start || !incomplete || IsSeparator(start, end)))
            {
                if (_rowOpen)
                {
                    FinishPipedRow();
                }

                if (!IsSeparator(start, end))
                {
                    BeginRow(first, end, line);
                }

                return true;
            }

            // A line of an incomplete row: more of its cells, an empty cell ("    | ") included.
            if (incomplete)
            {
                ContinueRow(start, end);
                return true;
            }

            if (_rowOpen)
            {
                FinishPipedRow();
            }

            EndTable();
            return false;
        }

        /// <summary>
        /// Outside a table, a line with <c>|</c> not in its first column (<see cref="Mode.Bare"/>) or with tabs
        /// (<see cref="Mode.Tabs"/>): a header starts a table of that kind; a row with a code goes on with the table of that
        /// kind that a line of text ended.
        /// </summary>
        private void StartOrResume(Mode mode, int start, int end, int line)
        {
            var pipes = mode == Mode.Bare;
            Split(start, end, pipes);
            var header = TryHeader(_cells.Count, line);
            if (header is not null)
            {
                StartTable(mode, header, 1);
            }
            else if (_resumeMode == mode && _resumeHeader is not null && CodeShape.IsWellFormedCode(StripMarkup(CellText(_resumeHeader.Code, pipes))))
            {
                _mode = mode;
                _header = _resumeHeader;
                FinishRow(line, _cells.Count, pipes);
            }
        }

        /// <summary>A line of a one-row-per-line table (pipes or tabs): a row, a delimiter row, or the end of the table.</summary>
        [MethodImpl(HotPath.Optimized)]
        private bool OneRowPerLine(int start, int end, int line)
        {
            if (FirstNonSpace(start, end) == end)
            {
                return true;
            }

            var pipes = _mode == Mode.Bare;
            if (!Has(pipes ? '|' : '\t', start, end))
            {
                EndTable();
                return false;
            }

            if (!pipes || !IsSeparator(start, end))
            {
                Split(start, end, pipes);
                FinishRow(line, _cells.Count, pipes);
            }

            return true;
        }

        private void StartTable(Mode mode, Header header, int rowCells)
        {
            header.RowCells = Math.Max(1, rowCells);
            _mode = mode;
            _header = header;
            _resumeHeader = null;
            _resumeMode = Mode.None;
            if (_firstHeaderLine == 0)
            {
                _firstHeaderLine = header.Line;
            }
        }

        private void EndTable()
        {
            if (_mode is Mode.Bare or Mode.Tabs)
            {
                _resumeHeader = _header;
                _resumeMode = _mode;
            }

            _mode = Mode.None;
            _header = null;
            _rowOpen = false;
        }

        [MethodImpl(HotPath.Optimized)]
        private void BeginRow(int pipe, int end, int line)
        {
            _cells.Clear();
            _rowOpen = true;
            _rowLine = line;
            _openStart = pipe + 1;
            ClosePipes(_openStart, end);
            _rowEnd = end;
        }

        private void ContinueRow(int start, int end)
        {
            ClosePipes(start, end);
            _rowEnd = end;
        }

        /// <summary>Every unescaped <c>|</c> in the range closes the open cell.</summary>
        [MethodImpl(HotPath.Optimized)]
        private void ClosePipes(int start, int end)
        {
            var pipe = NextPipe(start, end);
            while (pipe >= 0)
            {
                _cells.Add(new Cell(_openStart, pipe));
                _openStart = pipe + 1;
                pipe = NextPipe(_openStart, end);
            }
        }

        /// <summary>The row collected so far as a header: its closed cells, and the open one too when it has text.</summary>
        private Header? TryPipedHeader(int end, int line)
        {
            var closed = _cells.Count;
            _cells.Add(new Cell(_openStart, Math.Max(_openStart, end)));
            var header = TryHeader(IsBlank(_openStart, end) ? closed : closed + 1, line);
            _cells.RemoveAt(closed);
            return header;
        }

        [MethodImpl(HotPath.Optimized)]
        private void FinishPipedRow()
        {
            _rowOpen = false;
            var closed = _cells.Count;
            _cells.Add(new Cell(_openStart, Math.Max(_openStart, _rowEnd)));
            FinishRow(_rowLine, closed, pipes: true);
        }

        /// <summary>Checks the row in <see cref="_cells"/> and keeps it, reports it, or (a header) starts a new table.</summary>
        [MethodImpl(HotPath.Optimized)]
        private void FinishRow(int line, int closedCells, bool pipes)
        {
            var header = _header!;
            var code = StripMarkup(CellText(header.Code, pipes));
            if (code.Length == 0)
            {
                return;
            }

            if (!CodeShape.IsWellFormedCode(code))
            {
                var newHeader = TryHeader(_cells.Count, line);
                if (newHeader is not null)
                {
                    StartTable(_mode, newHeader, closedCells);
                    return;
                }

                _errors.Add(new CatalogError(line, $"'{Quote(code)}' is not an error code of the form PREFIX.DIGITS (e.g. KMS.0207, SVCSTG.CCE-ADDONMGR.4040204)"));
                return;
            }

            if (!TryReadStatus(header.Status, out var status))
            {
                var statusText = StripMarkup(CellText(header.Status, pipes));
                if (!TryParseStatus(statusText, out status))
                {
                    _errors.Add(new CatalogError(line, $"{code}: '{Quote(statusText)}' is not an HTTP status between 100 and 599"));
                    return;
                }
            }

            if (_firstLines.TryGetValue(code, out var firstLine))
            {
                _errors.Add(new CatalogError(line, $"duplicate code '{code}' (first on line {firstLine})"));
                return;
            }

            _firstLines.Add(code, line);

            // The name is derived while the row's text is at hand; AssignNames resolves clashes once every row is read.
            var message = CellSlice(header.Message, pipes);
            var description = CellSlice(header.Description, pipes);
            var group = GroupOf(code);
            var baseName = DeriveName(message, description, _nameBuffer) ?? "Code" + DigitsOf(code, group.Prefix);
            if (baseName == group.ClassName)
            {
                // A member cannot have its class's name ("Abc error codes." under ABC).
                baseName += "Error";
            }

            group.BaseNames.TryGetValue(baseName, out var count);
            group.BaseNames[baseName] = count + 1;
            _rows.Add(new ErrorCodeEntry(code, status, baseName, InferRetry(status), string.Empty, message, description, CellSlice(header.Measure, pipes), line, isDerived: true, group.Prefix));
            _rowGroups.Add(group);
        }

        /// <summary>
        /// The common case of a status cell without a string: three digits with nothing but white space around them. Any
        /// other cell (markup, zero-width characters, an error) goes the general way (<see cref="CellText"/>).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private bool TryReadStatus(int index, out int status)
        {
            status = 0;
            if (index < 0 || index >= _cells.Count)
            {
                return false;
            }

            var start = FirstNonSpace(_cells[index].Start, _cells[index].End);
            var end = _cells[index].End;
            while (end > start && IsSpace(_text[end - 1]))
            {
                end--;
            }

            return TryParseStatus(_text, start, end - start, out status);
        }

        /// <summary>The rows of a well-formed code's prefix.</summary>
        [MethodImpl(HotPath.Optimized)]
        private PrefixGroup GroupOf(string code)
        {
            var dot = code.LastIndexOf('.');
            var group = _lastGroup;
            if (group is null || group.Prefix.Length != dot || string.CompareOrdinal(code, 0, group.Prefix, 0, dot) != 0)
            {
                var prefix = code.Substring(0, dot);
                if (!_groups.TryGetValue(prefix, out group))
                {
                    // Room for a large page's prefix (a thousand codes or so) without regrowth, and no more than the page's rows.
                    group = new PrefixGroup(prefix, Math.Min(_rows.Capacity, 1024));
                    _groups.Add(prefix, group);
                }

                _lastGroup = group;
            }

            return group;
        }

        private Header? TryHeader(int count, int line)
        {
            int status = -1, code = -1, message = -1, description = -1, measure = -1;
            for (var i = 0; i < count && i < _cells.Count; i++)
            {
                var cell = _cells[i];
                if (cell.End - cell.Start > MaxHeaderCellLength * 2)
                {
                    continue;
                }

                var text = StripMarkup(Collapse(cell.Start, cell.End, pipes: false));
                if (text.Length == 0 || text.Length > MaxHeaderCellLength || !HeaderNames.TryGetValue(text, out var column))
                {
                    continue;
                }

                switch (column)
                {
                    case Column.Status when status < 0:
                        status = i;
                        break;
                    case Column.Code when code < 0:
                        code = i;
                        break;
                    case Column.Message when message < 0:
                        message = i;
                        break;
                    case Column.Description when description < 0:
                        description = i;
                        break;
                    case Column.Measure when measure < 0:
                        measure = i;
                        break;
                }
            }

            return status >= 0 && code >= 0 ? new Header(line, status, code, message, description, measure) : null;
        }

        [MethodImpl(HotPath.Optimized)]
        private string CellText(int index, bool pipes)
            => index >= 0 && index < _cells.Count ? Collapse(_cells[index].Start, _cells[index].End, pipes) : string.Empty;

        /// <summary><see cref="CellText"/> as a part of the page where no collapsing is needed (no string of its own).</summary>
        [MethodImpl(HotPath.Optimized)]
        private TextSlice CellSlice(int index, bool pipes)
        {
            if (index < 0 || index >= _cells.Count)
            {
                return string.Empty;
            }

            var (start, end) = Trimmed(_cells[index].Start, _cells[index].End);
            return start < end && IsSimple(start, end, pipes) ? new TextSlice(_text, start, end - start) : Collapse(start, end, pipes);
        }

        /// <summary>The range without the white space and zero-width characters at its ends.</summary>
        private (int Start, int End) Trimmed(int start, int end)
        {
            while (start < end && (IsSpace(_text[start]) || IsIgnorable(_text[start])))
            {
                start++;
            }

            while (end > start && (IsSpace(_text[end - 1]) || IsIgnorable(_text[end - 1])))
            {
                end--;
            }

            return (start, end);
        }

        /// <summary>
        /// The text of a range with white space runs (line breaks and indentation included) collapsed to one space,
        /// trimmed, zero-width characters dropped and, in a pipe table, <c>\|</c> read as <c>|</c>.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private string Collapse(int start, int end, bool pipes)
        {
            (start, end) = Trimmed(start, end);
            if (start == end)
            {
                return string.Empty;
            }

            if (IsSimple(start, end, pipes))
            {
                return _text.Substring(start, end - start);
            }

            _builder.Clear();
            var space = false;
            for (var i = start; i < end; i++)
            {
                var c = _text[i];
                if (IsIgnorable(c))
                {
                    continue;
                }

                if (IsSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space)
                {
                    _builder.Append(' ');
                    space = false;
                }

                if (pipes && c == '\\' && i + 1 < end && _text[i + 1] == '|')
                {
                    continue;
                }

                _builder.Append(c);
            }

            return _builder.ToString();
        }

        /// <summary>
        /// True when the trimmed range needs no collapsing: single spaces between words, no other white space, no
        /// zero-width characters and (in a pipe table) no <c>\|</c>. Printable ASCII, almost every character of a page,
        /// takes one range test.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private bool IsSimple(int start, int end, bool pipes)
        {
            if (_plain)
            {
                // No white space but spaces and line breaks, and no ignorable character, anywhere in the page: a range is
                // simple unless it has two spaces in a row, a line break or (in a pipe table) \| (vectorized searches, not
                // a test per character).
                var range = _text.AsSpan(start, end - start);
                return range.IndexOf("  ".AsSpan()) < 0 && range.IndexOfAny('\r', '\n') < 0 && !(pipes && _backslash && range.IndexOf("\\|".AsSpan()) >= 0);
            }

            var text = _text;
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (c > ' ' && c < '\u007F')
                {
                    if (c == '\\' && pipes && i + 1 < end && text[i + 1] == '|')
                    {
                        return false;
                    }
                }
                else if (c == ' ' ? IsSpace(text[i + 1]) : IsSpace(c) || IsIgnorable(c))
                {
                    // Two white space characters in a row, or one that is not a space, or a zero-width one.
                    return false;
                }
            }

            return true;
        }

        private void Split(int start, int end, bool pipes)
        {
            if (pipes)
            {
                SplitBare(start, end);
            }
            else
            {
                SplitTabs(start, end);
            }
        }

        /// <summary>Cells of a one-line pipe row; a leading and a trailing <c>|</c> are optional.</summary>
        [MethodImpl(HotPath.Optimized)]
        private void SplitBare(int start, int end)
        {
            _cells.Clear();
            var first = FirstNonSpace(start, end);
            if (first < end && _text[first] == '|')
            {
                start = first + 1;
            }

            var last = end;
            while (last > start && IsSpace(_text[last - 1]))
            {
                last--;
            }

            if (last > start && _text[last - 1] == '|' && !(last - 2 >= start && _text[last - 2] == '\\'))
            {
                end = last - 1;
            }

            var cellStart = start;
            var pipe = NextPipe(start, end);
            while (pipe >= 0)
            {
                _cells.Add(new Cell(cellStart, pipe));
                cellStart = pipe + 1;
                pipe = NextPipe(cellStart, end);
            }

            _cells.Add(new Cell(cellStart, end));
        }

        [MethodImpl(HotPath.Optimized)]
        private void SplitTabs(int start, int end)
        {
            _cells.Clear();
            var cellStart = start;
            var tab = _text.IndexOf('\t', start, end - start);
            while (tab >= 0)
            {
                _cells.Add(new Cell(cellStart, tab));
                cellStart = tab + 1;
                tab = _text.IndexOf('\t', cellStart, end - cellStart);
            }

            _cells.Add(new Cell(cellStart, end));
        }

        /// <summary>The next <c>|</c> in the range not escaped as <c>\|</c>, or -1.</summary>
        [MethodImpl(HotPath.Optimized)]
        private int NextPipe(int start, int end)
        {
            while (start < end)
            {
                var pipe = _text.IndexOf('|', start, end - start);
                if (pipe < 0)
                {
                    return -1;
                }

                if (pipe == 0 || _text[pipe - 1] != '\\')
                {
                    return pipe;
                }

                start = pipe + 1;
            }

            return -1;
        }

        /// <summary>A Markdown delimiter row such as <c>|---|:---:|</c>: only pipes, dashes, colons and spaces.</summary>
        [MethodImpl(HotPath.Optimized)]
        private bool IsSeparator(int start, int end)
        {
            var dash = false;
            var pipe = false;
            for (var i = start; i < end; i++)
            {
                var c = _text[i];
                if (c == '-')
                {
                    dash = true;
                }
                else if (c == '|')
                {
                    pipe = true;
                }
                else if (c != ':' && !IsSpace(c))
                {
                    return false;
                }
            }

            return dash && pipe;
        }

        private bool Has(char c, int start, int end) => _text.IndexOf(c, start, end - start) >= 0;

        [MethodImpl(HotPath.Optimized)]
        private int FirstNonSpace(int start, int end)
        {
            while (start < end && IsSpace(_text[start]))
            {
                start++;
            }

            return start;
        }

        private bool IsBlank(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (!IsSpace(_text[i]) && !IsIgnorable(_text[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Markdown emphasis or code marks around a code or status cell (<c>`KMS.0207`</c>, <c>**400**</c>) are not part of it.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static string StripMarkup(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && (text[start] == '`' || text[start] == '*'))
        {
            start++;
        }

        while (end > start && (text[end - 1] == '`' || text[end - 1] == '*'))
        {
            end--;
        }

        return start == 0 && end == text.Length ? text : text.Substring(start, end - start).Trim();
    }

    [MethodImpl(HotPath.Optimized)]
    private static bool TryParseStatus(string text, out int status) => TryParseStatus(text, 0, text.Length, out status);

    /// <summary>Three digits from 100 to 599, the whole of the range.</summary>
    private static bool TryParseStatus(string text, int start, int length, out int status)
    {
        status = 0;
        if (length != 3)
        {
            return false;
        }

        for (var i = start; i < start + 3; i++)
        {
            if (!CodeShape.IsDigit(text[i]))
            {
                return false;
            }

            status = (status * 10) + (text[i] - '0');
        }

        return status >= 100 && status <= 599;
    }
}
