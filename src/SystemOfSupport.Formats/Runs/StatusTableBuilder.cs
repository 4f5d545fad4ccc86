using System.Globalization;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;
using SystemOfSupport.Formats.StatusWorkbooks;

namespace SystemOfSupport.Formats.Runs;

/// <summary>Lays a run's decisions out in the state's district and COE workbook columns (RULES.md §8).</summary>
public static class StatusTableBuilder
{
    public static AssistanceStatusTable Build(DeterminationRun run, string publishedLabel)
    {
        var columns = AssistanceStatusColumns.StandardLayout(run.Year);
        var groups = new HashSet<StudentGroup>(run.Rules.Groups);
        var rows = new List<IReadOnlyList<string>>(run.Determinations.Count);
        foreach (var d in run.Determinations)
        {
            var history = run.History.Latest(d.Lea.Cds);
            var row = new List<string>(columns.Count);
            foreach (var column in columns)
            {
                row.Add(Cell(column, d, history, run.Directory is { } dir && dir.TryGet(d.Lea.Cds, out var entry) ? entry : null, run.Year, groups));
            }

            rows.Add(row);
        }

        return new AssistanceStatusTable(run.Year, columns, rows, publishedLabel);
    }

    /// <summary>The definition sheets' criteria cells, stated from the year's own rules.</summary>
    public static AssistanceStatusWording WordingFor(DaRuleSet rules)
    {
        string Criteria(PriorityArea priority) =>
            rules.StateIndicatorPriorities.FirstOrDefault(p => p.Priority == priority) is { } rule
                ? string.Join(", or; ", rule.AnyOf.Select(c => c.Description))
                : $"Not used in {rules.Year}";

        return AssistanceStatusWording.Default with
        {
            Priority4Criteria = Criteria(PriorityArea.PupilAchievement),
            Priority5Criteria = Criteria(PriorityArea.PupilEngagement),
            Priority6Criteria = Criteria(PriorityArea.SchoolClimate) + ", or; Not Met for Two or More Years on Local Indicator",
            Priority8Criteria = Criteria(PriorityArea.PupilOutcomes),
        };
    }

    private static string Cell(string column, Core.Determinations.Determination d, AssistanceHistoryRow? history, LeaDirectories.LeaDirectoryEntry? directory, int year, HashSet<StudentGroup> groups)
    {
        const string Blank = AssistanceStatusColumns.Blank;
        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.CdCode))
        {
            return d.Lea.Cds.CdCode;
        }

        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.Cds))
        {
            return d.Lea.Cds.Value;
        }

        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.LeaName))
        {
            return NonBlank(history?.LeaName) ?? NonBlank(d.Lea.Name) ?? Blank;
        }

        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.CityName))
        {
            return NonBlank(history?.City) ?? NonBlank(directory?.City) ?? Blank;
        }

        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.CountyName))
        {
            return NonBlank(history?.County) ?? NonBlank(d.Lea.County) ?? Blank;
        }

        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.GradeSpan))
        {
            return NonBlank(history?.GradeSpan) ?? NonBlank(directory?.GradeSpan) ?? Blank;
        }

        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.ReportYear))
        {
            return year.ToString(CultureInfo.InvariantCulture);
        }

        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.TotalStudentGroups))
        {
            return d.TotalStudentGroups.ToString(CultureInfo.InvariantCulture);
        }

        if (AssistanceStatusColumns.TryParsePriorities(column, out var group))
        {
            return groups.Contains(group) ? d.LetterFor(group) ?? Blank : Blank;
        }

        if (AssistanceStatusColumns.TryParseStatus(column, out var statusYear))
        {
            return statusYear == year ? d.Status.Label()
                : history is not null && history.StatusByYear.TryGetValue(statusYear, out var s) ? s.Label()
                : Blank;
        }

        if (AssistanceStatusColumns.TryParseMetMethod(column, out var method))
        {
            return d.Method(method)?.Met == true ? "Y" : "N";
        }

        // Level 3 is blank when a window year's letters were not given (the findings say which).
        return AssistanceStatusColumns.TryParseEc52072(column, out _) ? d.Level3?.Flag switch { true => "Y", false => "N", null => Blank }
            : throw new InvalidOperationException($"no value for column '{column}'");
    }

    private static string? NonBlank(string? s) => string.IsNullOrWhiteSpace(s) || s == AssistanceStatusColumns.Blank ? null : s;
}
