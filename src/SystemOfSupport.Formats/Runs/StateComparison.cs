using System.Globalization;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.StatusWorkbooks;

namespace SystemOfSupport.Formats.Runs;

/// <summary>One cell where this tool and the state's workbook disagree.</summary>
public sealed record CellDifference(CdsCode Cds, string LeaName, string Column, string Ours, string State);

/// <summary>How a run compares with the state's published workbook for the same year.</summary>
public sealed record ComparisonResult(int LeasCompared, int CellsCompared, IReadOnlyList<CdsCode> MissingFromState, IReadOnlyList<CellDifference> Differences)
{
    public bool Agrees => Differences.Count == 0 && MissingFromState.Count == 0;
}

/// <summary>
/// Compares decisions with the state's workbook cell by cell: every group letter, <c>TotalStudentGroups</c>,
/// each <c>MetMethodN</c> the state publishes, and the year's <c>AssistanceStatusYYYY</c>. A later year's workbook
/// carries only the earlier years' statuses, so against it only <c>AssistanceStatusYYYY</c> is compared.
/// </summary>
public static class StateComparison
{
    public static ComparisonResult Compare(IReadOnlyList<Determination> determinations, AssistanceStatusWorkbook state, int year)
    {
        if (state.Year < year)
        {
            throw new ArgumentException($"the {state.Year} workbook cannot check {year} decisions; give the {year} workbook or a later one");
        }

        var sameYear = state.Year == year;
        var byCds = state.Rows.ToDictionary(r => r.Cds);
        var groups = sameYear ? state.Columns.Select(c => AssistanceStatusColumns.TryParsePriorities(c, out var g) ? (StudentGroup?)g : null).OfType<StudentGroup>().ToList() : [];
        var methods = sameYear ? state.Columns.Select(c => AssistanceStatusColumns.TryParseMetMethod(c, out var m) ? m : 0).Where(m => m > 0).ToList() : [];
        var differences = new List<CellDifference>();
        var missing = new List<CdsCode>();
        int leas = 0, cells = 0;
        foreach (var d in determinations)
        {
            if (!byCds.TryGetValue(d.Lea.Cds, out var row))
            {
                missing.Add(d.Lea.Cds);
                continue;
            }

            leas++;
            void Check(string column, string ours, string theirs)
            {
                cells++;
                if (!string.Equals(ours, theirs, StringComparison.Ordinal))
                {
                    differences.Add(new CellDifference(d.Lea.Cds, row.LeaName, column, ours, theirs));
                }
            }

            foreach (var g in groups)
            {
                Check(AssistanceStatusColumns.Priorities(g), d.LetterFor(g) ?? AssistanceStatusColumns.Blank, row.PriorityLetters.GetValueOrDefault(g) ?? AssistanceStatusColumns.Blank);
            }

            if (sameYear)
            {
                Check(AssistanceStatusColumns.TotalStudentGroups, d.TotalStudentGroups.ToString(CultureInfo.InvariantCulture),
                    row.TotalStudentGroups?.ToString(CultureInfo.InvariantCulture) ?? AssistanceStatusColumns.Blank);
            }

            foreach (var m in methods)
            {
                Check(AssistanceStatusColumns.MetMethod(m), d.Method(m)?.Met == true ? "Y" : "N",
                    row.MetMethods.TryGetValue(m, out var met) ? (met ? "Y" : "N") : AssistanceStatusColumns.Blank);
            }

            if (sameYear && d.Level3?.Flag is bool flag && row.Level3Flag is bool stateFlag)
            {
                Check(AssistanceStatusColumns.Ec52072(year), flag ? "Y" : "N", stateFlag ? "Y" : "N");
            }

            Check(AssistanceStatusColumns.Status(year), d.Status.Label(),
                row.StatusByYear.TryGetValue(year, out var s) ? s.Label() : AssistanceStatusColumns.Blank);
        }

        return new ComparisonResult(leas, cells, missing, differences);
    }
}
