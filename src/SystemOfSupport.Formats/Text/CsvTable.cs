using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.StatusWorkbooks;

namespace SystemOfSupport.Formats.Text;

/// <summary>
/// A CSV file of this project's own layouts (LEA directory, own Dashboard data, certifications): RFC 4180, a header
/// row whose columns are found by name in any order, case-insensitively. Checks what every such file needs —
/// no column twice, the required ones present, every row as wide as the header (a short last row is a truncated
/// file) — and names the file, line and column when it fails.
/// </summary>
public sealed class CsvTable
{
    private readonly IEnumerator<(int Line, IReadOnlyList<string> Fields)> records;
    private readonly Dictionary<string, int> index = new(StringComparer.OrdinalIgnoreCase);

    private CsvTable(TextReader reader, string file, IReadOnlyList<string> required, string layout)
    {
        File = file;
        records = CsvRecordReader.Read(reader, file).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new InputFileException(file, 1, null, $"the file is empty; expected the header row {string.Join(",", required)} ({layout})");
        }

        (HeaderLine, Header) = records.Current;
        for (var i = 0; i < Header.Count; i++)
        {
            var name = Header[i].Trim().TrimStart('\uFEFF');
            if (name.Length > 0 && !index.TryAdd(name, i))
            {
                throw new InputFileException(file, HeaderLine, i + 1, $"column '{name}' appears twice (columns {index[name] + 1} and {i + 1})");
            }
        }

        foreach (var name in required)
        {
            if (!index.ContainsKey(name))
            {
                throw new InputFileException(file, HeaderLine, Header.Count + 1,
                    $"missing required column '{name}'; the header has: {string.Join(", ", Header)}; {layout} needs: {string.Join(", ", required)}");
            }
        }
    }

    public string File { get; }

    public int HeaderLine { get; }

    public IReadOnlyList<string> Header { get; }

    public static CsvTable Open(TextReader reader, string file, IReadOnlyList<string> required, string layout) => new(reader, file, required, layout);

    /// <summary>The 0-based index of a column, or -1 when the file lacks it.</summary>
    public int IndexOf(string name) => index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The data rows, blank lines skipped.</summary>
    public IEnumerable<(int Line, IReadOnlyList<string> Fields)> Rows()
    {
        var more = records.MoveNext();
        while (more)
        {
            var (line, fields) = records.Current;
            more = records.MoveNext();
            if (fields is [{ Length: 0 }])
            {
                continue;
            }

            if (fields.Count != Header.Count)
            {
                // Fewer fields on the last row is what a cut-off download looks like.
                var hint = fields.Count < Header.Count && !more ? " (the file looks truncated)" : string.Empty;
                throw new InputFileException(File, line, Math.Min(fields.Count, Header.Count) + 1,
                    $"expected {Header.Count} comma-separated fields as in the header, found {fields.Count}{hint}");
            }

            yield return (line, fields);
        }
    }
}
