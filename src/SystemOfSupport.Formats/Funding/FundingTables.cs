using System.Globalization;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Funding;
using SystemOfSupport.Formats.StatusWorkbooks;

namespace SystemOfSupport.Formats.Funding;

/// <summary>
/// A funding result as tables: every line with its basis (the CSV, and the workbook's "Lines" sheet), and one row per
/// county office (the workbook's "Summary" sheet). Amounts are dollars with two decimals, <c>.</c> as the point; a
/// blank cell is <c>*</c>, as in the status files.
/// </summary>
public static class FundingTables
{
    public const string Base = "Base";
    public const string DistrictAllowance = "District allowance";
    public const string DistrictAverage = "District average";
    public const string CharterAllowance = "Charter allowance";
    public const string CharterAverage = "Charter average";
    public const string Total = "Total";
    public const string GrandTotal = "Total, all county offices";

    public static IReadOnlyList<string> LineColumns { get; } =
    [
        "FiscalYear", "RecipientCDS", "Recipient", "RecipientCounty", "Line", "ReportYear", "LeaCDS", "LeaName", "LeaCounty",
        "Status", "ADA", "Band", "Amount", "Divisor", "Basis",
    ];

    private const string DistrictReportPrefix = "District";
    private const string CharterReportPrefix = "Charter";

    private static readonly HashSet<string> Amounts = new(StringComparer.Ordinal)
    {
        "ADA", "Amount", "Base", "DistrictSum", "DistrictAverage", "CharterSum", "CharterAverage", "MovedIn", "MovedOut", "Total",
    };

    private static readonly HashSet<string> Counts = new(StringComparer.Ordinal) { "ReportYear", "Divisor", "DistrictDivisor", "CharterDivisor" };

    /// <summary>Columns holding dollars or ADA (two decimals), including the summary's per-report columns (<c>District2024</c>).</summary>
    public static bool IsAmount(string column) =>
        Amounts.Contains(column) || IsReportColumn(column, DistrictReportPrefix) || IsReportColumn(column, CharterReportPrefix);

    /// <summary>Columns holding whole numbers: years and divisors.</summary>
    public static bool IsCount(string column) => Counts.Contains(column);

    private static bool IsReportColumn(string column, string prefix) =>
        column.Length == prefix.Length + 4 && column.StartsWith(prefix, StringComparison.Ordinal) && column[prefix.Length..].All(char.IsAsciiDigit);

    public static string FileStem(FundingResult result) => $"coefunding{result.FiscalYear.Label}";

    /// <summary>
    /// Each county office's base, allowance lines, averages and total, in that order, then the total of all: the sum of
    /// each office's lines of a kind is its sum, sum ÷ divisor its average, base + averages its total.
    /// </summary>
    public static AssistanceStatusTable Lines(FundingResult result, string label)
    {
        ArgumentNullException.ThrowIfNull(result);
        var fy = result.FiscalYear.Label;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var office in result.CountyOffices)
        {
            var county = office.County;
            string[] Row(string line, int? reportYear, FundingLine? l, decimal amount, int? divisor, string basis) =>
            [
                fy, county.CountyOfficeCds.Value, county.CountyOfficeName, county.Name, line, reportYear is { } y ? Text(y) : string.Empty,
                l?.Lea?.Value ?? string.Empty, l?.LeaName ?? string.Empty, l?.LeaCounty?.Name ?? string.Empty, l?.Status?.Label() ?? string.Empty,
                l?.Ada is { } ada ? Money(ada) : string.Empty, l?.Band?.Name ?? string.Empty, Money(amount), divisor is { } d ? Text(d) : string.Empty, basis,
            ];

            var mine = result.Lines.Where(l => l.Recipient == county).ToList();
            rows.AddRange(mine.Where(l => l.Kind == FundingLineKind.Base).Select(l => Row(Base, null, null, l.Amount, null, l.Basis)));
            rows.AddRange(mine.Where(l => l.Kind == FundingLineKind.DistrictAllowance).Select(l => Row(DistrictAllowance, l.ReportYear, l, l.Amount, office.DistrictDivisor, l.Basis)));
            rows.Add(Row(DistrictAverage, null, null, office.DistrictAverage, office.DistrictDivisor, AverageBasis(office.DistrictReports, office.DistrictSum, office.DistrictDivisor, office.DistrictAverage)));
            rows.AddRange(mine.Where(l => l.Kind == FundingLineKind.CharterAllowance).Select(l => Row(CharterAllowance, l.ReportYear, l, l.Amount, office.CharterDivisor, l.Basis)));
            rows.Add(Row(CharterAverage, null, null, office.CharterAverage, office.CharterDivisor, AverageBasis(office.CharterReports, office.CharterSum, office.CharterDivisor, office.CharterAverage)));
            rows.Add(Row(Total, null, null, office.Total, null, office.Basis));
        }

        rows.Add([fy, string.Empty, string.Empty, string.Empty, GrandTotal, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty,
            Money(result.Total), string.Empty, result.CountyOffices.Count == 1 ? "The county office's total." : $"The sum of the {Text(result.CountyOffices.Count)} county offices' totals."]);
        return new AssistanceStatusTable(result.FiscalYear.StartYear, LineColumns, rows, label);
    }

    /// <summary>One row per county office, with each counted report's district and charter allowances.</summary>
    public static AssistanceStatusTable Summary(FundingResult result, string label)
    {
        ArgumentNullException.ThrowIfNull(result);
        List<string> columns =
        [
            "RecipientCDS", "CountyOffice", "County", "InScope", "Base",
            .. result.DistrictReports.Select(r => DistrictReportPrefix + Text(r.Year)), "DistrictSum", "DistrictDivisor", "DistrictAverage",
            .. result.CharterReports.Select(r => CharterReportPrefix + Text(r.Year)), "CharterSum", "CharterDivisor", "CharterAverage",
            "MovedIn", "MovedOut", "Total",
        ];
        var rows = result.CountyOffices.Select(o => (IReadOnlyList<string>)
        [
            o.County.CountyOfficeCds.Value, o.County.CountyOfficeName, o.County.Name, o.InScope ? "Y" : "N", Money(o.Base),
            .. o.DistrictReports.Select(r => Money(r.Amount)), Money(o.DistrictSum), Text(o.DistrictDivisor), Money(o.DistrictAverage),
            .. o.CharterReports.Select(r => Money(r.Amount)), Money(o.CharterSum), Text(o.CharterDivisor), Money(o.CharterAverage),
            Money(o.MovedIn), Money(o.MovedOut), Money(o.Total),
        ]).ToList();
        rows.Add([string.Empty, GrandTotal, .. Enumerable.Repeat(string.Empty, columns.Count - 3), Money(result.Total)]);
        return new AssistanceStatusTable(result.FiscalYear.StartYear, columns, rows, label);
    }

    private static string AverageBasis(IReadOnlyList<ReportAllowance> reports, decimal sum, int divisor, decimal average)
    {
        if (divisor == 0)
        {
            return "No allowance of this kind in this fiscal year.";
        }

        var parts = string.Join(" + ", reports.Select(r => $"{Dollars.Format(r.Amount)} ({Text(r.ReportYear)}: {r.Basis})"));
        return $"{parts} = {Dollars.Format(sum)}; ÷ {Text(divisor)} = {Dollars.Format(average)}.";
    }

    internal static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
