using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Determinations;

/// <summary>
/// Every assistance-status row known from earlier years (the state's workbooks or this tool's output), by LEA and
/// report year: the statuses for terms and carry-over, and each year's letters for Level 3.
/// </summary>
public sealed class AssistanceHistory
{
    private readonly Dictionary<(CdsCode Cds, int Year), AssistanceHistoryRow> byYear = [];
    private readonly Dictionary<CdsCode, AssistanceHistoryRow> latest = [];

    /// <summary>Rows in the order given: a later row for the same LEA and report year replaces an earlier one (a revised workbook).</summary>
    public AssistanceHistory(IEnumerable<AssistanceHistoryRow> rows)
    {
        foreach (var row in rows)
        {
            byYear[(row.Cds, row.ReportYear)] = row;
        }

        // Each report restates every earlier year's status, so the latest report is the record, blanks included
        // (the state sometimes clears an earlier year's status in a later file).
        foreach (var group in byYear.Values.GroupBy(r => r.Cds))
        {
            latest[group.Key] = group.MaxBy(r => r.ReportYear)!;
        }

        ReportYears = byYear.Keys.Select(k => k.Year).ToHashSet();
    }

    public static AssistanceHistory Empty { get; } = new([]);

    /// <summary>The report years whose letters are known.</summary>
    public IReadOnlySet<int> ReportYears { get; }

    public IEnumerable<AssistanceHistoryRow> LatestRows => latest.Values;

    public bool IsEmpty => latest.Count == 0;

    /// <summary>The LEA's row in the latest report that lists it; null when the LEA is not in the history.</summary>
    public AssistanceHistoryRow? Latest(CdsCode cds) => latest.GetValueOrDefault(cds);

    public AssistanceStatus? Status(CdsCode cds, int year) =>
        latest.TryGetValue(cds, out var row) && row.StatusByYear.TryGetValue(year, out var s) ? s : null;

    /// <summary>The LEA's row of one report year, if that year's file was given and lists the LEA.</summary>
    public AssistanceHistoryRow? Row(CdsCode cds, int year) => byYear.GetValueOrDefault((cds, year));

    /// <summary>
    /// The LEA's letters in a report year: false when no file for that year was given; an LEA missing from a
    /// year's file had no letters that year.
    /// </summary>
    public bool TryGetLetters(CdsCode cds, int year, out IReadOnlyDictionary<StudentGroup, string> letters)
    {
        letters = Row(cds, year)?.PriorityLetters ?? new Dictionary<StudentGroup, string>();
        return ReportYears.Contains(year);
    }
}
