using System.Globalization;
using System.Text.RegularExpressions;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Essa;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Text;
using SystemOfSupport.Formats.Xlsx;

namespace SystemOfSupport.Formats.Essa;

/// <summary>One ESSA assistance file as read: every school row's designation for every status year the file carries.</summary>
/// <param name="Sheet">The data sheet's name (null for CSV).</param>
/// <param name="ReportingYear">The file's <c>ReportingYear</c> (<c>RepYr</c> in 2018).</param>
/// <param name="HeaderRow">The header's row (xlsx) or line (CSV).</param>
/// <param name="StatusYears">The years of its <c>AssistanceStatusYYYY</c> columns, ascending.</param>
/// <param name="SchoolRows">How many school rows it has (each gives one designation per status year).</param>
/// <param name="Designations">Row by row, each row's years ascending.</param>
/// <param name="Notes">The note rows above the header and below the data (a title, "California Department of Education", a date).</param>
public sealed record EssaAssistanceFile(
    string Path,
    string? Sheet,
    int ReportingYear,
    int HeaderRow,
    IReadOnlyList<int> StatusYears,
    int SchoolRows,
    IReadOnlyList<SchoolDesignation> Designations,
    IReadOnlyList<string> Notes);

/// <summary>
/// Reads the state's ESSA school-designation files (RULES.md §5): <c>essaassistanceYY.xlsx</c> (2022 on),
/// <c>essaassistancestudentgroup19.xlsx</c> and the 2018 <c>sch_eligibility_state_sg.csv</c>. Columns are found by
/// name, case-insensitively, never by position: <c>cds</c>, <c>schoolname</c>, <c>districtname</c>, <c>countyname</c>,
/// <c>Charter</c>, every <c>AssistanceStatusYYYY</c>, <c>Exit</c> and <c>ReportingYear</c> (the 2018 file: <c>CDS</c>,
/// <c>School</c>, <c>District</c>, <c>County</c>, <c>AssistanceStatus</c>, <c>RepYr</c>). The header is the first row
/// naming at least three of them (row 3 in the workbooks, line 1 in the CSV), on the first sheet that has one (so the
/// "Record Layout" sheet is passed over). A row with a single filled cell is a note. Any problem is an
/// <see cref="InputFileException"/> naming the file, the row and the column.
/// </summary>
public static partial class EssaAssistanceReader
{
    public const string CdsColumn = "cds";
    public const string SchoolNameColumn = "schoolname";
    public const string DistrictNameColumn = "districtname";
    public const string CountyNameColumn = "countyname";
    public const string CharterColumn = "Charter";
    public const string StatusColumnPrefix = "AssistanceStatus";
    public const string ExitColumn = "Exit";
    public const string ReportingYearColumn = "ReportingYear";

