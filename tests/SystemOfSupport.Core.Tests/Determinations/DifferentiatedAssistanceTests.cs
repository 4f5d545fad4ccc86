using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using static SystemOfSupport.Core.Domain.DashboardColor;
using static SystemOfSupport.Core.Domain.Indicator;
using static SystemOfSupport.Core.Domain.StudentGroup;

namespace SystemOfSupport.Core.Tests.Determinations;

public class StateIndicatorPriorityTests
{
    private static PriorityArea[] Met(Determination d, StudentGroup g) =>
        [.. d.Groups.Single(x => x.Group == g).MetPriorities];

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    public void A_group_with_no_color_meets_nothing(int year)
    {
        var d = new EvidenceBuilder()
            .Color(SWD, Ela, None).Color(SWD, Indicator.Math, None).Color(SWD, Chronic, None).Color(SWD, Susp, None).Color(SWD, Grad, None)
            .Determine(year);
        Met(d, SWD).ShouldBeEmpty();
        d.LetterFor(SWD).ShouldBeNull();
        d.Groups.Single(g => g.Group == SWD).Priorities[0].Criteria[0].Explanation.ShouldContain("no color");
    }

    [Theory]
    [InlineData(Red, Red, true)]
    [InlineData(Red, Orange, true)]
    [InlineData(Orange, Red, true)]
    [InlineData(Orange, Orange, false)]
    [InlineData(Red, Yellow, false)]
    [InlineData(Red, None, false)]
    [InlineData(None, Red, false)]
    public void Priority4_needs_Red_on_one_test_and_Red_or_Orange_on_the_other(DashboardColor ela, DashboardColor math, bool met)
    {
        var d = new EvidenceBuilder().Color(HI, Ela, ela).Color(HI, Indicator.Math, math).Determine(2024);
        Met(d, HI).Contains(PriorityArea.PupilAchievement).ShouldBe(met);
    }

    [Fact]
    public void Red_ELPI_counts_for_English_learners_only_in_2023()
    {
        var d = new EvidenceBuilder().Color(EL, Elpi, Red).Color(SED, Elpi, Red).Determine(2023);
        Met(d, EL).ShouldBe([PriorityArea.PupilAchievement]);
        Met(d, SED).ShouldBeEmpty();
    }

    [Fact]
    public void LTEL_in_2024_counts_on_Red_ELPI_and_on_ELA_and_Math()
    {
        var elpi = new EvidenceBuilder().Color(LTEL, Elpi, Red).Determine(2024);
        Met(elpi, LTEL).ShouldBe([PriorityArea.PupilAchievement]);
        var tests = new EvidenceBuilder().Color(LTEL, Ela, Red).Color(LTEL, Indicator.Math, Orange).Determine(2024);
        Met(tests, LTEL).ShouldBe([PriorityArea.PupilAchievement]);
        var orange = new EvidenceBuilder().Color(LTEL, Elpi, Orange).Determine(2024);
        Met(orange, LTEL).ShouldBeEmpty();
    }

    [Fact]
    public void LTEL_in_2025_counts_on_Red_or_Orange_ELPI_and_never_on_ELA_and_Math()
    {
        Met(new EvidenceBuilder().Color(LTEL, Elpi, Orange).Determine(2025), LTEL).ShouldBe([PriorityArea.PupilAchievement]);
        Met(new EvidenceBuilder().Color(LTEL, Elpi, Red).Determine(2025), LTEL).ShouldBe([PriorityArea.PupilAchievement]);
        var tests = new EvidenceBuilder().Color(LTEL, Ela, Red).Color(LTEL, Indicator.Math, Red).Determine(2025);
        Met(tests, LTEL).ShouldBeEmpty();
        tests.Groups.Single(g => g.Group == LTEL).Priorities[0].Criteria[0].Applies.ShouldBeFalse();
        // English learners keep the Red-only ELPI rule in 2025.
        Met(new EvidenceBuilder().Color(EL, Elpi, Orange).Determine(2025), EL).ShouldBeEmpty();
    }

