using System.Globalization;
using System.Text.RegularExpressions;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.LocalIndicators;

/// <summary>Collects results across files, rejecting a second row for the same LEA × priority.</summary>
internal sealed class ResultCollector
{
    private readonly Dictionary<(CdsCode Cds, PriorityArea Priority), SourceRef> seen = [];

    public List<LocalIndicatorResult> Results { get; } = [];

    public void Add(LocalIndicatorResult result, int column)
    {
        if (seen.TryGetValue((result.Cds, result.Priority), out var earlier))
        {
            var where = earlier.File == result.Source.File ? $"line {earlier.Line}" : $"{earlier.File}, line {earlier.Line}";
            throw new InputFileException(
                result.Source.File,
                result.Source.Line,
                column,
                $"duplicate row for LEA {result.Cds} and priority {result.Priority.Number()}: it is already on {where}");
        }

        seen[(result.Cds, result.Priority)] = result.Source;
        Results.Add(result);
    }
}

/// <summary>The two row layouts: CDE's per-priority files (2019+) and the older one-file-a-year layout (2017, 2018).</summary>
internal static partial class LocalIndicatorLayouts
{
    public const string CdsCodeColumn = "cdsCode";
    public const string PriorityNumberColumn = "priorityNumber";
    public const string PerformanceColumn = "countyPerformance";
    public const string YearColumn = "year";

    public const string OldCdsColumn = "CDS";
    public const string OldIndicatorColumn = "LocalIndicator";
    public const string OldPerformanceColumn = "Performance";

    private const int HeaderSearchRows = 50;

    private static readonly string[] OldIndicatorLabels =
    [
        "Basic-Priority Area 1", "Academic-Priority Area 2", "Parents-Priority Area 3", "Climate-Priority Area 6",
        "Access-Priority Area 7", "Expelled-Priority Area 9", "FosterYouth-Priority Area 10",
    ];

