using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.Text;

/// <summary>
/// Streams a delimited text file with a header row (the state's tab- and pipe-delimited downloads): LF or CRLF,
/// UTF-8 or Windows-1252, columns found by name, case-insensitively. Rows whose field count differs from the
/// header's are rejected with their line number (a truncated file ends in such a row).
/// </summary>
public sealed class DelimitedTextReader : IDisposable
{
    private readonly StreamReader reader;
    private readonly char delimiter;
    private readonly Dictionary<string, int> columnIndex;

    private DelimitedTextReader(string path, char delimiter)
    {
        FilePath = path;
        this.delimiter = delimiter;
        reader = StateTextEncoding.OpenReader(path);

        var header = reader.ReadLine() ?? throw new InputFileException(path, 1, null, "the file is empty; expected a header row");
        Header = header.Split(delimiter);
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
    public long Position => reader.BaseStream.Position;

    public long Length => reader.BaseStream.Length;

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
    public string[]? ReadRow() => ReadLine() is { } line ? line.Split(delimiter) : null;

    /// <summary>
    /// Reads the next non-blank line, checked to have as many fields as the header, without splitting it: a caller
    /// that skips most rows looks at a field or two with <see cref="Field"/> and splits only the rows it keeps.
    /// </summary>
    public string? ReadLine()
    {
        while (true)
        {
            var line = reader.ReadLine();
            if (line is null)
            {
                return null;
            }

            LineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var count = line.AsSpan().Count(delimiter) + 1;
            if (count != Header.Count)
            {
                var hint = count < Header.Count && reader.Peek() < 0 ? " (the file looks truncated)" : string.Empty;
                throw new InputFileException(FilePath, LineNumber, Math.Min(count, Header.Count) + 1,
                    $"expected {Header.Count} {DelimiterName} fields as in the header, found {count}{hint}");
            }

            return line;
        }
    }

    /// <summary>The 0-based field <paramref name="index"/> of a line from <see cref="ReadLine"/>.</summary>
    public ReadOnlySpan<char> Field(string line, int index)
    {
        var rest = line.AsSpan();
        for (var i = 0; i < index; i++)
        {
            rest = rest[(rest.IndexOf(delimiter) + 1)..];
        }

        var end = rest.IndexOf(delimiter);
        return end < 0 ? rest : rest[..end];
    }

    public string[] Split(string line) => line.Split(delimiter);

    public InputFileException Error(int columnIndex0, string message) =>
        new(FilePath, LineNumber, columnIndex0 + 1, message);

    private string DelimiterName => delimiter switch
    {
        '\t' => "tab-separated",
        '|' => "|-separated",
        ',' => "comma-separated",
        _ => $"'{delimiter}'-separated",
    };

    public void Dispose() => reader.Dispose();
}
