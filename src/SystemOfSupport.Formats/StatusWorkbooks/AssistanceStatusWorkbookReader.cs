using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Text;
using SystemOfSupport.Formats.Xlsx;
using Status = SystemOfSupport.Core.Domain.AssistanceStatus;

namespace SystemOfSupport.Formats.StatusWorkbooks;

/// <summary>
/// Reads a district/COE assistance-status file (RULES.md §8): the state's workbook in every layout it has used (2017's
/// <c>.xls</c>, 2018's single sheet, 2019 and 2022 on), this tool's own xlsx, or its CSV. Columns are found by name,
/// case-insensitively and ignoring spaces and underscores, never by position; the header is the first row that names
/// both <c>CDS</c> and the LEA (<c>LEAname</c>, or 2017's <c>districtname</c>): row 6 in the state's workbooks, row 3
/// in 2018's, line 1 in CSV. <c>*</c> or an empty cell is blank. Any problem is an <see cref="InputFileException"/>
/// naming the file, the row and the column.
/// </summary>
public static partial class AssistanceStatusWorkbookReader
{
    /// <summary>The data sheet is the last one whose name starts with this (case-insensitive).</summary>
    public const string DataSheetPrefix = "District and COE";

    /// <summary>
    /// Without a <see cref="DataSheetPrefix"/> sheet, the data sheet is the only sheet, else the first whose header row
    /// (naming CDS and the LEA) is within this many rows of its top.
    /// </summary>
    public const int HeaderSearchRows = 50;