    [Fact]
    public void LTEL_is_not_a_group_in_2023()
    {
        var d = new EvidenceBuilder().Color(LTEL, Elpi, Red).Determine(2023);
        d.Groups.ShouldNotContain(g => g.Group == LTEL);
    }

    [Theory]
    [InlineData(Grad)]
    [InlineData(Chronic)]
    public void Priority5_is_Red_graduation_or_Red_chronic_absenteeism(Indicator indicator) =>
        Met(new EvidenceBuilder().Color(AA, indicator, Red).Determine(2024), AA).ShouldBe([PriorityArea.PupilEngagement]);

    [Fact]
    public void Priority6_is_Red_suspension() =>
        Met(new EvidenceBuilder().Color(AA, Susp, Red).Determine(2024), AA).ShouldBe([PriorityArea.SchoolClimate]);

    [Fact]
    public void Priority8_in_2023_is_CCI_status_Very_Low_with_the_current_n_size_met()
    {
        Met(new EvidenceBuilder().Status(HOM, Cci, 1, currNSizeMet: true).Determine(2023), HOM).ShouldBe([PriorityArea.PupilOutcomes]);
        Met(new EvidenceBuilder().Status(HOM, Cci, 1, currNSizeMet: false).Determine(2023), HOM).ShouldBeEmpty();
        Met(new EvidenceBuilder().Status(HOM, Cci, 2, currNSizeMet: true).Determine(2023), HOM).ShouldBeEmpty();
    }

    [Fact]
    public void Priority8_in_2024_is_Red_CCI()
    {
        Met(new EvidenceBuilder().Color(HOM, Cci, Red).Determine(2024), HOM).ShouldBe([PriorityArea.PupilOutcomes]);
        Met(new EvidenceBuilder().Status(HOM, Cci, 1, currNSizeMet: true).Determine(2024), HOM).ShouldBeEmpty();
    }

    [Fact]
    public void ALL_students_never_count()
    {
        var d = new EvidenceBuilder()
            .Color(ALL, Ela, Red).Color(ALL, Indicator.Math, Red).Color(ALL, Chronic, Red).Color(ALL, Susp, Red).Color(ALL, Cci, Red)
            .Determine(2024);
        d.Groups.ShouldNotContain(g => g.Group == ALL);
        d.TotalStudentGroups.ShouldBe(0);
        d.Method(1)!.Met.ShouldBeFalse();
        d.Status.ShouldBe(AssistanceStatus.GeneralAssistance);
    }

    [Fact]
    public void Two_priorities_give_a_letter_and_TotalStudentGroups_counts_lettered_groups()
    {
        var d = new EvidenceBuilder()
            .Color(SWD, Ela, Red).Color(SWD, Indicator.Math, Red).Color(SWD, Chronic, Red)
            .Color(FOS, Chronic, Red).Color(FOS, Susp, Red).Color(FOS, Cci, Red)
            .Color(HI, Susp, Red)
            .Determine(2024);
        d.LetterFor(SWD).ShouldBe("B");
        d.LetterFor(FOS).ShouldBe("J");
        d.LetterFor(HI).ShouldBeNull();
        d.TotalStudentGroups.ShouldBe(2);
        d.Method(1)!.Met.ShouldBeTrue();
        d.Method(1)!.Reason.ShouldContain("letter B");
    }
}

public class MethodTests
{
    [Fact]
    public void Method2_needs_two_local_indicators_not_met_for_two_or_more_years()
    {
        var one = new EvidenceBuilder().Local(PriorityArea.Basics, LocalPerformance.NotMetForTwoOrMoreYears)
            .Local(PriorityArea.StateStandards, LocalPerformance.NotMet).Determine(2024);
        one.Method(2)!.Met.ShouldBeFalse();
        var two = new EvidenceBuilder().Local(PriorityArea.Basics, LocalPerformance.NotMetForTwoOrMoreYears)
            .Local(PriorityArea.CourseAccess, LocalPerformance.NotMetForTwoOrMoreYears).Determine(2024);
        two.Method(2)!.Met.ShouldBeTrue();
        two.Status.ShouldBe(AssistanceStatus.DifferentiatedAssistanceYear1);
    }

