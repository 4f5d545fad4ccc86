using SystemOfSupport.Core.Casework;

namespace SystemOfSupport.Core.Tests.Casework;

/// <summary>Every step of the lifecycle, its guard, and the moves it refuses.</summary>
public class CaseLifecycleTests
{
    private static readonly CaseEvidence Nothing = new(0, false, false, false, 0, false);
    private static readonly CaseEvidence Everything = new(1, true, true, true, 1, false);

    public static TheoryData<CaseStep, CaseStep> Path => new()
    {
        { CaseStep.Identified, CaseStep.ManagementConsultation },
        { CaseStep.ManagementConsultation, CaseStep.DataReview },
        { CaseStep.DataReview, CaseStep.StrategiesChosen },
        { CaseStep.StrategiesChosen, CaseStep.LcapPlanSummary },
        { CaseStep.LcapPlanSummary, CaseStep.Monitoring },
        { CaseStep.Monitoring, CaseStep.Closed },
    };

    [Theory]
    [MemberData(nameof(Path))]
    public void Each_step_of_the_path_is_allowed_with_its_evidence(CaseStep from, CaseStep to)
    {
        var check = CaseLifecycle.Check(from, to, Everything);

        check.Allowed.ShouldBeTrue();
        check.Refusal.ShouldBeNull();
    }

    [Theory]
    [InlineData(CaseStep.ManagementConsultation, CaseStep.DataReview, "first hold and record a meeting")]
    [InlineData(CaseStep.DataReview, CaseStep.StrategiesChosen, "first record the root causes found")]
    [InlineData(CaseStep.StrategiesChosen, CaseStep.LcapPlanSummary, "first record the strategies chosen")]
    [InlineData(CaseStep.LcapPlanSummary, CaseStep.Monitoring, "first write the LCAP plan summary of the assistance work and record an engagement with educational partners")]
    public void A_guarded_step_is_refused_without_its_evidence(CaseStep from, CaseStep to, string reason)
    {
        var check = CaseLifecycle.Check(from, to, Nothing);

        check.Allowed.ShouldBeFalse();
        check.Refusal.ShouldBe($"Cannot move from {from.Label()} to {to.Label()}: {reason}.");
    }

    [Fact]
    public void The_first_steps_and_closing_from_monitoring_need_nothing()
    {
        CaseLifecycle.Check(CaseStep.Identified, CaseStep.ManagementConsultation, Nothing).Allowed.ShouldBeTrue();
        CaseLifecycle.Check(CaseStep.Monitoring, CaseStep.Closed, Nothing).Allowed.ShouldBeTrue();
    }

    [Fact]
    public void Monitoring_needs_both_the_plan_summary_and_an_engagement()
    {
        CaseLifecycle.Check(CaseStep.LcapPlanSummary, CaseStep.Monitoring, Everything with { EngagementRecords = 0 }).Refusal
            .ShouldBe("Cannot move from LCAP plan summary to monitoring: first record an engagement with educational partners.");
        CaseLifecycle.Check(CaseStep.LcapPlanSummary, CaseStep.Monitoring, Everything with { PlanSummaryWritten = false }).Allowed.ShouldBeFalse();
    }

    [Theory]
    [InlineData(CaseStep.Identified, CaseStep.DataReview)]
    [InlineData(CaseStep.Identified, CaseStep.Monitoring)]
    [InlineData(CaseStep.DataReview, CaseStep.ManagementConsultation)]
    [InlineData(CaseStep.StrategiesChosen, CaseStep.Monitoring)]
    [InlineData(CaseStep.Monitoring, CaseStep.LcapPlanSummary)]
    [InlineData(CaseStep.Identified, CaseStep.Identified)]
    public void Skipping_or_going_back_is_refused_naming_the_allowed_moves(CaseStep from, CaseStep to)
    {
        var check = CaseLifecycle.Check(from, to, Everything);

        check.Allowed.ShouldBeFalse();
        check.Refusal!.ShouldStartWith($"Cannot move from {from.Label()} to {to.Label()}: from {from.Label()} a case may only move to ");
    }

    [Theory]
    [InlineData(CaseStep.Closed)]
    [InlineData(CaseStep.Continued)]
    public void A_closed_or_continued_case_takes_no_further_steps(CaseStep from)
    {
        foreach (var to in Enum.GetValues<CaseStep>())
        {
            CaseLifecycle.Check(from, to, Everything with { NoLongerIdentified = true, IdentifiedAgain = true }).Refusal
                .ShouldBe($"Cannot move from {from.Label()} to {to.Label()}: a case that is {from.Label()} takes no further steps.");
        }

        CaseLifecycle.From(from).ShouldBeEmpty();
        from.IsOpen().ShouldBeFalse();
    }

    [Theory]
    [InlineData(CaseStep.Identified)]
    [InlineData(CaseStep.DataReview)]
    [InlineData(CaseStep.LcapPlanSummary)]
    public void An_open_case_closes_early_only_when_the_LEA_has_left_assistance(CaseStep from)
    {
        CaseLifecycle.Check(from, CaseStep.Closed, Everything).Refusal.ShouldBe(
            $"Cannot move from {from.Label()} to closed: first the LEA must have left differentiated assistance (close from monitoring otherwise).");
        CaseLifecycle.Check(from, CaseStep.Closed, Everything with { NoLongerIdentified = true }).Allowed.ShouldBeTrue();
    }

    [Fact]
    public void Every_open_step_is_continued_into_a_new_term_only_when_identified_again_and_a_person_is_not_offered_it()
    {
        foreach (var step in CaseLifecycle.Open)
        {
            CaseLifecycle.Check(step, CaseStep.Continued, Everything).Allowed.ShouldBeFalse();
            CaseLifecycle.Check(step, CaseStep.Continued, Everything with { IdentifiedAgain = true }).Allowed.ShouldBeTrue();
            CaseLifecycle.From(step).ShouldNotContain(t => t.To == CaseStep.Continued);
            step.IsOpen().ShouldBeTrue();
        }
    }

    [Fact]
    public void The_buttons_offered_follow_the_table()
    {
        CaseLifecycle.From(CaseStep.Identified).Select(t => (t.To, t.Action)).ShouldBe(
            [(CaseStep.ManagementConsultation, "Begin the management consultation"), (CaseStep.Closed, "Close: no longer identified")]);
        CaseLifecycle.From(CaseStep.Monitoring).Select(t => t.To).ShouldBe([CaseStep.Closed]);
    }
}
