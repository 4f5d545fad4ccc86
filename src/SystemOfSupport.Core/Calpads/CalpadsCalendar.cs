using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SystemOfSupport.Core.Calpads;

/// <summary>
/// One submission's dates in one school year (RULES.md §6). The final deadline is the close of the amendment window
/// where there is one, else the certification deadline.
/// </summary>
/// <param name="CertificationDeadline">The last day to certify.</param>
/// <param name="AmendmentWindowCloses">The last day to amend and certify again; null when the submission has no amendment window.</param>
/// <param name="ZeroFatalErrorsTarget">The day CDE asks LEAs to have zero fatal errors by; null when none was published.</param>
/// <param name="Source">Where the dates come from (RULES.md, or a calendar file and line).</param>
public sealed record CalpadsDeadline(
    SchoolYear SchoolYear,
    CalpadsSubmission Submission,
    DateOnly CertificationDeadline,
    DateOnly? AmendmentWindowCloses,
    DateOnly? ZeroFatalErrorsTarget,
    string Source)
{
    /// <summary>The close of the amendment window where there is one, else the certification deadline.</summary>
    public DateOnly FinalDeadline => AmendmentWindowCloses ?? CertificationDeadline;

    /// <summary>The deadline the <c>calpads.deadline</c> setting counts.</summary>
    public DateOnly Counted(CalpadsDeadlineRule rule) =>
        rule == CalpadsDeadlineRule.CertificationDeadline ? CertificationDeadline : FinalDeadline;

    /// <summary>Words for <see cref="Counted"/>: "the EOY 1 amendment window's close, 2024-08-16".</summary>
    public string CountedName(CalpadsDeadlineRule rule) =>
        rule == CalpadsDeadlineRule.AmendmentWindowClose && AmendmentWindowCloses is { } close
            ? $"the {Submission.Label()} amendment window's close, {Iso(close)}"
            : $"the {Submission.Label()} certification deadline, {Iso(CertificationDeadline)}";

    /// <summary>
    /// Why the dates cannot be a calendar entry (out of order, or outside the school year), with the property at fault
    /// (<c>nameof(CertificationDeadline)</c> …); null when they can.
    /// </summary>
    public (string Field, string Message)? Problem()
    {
        if (ZeroFatalErrorsTarget is { } target && target > CertificationDeadline)
        {
            return (nameof(ZeroFatalErrorsTarget), $"the zero-fatal-errors target {Iso(target)} is after the certification deadline {Iso(CertificationDeadline)}");
        }

        if (AmendmentWindowCloses is { } close && close < CertificationDeadline)
        {
            return (nameof(AmendmentWindowCloses), $"the amendment window closes {Iso(close)}, before the certification deadline {Iso(CertificationDeadline)}");
        }

        var earliest = CertificationRecord.EarliestDate(SchoolYear);
        var latest = CertificationRecord.LatestDate(SchoolYear);
        foreach (var (field, name, date) in Fields())
        {
            if (date < earliest || date > latest)
            {
                return (field, $"the {name} {Iso(date)} is out of range for {SchoolYear.Label} (from {Iso(earliest)} to {Iso(latest)})");
            }
        }

        return null;
    }

    /// <summary>Every date with its name, in time order.</summary>
    public IEnumerable<(string Name, DateOnly Date)> Dates() => Fields().Select(f => (f.Name, f.Date));

    private IEnumerable<(string Field, string Name, DateOnly Date)> Fields()
    {
        if (ZeroFatalErrorsTarget is { } target)
        {
            yield return (nameof(ZeroFatalErrorsTarget), "zero-fatal-errors target", target);
        }

        yield return (nameof(CertificationDeadline), "certification deadline", CertificationDeadline);
        if (AmendmentWindowCloses is { } close)
        {
            yield return (nameof(AmendmentWindowCloses), "amendment window close", close);
        }
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// The CALPADS deadline calendar, as data: each school year's six submissions (RULES.md §6). The built-in years are
/// RULES.md's; later years come from a calendar file the user maintains (data/calpads/README.md). Immutable.
/// </summary>
public sealed class CalpadsCalendar
{
    private const string Rules = "RULES.md §6 [published]";

    // School year, submissions, certification deadline, amendment window close, zero-fatal-errors target (RULES.md §6).
    private static readonly (string Year, CalpadsSubmission[] Submissions, string Certification, string? Close, string? Target)[] Table =
    [
        ("2023-24", [CalpadsSubmission.Fall1], "2023-12-15", "2024-01-26", null),
        ("2023-24", [CalpadsSubmission.Fall2], "2024-03-01", null, null),
        ("2023-24", [CalpadsSubmission.Eoy1, CalpadsSubmission.Eoy2, CalpadsSubmission.Eoy3, CalpadsSubmission.Eoy4], "2024-07-26", "2024-08-16", null),
        ("2024-25", [CalpadsSubmission.Fall1], "2024-12-13", "2025-01-24", "2024-11-22"),
        ("2024-25", [CalpadsSubmission.Fall2], "2025-02-28", null, "2025-02-07"),
        ("2024-25", [CalpadsSubmission.Eoy1, CalpadsSubmission.Eoy2, CalpadsSubmission.Eoy3, CalpadsSubmission.Eoy4], "2025-07-25", "2025-08-08", "2025-07-11"),
    ];

    private readonly FrozenDictionary<(SchoolYear, CalpadsSubmission), CalpadsDeadline> entries;

    private CalpadsCalendar(IEnumerable<CalpadsDeadline> deadlines)
    {
        var map = new Dictionary<(SchoolYear, CalpadsSubmission), CalpadsDeadline>();
        foreach (var d in deadlines)
        {
            if (d.Problem() is { } problem)
            {
                throw new ArgumentException($"{d.SchoolYear.Label} {d.Submission.Label()} ({d.Source}): {problem.Message}", nameof(deadlines));
            }

            map[(d.SchoolYear, d.Submission)] = d;
        }

        foreach (var year in map.Keys.Select(k => k.Item1).Distinct())
        {
            var missing = CalpadsSubmissions.All.Where(s => !map.ContainsKey((year, s))).Select(s => s.Label()).ToList();
            if (missing.Count > 0)
            {
                throw new ArgumentException($"the calendar for {year.Label} has no dates for {string.Join(", ", missing)}: a school year needs all six submissions", nameof(deadlines));
            }
        }

        entries = map.ToFrozenDictionary();
        Years = [.. map.Keys.Select(k => k.Item1).Distinct().Order()];
    }

    /// <summary>RULES.md §6's dates: 2023-24 and 2024-25.</summary>
    public static CalpadsCalendar BuiltIn { get; } = new(
        Table.SelectMany(r => r.Submissions.Select(s => new CalpadsDeadline(
            SchoolYear.Parse(r.Year), s, Date(r.Certification), r.Close is null ? null : Date(r.Close), r.Target is null ? null : Date(r.Target), Rules))));

    /// <summary>The school years with dates, in order.</summary>
    public IReadOnlyList<SchoolYear> Years { get; }

    public IEnumerable<CalpadsDeadline> Deadlines => entries.Values.OrderBy(d => d.SchoolYear).ThenBy(d => d.Submission);

    /// <summary>
    /// This calendar with <paramref name="deadlines"/> added; an entry for a school year and submission already here
    /// replaces it (a correction). Every school year must end up with all six submissions.
    /// </summary>
    /// <exception cref="ArgumentException">Dates out of order or outside their school year, or a year missing a submission.</exception>
    public CalpadsCalendar With(IEnumerable<CalpadsDeadline> deadlines) => new([.. Deadlines, .. deadlines]);

    public bool Covers(SchoolYear year) => Years.Contains(year);

    public bool TryGet(SchoolYear year, CalpadsSubmission submission, [MaybeNullWhen(false)] out CalpadsDeadline deadline) =>
        entries.TryGetValue((year, submission), out deadline);

    /// <summary>The year's six deadlines in submission order.</summary>
    /// <exception cref="ArgumentException">The calendar has no dates for the year.</exception>
    public IReadOnlyList<CalpadsDeadline> For(SchoolYear year) =>
        Covers(year)
            ? [.. CalpadsSubmissions.All.Select(s => entries[(year, s)])]
            : throw new ArgumentException(
                $"the CALPADS calendar has no dates for {year.Label} (it has {string.Join(", ", Years.Select(y => y.Label))}): give that year's deadlines in a calendar file (--calendar; layout in data/calpads/README.md)",
                nameof(year));

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
