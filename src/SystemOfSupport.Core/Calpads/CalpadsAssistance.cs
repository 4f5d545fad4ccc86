using System.Globalization;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Calpads;

/// <summary>How Method 4 stands for an LEA.</summary>
public enum Method4Course
{
    /// <summary>Method 4 does not apply: a charter school, or a Dashboard year before 2024.</summary>
    NotApplicable,

    /// <summary>Met (or, checked as of a day, already certain to be met).</summary>
    Met,

    /// <summary>Checked as of a day: nothing missed so far, with deadlines still ahead.</summary>
    OnCourse,

    /// <summary>Not met.</summary>
    NotMet,
}

/// <summary>Method 4 for one LEA and Dashboard year, with each submission's check behind it.</summary>
/// <param name="Reason">The rule applied, then <see cref="Detail"/>.</param>
/// <param name="Detail">What decided it for this LEA, without the rule.</param>
public sealed record Method4Outlook(int DashboardYear, CdsCode Lea, Method4Course Course, string Reason, string Detail, IReadOnlyList<SubmissionCheck> Submissions)
{
    public MethodFinding ToFinding() => new(CalpadsAssistance.MethodNumber, Course == Method4Course.Met, Reason);
}

/// <summary>
/// Method 4, CALPADS Differentiated Assistance (RULES.md §6), by phase-in year (<see cref="Method4PhaseIn"/>). Pure: the
/// answer depends only on the arguments.
/// </summary>
public static class CalpadsAssistance
{
    public const int MethodNumber = 4;

    /// <summary>
    /// Method 4 for a district or county office in a Dashboard year, from its certifications of the school year that
    /// Dashboard reports (2024 → 2023-24). Before 2024, and for charter schools (never, RULES.md §3.6), the finding is
    /// not met and its reason says why; nothing is thrown for them.
    /// </summary>
    /// <param name="records">Certification records; other LEAs' and years' are skipped.</param>
    /// <param name="calendar">Deadlines (<see cref="CalpadsCalendar.BuiltIn"/>, extended by a calendar file).</param>
    /// <param name="settings"><c>calpads.deadline</c>, <c>calpads.data-quality</c> and <c>calpads.missing-lea</c>.</param>
    /// <exception cref="ArgumentException">The calendar has no dates for the school year.</exception>
    /// <exception cref="InvalidOperationException">No records for the LEA and <c>calpads.missing-lea</c> = <c>error</c>.</exception>
    public static MethodFinding EvaluateMethod4(
        int dashboardYear, CdsCode lea, LeaKind kind, IReadOnlyList<CertificationRecord> records, CalpadsCalendar calendar, DeterminationSettings settings) =>
        Outlook(dashboardYear, lea, kind, records, calendar, settings, asOf: null).ToFinding();

    /// <summary>
    /// Method 4 as it stands at the end of <paramref name="asOf"/> (records dated later have not happened yet): met
    /// already, on course (nothing missed, deadlines ahead) or not met. Without <paramref name="asOf"/>, the final answer.
    /// </summary>
    public static Method4Outlook Outlook(
        int dashboardYear, CdsCode lea, LeaKind kind, IReadOnlyList<CertificationRecord> records, CalpadsCalendar calendar, DeterminationSettings settings, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        if (kind == LeaKind.CharterSchool)
        {
            return NotApplicable("Method 4 never applies to charter schools: CALPADS Differentiated Assistance is for districts and county offices (RULES.md §3.6, §6).");
        }

        if (Method4PhaseIn.For(dashboardYear) is not { } phase)
        {
            return NotApplicable($"Method 4 (CALPADS) begins with the {Year(Method4PhaseIn.FirstDashboardYear)} Dashboard (2023-24 data); the {Year(dashboardYear)} Dashboard has none (RULES.md §3.4).");
        }

        var year = SchoolYear.OfDashboard(dashboardYear);
        var intro = $"{Year(dashboardYear)} Dashboard, {year.Label} CALPADS data: {phase.Description} ({phase.Rule}).";
        var mine = records.Where(r => r.Cds == lea && r.SchoolYear == year).ToList();
        if (mine.Count == 0)
        {
            switch (settings.CalpadsMissingLeaRule())
            {
                case MissingCertificationsRule.Error:
                    throw new InvalidOperationException(
                        $"{lea} has no CALPADS certification records for {year.Label} ({DeterminationSettings.CalpadsMissingLea} = {CalpadsSettings.Error}): give its records, or change the setting");
                case MissingCertificationsRule.NotMet:
                    var none = $"The certification records have none for this LEA in {year.Label}, so Method 4 is taken as not met ({DeterminationSettings.CalpadsMissingLea} = {CalpadsSettings.NotMet}).";
                    return new Method4Outlook(dashboardYear, lea, Method4Course.NotMet, $"{intro} {none}", none, []);
                default:
                    intro += $" The certification records have none for this LEA in {year.Label}: taken as certifying nothing ({DeterminationSettings.CalpadsMissingLea} = {CalpadsSettings.NotCertified}).";
                    break;
            }
        }

        var checks = CertificationChecks.Check(lea, year, mine, calendar, settings.CalpadsDeadlineRule(), asOf);
        var results = phase.Criteria.Select(c => c switch
        {
            Method4Criterion.NoEndOfYearCertified => NoEndOfYearCertified(checks),
            Method4Criterion.MissedDeadline => MissedDeadline(checks, settings[DeterminationSettings.CalpadsDeadline]),
            Method4Criterion.DataQualityIssue => DataQuality(mine, settings.CalpadsDataQualityRule()),
            _ => throw new InvalidOperationException($"unknown Method 4 criterion {c}"),
        }).ToList();

        var course = results.Any(r => r.Course == Method4Course.Met) ? Method4Course.Met
            : results.Any(r => r.Course == Method4Course.OnCourse) ? Method4Course.OnCourse
            : Method4Course.NotMet;
        var said = course == Method4Course.Met ? results.Where(r => r.Course == Method4Course.Met) : results;
        var asOfText = asOf is { } day ? $"As of {CertificationChecks.Iso(day)}: " : string.Empty;
        var detail = asOfText + string.Join(" ", said.Select(r => r.Reason));
        return new Method4Outlook(dashboardYear, lea, course, $"{intro} {detail}", detail, checks);

        Method4Outlook NotApplicable(string reason) => new(dashboardYear, lea, Method4Course.NotApplicable, reason, reason, []);
    }

