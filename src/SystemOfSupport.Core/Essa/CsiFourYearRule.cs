using SystemOfSupport.Core.Determinations;
using System.Globalization;
using System.Text;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Essa;

/// <summary>
/// RULES.md §5: a school identified for Comprehensive Support and Improvement (CSI Grad or CSI Low Perform) that has
/// not met the exit criteria within four years makes its LEA eligible for differentiated assistance.
/// </summary>
/// <remarks>
/// How the state's columns are read (each of these is an assumption; RULES.md publishes only the sentence above):
/// <list type="bullet">
/// <item>A school "is in CSI" in a status year when its <c>AssistanceStatusYYYY</c> is CSI Grad or CSI Low Perform;
/// switching between the two kinds does not break its time in CSI. Anything else in a counted year, or no row for the
/// school that year, ends the run: the school met the exit criteria (the files' <c>Exit</c> column says CSIEXIT exactly
/// when the prior year was CSI and this year is not, so the status columns carry the exits).</item>
/// <item>"Within four years" counts status years, not calendar years: the years named by
/// <see cref="EssaSettings.CsiYears"/> (by default 2018, 2019, 2022, 2023, 2024, …). A school still in CSI in the
/// decision year whose unbroken run of CSI status years, ending with the decision year, is four or more long has not
/// met the exit criteria within four years: identified in 2018 and still CSI in 2023 (2018, 2019, 2022, 2023) is a
/// finding in 2023.</item>
/// <item>A school that exits in the decision year does not count, however long it was in CSI: the finding is about
/// schools that are still identified.</item>
/// <item>A school belongs to the LEA its decision-year row names (see <see cref="SchoolDesignation.Lea"/>).</item>
/// </list>
/// </remarks>
public static class CsiFourYearRule
{
    /// <summary>The years a CSI school has to meet the exit criteria (RULES.md §5).</summary>
    public const int YearsToExit = 4;

    public const string Rule = "RULES.md §5";

    public static EssaAssessment Assess(EssaHistory history, int year, DeterminationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(settings);
        settings.RequireStatusYear(year);
        var statusYears = settings.StatusYears(year);
        var designations = history.InYear(year);
        var schoolsByLea = new SortedDictionary<CdsCode, List<(SchoolDesignation Row, CsiSchool School)>>();
        foreach (var current in designations)
        {
            if (Classify(history, current, statusYears) is not { } school)
            {
                continue;
            }

            if (!schoolsByLea.TryGetValue(current.Lea, out var list))
            {
                list = [];
                schoolsByLea.Add(current.Lea, list);
            }

            list.Add((current, school));
        }

        var findings = new List<EssaLeaFinding>();
        foreach (var (lea, schools) in schoolsByLea)
        {
            if (!schools.Any(s => s.School.NotExitedWithinFourYears))
            {
                continue;
            }

            var first = schools[0].Row;
            var kind = Lea.KindOf(lea, coeFlag: false, charterFlag: !lea.IsLeaLevel);
            var list = schools.Select(s => s.School).ToList();
            findings.Add(new EssaLeaFinding(lea, first.LeaName, kind, first.County, year, list, Reason(first.LeaName, lea, year, list, statusYears, settings)));
        }

        return new EssaAssessment(year, statusYears, [.. settings.Applied().Where(a => a.Key == EssaSettings.CsiYears)], findings, designations);
    }

    /// <summary>The school's CSI run up to the decision year, or null when it is neither in CSI nor leaving it.</summary>
    private static CsiSchool? Classify(EssaHistory history, SchoolDesignation current, IReadOnlyList<int> statusYears)
    {
        var last = statusYears.Count - 1;
        var exited = !current.Status.IsCsi();
        if (exited)
        {
            // Leaving CSI this year: it was in CSI in the previous counted year.
            last--;
            if (last < 0 || history.Find(current.School, statusYears[last]) is not { } prior || !prior.Status.IsCsi())
            {
                return null;
            }
        }

        var start = last;
        while (start > 0 && history.Find(current.School, statusYears[start - 1]) is { } earlier && earlier.Status.IsCsi())
        {
            start--;
        }

        var years = statusYears.Skip(start).Take(last - start + 1).ToList();
        var counts = !exited && years.Count >= YearsToExit;
        var year = statusYears[^1];
        var reason = exited
            ? $"In CSI {Years(years)}; exited in {Text(year)} ({current.Status.Label()}): met the exit criteria, so it does not count."
            : $"In CSI since {Text(years[0])} ({current.Status.Label()} in {Text(year)}): {Text(years.Count)} status year{Plural(years.Count)} ({Years(years)}) without meeting the exit criteria, "
                + (counts ? "four or more: it makes its LEA eligible." : "fewer than four: it does not count yet.");
        return new CsiSchool(current.School, current.SchoolName, current.Status, years[0], years.Count, years, exited, counts, reason, current.Source);
    }

    private static string Reason(string leaName, CdsCode lea, int year, List<CsiSchool> schools, IReadOnlyList<int> statusYears, DeterminationSettings settings)
    {
        var notExited = schools.Where(s => s.NotExitedWithinFourYears).ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{leaName} ({lea}) is eligible for differentiated assistance in {Text(year)} through ESSA ({Rule}), separately from the LCFF methods: ");
        sb.Append(notExited.Count == 1
            ? "1 school identified for Comprehensive Support and Improvement (CSI) has not met the exit criteria within four years — "
            : $"{Text(notExited.Count)} schools identified for Comprehensive Support and Improvement (CSI) have not met the exit criteria within four years — ");
        sb.AppendJoin("; ", notExited.Select(s =>
            $"{s.SchoolName} ({s.School}): in CSI since {Text(s.FirstCsiYear)}, {Text(s.YearsInCsi)} status years ({Years(s.CsiYears)}), {s.Status.Label()} in {Text(year)}"));
        sb.Append('.');

        // The other schools are listed in the finding; the reason only says how many, to stay readable for large districts.
        var newer = schools.Count(s => !s.Exited && !s.NotExitedWithinFourYears);
        if (newer > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $" Also in CSI in {Text(year)}, for fewer than four status years (not counted yet): {Schools(newer)}.");
        }

        var exited = schools.Count(s => s.Exited);
        if (exited > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $" Exited CSI in {Text(year)}, so not counted: {Schools(exited)}.");
        }

        var skipped = settings[EssaSettings.CsiYears] == EssaSettings.EveryYear ? string.Empty : "; 2020 and 2021 had no designations of their own and are not counted";
        sb.Append(CultureInfo.InvariantCulture, $" Status years counted: {Years(statusYears)} ({EssaSettings.CsiYears} = {settings[EssaSettings.CsiYears]}{skipped}).");
        return sb.ToString();
    }

    private static string Schools(int n) => n == 1 ? "1 school" : $"{Text(n)} schools";

    private static string Plural(int n) => n == 1 ? string.Empty : "s";

    private static string Years(IEnumerable<int> years) => string.Join(", ", years.Select(Text));

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
