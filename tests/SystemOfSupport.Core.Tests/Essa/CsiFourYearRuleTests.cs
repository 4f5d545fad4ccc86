using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Essa;
using static SystemOfSupport.Core.Essa.EssaStatus;

namespace SystemOfSupport.Core.Tests.Essa;

/// <summary>RULES.md §5: a school identified for CSI that has not met the exit criteria within four years makes its LEA eligible.</summary>
public class CsiFourYearRuleTests
{
    private const string District = "19647330000000";
    private const string SchoolA = "19647330102764";
    private const string SchoolB = "19647330111111";

    private static readonly DeterminationSettings EveryYear = DeterminationSettings.Defaults.With(EssaSettings.CsiYears, EssaSettings.EveryYear);

    /// <summary>One school's designations, 2018 on, as a 2024 file would give them (null: no row that year).</summary>
    private static IEnumerable<SchoolDesignation> School(string cds, params EssaStatus?[] from2018) => School(cds, false, from2018);

    private static IEnumerable<SchoolDesignation> School(string cds, bool charter, params EssaStatus?[] from2018)
    {
        var school = CdsCode.Parse(cds);
        var lea = charter ? school : CdsCode.FromCdCode(school.CdCode);
        for (var i = 0; i < from2018.Length; i++)
        {
            if (from2018[i] is { } status)
            {
                yield return new SchoolDesignation(school, lea, "School " + cds[^4..], charter ? "School " + cds[^4..] : "Los Angeles Unified", "Los Angeles",
                    charter, 2018 + i, status, null, 2024, new SourceRef("essaassistance24.xlsx", 4));
            }
        }
    }

    private static EssaAssessment Assess(int year, DeterminationSettings? settings, params IEnumerable<SchoolDesignation>[] schools) =>
        CsiFourYearRule.Assess(EssaHistory.Combine(schools.SelectMany(s => s)), year, settings ?? DeterminationSettings.Defaults);

    [Fact]
    public void Identified_in_2018_and_still_CSI_in_2023_is_a_finding_for_its_LEA()
    {
        //                                2018     2019     2020     2021     2022     2023
        var a = Assess(2023, null, School(SchoolA, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad));

        var finding = a.Findings.ShouldHaveSingleItem();
        finding.Lea.Value.ShouldBe(District);
        finding.Kind.ShouldBe(LeaKind.District);
        finding.Year.ShouldBe(2023);
        var school = finding.Schools.ShouldHaveSingleItem();
        school.FirstCsiYear.ShouldBe(2018);
        school.YearsInCsi.ShouldBe(4);
        school.CsiYears.ShouldBe([2018, 2019, 2022, 2023]);
        school.Exited.ShouldBeFalse();
        school.NotExitedWithinFourYears.ShouldBeTrue();
        school.Reason.ShouldContain("4 status years (2018, 2019, 2022, 2023) without meeting the exit criteria, four or more: it makes its LEA eligible.");
        finding.Reason.ShouldContain("RULES.md §5");
        finding.Reason.ShouldContain("separately from the LCFF methods");
        finding.Reason.ShouldContain("in CSI since 2018, 4 status years (2018, 2019, 2022, 2023), CSI Grad in 2023");
        finding.Reason.ShouldContain("2020 and 2021 had no designations of their own and are not counted");
    }

    [Fact]
    public void Three_status_years_are_not_yet_four()
    {
        var a = Assess(2022, null, School(SchoolA, CsiLowPerform, CsiLowPerform, CsiLowPerform, CsiLowPerform, CsiLowPerform));
        a.Findings.ShouldBeEmpty();
        a.StatusYears.ShouldBe([2018, 2019, 2022]);
    }