    private sealed record CriterionResult(Method4Course Course, string Reason);

    private static CriterionResult NoEndOfYearCertified(IReadOnlyList<SubmissionCheck> checks)
    {
        var eoy = checks.Where(c => c.Submission.IsEndOfYear()).ToList();
        var certified = eoy.Where(c => c.Record?.CertifiedOn is not null).ToList();
        if (certified.Count > 0)
        {
            // This phase asks only that some EOY submission be certified: a late one counts.
            return new CriterionResult(Method4Course.NotMet,
                $"Not met: it certified {string.Join(", ", certified.Select(c => $"{c.Submission.Label()} on {CertificationChecks.Iso(c.Record!.CertifiedOn!.Value)}"))} "
                + $"(this year's rule asks only that some End of Year submission be certified, on time or not).");
        }

        return eoy.Any(c => c.State == SubmissionState.Open)
            ? new CriterionResult(Method4Course.OnCourse, $"No End of Year submission certified yet; {eoy.First(c => c.State == SubmissionState.Open).Reason}")
            : new CriterionResult(Method4Course.Met, "Met: it certified no End of Year submission (EOY 1–4).");
    }

    private static CriterionResult MissedDeadline(IReadOnlyList<SubmissionCheck> checks, string deadlineSetting)
    {
        var missed = checks.Where(c => c.Missed).ToList();
        if (missed.Count > 0)
        {
            return new CriterionResult(Method4Course.Met, "Met: " + string.Join(" ", missed.Select(c => c.Reason)));
        }

        var open = checks.Where(c => c.State == SubmissionState.Open).ToList();
        return open.Count > 0
            ? new CriterionResult(Method4Course.OnCourse,
                $"No deadline missed so far ({Count(checks.Count - open.Count)} of 6 certified on time); still open: {string.Join(" ", open.Select(c => c.Reason))}")
            : new CriterionResult(Method4Course.NotMet,
                $"Not met: all six submissions were certified by the deadline that counts ({DeterminationSettings.CalpadsDeadline} = {deadlineSetting}).");
    }

    private static CriterionResult DataQuality(IReadOnlyList<CertificationRecord> records, DataQualityRule rule)
    {
        if (rule == DataQualityRule.NotEvaluated)
        {
            return new CriterionResult(Method4Course.NotMet,
                $"Data quality is not evaluated ({DeterminationSettings.CalpadsDataQuality} = {CalpadsSettings.NotEvaluated}).");
        }

        // A flag carries no date, so it counts whatever day the outlook stands on.
        var flagged = records.Where(r => r.DataQualityIssue).OrderBy(r => r.Submission).ToList();
        return flagged.Count > 0
            ? new CriterionResult(Method4Course.Met,
                $"Met: a data-quality issue was identified in {string.Join(", ", flagged.Select(r => r.Submission.Label()))} ({DeterminationSettings.CalpadsDataQuality} = {CalpadsSettings.AnyFlagged}).")
            : new CriterionResult(Method4Course.NotMet, "No data-quality issue is recorded.");
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
