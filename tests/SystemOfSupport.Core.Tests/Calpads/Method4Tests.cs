using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Tests.Calpads;

/// <summary>Method 4 (RULES.md §6) for each phase-in year, from certification records made in code.</summary>
public class Method4Tests
{
    private static readonly CdsCode Lea = CdsCode.Parse("27659790000000");
    private static readonly SchoolYear Y2324 = SchoolYear.Parse("2023-24");
    private static readonly SchoolYear Y2425 = SchoolYear.Parse("2024-25");
    private static readonly SchoolYear Y2526 = SchoolYear.Parse("2025-26");

    /// <summary>Illustrative 2025-26 dates: no year past 2024-25 is built in.</summary>
    private static readonly CalpadsCalendar With2526 = CalpadsCalendar.BuiltIn.With(
    [
        new(Y2526, CalpadsSubmission.Fall1, D("2025-12-12"), D("2026-01-23"), D("2025-11-21"), "test"),
        new(Y2526, CalpadsSubmission.Fall2, D("2026-02-27"), null, D("2026-02-06"), "test"),
        .. CalpadsSubmissions.All.Where(s => s.IsEndOfYear()).Select(s => new CalpadsDeadline(Y2526, s, D("2026-07-24"), D("2026-08-07"), D("2026-07-10"), "test")),
    ]);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>All six submissions certified on the certification deadline, then the changes given.</summary>
    private static List<CertificationRecord> OnTime(SchoolYear year, CalpadsCalendar? calendar = null) =>
        [.. (calendar ?? CalpadsCalendar.BuiltIn).For(year).Select(d => new CertificationRecord(Lea, year, d.Submission, d.CertificationDeadline, null, false))];

    private static List<CertificationRecord> Change(List<CertificationRecord> records, CalpadsSubmission submission, Func<CertificationRecord, CertificationRecord> change) =>
        [.. records.Select(r => r.Submission == submission ? change(r) : r)];

    private static MethodFinding Method4(int year, IReadOnlyList<CertificationRecord> records, DeterminationSettings? settings = null, CalpadsCalendar? calendar = null, LeaKind kind = LeaKind.District) =>
        CalpadsAssistance.EvaluateMethod4(year, Lea, kind, records, calendar ?? CalpadsCalendar.BuiltIn, settings ?? DeterminationSettings.Defaults);

    [Fact]
    public void Before_2024_there_is_no_Method_4()
    {
        var finding = Method4(2023, []);

        finding.Number.ShouldBe(4);
        finding.Met.ShouldBeFalse();
        finding.Reason.ShouldContain("begins with the 2024 Dashboard");
    }

    [Fact]
    public void Charter_schools_never_meet_it_and_are_told_so_rather_than_thrown_at()
    {
        var finding = Method4(2025, [], kind: LeaKind.CharterSchool);

        finding.Met.ShouldBeFalse();
        finding.Reason.ShouldContain("never applies to charter schools");
    }

    [Fact]
    public void In_2024_an_LEA_that_certified_no_EOY_submission_meets_it()
    {
        var records = OnTime(Y2324).Select(r => r.Submission.IsEndOfYear() ? r with { CertifiedOn = null } : r).ToList();

        var finding = Method4(2024, records);

        finding.Met.ShouldBeTrue();
        finding.Reason.ShouldContain("2024 Dashboard, 2023-24 CALPADS data");
        finding.Reason.ShouldContain("it certified no End of Year submission");
    }

    [Fact]
    public void In_2024_an_EOY_submission_certified_one_day_late_still_counts_as_certified()
    {
        // The 2023-24 EOY amendment window closed 2024-08-16.
        var records = OnTime(Y2324).Select(r => r.Submission.IsEndOfYear() ? r with { CertifiedOn = D("2024-08-17") } : r).ToList();

        var finding = Method4(2024, records);

        finding.Met.ShouldBeFalse();
        finding.Reason.ShouldContain("it certified EOY 1 on 2024-08-17");
    }

    [Fact]
    public void In_2024_missing_a_fall_deadline_does_not_count_yet()
    {
        var records = Change(OnTime(Y2324), CalpadsSubmission.Fall2, r => r with { CertifiedOn = null });

        Method4(2024, records).Met.ShouldBeFalse();
    }

    [Fact]
    public void In_2025_an_EOY_submission_certified_one_day_late_meets_it()
    {
        // The 2024-25 EOY amendment window closed 2025-08-08.
        var records = Change(OnTime(Y2425), CalpadsSubmission.Eoy3, r => r with { CertifiedOn = D("2025-08-09") });

        var finding = Method4(2025, records);

        finding.Met.ShouldBeTrue();
        finding.Reason.ShouldContain("EOY 3 was certified 2025-08-09, 1 day after the EOY 3 amendment window's close, 2025-08-08.");
    }

