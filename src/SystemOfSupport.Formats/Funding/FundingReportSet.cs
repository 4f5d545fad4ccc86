using System.Globalization;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Funding;
using SystemOfSupport.Formats.StatusWorkbooks;

namespace SystemOfSupport.Formats.Funding;

/// <summary>One file given as a report: its kind, its own report year, and the earlier years its status columns restate.</summary>
public sealed record ReportFile(string Path, ReportKind Kind, int Year, IReadOnlyList<int> EarlierStatusYears);

/// <summary>
/// The assistance-status reports funding reads, by kind and year. A year's statuses come from that year's own file
/// (a later file for the same year replaces an earlier one, as a revised workbook does); failing that, from the
/// <c>AssistanceStatusYYYY</c> column of the nearest later district and county office file, which restates every
/// earlier year's status (so the 2023 workbook gives 2022's).
/// </summary>
public sealed record FundingReportSet(IReadOnlyList<ReportFile> Files, IReadOnlyList<AssistanceReport> Reports)
{
    /// <summary>Reads each file: a charter file (<see cref="CharterAssistanceReader.IsCharterReport"/>) or a district and county office file (the state's workbook, or this tool's xlsx or CSV).</summary>
    public static FundingReportSet Read(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<ReportFile>();
        var own = new Dictionary<(ReportKind, int), AssistanceReport>();
        var restated = new List<(int FileYear, AssistanceReport Report)>();
        foreach (var path in paths)
        {
            if (CharterAssistanceReader.IsCharterReport(path))
            {
                var report = CharterAssistanceReader.Read(path);
                own[(ReportKind.Charter, report.Year)] = report;
                files.Add(new ReportFile(path, ReportKind.Charter, report.Year, []));
                continue;
            }

            var workbook = AssistanceStatusWorkbookReader.Read(path);
            var name = Path.GetFileName(path);
            own[(ReportKind.DistrictAndCoe, workbook.Year)] = Report(workbook, workbook.Year, name);
            var earlier = workbook.Columns
                .Select(c => AssistanceStatusColumns.TryParseStatus(c, out var y) ? y : 0)
                .Where(y => y > 0 && y < workbook.Year).Order().ToList();
            restated.AddRange(earlier.Select(y => (workbook.Year, Report(workbook, y, $"the {AssistanceStatusColumns.Status(y)} column of {name}"))));
            files.Add(new ReportFile(path, ReportKind.DistrictAndCoe, workbook.Year, earlier));
        }

        // The nearest later file restates a year closest to how it was published; among equals, the last given.
        foreach (var group in restated.GroupBy(r => r.Report.Year).Where(g => !own.ContainsKey((ReportKind.DistrictAndCoe, g.Key))))
        {
            var nearest = group.Min(r => r.FileYear);
            own[(ReportKind.DistrictAndCoe, group.Key)] = group.Last(r => r.FileYear == nearest).Report;
        }

        return new FundingReportSet(files, [.. own.Values.OrderBy(r => r.Kind).ThenByDescending(r => r.Year)]);
    }

    private static AssistanceReport Report(AssistanceStatusWorkbook workbook, int year, string source) =>
        new(ReportKind.DistrictAndCoe, year,
            [.. workbook.Rows.Select(r => new ReportedStatus(r.Cds, r.LeaName, r.StatusByYear.TryGetValue(year, out var s) ? s : null, r.Source))],
            source);

    /// <summary>Where each report year a result counts came from, for the output.</summary>
    public IEnumerable<string> Describe(FundingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var districtYears = result.DistrictReports.Select(r => r.StatusYear).ToHashSet();
        var charterYears = result.CharterReports.Select(r => r.StatusYear).ToHashSet();
        return Reports
            .Where(r => (r.Kind == ReportKind.Charter ? charterYears : districtYears).Contains(r.Year))
            .Select(r => $"{(r.Kind == ReportKind.Charter ? "charter" : "district and county office")} report {r.Year.ToString(CultureInfo.InvariantCulture)}: {r.Source} ({r.Rows.Count.ToString(CultureInfo.InvariantCulture)} rows)");
    }
}
