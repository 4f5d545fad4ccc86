using SystemOfSupport.Core.Determinations;
using System.Globalization;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Essa;

namespace SystemOfSupport.Formats.Essa;

/// <summary>The files read, the CSI four-year rule's result for the year, and what the user should know about the inputs.</summary>
public sealed record EssaRunResult(IReadOnlyList<EssaAssistanceFile> Files, EssaAssessment Assessment, IReadOnlyList<string> Warnings);

/// <summary>Reads the ESSA assistance files, once each, combines their years and applies the CSI four-year rule (RULES.md §5).</summary>
public static class EssaRun
{
    public static EssaRunResult Run(IReadOnlyList<string> files, int year, DeterminationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(settings);
        if (files.Count == 0)
        {
            throw new ArgumentException("give at least one ESSA assistance file (essaassistanceYY.xlsx, essaassistancestudentgroup19.xlsx or sch_eligibility_state_sg.csv)");
        }

        // Before reading anything: a usage error, not a problem with the files.
        settings.RequireStatusYear(year);
        var read = files.Select(EssaAssistanceReader.Read).ToList();
        var history = EssaHistory.Combine(read.SelectMany(f => f.Designations));
        var newest = read.MaxBy(f => f.ReportingYear)!;
        if (!history.Years.Contains(year))
        {
            throw new InputFileException(newest.Path, null, null,
                $"no file has designations for {Text(year)} (--year): the files cover {Text(history.Years[0])}–{Text(history.Years[^1])}; "
                + $"{Text(year)} needs the state's essaassistance{year % 100:00}.xlsx or a later one");
        }

        var warnings = new List<string>();
        var missing = settings.StatusYears(year).Where(y => !history.Years.Contains(y)).ToList();
        if (missing.Count > 0)
        {
            warnings.Add($"No designations for {string.Join(", ", missing.Select(Text))}: a school's time in CSI is counted only over the years the files give.");
        }

        var assessment = CsiFourYearRule.Assess(history, year, settings);
        if (assessment.Designations.Any(d => d.IsCharter is null))
        {
            warnings.Add($"The {Text(year)} designations come from a file without a Charter column (the 2018 and 2019 layouts): "
                + "charter schools are counted under the district whose code they carry, not as LEAs of their own. Add a 2022 or later file to tell them apart.");
        }

        return new EssaRunResult(read, assessment, warnings);
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