    [Fact]
    public void In_2025_every_submission_on_time_does_not_meet_it()
    {
        var finding = Method4(2025, OnTime(Y2425));

        finding.Met.ShouldBeFalse();
        finding.Reason.ShouldContain("all six submissions were certified by the deadline that counts");
    }

    [Fact]
    public void In_2025_Fall_2_has_no_amendment_window_so_one_day_after_its_deadline_is_late()
    {
        var records = Change(OnTime(Y2425), CalpadsSubmission.Fall2, r => r with { CertifiedOn = D("2025-03-01") });

        var finding = Method4(2025, records);

        finding.Met.ShouldBeTrue();
        finding.Reason.ShouldContain("Fall 2 was certified 2025-03-01, 1 day after the Fall 2 certification deadline, 2025-02-28.");
    }

    [Fact]
    public void In_2025_a_submission_never_certified_meets_it()
    {
        var records = OnTime(Y2425).Where(r => r.Submission != CalpadsSubmission.Eoy4).ToList();

        var finding = Method4(2025, records);

        finding.Met.ShouldBeTrue();
        finding.Reason.ShouldContain("EOY 4 was not certified by the EOY 4 amendment window's close, 2025-08-08.");
    }

    [Fact]
    public void Which_deadline_counts_is_a_setting()
    {
        // Fall 1: certification deadline 2024-12-13, amendment window closes 2025-01-24.
        var records = Change(OnTime(Y2425), CalpadsSubmission.Fall1, r => r with { CertifiedOn = D("2025-01-10") });

        Method4(2025, records).Met.ShouldBeFalse();
        var strict = DeterminationSettings.Defaults.With(DeterminationSettings.CalpadsDeadline, CalpadsSettings.CertificationDeadline);
        var finding = Method4(2025, records, strict);
        finding.Met.ShouldBeTrue();
        finding.Reason.ShouldContain("28 days after the Fall 1 certification deadline, 2024-12-13");
    }

    [Fact]
    public void A_re_certification_after_the_amendment_window_closed_is_late()
    {
        var records = Change(OnTime(Y2425), CalpadsSubmission.Fall1, r => r with { AmendedOn = D("2025-01-27") });

        var finding = Method4(2025, records);

        finding.Met.ShouldBeTrue();
        finding.Reason.ShouldContain("then amended and certified again 2025-01-27, 3 days after the amendment window closed (2025-01-24)");
    }

    [Fact]
    public void A_data_quality_issue_counts_from_2026_and_is_a_setting()
    {
        var flagged2425 = Change(OnTime(Y2425), CalpadsSubmission.Eoy1, r => r with { DataQualityIssue = true });
        Method4(2025, flagged2425).Met.ShouldBeFalse();

        var flagged = Change(OnTime(Y2526, With2526), CalpadsSubmission.Eoy1, r => r with { DataQualityIssue = true });
        var finding = Method4(2026, flagged, calendar: With2526);
        finding.Met.ShouldBeTrue();
        finding.Reason.ShouldContain("a data-quality issue was identified in EOY 1 (calpads.data-quality = any-flagged)");

        var off = DeterminationSettings.Defaults.With(DeterminationSettings.CalpadsDataQuality, CalpadsSettings.NotEvaluated);
        Method4(2026, flagged, off, With2526).Met.ShouldBeFalse();
    }

    [Fact]
    public void In_2026_a_missed_deadline_still_counts()
    {
        var records = Change(OnTime(Y2526, With2526), CalpadsSubmission.Eoy2, r => r with { CertifiedOn = D("2026-08-08") });

        Method4(2026, records, calendar: With2526).Met.ShouldBeTrue();
    }

    [Fact]
    public void A_year_the_calendar_lacks_is_a_clear_error()
    {
        var ex = Should.Throw<ArgumentException>(() => Method4(2026, OnTime(Y2425).Select(r => r with { SchoolYear = Y2526 }).ToList()));

        ex.Message.ShouldContain("no dates for 2025-26");
        ex.Message.ShouldContain("--calendar");
    }

