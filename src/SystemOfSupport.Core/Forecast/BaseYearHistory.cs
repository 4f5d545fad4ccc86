using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Forecast;

/// <summary>
/// The history a forecast year is decided with: the history files' rows plus the base year's own decisions as that
/// year's report, so an LEA identified in the base year is carried into Year 2 when the forecast does not identify it.
/// </summary>
public static class BaseYearHistory
{
    public static AssistanceHistory Extend(AssistanceHistory history, int baseYear, IEnumerable<Determination> decisions)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(decisions);
        var rows = history.LatestRows
            .SelectMany(latest => history.ReportYears.Order().Select(year => history.Row(latest.Cds, year)))
            .OfType<AssistanceHistoryRow>()
            .ToList();
        foreach (var d in decisions)
        {
            var earlier = history.Latest(d.Lea.Cds);
            var statuses = earlier?.StatusByYear.Where(s => s.Key < baseYear).ToDictionary() ?? [];
            statuses[baseYear] = d.Status;
            rows.Add(new AssistanceHistoryRow(
                d.Lea.Cds,
                d.Lea.Name,
                earlier?.City,
                earlier?.County ?? d.Lea.County,
                earlier?.GradeSpan,
                baseYear,
                d.Groups.Where(g => g.Letter is not null).ToDictionary(g => g.Group, g => g.Letter!),
                d.TotalStudentGroups,
                statuses,
                d.Methods.ToDictionary(m => m.Number, m => m.Met),
                d.Level3?.Flag,
                new SourceRef($"{baseYear} decision (this run)", 0)));
        }

        return new AssistanceHistory(rows);
    }
}