    private static readonly Dictionary<string, int> OldIndicatorPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Basic"] = 1,
        ["Basics"] = 1,
        ["Academic"] = 2,
        ["Parents"] = 3,
        ["Parent"] = 3,
        ["Climate"] = 6,
        ["Access"] = 7,
        ["Expelled"] = 9,
        ["FosterYouth"] = 10,
    };

    private static readonly string LocalPriorityList = string.Join(", ", LocalIndicatorSet.AllLocalPriorities.Select(p => p.Number()));

    public enum Layout
    {
        /// <summary><c>PrNYYYY</c>: cdsCode, priorityNumber, countyPerformance, year.</summary>
        PerPriority,

        /// <summary><c>LocalIndPerfYYYY</c>: CDS, LocalIndicator, Performance.</summary>
        OneFileAYear,
    }

    /// <summary>Finds the header (the first row naming <c>cdsCode</c>, or <c>CDS</c> in the older layout) and which layout it is.</summary>
    public static (HeaderMap Header, Layout Layout) FindHeader(string file, IEnumerator<SourceRow> rows, Layout? expected)
    {
        var scanned = 0;
        while (scanned < HeaderSearchRows && rows.MoveNext())
        {
            scanned++;
            var row = rows.Current;
            if (HeaderMap.HasColumn(row, CdsCodeColumn) && expected != Layout.OneFileAYear)
            {
                return (HeaderMap.From(file, row), Layout.PerPriority);
            }

            if (HeaderMap.HasColumn(row, OldCdsColumn) && HeaderMap.HasColumn(row, OldIndicatorColumn) && expected != Layout.PerPriority)
            {
                return (HeaderMap.From(file, row), Layout.OneFileAYear);
            }
        }

        var wanted = expected == Layout.OneFileAYear ? $"'{OldCdsColumn}' and '{OldIndicatorColumn}'" : $"'{CdsCodeColumn}'";
        throw new InputFileException(
            file,
            scanned == 0 ? null : 1,
            null,
            scanned == 0 ? "is empty: no header row" : $"missing required column {wanted}: no header row in the first {scanned} rows names it");
    }

    /// <summary>Rows of a <c>PrNYYYY</c> file. <paramref name="fileYear"/> and <paramref name="filePriority"/> come from the file name when it follows CDE's naming.</summary>
    public static void ReadPerPriority(
        string file,
        HeaderMap header,
        IEnumerator<SourceRow> rows,
        int year,
        int? filePriority,
        ResultCollector collector)
    {
        var cdsColumn = header.Required(CdsCodeColumn);
        var priorityColumn = header.Required(PriorityNumberColumn);
        var performanceColumn = header.Required(PerformanceColumn);
        var yearColumn = header.Optional(YearColumn);

        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.Row.Cells.Count == 0)
            {
                continue;
            }

            header.CheckFieldCount(row);
            var line = row.Row.RowNumber;
            var cds = ParseCds(file, row, cdsColumn, CdsCodeColumn);
            var priority = ParsePriorityNumber(file, row, priorityColumn, filePriority);
            var performance = ParsePerformance(file, row, performanceColumn, PerformanceColumn, "Met, Not Met, Not Met For Two or More Years, NA");
            if (yearColumn is int yc)
            {
                CheckYear(file, row, yc, year);
            }

            collector.Add(new LocalIndicatorResult(cds, priority, performance, year, new SourceRef(file, line)), cdsColumn);
        }
    }

    /// <summary>Rows of a <c>LocalIndPerfYYYY.txt</c> file: performance as the file states it (Met / Not Met / NA).</summary>
    public static void ReadOneFileAYear(string file, HeaderMap header, IEnumerator<SourceRow> rows, int year, ResultCollector collector)
    {
        var cdsColumn = header.Required(OldCdsColumn);
        var indicatorColumn = header.Required(OldIndicatorColumn);
        var performanceColumn = header.Required(OldPerformanceColumn);

        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.Row.Cells.Count == 0)
            {
                continue;
            }

            header.CheckFieldCount(row);
            var cds = ParseCds(file, row, cdsColumn, OldCdsColumn);
            var priority = ParseOldIndicator(file, row, indicatorColumn);
            var performance = ParsePerformance(file, row, performanceColumn, OldPerformanceColumn, "Met, Not Met, NA");
            collector.Add(new LocalIndicatorResult(cds, priority, performance, year, new SourceRef(file, row.Row.RowNumber)), cdsColumn);
        }
    }

    private static CdsCode ParseCds(string file, SourceRow row, int column, string name)
    {
        var text = row.Row[column];
        if (CdsCode.TryParse(text, out var cds))
        {
            return cds;
        }

        var hint = text is not null && text.Length == CdsCode.Length - 1 && text.All(char.IsAsciiDigit)
            ? " (13 digits: was a leading zero lost to a spreadsheet?)"
            : string.Empty;
        throw new InputFileException(
            file,
            row.Row.RowNumber,
            column,
            text is null ? $"{name} is empty; expected a 14-digit CDS code" : $"{name} '{text}' is not a 14-digit CDS code{hint}");
    }

    private static PriorityArea ParsePriorityNumber(string file, SourceRow row, int column, int? filePriority)
    {
        var text = row.Row[column];
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            || value != decimal.Truncate(value)
            || !PriorityAreas.TryFromNumber((int)Math.Clamp(value, int.MinValue, int.MaxValue), out var priority))
        {
            throw new InputFileException(
                file,
                row.Row.RowNumber,
                column,
                text is null ? $"{PriorityNumberColumn} is empty; expected a priority number 1-10" : $"{PriorityNumberColumn} '{text}' is not a priority number 1-10");
        }

        if (!LocalIndicatorSet.AllLocalPriorities.Contains(priority))
        {
            throw new InputFileException(
                file,
                row.Row.RowNumber,
                column,
                $"{PriorityNumberColumn} {priority.Number()}: priority {priority.Number()} has no local indicator (local indicators are priorities {LocalPriorityList})");
        }

        if (filePriority is int n && n != priority.Number())
        {
            throw new InputFileException(
                file,
                row.Row.RowNumber,
                column,
                $"{PriorityNumberColumn} {priority.Number()} disagrees with the file name, which is for priority {n}");
        }

        return priority;
    }

    private static LocalPerformance ParsePerformance(string file, SourceRow row, int column, string name, string accepted)
    {
        var text = row.Row[column];
        if (LocalPerformances.TryParse(text, out var performance))
        {
            return performance;
        }

        throw new InputFileException(
            file,
            row.Row.RowNumber,
            column,
            text is null ? $"{name} is empty; expected one of: {accepted}" : $"unknown {name} '{text}'; expected one of: {accepted}");
    }

    private static void CheckYear(string file, SourceRow row, int column, int year)
    {
        var text = row.Row[column];
        if (text is null)
        {
            return;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new InputFileException(file, row.Row.RowNumber, column, $"{YearColumn} '{text}' is not a year");
        }

        if (value != year)
        {
            throw new InputFileException(file, row.Row.RowNumber, column, YearMismatch(value, year));
        }
    }

    public static string YearMismatch(int fileYear, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"file is for {fileYear}, --year is {year}");

    private static PriorityArea ParseOldIndicator(string file, SourceRow row, int column)
    {
        var text = row.Row[column];
        var match = text is null ? null : OldIndicatorPattern().Match(text);
        if (match is { Success: true }
            && int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && PriorityAreas.TryFromNumber(n, out var priority)
            && LocalIndicatorSet.AllLocalPriorities.Contains(priority)
            && (!match.Groups["name"].Success
                || !OldIndicatorPrefixes.TryGetValue(match.Groups["name"].Value.Trim(), out var named)
                || named == n))
        {
            return priority;
        }

        throw new InputFileException(
            file,
            row.Row.RowNumber,
            column,
            (text is null ? $"{OldIndicatorColumn} is empty" : $"unknown {OldIndicatorColumn} '{text}'")
                + $"; expected one of: {string.Join(", ", OldIndicatorLabels)}");
    }

    [GeneratedRegex(@"^\s*(?:(?<name>[A-Za-z ]+?)\s*-\s*)?Priority(?:\s+Area)?\s*(?<n>\d{1,2})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OldIndicatorPattern();
}
