using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Xlsx;
using Status = SystemOfSupport.Core.Domain.AssistanceStatus;

namespace SystemOfSupport.Formats.StatusWorkbooks;

/// <summary>
/// Reads a district/COE assistance-status file (RULES.md §8): the state's workbook (2019 and 2022 on), this tool's own
/// xlsx, or its CSV. Columns are found by name, case-insensitively, never by position; the header is the first row
/// that names both <c>CDS</c> and <c>LEAname</c> (row 6 in the state's workbooks, row 3 in 2018's, line 1 in CSV).
/// <c>*</c> or an empty cell is blank. Any problem is an <see cref="InputFileException"/> naming the file, the row
/// and the column.
/// </summary>
public static partial class AssistanceStatusWorkbookReader
{
    /// <summary>The data sheet is the last one whose name starts with this (case-insensitive).</summary>
    public const string DataSheetPrefix = "District and COE";

    /// <summary>Reads an <c>.xlsx</c> workbook or a <c>.csv</c> file, by extension.</summary>
    public static AssistanceStatusWorkbook Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        return extension switch
        {
            ".XLSX" or ".XLSM" => ReadXlsx(path),
            ".CSV" => ReadCsv(path),
            ".XLS" => throw new InputFileException(path, null, null,
                "the older .xls workbook format (2017) is not read yet; open it in a spreadsheet program and save it as .xlsx"),
            _ => throw new InputFileException(path, null, null,
                $"unknown file type '{Path.GetExtension(path)}': expected an assistance-status workbook (.xlsx) or CSV (.csv)"),
        };
    }

    /// <summary>Reads the last "District and COE" sheet of an xlsx workbook.</summary>
    public static AssistanceStatusWorkbook ReadXlsx(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var sheets = XlsxSheetReader.SheetNames(path);
        var sheet = sheets.LastOrDefault(s => s.Trim().StartsWith(DataSheetPrefix, StringComparison.OrdinalIgnoreCase))
            ?? throw new InputFileException(path, null, null,
                $"has no '{DataSheetPrefix} YYYY' sheet; its sheets are: {string.Join(", ", sheets.Select(s => $"'{s}'"))}");
        var sheetYear = TrailingYear().Match(sheet) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : (int?)null;
        var rows = XlsxSheetReader.ReadRows(path, sheet).Select(r => new SourceRow(r.RowNumber, Dense(r)));
        return new Parser(path, sheet, sheetYear, FileNameYear(path), strictWidth: false, Letters).Parse(rows);
    }

    /// <summary>Reads a CSV file written by <see cref="AssistanceStatusCsvWriter"/> (UTF-8, RFC 4180; a BOM is allowed).</summary>
    public static AssistanceStatusWorkbook ReadCsv(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, "cannot be opened: " + ex.Message, ex);
        }

        using (stream)
        using (var reader = new StreamReader(stream, AssistanceStatusCsvWriter.Utf8NoBom, detectEncodingFromByteOrderMarks: true))
        {
            try
            {
                var rows = CsvRecordReader.Read(reader, path).Select(r => new SourceRow(r.Line, r.Fields));
                return new Parser(path, string.Empty, null, FileNameYear(path), strictWidth: true, FieldNumber).Parse(rows);
            }
            catch (DecoderFallbackException ex)
            {
                throw new InputFileException(path, "is not UTF-8 text: " + ex.Message, ex);
            }
            catch (IOException ex)
            {
                throw new InputFileException(path, "cannot be read: " + ex.Message, ex);
            }
        }
    }

    private static string Letters(int column) => "column " + XlsxSheetReader.ColumnLetters(column);

    private static string FieldNumber(int column) => "field " + column.ToString(CultureInfo.InvariantCulture);

    private static string?[] Dense(XlsxRow row)
    {
        if (row.Cells.Count == 0)
        {
            return [];
        }

        var values = new string?[row.Cells[^1].Column];
        foreach (var cell in row.Cells)
        {
            values[cell.Column - 1] = cell.Text;
        }

        return values;
    }

    /// <summary><c>assistancestatus24.csv</c> → 2024.</summary>
    private static int? FileNameYear(string path) =>
        FileNameYearPattern().Match(Path.GetFileName(path)) is { Success: true } m
            ? 2000 + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"(\d{4})\s*$")]
    private static partial Regex TrailingYear();

    [GeneratedRegex(@"^assistancestatus(\d{2})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex FileNameYearPattern();

    private sealed record SourceRow(int Line, IReadOnlyList<string?> Values)
    {
        public string? this[int index] => index < Values.Count ? Values[index] : null;

        public bool IsEmpty => Values.All(string.IsNullOrWhiteSpace);
    }

    private sealed class Parser(string file, string sheet, int? sheetYear, int? fileNameYear, bool strictWidth, Func<int, string> position)
    {
        private readonly Dictionary<StudentGroup, int> priorityColumns = [];
        private readonly SortedDictionary<int, int> statusColumns = [];
        private readonly SortedDictionary<int, int> methodColumns = [];
        private readonly SortedDictionary<int, int> level3Columns = [];
        private readonly Dictionary<string, int> columnIndex = new(StringComparer.OrdinalIgnoreCase);
        private List<string> columns = [];

        public AssistanceStatusWorkbook Parse(IEnumerable<SourceRow> source)
        {
            var notes = new List<string>();
            SourceRow? header = null;
            (int Line, string Found, string Missing)? partialHeader = null;
            var dataRows = new List<SourceRow>();
            foreach (var row in source)
            {
                if (header is not null)
                {
                    if (!row.IsEmpty)
                    {
                        dataRows.Add(row);
                    }

                    continue;
                }

                var hasCds = row.Values.Any(v => AssistanceStatusColumns.Is(v, AssistanceStatusColumns.Cds));
                var hasName = row.Values.Any(v => AssistanceStatusColumns.Is(v, AssistanceStatusColumns.LeaName));
                if (hasCds && hasName)
                {
                    header = row;
                    continue;
                }

                if ((hasCds || hasName) && partialHeader is null)
                {
                    partialHeader = hasCds
                        ? (row.Line, AssistanceStatusColumns.Cds, AssistanceStatusColumns.LeaName)
                        : (row.Line, AssistanceStatusColumns.LeaName, AssistanceStatusColumns.Cds);
                }

                if (row.Values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } note)
                {
                    notes.Add(note);
                }
            }

            if (header is null)
            {
                throw partialHeader is { } p
                    ? new InputFileException(file, p.Line, null,
                        $"missing required column '{p.Missing}' (the header row names '{p.Found}' but not '{p.Missing}')")
                    : new InputFileException(file, null, null,
                        $"missing required columns '{AssistanceStatusColumns.Cds}' and '{AssistanceStatusColumns.LeaName}': no row names both");
            }

            ReadHeader(header);
            var year = ReportYear(header, dataRows);
            var required = AssistanceStatusColumns.Status(year);
            var cdsColumn = Require(header, AssistanceStatusColumns.Cds, year);
            var nameColumn = Require(header, AssistanceStatusColumns.LeaName, year);
            Require(header, required, year);
            var level3Column = level3Columns.TryGetValue(year, out var l3) ? l3
                : level3Columns.Count > 0 ? level3Columns.Last().Value
                : -1;

            var rows = new List<AssistanceHistoryRow>(dataRows.Count);
            var cells = new List<IReadOnlyList<string>>(dataRows.Count);
            var seen = new Dictionary<CdsCode, int>();
            foreach (var row in dataRows)
            {
                if (strictWidth && row.Values.Count != columns.Count)
                {
                    throw new InputFileException(file, row.Line, null,
                        $"expected {columns.Count} fields (one per header column), found {row.Values.Count}");
                }

                var cds = ParseCds(row, cdsColumn);
                if (seen.TryGetValue(cds, out var earlier))
                {
                    throw Error(row, cdsColumn, $"duplicate CDS {cds}: already on row {earlier.ToString(CultureInfo.InvariantCulture)}");
                }

                seen.Add(cds, row.Line);
                var leaName = Optional(row, nameColumn) ?? throw Error(row, nameColumn, "the LEA name is blank");
                rows.Add(new AssistanceHistoryRow(
                    cds,
                    leaName,
                    Optional(row, Index(AssistanceStatusColumns.CityName)),
                    Optional(row, Index(AssistanceStatusColumns.CountyName)),
                    Optional(row, Index(AssistanceStatusColumns.GradeSpan)),
                    RowReportYear(row, year),
                    Letters(row),
                    Total(row),
                    Statuses(row),
                    Methods(row),
                    level3Column >= 0 ? YesNo(row, level3Column) : null,
                    new SourceRef(file, row.Line)));
                var text = new string[columns.Count];
                for (var c = 0; c < text.Length; c++)
                {
                    text[c] = AssistanceStatusTable.CellText(row[c]);
                }

                cells.Add(text);
            }

            return new AssistanceStatusWorkbook(year, sheet, columns, rows)
            {
                HeaderRow = header.Line,
                Notes = notes,
                Cells = cells,
            };
        }

        private void ReadHeader(SourceRow header)
        {
            var last = header.Values.Count - 1;
            while (last >= 0 && string.IsNullOrWhiteSpace(header.Values[last]))
            {
                last--;
            }

            columns = new List<string>(last + 1);
            for (var c = 0; c <= last; c++)
            {
                var name = header.Values[c]?.Trim();
                if (string.IsNullOrEmpty(name))
                {
                    throw new InputFileException(file, header.Line, c + 1,
                        $"the header cell in {position(c + 1)} is empty; every column needs a name");
                }

                if (columnIndex.TryGetValue(name, out var previous))
                {
                    throw new InputFileException(file, header.Line, c + 1,
                        $"column '{name}' ({position(c + 1)}) appears twice; the first is {position(previous + 1)}");
                }

                columnIndex.Add(name, c);
                columns.Add(name);
                if (AssistanceStatusColumns.TryParsePriorities(name, out var group))
                {
                    AddUnique(priorityColumns, group, c, header, name);
                }
                else if (AssistanceStatusColumns.TryParseStatus(name, out var statusYear))
                {
                    AddUnique(statusColumns, statusYear, c, header, name);
                }
                else if (AssistanceStatusColumns.TryParseMetMethod(name, out var method))
                {
                    AddUnique(methodColumns, method, c, header, name);
                }
                else if (AssistanceStatusColumns.TryParseEc52072(name, out var level3Year))
                {
                    AddUnique(level3Columns, level3Year, c, header, name);
                }
            }
        }

        private void AddUnique<TKey>(IDictionary<TKey, int> map, TKey key, int column, SourceRow header, string name)
            where TKey : notnull
        {
            if (map.TryGetValue(key, out var previous))
            {
                throw new InputFileException(file, header.Line, column + 1,
                    $"column '{name}' ({position(column + 1)}) repeats '{columns[previous]}' ({position(previous + 1)})");
            }

            map.Add(key, column);
        }

        /// <summary>The sheet name's year, else the first row's ReportYear, else the file name's, else the latest status column.</summary>
        private int ReportYear(SourceRow header, List<SourceRow> dataRows)
        {
            if (sheetYear is int fromSheet)
            {
                return fromSheet;
            }

            var reportYearColumn = ReportYearColumn();
            if (reportYearColumn >= 0 && dataRows.Count > 0 && Optional(dataRows[0], reportYearColumn) is { } text
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var fromColumn))
            {
                return fromColumn;
            }

            if (fileNameYear is int fromName)
            {
                return fromName;
            }

            if (statusColumns.Count > 0)
            {
                return statusColumns.Last().Key;
            }

            throw new InputFileException(file, header.Line, null,
                "cannot tell the report year: no year in the sheet or file name, no ReportYear value, and no AssistanceStatusYYYY column");
        }

        private int Require(SourceRow header, string name, int year)
        {
            var index = Index(name);
            if (index < 0)
            {
                var why = name == AssistanceStatusColumns.Status(year)
                    ? $" (the status for the report year {year.ToString(CultureInfo.InvariantCulture)})"
                    : string.Empty;
                throw new InputFileException(file, header.Line, null,
                    $"missing required column '{name}'{why}; the header has: {string.Join(", ", columns)}");
            }

            return index;
        }

        private int Index(string name) => columnIndex.TryGetValue(name, out var i) ? i : -1;

        /// <summary><c>ReportYear</c>, or <c>ReportingYear</c> as the state's Record Layout sheets spell it.</summary>
        private int ReportYearColumn() => Index(AssistanceStatusColumns.ReportYear) is var i and >= 0 ? i : Index("ReportingYear");

        private CdsCode ParseCds(SourceRow row, int column)
        {
            var text = row[column]?.Trim();
            if (CdsCode.TryParse(text, out var cds))
            {
                return cds;
            }

            var hint = text is { Length: 13 } && text.All(char.IsAsciiDigit)
                ? " (13 digits: was a leading zero lost to a spreadsheet program?)"
                : string.Empty;
            throw Error(row, column, string.IsNullOrEmpty(text)
                ? "the CDS code is blank"
                : $"'{text}' is not a 14-digit CDS code{hint}");
        }

        private int RowReportYear(SourceRow row, int year)
        {
            var column = ReportYearColumn();
            if (column < 0 || Optional(row, column) is not { } text)
            {
                return year;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw Error(row, column, $"'{text}' is not a year");
            }

            if (value != year)
            {
                throw Error(row, column, $"ReportYear {text} does not match the file's report year {year.ToString(CultureInfo.InvariantCulture)}");
            }

            return value;
        }

        private Dictionary<StudentGroup, string> Letters(SourceRow row)
        {
            var letters = new Dictionary<StudentGroup, string>();
            foreach (var (group, column) in priorityColumns)
            {
                if (Optional(row, column) is not { } text)
                {
                    continue;
                }

                if (text.Length != 1 || char.ToUpperInvariant(text[0]) is < 'A' or > 'K')
                {
                    throw Error(row, column, $"unknown priority letter '{text}': expected one of A–K, or * for none");
                }

                letters.Add(group, text.ToUpperInvariant());
            }

            return letters;
        }

        private int? Total(SourceRow row)
        {
            var column = Index(AssistanceStatusColumns.TotalStudentGroups);
            if (column < 0 || Optional(row, column) is not { } text)
            {
                return null;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var total)
                ? total
                : throw Error(row, column, $"'{text}' is not a count of student groups");
        }

        private Dictionary<int, Status> Statuses(SourceRow row)
        {
            var statuses = new Dictionary<int, Status>();
            foreach (var (statusYear, column) in statusColumns)
            {
                if (Optional(row, column) is not { } text)
                {
                    continue;
                }

                if (!AssistanceStatuses.TryParse(text, out var status))
                {
                    throw Error(row, column,
                        $"unknown assistance status '{text}': expected General Assistance, Differentiated Assistance, "
                        + "Differentiated Assistance, Year 1 or Year 2 (2017: General/Differentiated Support), or * for blank");
                }

                statuses.Add(statusYear, status);
            }

            return statuses;
        }

        private Dictionary<int, bool> Methods(SourceRow row)
        {
            var methods = new Dictionary<int, bool>();
            foreach (var (method, column) in methodColumns)
            {
                if (YesNo(row, column) is bool met)
                {
                    methods.Add(method, met);
                }
            }

            return methods;
        }

        private bool? YesNo(SourceRow row, int column) => Optional(row, column)?.ToUpperInvariant() switch
        {
            null => null,
            "Y" or "YES" => true,
            "N" or "NO" => false,
            _ => throw Error(row, column, $"'{Optional(row, column)}' is not Y or N (or * for blank)"),
        };

        /// <summary>A cell's trimmed text, or null when the column is absent or the cell is empty or <c>*</c>.</summary>
        private static string? Optional(SourceRow row, int column)
        {
            if (column < 0)
            {
                return null;
            }

            var text = row[column]?.Trim();
            return string.IsNullOrEmpty(text) || text == AssistanceStatusColumns.Blank ? null : text;
        }

        private InputFileException Error(SourceRow row, int column, string message) =>
            new(file, row.Line, column + 1, $"{columns[column]} ({position(column + 1)}): {message}");
    }
}
