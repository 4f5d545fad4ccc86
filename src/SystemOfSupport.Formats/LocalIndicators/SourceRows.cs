using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Xlsx;

namespace SystemOfSupport.Formats.LocalIndicators;

/// <summary>A row of a local-indicator file, xlsx or text, as cells by 1-based column; <see cref="FieldCount"/> is null for xlsx.</summary>
internal readonly record struct SourceRow(XlsxRow Row, int? FieldCount);

/// <summary>A file's header row: columns by name (case-insensitive), and the checks every layout shares.</summary>
internal sealed class HeaderMap
{
    private readonly Dictionary<string, int> columns;

    private HeaderMap(string file, int line, Dictionary<string, int> columns, int? fieldCount)
    {
        File = file;
        Line = line;
        this.columns = columns;
        FieldCount = fieldCount;
    }

    public string File { get; }

    public int Line { get; }

    public int? FieldCount { get; }

    public IEnumerable<string> Names => columns.Keys;

    public static HeaderMap From(string file, SourceRow row)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var cell in row.Row.Cells)
        {
            columns.TryAdd(cell.Text.Trim(), cell.Column);
        }

        return new HeaderMap(file, row.Row.RowNumber, columns, row.FieldCount);
    }

    public static bool HasColumn(SourceRow row, string name) =>
        row.Row.Cells.Any(c => string.Equals(c.Text.Trim(), name, StringComparison.OrdinalIgnoreCase));

    public int? Optional(string name) => columns.TryGetValue(name, out var column) ? column : null;

    public int Required(string name) =>
        columns.TryGetValue(name, out var column)
            ? column
            : throw new InputFileException(
                File,
                Line,
                null,
                $"missing required column '{name}'; the header has: {string.Join(", ", columns.OrderBy(c => c.Value).Select(c => c.Key))}");

    /// <summary>A text row with fewer fields than the header is truncated; with more (non-empty) fields, a delimiter crept into a value.</summary>
    public void CheckFieldCount(SourceRow row)
    {
        if (FieldCount is not int expected || row.FieldCount is not int actual || actual == expected)
        {
            return;
        }

        if (actual < expected)
        {
            throw new InputFileException(
                File,
                row.Row.RowNumber,
                actual + 1,
                $"line has {actual} fields but the header (line {Line}) has {expected}: the row is truncated");
        }

        if (row.Row.Cells.Any(c => c.Column > expected))
        {
            throw new InputFileException(
                File,
                row.Row.RowNumber,
                expected + 1,
                $"line has {actual} fields but the header (line {Line}) has {expected}: is there a field delimiter ('|' or tab) inside a value?");
        }
    }
}

/// <summary>Adapters from files to <see cref="SourceRow"/>s.</summary>
internal static class SourceRows
{
    public static IEnumerable<SourceRow> FromXlsx(string path) =>
        XlsxSheetReader.ReadRows(path).Select(r => new SourceRow(r, null));

    /// <summary>
    /// Text rows; the first non-blank line (the header) decides the delimiter: <c>|</c> if it has one (CDE's
    /// per-priority downloads, whose text fields contain tabs), else tab. Fields are trimmed and unquoted; blank
    /// lines are skipped.
    /// </summary>
    public static IEnumerable<SourceRow> FromText(IEnumerable<(int Line, string Text)> lines)
    {
        char? delimiter = null;
        foreach (var (line, text) in lines)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            delimiter ??= text.Contains('|', StringComparison.Ordinal) ? '|' : '\t';

            var fields = text.Split(delimiter.Value);
            var cells = new List<XlsxCell>(fields.Length);
            for (var i = 0; i < fields.Length; i++)
            {
                var value = Unquote(fields[i].Trim());
                if (value.Length > 0)
                {
                    cells.Add(new XlsxCell(i + 1, value));
                }
            }

            yield return new SourceRow(new XlsxRow(line, cells), fields.Length);
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal).Trim() : value;
}