    [Fact]
    public void Priorities_9_and_10_count_for_county_offices_only()
    {
        static EvidenceBuilder With9And10(LeaKind kind) => new EvidenceBuilder(kind)
            .Local(PriorityArea.ExpelledPupils, LocalPerformance.NotMetForTwoOrMoreYears)
            .Local(PriorityArea.FosterYouth, LocalPerformance.NotMetForTwoOrMoreYears);

        With9And10(LeaKind.District).Determine(2024).Method(2)!.Met.ShouldBeFalse();
        With9And10(LeaKind.CountyOffice).Determine(2024).Method(2)!.Met.ShouldBeTrue();
    }

    [Fact]
    public void Method3_is_one_group_priority_plus_one_local_indicator_in_a_different_priority()
    {
        var d = new EvidenceBuilder().Color(SWD, Susp, Red).Local(PriorityArea.CourseAccess, LocalPerformance.NotMetForTwoOrMoreYears).Determine(2024);
        d.Method(3)!.Met.ShouldBeTrue();
        d.Status.ShouldBe(AssistanceStatus.DifferentiatedAssistanceYear1);
    }

    [Fact]
    public void Method3_fails_when_the_local_indicator_is_the_same_priority()
    {
        var d = new EvidenceBuilder().Color(SWD, Susp, Red).Local(PriorityArea.SchoolClimate, LocalPerformance.NotMetForTwoOrMoreYears).Determine(2024);
        d.Method(3)!.Met.ShouldBeFalse();
        d.Method(3)!.Reason.ShouldContain("same priority area");
        d.Status.ShouldBe(AssistanceStatus.GeneralAssistance);
    }

    [Fact]
    public void Method3_holds_when_another_group_meets_a_different_single_priority()
    {
        var d = new EvidenceBuilder().Color(SWD, Susp, Red).Color(HI, Chronic, Red)
            .Local(PriorityArea.SchoolClimate, LocalPerformance.NotMetForTwoOrMoreYears).Determine(2024);
        d.Method(3)!.Met.ShouldBeTrue();
    }

    [Fact]
    public void Method3_is_exclusive_of_Methods_1_and_2()
    {
        var m1 = new EvidenceBuilder().Color(SWD, Susp, Red).Color(SWD, Chronic, Red).Color(HI, Chronic, Red)
            .Local(PriorityArea.CourseAccess, LocalPerformance.NotMetForTwoOrMoreYears).Determine(2024);
        (m1.Method(1)!.Met, m1.Method(3)!.Met).ShouldBe((true, false));

        var m2 = new EvidenceBuilder().Color(HI, Chronic, Red)
            .Local(PriorityArea.CourseAccess, LocalPerformance.NotMetForTwoOrMoreYears)
            .Local(PriorityArea.Basics, LocalPerformance.NotMetForTwoOrMoreYears).Determine(2024);
        (m2.Method(2)!.Met, m2.Method(3)!.Met).ShouldBe((true, false));
    }

    [Fact]
    public void Method3_needs_a_group_priority()
    {
        var d = new EvidenceBuilder().Local(PriorityArea.CourseAccess, LocalPerformance.NotMetForTwoOrMoreYears).Determine(2024);
        d.Method(3)!.Met.ShouldBeFalse();
    }

    [Fact]
    public void Method4_is_reported_from_2024_as_not_evaluated()
    {
        new EvidenceBuilder().Determine(2023).Method(4).ShouldBeNull();
        var m4 = new EvidenceBuilder().Determine(2024).Method(4)!;
        m4.Met.ShouldBeFalse();
        m4.Reason.ShouldContain("CALPADS");
    }
}

public class AssistanceStatusTests
{
    [Fact]
    public void Year1_last_year_and_not_identified_is_Year2_with_every_method_N()
    {
        var d = new EvidenceBuilder { Prior = AssistanceStatus.DifferentiatedAssistanceYear1 }.Color(HI, Chronic, Red).Determine(2024);
        d.Status.ShouldBe(AssistanceStatus.DifferentiatedAssistanceYear2);
        d.Methods.ShouldAllBe(m => !m.Met);
        d.StatusReason.ShouldContain("two years");
    }