    [Fact]
    public void A_school_that_exited_CSI_makes_no_finding()
    {
        // CSI 2018–2022, then No Status in 2023: it met the exit criteria, however long it took.
        var a = Assess(2023, null, School(SchoolA, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad, NoStatus));
        a.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void An_exited_school_is_listed_as_exited_beside_one_that_counts()
    {
        var a = Assess(2024, null,
            School(SchoolA, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad),
            School(SchoolB, CsiLowPerform, CsiLowPerform, CsiLowPerform, CsiLowPerform, CsiLowPerform, CsiLowPerform, Atsi));

        var finding = a.Findings.ShouldHaveSingleItem();
        finding.Schools.Count.ShouldBe(2);
        finding.SchoolsNotExited.ShouldHaveSingleItem().School.Value.ShouldBe(SchoolA);
        var exited = finding.Schools.Single(s => s.School.Value == SchoolB);
        exited.Exited.ShouldBeTrue();
        exited.NotExitedWithinFourYears.ShouldBeFalse();
        exited.Status.ShouldBe(Atsi);
        exited.CsiYears.ShouldBe([2018, 2019, 2022, 2023]);
        finding.Reason.ShouldContain("Exited CSI in 2024, so not counted: 1 school.");
        exited.Reason.ShouldBe("In CSI 2018, 2019, 2022, 2023; exited in 2024 (ATSI): met the exit criteria, so it does not count.");
    }

    [Fact]
    public void The_2020_and_2021_gap_is_not_counted_by_default()
    {
        // A CSI Grad school that left CSI in the 2021 column and was identified again in 2022 (32 such schools in the 2024 file).
        var school = School(SchoolA, CsiGrad, CsiGrad, CsiGrad, NoStatus, CsiGrad, CsiGrad);

        Assess(2023, null, school).Findings.ShouldHaveSingleItem().Schools.Single().CsiYears.ShouldBe([2018, 2019, 2022, 2023]);
        // Counting every year, 2021 breaks the run: 2022 and 2023 only.
        Assess(2023, EveryYear, school).Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Counting_every_year_makes_2022_the_fifth_year()
    {
        var school = School(SchoolA, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad);
        Assess(2022, null, school).Findings.ShouldBeEmpty();
        Assess(2022, EveryYear, school).Findings.ShouldHaveSingleItem().Schools.Single().YearsInCsi.ShouldBe(5);
    }

    [Fact]
    public void Missing_2020_and_2021_columns_do_not_matter_by_default()
    {
        var a = Assess(2023, null, School(SchoolA, CsiGrad, CsiGrad, null, null, CsiGrad, CsiGrad));
        a.Findings.ShouldHaveSingleItem();
    }

    [Fact]
    public void Switching_between_the_two_kinds_of_CSI_does_not_break_the_run()
    {
        var a = Assess(2023, null, School(SchoolA, CsiLowPerform, CsiGrad, CsiGrad, CsiGrad, CsiLowPerform, CsiGrad));
        a.Findings.ShouldHaveSingleItem().Schools.Single().FirstCsiYear.ShouldBe(2018);
    }

    [Fact]
    public void A_year_outside_CSI_restarts_the_count()
    {
        // ATSI in 2019: out of CSI. Identified again in 2022: three years by 2024.
        var a = Assess(2024, null, School(SchoolA, CsiGrad, Atsi, Atsi, Atsi, CsiGrad, CsiGrad, CsiGrad));
        a.Findings.ShouldBeEmpty();
        // With a second school that counts, the first shows as in CSI for fewer than four years.
        var b = Assess(2024, null,
            School(SchoolA, CsiGrad, Atsi, Atsi, Atsi, CsiGrad, CsiGrad, CsiGrad),
            School(SchoolB, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad));
        var newer = b.Findings.Single().Schools.Single(s => s.School.Value == SchoolA);
        newer.FirstCsiYear.ShouldBe(2022);
        newer.YearsInCsi.ShouldBe(3);
        newer.NotExitedWithinFourYears.ShouldBeFalse();
        b.Findings.Single().Reason.ShouldContain("Also in CSI in 2024, for fewer than four status years (not counted yet): 1 school.");
        newer.Reason.ShouldBe("In CSI since 2022 (CSI Grad in 2024): 3 status years (2022, 2023, 2024) without meeting the exit criteria, fewer than four: it does not count yet.");
    }

    [Fact]
    public void ATSI_and_TSI_schools_never_make_a_finding()
    {
        var a = Assess(2024, null, School(SchoolA, Atsi, Atsi, Atsi, Atsi, Atsi, Atsi, Tsi));
        a.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void A_charter_school_is_its_own_LEA()
    {
        var a = Assess(2024, null, School("37684520106120", charter: true, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad));
        var finding = a.Findings.ShouldHaveSingleItem();
        finding.Lea.Value.ShouldBe("37684520106120");
        finding.Kind.ShouldBe(LeaKind.CharterSchool);
    }

    [Fact]
    public void A_county_office_school_counts_for_the_county_office()
    {
        var a = Assess(2023, null, School("34103480106237", CsiLowPerform, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad));
        var finding = a.Findings.ShouldHaveSingleItem();
        finding.Lea.Value.ShouldBe("34103480000000");
        finding.Kind.ShouldBe(LeaKind.CountyOffice);
    }

    [Fact]
    public void Schools_of_one_LEA_make_one_finding()
    {
        var a = Assess(2024, null,
            School(SchoolA, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad, CsiGrad),
            School(SchoolB, null, CsiLowPerform, CsiLowPerform, CsiLowPerform, CsiLowPerform, CsiLowPerform, CsiLowPerform));
        var finding = a.Findings.ShouldHaveSingleItem();
        finding.SchoolsNotExited.Count.ShouldBe(2);
        finding.SchoolsNotExited.Select(s => (s.FirstCsiYear, s.YearsInCsi)).ShouldBe([(2018, 5), (2019, 4)]);
        finding.Reason.ShouldContain("2 schools identified for Comprehensive Support and Improvement (CSI) have not met the exit criteria");
    }

    [Fact]
    public void The_pandemic_years_are_not_status_years_by_default()
    {
        var history = EssaHistory.Combine(School(SchoolA, CsiGrad, CsiGrad, CsiGrad, CsiGrad));
        Should.Throw<ArgumentException>(() => CsiFourYearRule.Assess(history, 2021, DeterminationSettings.Defaults)).Message.ShouldContain("leave out 2020 and 2021");
        CsiFourYearRule.Assess(history, 2021, EveryYear).Findings.ShouldHaveSingleItem();
    }

    [Fact]
    public void The_assessment_records_the_setting_it_used()
    {
        var a = Assess(2024, EveryYear, School(SchoolA, NoStatus, NoStatus, NoStatus, NoStatus, NoStatus, NoStatus, NoStatus));
        var applied = a.Settings.ShouldHaveSingleItem();
        applied.Key.ShouldBe(EssaSettings.CsiYears);
        applied.Value.ShouldBe(EssaSettings.EveryYear);
        applied.IsDefault.ShouldBeFalse();
        a.Designations.ShouldHaveSingleItem().Year.ShouldBe(2024);
    }
}

public class EssaSettingsTests
{
    [Fact]
    public void The_CSI_year_count_is_a_documented_assumed_setting()
    {
        var definition = EssaSettings.Definition;
        DeterminationSettings.Definitions.ShouldContain(definition);
        definition.Key.ShouldBe("essa.csi-years");
        definition.Default.ShouldBe("skip-2020-2021");
        definition.Allowed.ShouldBe(["skip-2020-2021", "every-year"]);
        definition.Rule.ShouldBe("RULES.md §5 [assumed]");
        definition.Description.ShouldContain("2018, 2019, 2022, 2023, 2024");
    }

    [Fact]
    public void Status_years_skip_2020_and_2021_by_default()
    {
        DeterminationSettings.Defaults.StatusYears(2024).ShouldBe([2018, 2019, 2022, 2023, 2024]);
        DeterminationSettings.Defaults.With("ESSA.CSI-YEARS", "Every-Year").StatusYears(2022).ShouldBe([2018, 2019, 2020, 2021, 2022]);
        DeterminationSettings.Defaults.StatusYears(2017).ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_keys_and_values_are_refused()
    {
        Should.Throw<ArgumentException>(() => DeterminationSettings.Defaults.With("essa.years", "every-year")).Message.ShouldContain("essa.csi-years");
        Should.Throw<ArgumentException>(() => DeterminationSettings.Defaults.With(EssaSettings.CsiYears, "calendar")).Message.ShouldContain("allowed: skip-2020-2021, every-year");
    }
}

public class EssaHistoryTests
{
    private static SchoolDesignation Row(int year, EssaStatus status, int reportingYear, string file = "f.xlsx") =>
        new(CdsCode.Parse("01100170130419"), CdsCode.Parse("01100170000000"), "Alameda County Community", "Alameda County Office of Education",
            "Alameda", false, year, status, null, reportingYear, new SourceRef(file, 10));

    [Fact]
    public void A_later_file_revises_an_earlier_year()
    {
        var history = EssaHistory.Combine([Row(2019, CsiGrad, 2024), Row(2019, NoStatus, 2019), Row(2019, CsiLowPerform, 2022)]);
        history.Find(CdsCode.Parse("01100170130419"), 2019)!.Status.ShouldBe(CsiGrad);
        history.Years.ShouldBe([2019]);
    }

    [Fact]
    public void The_same_reporting_year_twice_is_bad_input()
    {
        var ex = Should.Throw<InputFileException>(() => EssaHistory.Combine([Row(2019, CsiGrad, 2024, "a.xlsx"), Row(2019, CsiGrad, 2024, "b.xlsx")]));
        ex.File.ShouldBe("b.xlsx");
        ex.Message.ShouldContain("give each reporting year's file once");
    }
}

public class EssaStatusTests
{
    [Theory]
    [InlineData("CSI Grad", CsiGrad)]
    [InlineData("csi low perform", CsiLowPerform)]
    [InlineData(" ATSI ", Atsi)]
    [InlineData("TSI", Tsi)]
    [InlineData("No Status", NoStatus)]
    [InlineData("General Assistance", NoStatus)]
    public void The_files_values_parse(string text, EssaStatus expected)
    {
        EssaStatuses.TryParse(text, out var status).ShouldBeTrue();
        status.ShouldBe(expected);
    }

    [Fact]
    public void Unknown_values_do_not_parse()
    {
        EssaStatuses.TryParse("CSI", out _).ShouldBeFalse();
        EssaStatuses.TryParse(null, out _).ShouldBeFalse();
        EssaStatuses.TryParseExit("CSIEXIT", out var exit).ShouldBeTrue();
        exit.ShouldBe(EssaExit.CsiExit);
        EssaStatuses.TryParseExit("EXIT", out _).ShouldBeFalse();
    }
}
