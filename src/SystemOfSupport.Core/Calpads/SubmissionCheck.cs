using System.Globalization;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Calpads;

/// <summary>Where one submission stands against its deadline.</summary>
public enum SubmissionState
{
    /// <summary>Certified by the deadline that counts (and any re-certification after an amendment by the window's close).</summary>
    OnTime,

    /// <summary>Certified, but after the deadline that counts (or re-certified after the amendment window closed).</summary>
    Late,

    /// <summary>Not certified, and the deadline has passed.</summary>
    NotCertified,

    /// <summary>Not certified yet, and the deadline has not passed (only when checked as of a day).</summary>
    Open,
}

/// <summary>One submission of one LEA checked against the calendar.</summary>
/// <param name="CountedDeadline">The deadline the <c>calpads.deadline</c> setting counts.</param>
/// <param name="Record">The LEA's record for the submission as of the day checked; null when it has none.</param>
/// <param name="DaysLate">Days after the deadline it was certified (0 unless <see cref="SubmissionState.Late"/>).</param>
public sealed record SubmissionCheck(CalpadsDeadline Deadline, DateOnly CountedDeadline, CertificationRecord? Record, SubmissionState State, int DaysLate, string Reason)
{
    public CalpadsSubmission Submission => Deadline.Submission;

    /// <summary>Missed: certified late or not at all after the deadline.</summary>
    public bool Missed => State is SubmissionState.Late or SubmissionState.NotCertified;
}

/// <summary>Checks an LEA's certifications against the CALPADS calendar (RULES.md §6). Pure.</summary>
public static class CertificationChecks
{
    /// <summary>
    /// Each of the six submissions of <paramref name="year"/> for <paramref name="lea"/>: on time, late, not certified,
    /// or still open. <paramref name="records"/> may hold other LEAs and years (they are skipped). With
    /// <paramref name="asOf"/> the records are taken as they stood at the end of that day; without it every deadline has passed.
    /// </summary>
    /// <exception cref="ArgumentException">The calendar has no dates for the year.</exception>
    public static IReadOnlyList<SubmissionCheck> Check(
        CdsCode lea, SchoolYear year, IEnumerable<CertificationRecord> records, CalpadsCalendar calendar, CalpadsDeadlineRule rule, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(calendar);
        var mine = records.Where(r => r.Cds == lea && r.SchoolYear == year).ToDictionary(r => r.Submission);
        return [.. calendar.For(year).Select(d => CheckOne(d, mine.GetValueOrDefault(d.Submission)?.AsOf(asOf), rule, asOf))];
    }

    /// <summary>The next date on or after <paramref name="asOf"/> among the open submissions' targets and deadlines.</summary>
    public static (CalpadsSubmission Submission, string Name, DateOnly Date)? NextDate(IEnumerable<SubmissionCheck> checks, DateOnly asOf) =>
        checks.Where(c => c.State == SubmissionState.Open)
            .SelectMany(c => c.Deadline.Dates().Where(d => d.Date >= asOf).Select(d => (c.Submission, d.Name, d.Date)))
            .OrderBy(d => d.Date).ThenBy(d => d.Submission)
            .Select(d => ((CalpadsSubmission, string, DateOnly)?)d)
            .FirstOrDefault();

    private static SubmissionCheck CheckOne(CalpadsDeadline deadline, CertificationRecord? record, CalpadsDeadlineRule rule, DateOnly? asOf)
    {
        var counted = deadline.Counted(rule);
        var name = deadline.CountedName(rule);
        if (record?.CertifiedOn is not { } certified)
        {
            return asOf is { } day && day <= counted
                ? new SubmissionCheck(deadline, counted, record, SubmissionState.Open, 0,
                    $"{deadline.Submission.Label()} not certified yet; {Days(counted.DayNumber - day.DayNumber)} left to {name}.")
                : new SubmissionCheck(deadline, counted, record, SubmissionState.NotCertified, 0,
                    $"{deadline.Submission.Label()} was not certified by {name}.");
        }

        var certifiedLate = certified.DayNumber - counted.DayNumber;
        var amendedLate = record.AmendedOn is { } amended ? amended.DayNumber - deadline.FinalDeadline.DayNumber : 0;
        if (certifiedLate > 0)
        {
            return new SubmissionCheck(deadline, counted, record, SubmissionState.Late, certifiedLate,
                $"{deadline.Submission.Label()} was certified {Iso(certified)}, {Days(certifiedLate)} after {name}.");
        }

        if (amendedLate > 0)
        {
            return new SubmissionCheck(deadline, counted, record, SubmissionState.Late, amendedLate,
                $"{deadline.Submission.Label()} was certified {Iso(certified)}, then amended and certified again {Iso(record.AmendedOn!.Value)}, "
                + $"{Days(amendedLate)} after the amendment window closed ({Iso(deadline.FinalDeadline)}).");
        }

        var amendedText = record.AmendedOn is { } a ? $" (amended and certified again {Iso(a)})" : string.Empty;
        return new SubmissionCheck(deadline, counted, record, SubmissionState.OnTime, 0,
            $"{deadline.Submission.Label()} was certified {Iso(certified)}{amendedText}, by {name}.");
    }

    internal static string Days(int n) => n == 1 ? "1 day" : $"{n.ToString(CultureInfo.InvariantCulture)} days";

    internal static string Iso(DateOnly date) => CalpadsDeadline.Iso(date);
}