    [Fact]
    public void Year2_last_year_and_not_identified_is_General()
    {
        var d = new EvidenceBuilder { Prior = AssistanceStatus.DifferentiatedAssistanceYear2 }.Determine(2024);
        d.Status.ShouldBe(AssistanceStatus.GeneralAssistance);
    }

    [Fact]
    public void Identified_again_restarts_at_Year1()
    {
        var d = new EvidenceBuilder { Prior = AssistanceStatus.DifferentiatedAssistanceYear1 }
            .Color(HI, Chronic, Red).Color(HI, Susp, Red).Determine(2024);
        d.Status.ShouldBe(AssistanceStatus.DifferentiatedAssistanceYear1);
    }

    [Fact]
    public void Identifications_of_2022_do_not_carry_into_2023()
    {
        var d = new EvidenceBuilder { Prior = AssistanceStatus.DifferentiatedAssistance }.Determine(2023);
        d.Status.ShouldBe(AssistanceStatus.GeneralAssistance);
        d.StatusReason.ShouldContain("do not carry");
    }

    [Fact]
    public void Year1_in_2024_carries_into_2025() =>
        new EvidenceBuilder { Prior = AssistanceStatus.DifferentiatedAssistanceYear1 }.Determine(2025).Status
            .ShouldBe(AssistanceStatus.DifferentiatedAssistanceYear2);

    [Fact]
    public void Missing_history_is_general_by_default_and_an_error_when_set()
    {
        var builder = new EvidenceBuilder { HasHistory = false };
        builder.Determine(2024).Status.ShouldBe(AssistanceStatus.GeneralAssistance);
        var strict = DeterminationSettings.Defaults.With(DeterminationSettings.MissingHistory, "error");
        Should.Throw<InvalidOperationException>(() => builder.Determine(2024, strict)).Message.ShouldContain("history");
    }

    [Fact]
    public void Charter_schools_are_refused_by_the_district_rule()
    {
        var evidence = new EvidenceBuilder(LeaKind.District, "27660920118588").Build(2024) with
        {
            Lea = new Lea(CdsCode.Parse("27660920118588"), LeaKind.CharterSchool, "A Charter", "Monterey"),
        };
        Should.Throw<ArgumentException>(() => DifferentiatedAssistance.Determine(Core.Rules.RuleBook.For(2024), evidence, DeterminationSettings.Defaults));
    }
}

public class SettingsTests
{
    [Fact]
    public void Unknown_settings_and_values_are_refused()
    {
        Should.Throw<ArgumentException>(() => DeterminationSettings.Defaults.With("no.such", "x"));
        Should.Throw<ArgumentException>(() => DeterminationSettings.Defaults.With(DeterminationSettings.MissingHistory, "maybe"));
    }

    [Fact]
    public void Applied_lists_every_assumption_with_its_value()
    {
        var applied = DeterminationSettings.Defaults.With(DeterminationSettings.Scope, "dashboard-leas").Applied();
        applied.Count.ShouldBe(DeterminationSettings.Definitions.Count);
        applied.Single(a => a.Key == DeterminationSettings.Scope).IsDefault.ShouldBeFalse();
        applied.ShouldAllBe(a => a.Rule.Contains("RULES.md"));
    }
}

public class CdsCodeTests
{
    [Theory]
    [InlineData("27102720000000", true, true)]
    [InlineData("01100170000000", true, true)]
    [InlineData("27661590000000", true, false)]
    [InlineData("27660920118588", false, false)]
    public void County_offices_are_known_by_their_district_code(string code, bool leaLevel, bool coe)
    {
        var cds = CdsCode.Parse(code);
        cds.IsLeaLevel.ShouldBe(leaLevel);
        cds.IsCountyOfficeCode.ShouldBe(coe);
        cds.CdCode.ShouldBe(code[..7]);
    }

    [Theory]
    [InlineData("2710272000000")]
    [InlineData("2710272000000X")]
    [InlineData("")]
    public void Malformed_codes_are_rejected(string text) => CdsCode.TryParse(text, out _).ShouldBeFalse();
}