    /// <summary>Reads an <c>.xlsx</c> or <c>.xls</c> workbook or a <c>.csv</c> file, by extension.</summary>
    public static AssistanceStatusWorkbook Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        return extension switch
        {
            ".XLSX" or ".XLSM" => ReadXlsx(path),
            ".XLS" => ReadXls(path),
            ".CSV" => ReadCsv(path),
            _ => throw new InputFileException(path, null, null,
                $"unknown file type '{Path.GetExtension(path)}': expected an assistance-status workbook (.xlsx, or 2017's .xls) or CSV (.csv)"),
        };
    }

    /// <summary>
    /// Reads an xlsx workbook: its last "District and COE" sheet; failing that (2018's single-sheet workbook, sheet named
    /// e.g. "2018 LCFF LEA Eligibility"), its only sheet, or the first whose rows hold a header naming CDS and the LEA.
    /// </summary>
    public static AssistanceStatusWorkbook ReadXlsx(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var names = XlsxSheetReader.SheetNames(path);
        var sheet = ChooseSheet(path, names, name => XlsxSheetReader.ReadRows(path, name).Take(HeaderSearchRows).Select(r => r.Dense()));
        var rows = XlsxSheetReader.ReadRows(path, sheet.Name).Select(r => new SourceRow(r.RowNumber, r.Dense()));
        return new Parser(path, sheet, FileNameYear(path), strictWidth: false, Letters).Parse(rows);
    }

    /// <summary>
    /// Reads a legacy Excel 97–2003 (<c>.xls</c>, BIFF) workbook, the format of the state's 2017 file, with ExcelDataReader.
    /// The sheet is chosen as in <see cref="ReadXlsx"/>. Numbers become their shortest round-trip text (<c>2017</c>, not
    /// <c>2017.0</c>); dates become Excel serial numbers, as the xlsx reader leaves them.
    /// </summary>
    public static AssistanceStatusWorkbook ReadXls(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var sheets = LegacyWorkbook.ReadSheets(path);
        var byName = new Dictionary<string, IReadOnlyList<LegacyRow>>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var s in sheets)
        {
            // A damaged file could repeat a name: the first sheet of that name is the one read.
            if (byName.TryAdd(s.Name, s.Rows))
            {
                names.Add(s.Name);
            }
        }

        var sheet = ChooseSheet(path, names,
            name => byName[name].Take(HeaderSearchRows).Select(r => r.Values));
        var rows = byName[sheet.Name].Select(r => new SourceRow(r.RowNumber, r.Values));
        return new Parser(path, sheet, FileNameYear(path), strictWidth: false, Letters).Parse(rows);
    }

    /// <summary>Reads a CSV file written by <see cref="AssistanceStatusCsvWriter"/> (UTF-8, RFC 4180; a BOM is allowed).</summary>
    public static AssistanceStatusWorkbook ReadCsv(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using (var reader = StateTextEncoding.OpenReader(path, AssistanceStatusCsvWriter.Utf8NoBom))
        {
            try
            {
                // Text the writer guarded against formula injection reads back as written before the guard.
                var rows = CsvRecordReader.Read(reader, path).Select(r => new SourceRow(r.Line, [.. r.Fields.Select(CsvText.Restored)]));
                return new Parser(path, DataSheet.None, FileNameYear(path), strictWidth: true, FieldNumber).Parse(rows);
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


    /// <summary>Whether a row is a header: it names both CDS and the LEA.</summary>
    private static bool IsHeader(IReadOnlyList<string?> values) =>
        values.Any(v => AssistanceStatusColumns.Is(v, AssistanceStatusColumns.Cds)) && values.Any(AssistanceStatusColumns.IsLeaName);

    /// <summary>
    /// The last "District and COE" sheet, its year from its name; else the only sheet, else the first with a header row
    /// near its top. A fallback sheet's name may still carry a year ("2018 LCFF LEA Eligibility"), used only when the
    /// rows do not give one.
    /// </summary>
    private static DataSheet ChooseSheet(string path, IReadOnlyList<string> names, Func<string, IEnumerable<IReadOnlyList<string?>>> topRows)
    {
        var named = names.LastOrDefault(s => s.Trim().StartsWith(DataSheetPrefix, StringComparison.OrdinalIgnoreCase));
        if (named is not null)
        {
            var year = TrailingYear().Match(named) is { Success: true } m
                ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
                : (int?)null;
            return new DataSheet(named, year, null);
        }

        if (names.Count == 0)
        {
            throw new InputFileException(path, null, null, "the workbook has no sheets");
        }

        var chosen = names.Count == 1 ? names[0] : names.FirstOrDefault(name => topRows(name).Any(IsHeader))
            ?? throw new InputFileException(path, null, null,
                $"has no '{DataSheetPrefix} YYYY' sheet, and no sheet has a header row naming both '{AssistanceStatusColumns.Cds}' and "
                + $"'{AssistanceStatusColumns.LeaName}' in its first {HeaderSearchRows.ToString(CultureInfo.InvariantCulture)} rows; "
                + $"its sheets are: {string.Join(", ", names.Select(s => $"'{s}'"))}");
        return new DataSheet(chosen, null, NameYear(chosen));
    }

    /// <summary>The one year (2000–2099) a sheet name mentions, if exactly one.</summary>
    private static int? NameYear(string name)
    {
        var years = YearInName().Matches(name).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        return years.Count == 1 ? years[0] : null;
    }

    /// <summary><c>assistancestatus24.csv</c> → 2024.</summary>
    private static int? FileNameYear(string path) =>
        FileNameYearPattern().Match(Path.GetFileName(path)) is { Success: true } m
            ? 2000 + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"(\d{4})\s*$")]
    private static partial Regex TrailingYear();

    [GeneratedRegex(@"(?<!\d)20\d{2}(?!\d)")]
    private static partial Regex YearInName();

    [GeneratedRegex(@"^assistancestatus(\d{2})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex FileNameYearPattern();

    /// <summary>
    /// The sheet read: <paramref name="Year"/> from a "District and COE YYYY" name (it decides the report year), or
    /// <paramref name="NameYear"/> from another sheet's name (used only when the rows name no year).
    /// </summary>
    private sealed record DataSheet(string Name, int? Year, int? NameYear)
    {
        public static DataSheet None { get; } = new(string.Empty, null, null);
    }

    private sealed record SourceRow(int Line, IReadOnlyList<string?> Values)
    {
        public string? this[int index] => index < Values.Count ? Values[index] : null;

        public bool IsEmpty => Values.All(string.IsNullOrWhiteSpace);
    }

    private sealed class Parser(string file, DataSheet sheet, int? fileNameYear, bool strictWidth, Func<int, string> position)
    {
        private readonly Dictionary<StudentGroup, int> priorityColumns = [];
        private readonly SortedDictionary<int, int> statusColumns = [];
        private readonly SortedDictionary<int, int> methodColumns = [];
        private readonly SortedDictionary<int, int> level3Columns = [];
        private readonly Dictionary<string, int> columnIndex = new(StringComparer.OrdinalIgnoreCase);
        private List<string> columns = [];
        private int unnumberedStatusColumn = -1;

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
                var hasName = row.Values.Any(AssistanceStatusColumns.IsLeaName);
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
            if (unnumberedStatusColumn >= 0)
            {
                // 2017: Assistance_Status is the report year's status.
                if (statusColumns.TryGetValue(year, out var numbered))
                {
                    throw new InputFileException(file, header.Line, unnumberedStatusColumn + 1,
                        $"column '{columns[unnumberedStatusColumn]}' ({position(unnumberedStatusColumn + 1)}) and '{columns[numbered]}' "
                        + $"({position(numbered + 1)}) both give the status for the report year {year.ToString(CultureInfo.InvariantCulture)}");
                }

                statusColumns.Add(year, unnumberedStatusColumn);
            }

            var cdsColumn = Require(header, AssistanceStatusColumns.Cds, year);
            var nameColumn = Index(AssistanceStatusColumns.LeaName) is var n and >= 0 ? n
                : Require(header, AssistanceStatusColumns.DistrictName, year);
            if (!statusColumns.ContainsKey(year))
            {
                Require(header, AssistanceStatusColumns.Status(year), year);
            }
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

            return new AssistanceStatusWorkbook(year, sheet.Name, columns, rows)
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

                var key = AssistanceStatusColumns.Key(name);
                if (columnIndex.TryGetValue(key, out var previous))
                {
                    var same = string.Equals(columns[previous], name, StringComparison.OrdinalIgnoreCase) ? string.Empty : $" (as '{columns[previous]}')";
                    throw new InputFileException(file, header.Line, c + 1,
                        $"column '{name}' ({position(c + 1)}) appears twice; the first is {position(previous + 1)}{same}");
                }

                columnIndex.Add(key, c);
                columns.Add(name);
                if (AssistanceStatusColumns.IsUnnumberedStatus(name))
                {
                    unnumberedStatusColumn = c;
                }
                else if (AssistanceStatusColumns.TryParsePriorities(name, out var group))
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

        /// <summary>
        /// The "District and COE YYYY" sheet's year; else the first row's ReportYear; else the year another sheet's name
        /// mentions; else the file name's; else the latest AssistanceStatusYYYY column; else, with only 2017's unnumbered
        /// Assistance_Status, 2017.
        /// </summary>
        private int ReportYear(SourceRow header, List<SourceRow> dataRows)
        {
            if (sheet.Year is int fromSheet)
            {
                return fromSheet;
            }

            var reportYearColumn = ReportYearColumn();
            if (reportYearColumn >= 0 && dataRows.Count > 0 && Optional(dataRows[0], reportYearColumn) is { } text
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var fromColumn))
            {
                return fromColumn;
            }

            if (sheet.NameYear is int fromSheetName)
            {
                return fromSheetName;
            }

            if (fileNameYear is int fromName)
            {
                return fromName;
            }

            if (statusColumns.Count > 0)
            {
                return statusColumns.Last().Key;
            }

            if (unnumberedStatusColumn >= 0)
            {
                return AssistanceStatusColumns.UnnumberedStatusYear;
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
                    ? $" (the status for the report year {year.ToString(CultureInfo.InvariantCulture)}"
                        + (year == AssistanceStatusColumns.UnnumberedStatusYear ? $", or '{AssistanceStatusColumns.UnnumberedStatus}')" : ")")
                    : string.Empty;
                throw new InputFileException(file, header.Line, null,
                    $"missing required column '{name}'{why}; the header has: {string.Join(", ", columns)}");
            }

            return index;
        }

        private int Index(string name) => columnIndex.TryGetValue(AssistanceStatusColumns.Key(name), out var i) ? i : -1;

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
