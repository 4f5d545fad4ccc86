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
        // Each column's meaning is worked out once, not once per LEA.
        var cells = columns.Select(c => CellFor(c, run.Year, groups)).ToArray();
        var rows = new List<IReadOnlyList<string>>(run.Determinations.Count);
        foreach (var d in run.Determinations)
        {
            var lea = new LeaRow(d, run.History.Latest(d.Lea.Cds), run.Directory is { } dir && dir.TryGet(d.Lea.Cds, out var entry) ? entry : null);
            var row = new string[cells.Length];
            for (var c = 0; c < cells.Length; c++)
            {
                row[c] = cells[c](lea);
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

    private static Func<LeaRow, string> CellFor(string column, int year, HashSet<StudentGroup> groups)
    {
        const string Blank = AssistanceStatusColumns.Blank;
        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.CdCode))
        {
            return lea => lea.D.Lea.Cds.CdCode;
        }

        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.Cds))
        {
            return lea => lea.D.Lea.Cds.Value;
        }

        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.LeaName))
        {
            return lea => NonBlank(lea.History?.LeaName) ?? NonBlank(lea.D.Lea.Name) ?? Blank;
        }

        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.CityName))
        {
            return lea => NonBlank(lea.History?.City) ?? NonBlank(lea.Directory?.City) ?? Blank;
        }

        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.CountyName))
        {
            return lea => NonBlank(lea.History?.County) ?? NonBlank(lea.D.Lea.County) ?? Blank;
        }

        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.GradeSpan))
        {
            return lea => NonBlank(lea.History?.GradeSpan) ?? NonBlank(lea.Directory?.GradeSpan) ?? Blank;
        }

        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.ReportYear))
        {
            var reportYear = year.ToString(CultureInfo.InvariantCulture);
            return _ => reportYear;
        }

        if (AssistanceStatusColumns.Is(column, AssistanceStatusColumns.TotalStudentGroups))
        {
            return lea => lea.D.TotalStudentGroups.ToString(CultureInfo.InvariantCulture);
        }

        if (AssistanceStatusColumns.TryParsePriorities(column, out var group))
        {
            return groups.Contains(group) ? lea => lea.D.LetterFor(group) ?? Blank : _ => Blank;
        }

        if (AssistanceStatusColumns.TryParseStatus(column, out var statusYear))
        {
            return statusYear == year ? lea => lea.D.Status.Label()
                : lea => lea.History is not null && lea.History.StatusByYear.TryGetValue(statusYear, out var s) ? s.Label() : Blank;
        }

        if (AssistanceStatusColumns.TryParseMetMethod(column, out var method))
        {
            return lea => lea.D.Method(method)?.Met == true ? "Y" : "N";
        }

        // Level 3 is blank when a window year's letters were not given (the findings say which).
        return AssistanceStatusColumns.TryParseEc52072(column, out _) ? lea => lea.D.Level3?.Flag switch { true => "Y", false => "N", null => Blank }
            : throw new InvalidOperationException($"no value for column '{column}'");
    }

    /// <summary>One LEA's decision with its history row and directory entry, looked up once for all its cells.</summary>
    private sealed record LeaRow(Core.Determinations.Determination D, AssistanceHistoryRow? History, LeaDirectories.LeaDirectoryEntry? Directory);

    private static string? NonBlank(string? s) => string.IsNullOrWhiteSpace(s) || s == AssistanceStatusColumns.Blank ? null : s;
}