    /// <summary>The 2018 CSV's names for the same columns.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["School"] = SchoolNameColumn,
        ["District"] = DistrictNameColumn,
        ["County"] = CountyNameColumn,
        ["RepYr"] = ReportingYearColumn,
    };

    private static readonly string[] KnownColumns =
        [CdsColumn, SchoolNameColumn, DistrictNameColumn, CountyNameColumn, CharterColumn, ExitColumn, ReportingYearColumn];

    /// <summary>A header names at least this many known columns; the Record Layout sheet's rows name one each.</summary>
    private const int HeaderMinimumKnownColumns = 3;

    /// <summary>Reads an <c>.xlsx</c> workbook or a <c>.csv</c> file, by extension.</summary>
    public static EssaAssistanceFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".XLSX" or ".XLSM" => ReadXlsx(path),
            ".CSV" => ReadCsv(path),
            _ => throw new InputFileException(path, null, null,
                $"unknown file type '{Path.GetExtension(path)}': expected an ESSA assistance workbook (.xlsx) or the 2018 CSV (.csv)"),
        };
    }

    /// <summary>Reads the first sheet with an ESSA header row.</summary>
    public static EssaAssistanceFile ReadXlsx(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var sheets = XlsxSheetReader.SheetNames(path);
        foreach (var sheet in sheets)
        {
            var rows = XlsxSheetReader.ReadRows(path, sheet).Select(r => new SourceRow(r.RowNumber, r.Dense()));
            if (new Parser(path, sheet, XlsxSheetReader.ColumnLetters).Parse(rows) is { } file)
            {
                return file;
            }
        }

        throw NoHeader(path, $"no sheet has a header row naming the ESSA columns ({HeaderHint}); its sheets are: {string.Join(", ", sheets.Select(s => $"'{s}'"))}");
    }

    /// <summary>Reads the 2018 layout's CSV: RFC 4180, UTF-8 or Windows-1252 (as the state published it).</summary>
    public static EssaAssistanceFile ReadCsv(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using (var reader = StateTextEncoding.OpenReader(path, StateTextEncoding.Utf8OrWindows1252))
        {
            try
            {
                var rows = CsvRecordReader.Read(reader, path).Select(r => new SourceRow(r.Line, r.Fields));
                return new Parser(path, null, FieldNumber).Parse(rows)
                    ?? throw NoHeader(path, $"no header row naming the ESSA columns ({HeaderHint})");
            }
            catch (IOException ex)
            {
                throw new InputFileException(path, "cannot be read: " + ex.Message, ex);
            }
        }
    }

    private static string HeaderHint => $"{CdsColumn}, {SchoolNameColumn}, {DistrictNameColumn}, {StatusColumnPrefix}YYYY, {ExitColumn}, {ReportingYearColumn}";

    private static InputFileException NoHeader(string path, string message) => new(path, null, null, message);

    private static string FieldNumber(int column) => $"field {column.ToString(CultureInfo.InvariantCulture)}";


    [GeneratedRegex(@"^AssistanceStatus(\d{4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex StatusColumnPattern();

    private sealed record SourceRow(int Line, IReadOnlyList<string?> Values)
    {
        public string? this[int index] => index < Values.Count ? Values[index] : null;

        public int Filled => Values.Count(v => !string.IsNullOrWhiteSpace(v));
    }

    private sealed class Parser(string file, string? sheet, Func<int, string> position)
    {
        private readonly Dictionary<string, int> columnIndex = new(StringComparer.OrdinalIgnoreCase);
        private readonly SortedDictionary<int, int> statusColumns = [];
        private readonly List<string> columns = [];
        private int undatedStatusColumn = -1;

        /// <summary>The file, or null when no row is a header (so the next sheet is tried).</summary>
        public EssaAssistanceFile? Parse(IEnumerable<SourceRow> source)
        {
            var notes = new List<string>();
            SourceRow? header = null;
            var dataRows = new List<SourceRow>();
            foreach (var row in source)
            {
                var filled = row.Filled;
                if (filled == 0)
                {
                    continue;
                }

                var first = row.Values.First(v => !string.IsNullOrWhiteSpace(v))!.Trim();
                if (header is null)
                {
                    if (KnownNames(row) >= HeaderMinimumKnownColumns)
                    {
                        header = row;
                    }
                    else
                    {
                        notes.Add(first);
                    }
                }
                else if (filled == 1 && !CdsCode.TryParse(first, out _))
                {
                    // The footer: "California Department of Education" and the publication date.
                    notes.Add(first);
                }
                else
                {
                    dataRows.Add(row);
                }
            }

            if (header is null)
            {
                return null;
            }

            ReadHeader(header);
            var cds = Require(header, CdsColumn);
            var schoolName = Require(header, SchoolNameColumn);
            var districtName = Require(header, DistrictNameColumn);
            var county = Index(CountyNameColumn);
            var charter = Index(CharterColumn);
            var reportingYearColumn = Require(header, ReportingYearColumn);
            var reportingYear = ReportingYear(header, dataRows, reportingYearColumn);
            if (undatedStatusColumn >= 0)
            {
                // The 2018 file's one status column is the reporting year's.
                AddStatusColumn(header, reportingYear, undatedStatusColumn);
            }

            if (!statusColumns.ContainsKey(reportingYear))
            {
                throw new InputFileException(file, header.Line, null,
                    $"missing required column '{StatusColumnPrefix}{Text(reportingYear)}' (the designations of the reporting year {Text(reportingYear)}); the header has: {string.Join(", ", columns)}");
            }

            // The first year has nothing to exit from; every later file says who left CSI or ATSI.
            var exit = reportingYear > EssaSettings.FirstStatusYear ? Require(header, ExitColumn) : Index(ExitColumn);

            var designations = new List<SchoolDesignation>(dataRows.Count * statusColumns.Count);
            var seen = new Dictionary<CdsCode, int>();
            foreach (var row in dataRows)
            {
                var school = ParseCds(row, cds);
                if (seen.TryGetValue(school, out var earlier))
                {
                    throw Error(row, cds, $"school {school} is listed twice (first on row {Text(earlier)}): one row per school per year");
                }

                seen.Add(school, row.Line);
                var name = Required(row, schoolName, "the school name");
                var isCharter = charter >= 0 ? ParseCharter(row, charter) : (bool?)null;
                var lea = isCharter == true ? school : CdsCode.FromCdCode(school.CdCode);
                var leaName = isCharter == true ? name : Required(row, districtName, "the district name");
                var countyName = county >= 0 ? Optional(row, county) : null;
                var rowYear = ParseYear(row, reportingYearColumn);
                if (rowYear != reportingYear)
                {
                    throw Error(row, reportingYearColumn, $"{Text(rowYear)} differs from the file's reporting year {Text(reportingYear)} (row {Text(dataRows[0].Line)})");
                }

                var exitValue = exit >= 0 ? ParseExit(row, exit) : (EssaExit?)null;
                var origin = new SourceRef(file, row.Line);
                foreach (var (year, column) in statusColumns)
                {
                    designations.Add(new SchoolDesignation(
                        school, lea, name, leaName, countyName, isCharter, year, ParseStatus(row, column),
                        year == reportingYear ? exitValue : null, reportingYear, origin));
                }
            }

            return new EssaAssistanceFile(file, sheet, reportingYear, header.Line, [.. statusColumns.Keys], dataRows.Count, designations, notes);
        }

        private static int KnownNames(SourceRow row) =>
            row.Values.Count(v => v is not null && (KnownColumns.Contains(Canonical(v), StringComparer.OrdinalIgnoreCase) || StatusColumnPattern().IsMatch(v.Trim())));

        private static string Canonical(string name)
        {
            var trimmed = name.Trim();
            return Aliases.TryGetValue(trimmed, out var canonical) ? canonical : trimmed;
        }

        private void ReadHeader(SourceRow header)
        {
            for (var c = 0; c < header.Values.Count; c++)
            {
                var raw = header.Values[c]?.Trim();
                columns.Add(raw ?? string.Empty);
                if (string.IsNullOrEmpty(raw))
                {
                    continue;
                }

                var name = Canonical(raw);
                if (columnIndex.TryGetValue(name, out var previous))
                {
                    throw new InputFileException(file, header.Line, c + 1,
                        $"column '{raw}' ({position(c + 1)}) repeats '{columns[previous]}' ({position(previous + 1)})");
                }

                columnIndex.Add(name, c);
                if (StatusColumnPattern().Match(name) is { Success: true } m)
                {
                    if (m.Groups[1].Success)
                    {
                        AddStatusColumn(header, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), c);
                    }
                    else
                    {
                        undatedStatusColumn = c;
                    }
                }
            }
        }

        private void AddStatusColumn(SourceRow header, int year, int column)
        {
            if (statusColumns.TryGetValue(year, out var previous))
            {
                throw new InputFileException(file, header.Line, column + 1,
                    $"column '{columns[column]}' ({position(column + 1)}) and '{columns[previous]}' ({position(previous + 1)}) both hold the {Text(year)} designations");
            }

            statusColumns.Add(year, column);
        }

        private int Index(string name) => columnIndex.TryGetValue(name, out var i) ? i : -1;

        private int Require(SourceRow header, string name)
        {
            var index = Index(name);
            if (index < 0)
            {
                throw new InputFileException(file, header.Line, null,
                    $"missing required column '{name}'; the header has: {string.Join(", ", columns.Where(c => c.Length > 0))}");
            }

            return index;
        }

        /// <summary>The first school row's <c>ReportingYear</c>; with no school rows, the latest status column's year.</summary>
        private int ReportingYear(SourceRow header, List<SourceRow> dataRows, int column)
        {
            if (dataRows.Count > 0)
            {
                return ParseYear(dataRows[0], column);
            }

            return statusColumns.Count > 0
                ? statusColumns.Keys.Max()
                : throw new InputFileException(file, header.Line, null, "has no school rows and no AssistanceStatusYYYY column: cannot tell its year");
        }

        private int ParseYear(SourceRow row, int column)
        {
            var text = Required(row, column, "the reporting year");
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= EssaSettings.FirstStatusYear
                ? year
                : throw Error(row, column, $"'{text}' is not a reporting year (2018 or later)");
        }

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
            throw Error(row, column, string.IsNullOrEmpty(text) ? "the CDS code is blank" : $"'{text}' is not a 14-digit CDS code{hint}");
        }

        private EssaStatus ParseStatus(SourceRow row, int column)
        {
            var text = Optional(row, column);
            return EssaStatuses.TryParse(text, out var status)
                ? status
                : throw Error(row, column, (text is null ? "the designation is blank" : $"unknown ESSA designation '{text}'")
                    + $"; expected one of: {string.Join(", ", EssaStatuses.AcceptedLabels.Select(l => $"'{l}'"))}");
        }

        private EssaExit ParseExit(SourceRow row, int column)
        {
            var text = Optional(row, column);
            return EssaStatuses.TryParseExit(text, out var exit)
                ? exit
                : throw Error(row, column, (text is null ? "the exit value is blank" : $"unknown exit value '{text}'")
                    + $"; expected one of: {string.Join(", ", EssaStatuses.AcceptedExitLabels.Select(l => $"'{l}'"))}");
        }

        /// <summary>DF (direct-funded) or LF (locally funded) is a charter; <c>*</c> or blank is not.</summary>
        private bool ParseCharter(SourceRow row, int column) => Optional(row, column)?.ToUpperInvariant() switch
        {
            null or "*" => false,
            "DF" or "LF" => true,
            _ => throw Error(row, column, $"unknown charter flag '{Optional(row, column)}'; expected 'DF', 'LF', or '*' (or blank) for a school that is not a charter"),
        };

        private string Required(SourceRow row, int column, string what) =>
            Optional(row, column) ?? throw Error(row, column, what + " is blank");

        private static string? Optional(SourceRow row, int column)
        {
            var text = row[column]?.Trim();
            return string.IsNullOrEmpty(text) ? null : text;
        }

        private InputFileException Error(SourceRow row, int column, string message) =>
            new(file, row.Line, column + 1, $"{columns[column]} ({position(column + 1)}): {message}");

        private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
