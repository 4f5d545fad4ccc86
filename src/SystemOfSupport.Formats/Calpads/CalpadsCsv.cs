using System.Globalization;
using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Text;

namespace SystemOfSupport.Formats.Calpads;

/// <summary>
/// The rows of a CALPADS CSV file (data/calpads/README.md), checked by <see cref="CsvTable"/> (header by name, widths),
/// with typed cells — CDS code, school year, date — whose errors name the file, the line and the column.
/// </summary>
internal static class CalpadsCsv
{
    /// <summary>Reads every row after checking the header names each required column; a bad file yields nothing.</summary>
    public static IReadOnlyList<Row> Read(string path, IReadOnlyList<string> required, string layout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var reader = StateTextEncoding.OpenReader(path, StateTextEncoding.Utf8OrWindows1252);
        try
        {
            return Read(reader, path, required, layout);
        }
        catch (IOException ex)
        {
            throw new InputFileException(path, "cannot be read: " + ex.Message, ex);
        }
    }

    public static IReadOnlyList<Row> Read(TextReader reader, string file, IReadOnlyList<string> required, string layout)
    {
        var table = CsvTable.Open(reader, file, required, layout);
        return [.. table.Rows().Select(r => new Row(table, r.Line, r.Fields))];
    }

    /// <summary>One data row: its fields by column name, and errors that point at a cell.</summary>
    internal sealed class Row(CsvTable csv, int line, IReadOnlyList<string> fields)
    {
        public int Line => line;

        public SourceRef Source => new(csv.File, line);

        /// <summary>The trimmed field, or null when blank or the column is absent.</summary>
        public string? Text(string column) =>
            csv.IndexOf(column) is var i and >= 0 && fields[i].Trim() is { Length: > 0 } text ? text : null;

        public InputFileException Error(string column, string message) =>
            new(csv.File, line, csv.IndexOf(column) is var i and >= 0 ? i + 1 : null, message);

        public CdsCode Cds(string column)
        {
            var text = Text(column) ?? string.Empty;
            if (!CdsCode.TryParse(text, out var cds))
            {
                var hint = text is { Length: 13 } && text.All(char.IsAsciiDigit) ? " (13 digits: was a leading zero lost to a spreadsheet program?)" : string.Empty;
                throw Error(column, text.Length == 0
                    ? "the CDS code is blank: expected 14 digits (county 2, district 5, school 7)"
                    : $"'{text}' is not a CDS code: expected 14 digits (county 2, district 5, school 7){hint}");
            }

            return Core.Providers.Counties.TryGetOf(cds, out _)
                ? cds
                : throw Error(column, $"CDS {cds} begins with county code {cds.CountyCode}, which is not one of California's 58 (01 Alameda … 58 Yuba)");
        }

        public SchoolYear SchoolYear(string column)
        {
            var text = Text(column) ?? string.Empty;
            return Core.Calpads.SchoolYear.TryParse(text, out var year)
                ? year
                : throw Error(column, $"'{text}' is not a school year: expected the form 2024-25 (the second year following the first)");
        }

        /// <summary>A <c>yyyy-MM-dd</c> date, or null when blank.</summary>
        public DateOnly? Date(string column)
        {
            if (Text(column) is not { } text)
            {
                return null;
            }

            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Error(column, $"'{text}' is not a date: expected yyyy-MM-dd, such as 2025-01-24");
        }
    }
}
