using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Tests.Determinations;
using static SystemOfSupport.Core.Domain.DashboardColor;
using static SystemOfSupport.Core.Domain.StudentGroup;
using I = SystemOfSupport.Core.Domain.Indicator;

namespace SystemOfSupport.Core.Tests.Rules;

/// <summary>RULES.md §3.1 for 2017, 2018, 2019 and 2022, and §3.5's wording for those years.</summary>
public class EarlierYearsRulesTests
{
    private static PriorityArea[] Met(Determination d, StudentGroup g) => [.. d.Groups.Single(x => x.Group == g).MetPriorities];

    [Fact]
    public void Rule_3_1_2017_P4_is_red_ELA_and_Math_or_red_ELPI_and_P5_is_red_graduation_only()
    {
        Met(new EvidenceBuilder().Color(HI, I.Ela, Red).Color(HI, I.Math, Orange).Determine(2017), HI).ShouldBe([PriorityArea.PupilAchievement]);
        Met(new EvidenceBuilder().Color(EL, I.Elpi, Red).Determine(2017), EL).ShouldBe([PriorityArea.PupilAchievement]);
        Met(new EvidenceBuilder().Color(HI, I.Grad, Red).Determine(2017), HI).ShouldBe([PriorityArea.PupilEngagement]);
        Met(new EvidenceBuilder().Color(HI, I.Chronic, Red).Determine(2017), HI).ShouldBeEmpty();
        Met(new EvidenceBuilder().Color(HI, I.Cci, Red).Determine(2017), HI).ShouldBeEmpty();
    }

    [Fact]
    public void Rule_3_5_2017_is_worded_Differentiated_Support()
    {
        var d = new EvidenceBuilder().Color(SWD, I.Susp, Red).Color(SWD, I.Grad, Red).Determine(2017);
        d.LetterFor(SWD).ShouldBe("C");
        d.Status.ShouldBe(AssistanceStatus.DifferentiatedSupport);
        new EvidenceBuilder().Determine(2017).Status.ShouldBe(AssistanceStatus.GeneralSupport);
    }

    [Fact]
    public void Rule_3_1_2018_has_no_ELPI_and_adds_chronic_absenteeism_and_red_CCI()
    {
        Met(new EvidenceBuilder().Color(EL, I.Elpi, Red).Determine(2018), EL).ShouldBeEmpty();
        Met(new EvidenceBuilder().Color(AA, I.Chronic, Red).Color(AA, I.Cci, Red).Determine(2018), AA)
            .ShouldBe([PriorityArea.PupilEngagement, PriorityArea.PupilOutcomes]);
    }

    [Fact]
    public void Rule_3_5_2018_to_2022_is_one_year_Differentiated_Assistance_without_carry_over()
    {
        var identified = new EvidenceBuilder().Color(AA, I.Chronic, Red).Color(AA, I.Cci, Red).Determine(2018);
        (identified.LetterFor(AA), identified.Status).ShouldBe(("F", AssistanceStatus.DifferentiatedAssistance));
        new EvidenceBuilder { Prior = AssistanceStatus.DifferentiatedAssistance }.Determine(2019).Status.ShouldBe(AssistanceStatus.GeneralAssistance);
    }

    [Fact]
    public void Rule_3_1_2019_ELPI_counts_on_status_Very_Low_for_English_learners()
    {
        Met(new EvidenceBuilder().Status(EL, I.Elpi, 1, currNSizeMet: true).Determine(2019), EL).ShouldBe([PriorityArea.PupilAchievement]);
        Met(new EvidenceBuilder().Status(EL, I.Elpi, 2, currNSizeMet: true).Determine(2019), EL).ShouldBeEmpty();
        Met(new EvidenceBuilder().Status(SED, I.Elpi, 1, currNSizeMet: true).Determine(2019), SED).ShouldBeEmpty();
    }

    [Fact]
    public void Rule_3_1_2022_uses_status_only_proxies()
    {
        Met(new EvidenceBuilder().Status(HI, I.Ela, 1, true).Status(HI, I.Math, 1, true).Determine(2022), HI).ShouldBe([PriorityArea.PupilAchievement]);
        Met(new EvidenceBuilder().Status(HI, I.Ela, 1, true).Status(HI, I.Math, 2, true).Determine(2022), HI).ShouldBeEmpty();
        Met(new EvidenceBuilder().Status(EL, I.Elpi, 1, true).Determine(2022), EL).ShouldBe([PriorityArea.PupilAchievement]);
        // Very High chronic absenteeism and suspension are status level 1: 5 is always best.
        Met(new EvidenceBuilder().Status(HI, I.Chronic, 1, true).Status(HI, I.Susp, 1, true).Determine(2022), HI)
            .ShouldBe([PriorityArea.PupilEngagement, PriorityArea.SchoolClimate]);
        Met(new EvidenceBuilder().Status(HI, I.Grad, 1, true).Determine(2022), HI).ShouldBe([PriorityArea.PupilEngagement]);
        Met(new EvidenceBuilder().Status(HI, I.Cci, 1, true).Determine(2022), HI).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(SWD, 29, false)]
    [InlineData(SWD, 30, true)]
    [InlineData(FOS, 14, false)]
    [InlineData(FOS, 15, true)]
    [InlineData(HOM, 15, true)]
    public void Rule_3_1_2022_n_size_is_30_and_15_for_foster_and_homeless_at_LEA_level(StudentGroup group, int students, bool met) =>
        Met(new EvidenceBuilder().Denominator(students).Status(group, I.Susp, 1, true).Determine(2022), group).Length.ShouldBe(met ? 1 : 0);

    [Fact]
    public void Rule_3_4_2022_has_only_Method_1_and_no_local_indicators()
    {
        var d = new EvidenceBuilder()
            .Local(PriorityArea.Basics, LocalPerformance.NotMetForTwoOrMoreYears)
            .Local(PriorityArea.CourseAccess, LocalPerformance.NotMetForTwoOrMoreYears)
            .Determine(2022);
        d.Methods.Select(m => m.Number).ShouldBe([1]);
        d.Status.ShouldBe(AssistanceStatus.GeneralAssistance);
    }

    [Fact]
    public void Rule_3_5_COEs_were_first_determined_in_2018()
    {
        Core.Rules.RuleBook.For(2017).CountyOfficesDetermined.ShouldBeFalse();
        Core.Rules.RuleBook.For(2018).CountyOfficesDetermined.ShouldBeTrue();
    }
}
