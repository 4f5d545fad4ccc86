using System.Globalization;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;
using SystemOfSupport.Formats.StatusWorkbooks;

namespace SystemOfSupport.Formats.Runs;

/// <summary>
/// The charter school file (<c>charterassistanceYY</c>). The state's layout is not public; this one follows its
/// district file and its per-group "…current" columns, and shows the prior year beside the current one.
/// </summary>
public static class CharterTableBuilder
{
    public static string FileStem(int year) => $"charterassistance{year % 100:00}";

    public static IReadOnlyList<string> Columns(DaRuleSet rules)
    {
        var prior = DashboardYears.Previous(rules.Year) is int p && RuleBook.TryGet(p, out var pr) && pr is not null ? pr.Groups : rules.Groups;
        return
        [
            AssistanceStatusColumns.CdCode, AssistanceStatusColumns.Cds, "SchoolName", AssistanceStatusColumns.CountyName, AssistanceStatusColumns.ReportYear,
            .. rules.Groups.Select(g => AssistanceStatusColumns.Priorities(g) + "current"),
            .. prior.Select(g => AssistanceStatusColumns.Priorities(g) + "prior"),
            "TotalStudentGroupscurrent", "TotalStudentGroupsprior",
            .. Enumerable.Range(1, 3).Select(m => AssistanceStatusColumns.MetMethod(m) + "current"),
            .. Enumerable.Range(1, 3).Select(m => AssistanceStatusColumns.MetMethod(m) + "prior"),
            "MetCriteriacurrent", "MetCriteriaprior",
            AssistanceStatusColumns.Status(rules.Year),
        ];
    }

    public static AssistanceStatusTable Build(DeterminationRun run, string publishedLabel)
    {
        var columns = Columns(run.Rules);
        var rows = run.Charters.Select(c => (IReadOnlyList<string>)[.. columns.Select(col => Cell(col, c, run.Year))]).ToList();
        return new AssistanceStatusTable(run.Year, columns, rows, publishedLabel) { Entity = AssistanceFileEntity.Charter };
    }

    private static string Cell(string column, CharterDetermination c, int year)
    {
        const string Blank = AssistanceStatusColumns.Blank;
        var (name, finding) = column.EndsWith("current", StringComparison.Ordinal) ? (column[..^7], c.Current)
            : column.EndsWith("prior", StringComparison.Ordinal) ? (column[..^5], c.Prior)
            : (column, null);
        if (name != column)
        {
            if (finding is null)
            {
                return Blank;
            }

            return name switch
            {
                "TotalStudentGroups" => finding.TotalStudentGroups.ToString(CultureInfo.InvariantCulture),
                "MetCriteria" => finding.Met ? "Y" : "N",
                _ when AssistanceStatusColumns.TryParsePriorities(name, out var g) => finding.LetterFor(g) ?? Blank,
                _ when AssistanceStatusColumns.TryParseMetMethod(name, out var m) => finding.Method(m) is { } f ? (f.Met ? "Y" : "N") : Blank,
                _ => throw new InvalidOperationException($"no value for column '{column}'"),
            };
        }

        return column switch
        {
            AssistanceStatusColumns.CdCode => c.Charter.Cds.CdCode,
            AssistanceStatusColumns.Cds => c.Charter.Cds.Value,
            "SchoolName" => c.Charter.Name,
            AssistanceStatusColumns.CountyName => c.Charter.County,
            AssistanceStatusColumns.ReportYear => year.ToString(CultureInfo.InvariantCulture),
            _ when AssistanceStatusColumns.TryParseStatus(column, out _) => c.Status.Label(),
            _ => throw new InvalidOperationException($"no value for column '{column}'"),
        };
    }
}
