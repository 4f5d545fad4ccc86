using System.Globalization;
using System.Text.RegularExpressions;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Funding;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Text;
using SystemOfSupport.Formats.Xlsx;

namespace SystemOfSupport.Formats.Funding;

/// <summary>
/// Reads a charter school assistance-status file: this tool's <c>charterassistanceYY.csv</c> or <c>.xlsx</c>
/// (<c>CharterTableBuilder</c>), or a file in the same style. Only what funding needs is read: <c>CDS</c>, the school's
/// name (<c>SchoolName</c>, or <c>LEAname</c>) and the report year's <c>AssistanceStatusYYYY</c>. The header is the
/// first row naming CDS (row 6 in a workbook, line 1 in CSV). Columns are found by name, as in the district file.
/// Any problem is an <see cref="InputFileException"/> naming the file, the row and the column.
/// </summary>
public static partial class CharterAssistanceReader
{
    public const string SchoolNameColumn = "SchoolName";

    /// <summary>This tool's charter files are named <c>charterassistanceYY</c> and their data sheet <c>Charter YYYY</c>.</summary>
    public static bool IsCharterReport(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.GetFileName(path).StartsWith("charterassistance", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is ".XLSX" or ".XLSM")
        {
            return XlsxSheetReader.SheetNames(path).Any(s => CharterSheet().IsMatch(s.Trim()));
        }

        if (extension == ".CSV")
        {
            using var reader = StateTextEncoding.OpenReader(path);
            var header = CsvRecordReader.Read(reader, path).FirstOrDefault().Fields ?? [];
            return header.Any(h => AssistanceStatusColumns.Is(h, SchoolNameColumn)) && !header.Any(AssistanceStatusColumns.IsLeaName);
        }

        return false;
    }

    public static AssistanceReport Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is ".XLSX" or ".XLSM")
        {
            var sheets = XlsxSheetReader.SheetNames(path);
            var sheet = sheets.LastOrDefault(s => CharterSheet().IsMatch(s.Trim())) ?? (sheets.Count > 0 ? sheets[0] : null)
                ?? throw new InputFileException(path, null, null, "the workbook has no sheets");
            return Parse(path, XlsxSheetReader.ReadRows(path, sheet).Select(r => (r.RowNumber, (IReadOnlyList<string?>)r.Dense())), column => "column " + XlsxSheetReader.ColumnLetters(column));
        }

        if (extension != ".CSV")
        {
            throw new InputFileException(path, null, null, $"unknown file type '{Path.GetExtension(path)}': expected a charter assistance file (.csv or .xlsx)");
        }

        using var reader = StateTextEncoding.OpenReader(path);
        try
        {
            return Parse(path, CsvRecordReader.Read(reader, path).Select(r => (r.Line, (IReadOnlyList<string?>)r.Fields)), column => "field " + column.ToString(CultureInfo.InvariantCulture));
        }
        catch (IOException ex)
        {
            throw new InputFileException(path, "cannot be read: " + ex.Message, ex);
        }
    }

    private static AssistanceReport Parse(string file, IEnumerable<(int Line, IReadOnlyList<string?> Values)> source, Func<int, string> position)
    {
        IReadOnlyList<string?>? header = null;
        var rows = new List<ReportedStatus>();
        var seen = new Dictionary<CdsCode, int>();
        int cdsColumn = -1, nameColumn = -1, statusColumn = -1, year = 0;
        foreach (var (line, values) in source)
        {
            if (header is null)
            {
                if (values.Any(v => AssistanceStatusColumns.Is(v, AssistanceStatusColumns.Cds)))
                {
                    header = values;
                    (cdsColumn, nameColumn, statusColumn, year) = Columns(file, line, values);
                }

                continue;
            }

            if (values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string? Cell(int c) => c < values.Count && values[c]?.Trim() is { Length: > 0 } t && t != AssistanceStatusColumns.Blank ? t : null;
            InputFileException Error(int c, string message) => new(file, line, c + 1, $"{header[c]} ({position(c + 1)}): {message}");

            var text = Cell(cdsColumn);
            if (!CdsCode.TryParse(text, out var cds))
            {
                throw Error(cdsColumn, text is null ? "the CDS code is blank" : $"'{text}' is not a 14-digit CDS code");
            }

            if (!seen.TryAdd(cds, line))
            {
                throw Error(cdsColumn, $"duplicate CDS {cds}: already on row {seen[cds].ToString(CultureInfo.InvariantCulture)}");
            }

            AssistanceStatus? status = null;
            if (Cell(statusColumn) is { } statusText)
            {
                status = AssistanceStatuses.TryParse(statusText, out var s)
                    ? s
                    : throw Error(statusColumn, $"unknown assistance status '{statusText}': expected Differentiated Assistance or General Assistance, or * for blank");
            }

            rows.Add(new ReportedStatus(cds, Cell(nameColumn) ?? cds.Value, status, new SourceRef(file, line)));
        }

        if (header is null)
        {
            throw new InputFileException(file, null, null, $"missing required column '{AssistanceStatusColumns.Cds}': no row names it");
        }

        return new AssistanceReport(ReportKind.Charter, year, rows, Path.GetFileName(file));
    }

    /// <summary>CDS, the name, and the report year's status column: the one <c>AssistanceStatusYYYY</c> column there is (the latest if several).</summary>
    private static (int Cds, int Name, int Status, int Year) Columns(string file, int line, IReadOnlyList<string?> header)
    {
        int Find(Func<string?, bool> match) => header.Select((h, i) => (h, i)).Where(x => match(x.h)).Select(x => x.i).DefaultIfEmpty(-1).First();
        var cds = Find(h => AssistanceStatusColumns.Is(h, AssistanceStatusColumns.Cds));
        var name = Find(h => AssistanceStatusColumns.Is(h, SchoolNameColumn));
        name = name >= 0 ? name : Find(AssistanceStatusColumns.IsLeaName);
        var statuses = new List<(int Year, int Index)>();
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] is { } h && AssistanceStatusColumns.TryParseStatus(h, out var y))
            {
                statuses.Add((y, i));
            }
        }

        if (name < 0)
        {
            throw new InputFileException(file, line, null, $"missing required column '{SchoolNameColumn}' (or '{AssistanceStatusColumns.LeaName}'); the header has: {string.Join(", ", header)}");
        }

        if (statuses.Count == 0)
        {
            throw new InputFileException(file, line, null, $"missing required column 'AssistanceStatusYYYY' (the report year's status); the header has: {string.Join(", ", header)}");
        }

        var latest = statuses.MaxBy(s => s.Year);
        return (cds, name, latest.Index, latest.Year);
    }


    [GeneratedRegex(@"^Charter\s+\d{4}$", RegexOptions.IgnoreCase)]
    private static partial Regex CharterSheet();
}