    [Fact]
    public void An_LEA_without_records_follows_the_missing_lea_setting()
    {
        var other = OnTime(Y2425).Select(r => r with { Cds = CdsCode.Parse("27754730000000") }).ToList();

        var finding = Method4(2025, other);
        finding.Met.ShouldBeFalse();
        finding.Reason.ShouldContain("calpads.missing-lea = not-met");

        Method4(2025, other, DeterminationSettings.Defaults.With(DeterminationSettings.CalpadsMissingLea, CalpadsSettings.NotCertified)).Met.ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => Method4(2025, other, DeterminationSettings.Defaults.With(DeterminationSettings.CalpadsMissingLea, CalpadsSettings.Error)))
            .Message.ShouldContain("27659790000000 has no CALPADS certification records for 2024-25");
    }

    [Fact]
    public void As_of_a_day_it_is_on_course_until_a_deadline_is_missed()
    {
        var records = OnTime(Y2425);

        var july = CalpadsAssistance.Outlook(2025, Lea, LeaKind.District, records, CalpadsCalendar.BuiltIn, DeterminationSettings.Defaults, D("2025-07-01"));
        july.Course.ShouldBe(Method4Course.OnCourse);
        july.Submissions.Count(s => s.State == SubmissionState.Open).ShouldBe(4);
        CertificationChecks.NextDate(july.Submissions, D("2025-07-01")).ShouldBe((CalpadsSubmission.Eoy1, "zero-fatal-errors target", D("2025-07-11")));

        var late = Change(records, CalpadsSubmission.Fall2, r => r with { CertifiedOn = D("2025-03-05") });
        CalpadsAssistance.Outlook(2025, Lea, LeaKind.District, late, CalpadsCalendar.BuiltIn, DeterminationSettings.Defaults, D("2025-03-10")).Course.ShouldBe(Method4Course.Met);

        CalpadsAssistance.Outlook(2025, Lea, LeaKind.District, records, CalpadsCalendar.BuiltIn, DeterminationSettings.Defaults, D("2025-09-01")).Course.ShouldBe(Method4Course.NotMet);
    }

    [Fact]
    public void The_phase_in_is_data()
    {
        Method4PhaseIn.For(2023).ShouldBeNull();
        Method4PhaseIn.For(2024)!.Criteria.ShouldBe([Method4Criterion.NoEndOfYearCertified]);
        Method4PhaseIn.For(2025)!.Criteria.ShouldBe([Method4Criterion.MissedDeadline]);
        Method4PhaseIn.For(2027)!.Criteria.ShouldBe([Method4Criterion.MissedDeadline, Method4Criterion.DataQualityIssue]);
    }

    [Fact]
    public void The_built_in_calendar_holds_RULES_6_dates()
    {
        var calendar = CalpadsCalendar.BuiltIn;
        calendar.Years.ShouldBe([Y2324, Y2425]);
        calendar.TryGet(Y2324, CalpadsSubmission.Fall1, out var fall1).ShouldBeTrue();
        (fall1!.CertificationDeadline, fall1.AmendmentWindowCloses, fall1.FinalDeadline).ShouldBe((D("2023-12-15"), D("2024-01-26"), D("2024-01-26")));
        calendar.TryGet(Y2324, CalpadsSubmission.Fall2, out var fall2).ShouldBeTrue();
        fall2!.FinalDeadline.ShouldBe(D("2024-03-01"));
        calendar.TryGet(Y2425, CalpadsSubmission.Eoy4, out var eoy).ShouldBeTrue();
        (eoy!.ZeroFatalErrorsTarget, eoy.CertificationDeadline, eoy.AmendmentWindowCloses).ShouldBe((D("2025-07-11"), D("2025-07-25"), D("2025-08-08")));
    }

    [Fact]
    public void School_years_parse_and_map_to_Dashboard_years()
    {
        SchoolYear.Parse("2023-24").DashboardYear.ShouldBe(2024);
        SchoolYear.Parse("2023–2024").ShouldBe(Y2324);
        SchoolYear.OfDashboard(2025).ShouldBe(Y2425);
        SchoolYear.TryParse("2023-25", out _).ShouldBeFalse();
        SchoolYear.TryParse("23-24", out _).ShouldBeFalse();
    }

    [Fact]
    public void The_settings_are_on_the_one_list()
    {
        DeterminationSettings.Definitions.Select(d => d.Key).ShouldContain(DeterminationSettings.CalpadsDeadline);
        DeterminationSettings.Defaults[DeterminationSettings.CalpadsDeadline].ShouldBe(CalpadsSettings.AmendmentWindowClose);
        DeterminationSettings.Defaults[DeterminationSettings.CalpadsDataQuality].ShouldBe(CalpadsSettings.AnyFlagged);
        DeterminationSettings.Defaults[DeterminationSettings.CalpadsMissingLea].ShouldBe(CalpadsSettings.NotMet);
    }
}
