using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.Text;

/// <summary>
/// Streams a delimited text file with a header row (the state's tab- and pipe-delimited downloads): LF, CRLF or CR,
/// UTF-8 or Windows-1252, columns found by name, case-insensitively. Rows whose field count differs from the
/// header's are rejected with their line number (a truncated file ends in such a row).
/// </summary>
/// <remarks>
/// Lines are found in the raw bytes and decoded one at a time, so a caller that skips most rows (the Dashboard
/// reader skips school rows) looks at them with <see cref="TryReadLine(out ReadOnlySpan{byte})"/> and
/// <see cref="Field(ReadOnlySpan{byte}, int)"/> without making a string. Decoding a line alone gives the same text
/// as decoding the whole file: line breaks are ASCII, never inside a UTF-8 sequence.
/// </remarks>
public sealed class DelimitedTextReader : IDisposable
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private readonly FileStream stream;
    private readonly char delimiter;
    private readonly byte delimiterByte;
    private readonly Dictionary<string, int> columnIndex;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private bool endOfFile;

    private DelimitedTextReader(string path, char delimiter)
    {
        FilePath = path;
        this.delimiter = delimiter;
        delimiterByte = checked((byte)delimiter);
        stream = StateTextEncoding.OpenBytes(path);
        try
        {
            Fill();
            SkipByteOrderMark();
            if (!TryReadLineBytes(out var headerBytes))
            {
                throw new InputFileException(path, 1, null, "the file is empty; expected a header row");
            }

            Header = Decode(headerBytes).Split(delimiter);
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        columnIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Header.Count; i++)
        {
            columnIndex.TryAdd(Header[i].Trim(), i);
        }

        LineNumber = 1;
    }

    public string FilePath { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>1-based line number of the row last read.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Bytes consumed so far (for progress reporting).</summary>
    public long Position => stream.Position - (end - start);

    public long Length => stream.Length;

    public static DelimitedTextReader Open(string path, char delimiter) => new(path, delimiter);

    /// <summary>The 0-based index of a column, or -1 when the file lacks it.</summary>
    public int IndexOf(string name) => columnIndex.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The 0-based index of a column the caller cannot do without.</summary>
    public int Require(string name, string? why = null)
    {
        var i = IndexOf(name);
        if (i < 0)
        {
            throw new InputFileException(FilePath, 1, Header.Count + 1,
                $"missing required column '{name}'{(why is null ? string.Empty : " (" + why + ")")}; the header has: {string.Join(", ", Header)}");
        }

        return i;
    }

    /// <summary>Reads the next non-blank row's fields, or returns null at the end of the file.</summary>
    public string[]? ReadRow() => TryReadLine(out var line) ? Split(line) : null;

    /// <summary>Reads the next non-blank line, checked to have as many fields as the header, or returns null at the end of the file.</summary>
    public string? ReadLine() => TryReadLine(out var line) ? Decode(line) : null;

    /// <summary>
    /// Reads the next non-blank line's bytes (valid until the next read), checked to have as many fields as the
    /// header, without decoding it: a caller that skips most rows looks at a field or two with
    /// <see cref="Field(ReadOnlySpan{byte}, int)"/> and splits only the rows it keeps.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (TryReadLineBytes(out line))
        {
            LineNumber++;
            if (line.IsEmpty)
            {
                continue;
            }

            // The delimiter is ASCII, so counting bytes counts characters (no UTF-8 sequence contains an ASCII byte).
            var count = line.Count(delimiterByte) + 1;
            if (count != Header.Count)
            {
                var hint = count < Header.Count && AtEnd() ? " (the file looks truncated)" : string.Empty;
                throw new InputFileException(FilePath, LineNumber, Math.Min(count, Header.Count) + 1,
                    $"expected {Header.Count} {DelimiterName} fields as in the header, found {count}{hint}");
            }

            return true;
        }

        return false;
    }

    /// <summary>The 0-based field <paramref name="index"/> of a line from <see cref="ReadLine"/>.</summary>
    public ReadOnlySpan<char> Field(string line, int index) => FieldOf(line.AsSpan(), index, delimiter);

    /// <summary>The 0-based field <paramref name="index"/> of a line from <see cref="TryReadLine(out ReadOnlySpan{byte})"/>, undecoded.</summary>
    public ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, int index) => FieldOf(line, index, delimiterByte);

    public string[] Split(string line) => line.Split(delimiter);

    /// <summary>A line from <see cref="TryReadLine(out ReadOnlySpan{byte})"/>, decoded and split.</summary>
    public string[] Split(ReadOnlySpan<byte> line) => Decode(line).Split(delimiter);

    /// <summary>Text as the file's encoding gives it: UTF-8, each invalid byte read as Windows-1252.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => StateTextEncoding.Utf8OrWindows1252.GetString(bytes);

    public InputFileException Error(int columnIndex0, string message) =>
        new(FilePath, LineNumber, columnIndex0 + 1, message);

    private string DelimiterName => delimiter switch
    {
        '\t' => "tab-separated",
        '|' => "|-separated",
        ',' => "comma-separated",
        _ => $"'{delimiter}'-separated",
    };

    public void Dispose() => stream.Dispose();

    private static ReadOnlySpan<T> FieldOf<T>(ReadOnlySpan<T> line, int index, T separator)
        where T : IEquatable<T>
    {
        var rest = line;
        for (var i = 0; i < index; i++)
        {
            rest = rest[(rest.IndexOf(separator) + 1)..];
        }

        var stop = rest.IndexOf(separator);
        return stop < 0 ? rest : rest[..stop];
    }

    /// <summary>The next line's bytes without its CR, LF or CRLF (as <see cref="StreamReader.ReadLine"/> splits).</summary>
    private bool TryReadLineBytes(out ReadOnlySpan<byte> line)
    {
        var searched = 0;
        while (true)
        {
            var found = buffer.AsSpan(start + searched, end - start - searched).IndexOfAny((byte)'\r', (byte)'\n');
            if (found >= 0)
            {
                var at = start + searched + found;
                // A CR at the buffer's end may be the first half of a CRLF: read on before deciding.
                if (buffer[at] == (byte)'\r' && at + 1 == end && !endOfFile)
                {
                    searched = at - start;
                    Fill();
                    continue;
                }

                line = buffer.AsSpan(start, at - start);
                start = at + (buffer[at] == (byte)'\r' && at + 1 < end && buffer[at + 1] == (byte)'\n' ? 2 : 1);
                return true;
            }

            if (endOfFile)
            {
                line = buffer.AsSpan(start, end - start);
                var any = end > start;
                start = end;
                return any;
            }

            searched = end - start;
            Fill();
        }
    }

    /// <summary>True when no byte is left after the line last read.</summary>
    private bool AtEnd()
    {
        if (start == end && !endOfFile)
        {
            Fill();
        }

        return start == end;
    }

    /// <summary>Keeps the unread bytes (moved to the front, the buffer doubled when they fill it) and reads more.</summary>
    private void Fill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }
        else if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var n = stream.Read(buffer, end, buffer.Length - end);
        end += n;
        endOfFile = n == 0;
    }

    /// <summary>A UTF-8 byte-order mark is skipped; a UTF-16 or UTF-32 file is not one of the state's.</summary>
    private void SkipByteOrderMark()
    {
        var head = buffer.AsSpan(start, end - start);
        if (head.StartsWith(Utf8Bom))
        {
            start += Utf8Bom.Length;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new InputFileException(FilePath, 1, null, "the file is UTF-16 or UTF-32; save it as UTF-8 (or Windows-1252) text, as the state publishes it");
        }
    }
}
