using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;
using static SystemOfSupport.Core.Domain.DashboardColor;
using static SystemOfSupport.Core.Domain.StudentGroup;
using I = SystemOfSupport.Core.Domain.Indicator;

namespace SystemOfSupport.Core.Tests.Determinations;

/// <summary>RULES.md §3.6: charter schools — the same criteria, met in two consecutive Dashboard years.</summary>
public class CharterAssistanceTests
{
    private const string Charter = "27660920118588";

    private static EvidenceBuilder NewCharter() => new(LeaKind.CharterSchool, Charter);

    private static CriteriaFinding Criteria(int year, EvidenceBuilder b) =>
        DifferentiatedAssistance.Criteria(RuleBook.For(year), b.Build(year), DeterminationSettings.Defaults);

    private static CharterDetermination Decide(int year, EvidenceBuilder current, CriteriaFinding? prior) =>
        CharterAssistance.Determine(RuleBook.For(year), current.Build(year), prior, DeterminationSettings.Defaults);

    [Fact]
    public void Rule_3_6_two_consecutive_years_with_different_groups_and_methods_is_eligible()
    {
        // 2023: Students with Disabilities meet priorities 5 and 6 (Method 1).
        var prior = Criteria(2023, NewCharter().Color(SWD, I.Chronic, Red).Color(SWD, I.Susp, Red));
        prior.Method(1)!.Met.ShouldBeTrue();
        // 2024: a different group, by Method 3 (one priority plus a local indicator in another).
        var current = NewCharter().Color(HI, I.Susp, Red).Local(PriorityArea.CourseAccess, LocalPerformance.NotMetForTwoOrMoreYears);
        var d = Decide(2024, current, prior);
        d.Current.Method(3)!.Met.ShouldBeTrue();
        d.Status.ShouldBe(AssistanceStatus.DifferentiatedAssistance);
        d.Reason.ShouldContain("two consecutive years");
    }

    [Fact]
    public void Rule_3_6_one_year_is_not_enough()
    {
        var current = NewCharter().Color(SWD, I.Chronic, Red).Color(SWD, I.Susp, Red);
        Decide(2024, current, Criteria(2023, NewCharter())).Status.ShouldBe(AssistanceStatus.GeneralAssistance);
        Decide(2024, NewCharter(), Criteria(2023, NewCharter().Color(SWD, I.Chronic, Red).Color(SWD, I.Susp, Red)))
            .Status.ShouldBe(AssistanceStatus.GeneralAssistance);
    }

    [Fact]
    public void Rule_3_6_unknown_prior_year_identifies_no_charter()
    {
        var d = Decide(2024, NewCharter().Color(SWD, I.Chronic, Red).Color(SWD, I.Susp, Red), null);
        (d.Current.Met, d.Status).ShouldBe((true, AssistanceStatus.GeneralAssistance));
        d.Reason.ShouldContain("unknown");
    }

    [Fact]
    public void Rule_3_6_Method_4_never_applies_to_charters()
    {
        var d = Decide(2024, NewCharter(), Criteria(2023, NewCharter()));
        d.Current.Methods.Select(m => m.Number).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void Rule_3_6_a_charters_2022_year_uses_2022s_status_rules_with_n_size_30_for_every_group()
    {
        // Foster youth at a school: 20 students is under the school n-size of 30 (15 applies to LEAs only).
        var small = Criteria(2022, NewCharter().Denominator(20).Status(FOS, I.Susp, 1, true).Status(FOS, I.Chronic, 1, true));
        small.Met.ShouldBeFalse();
        var large = Criteria(2022, NewCharter().Denominator(30).Status(FOS, I.Susp, 1, true).Status(FOS, I.Chronic, 1, true));
        large.Met.ShouldBeTrue();
        Decide(2023, NewCharter().Color(FOS, I.Susp, Red).Color(FOS, I.Chronic, Red), large).IsIdentified.ShouldBeTrue();
    }

    [Fact]
    public void Districts_are_refused_by_the_charter_rule() =>
        Should.Throw<ArgumentException>(() => Decide(2024, new EvidenceBuilder(), null));
}
