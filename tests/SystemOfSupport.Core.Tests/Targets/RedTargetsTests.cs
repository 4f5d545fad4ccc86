using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Targets;

namespace SystemOfSupport.Core.Tests.Targets;

public class RedTargetsTests
{
    private static readonly Lea District = new(CdsCode.Parse("27661590000000"), LeaKind.District, "Test Unified", "Monterey");

    private static IndicatorMeasure Chronic(int numerator, int denominator, decimal prior) =>
        new(2024, Indicator.Chronic, StudentGroup.SWD, true, Math.Round(100m * numerator / denominator, 1, MidpointRounding.AwayFromZero), denominator,
            prior, denominator, null, false, denominator < 150)
        { CurrentNumerator = numerator };

    [Fact]
    public void Very_high_chronic_absenteeism_needs_a_decline_of_half_a_point_to_leave_Red()
    {
        // 50 of 200 = 25.0%, up from 24.0%: Very High and Increased — Red.
        var now = Chronic(50, 200, 24.0m);
        ColorEngine.Compute(now).Color.ShouldBe(DashboardColor.Red);
        var target = RedTargets.For(District, now).ShouldNotBeNull();
        // Holding at 25.0% is Maintained, still Red; 49 of 200 = 24.5% is Declined (−0.5): Orange.
        target.Students.ShouldBe(1);
        target.NextColor.Color.ShouldBe(DashboardColor.Orange);
        target.Description.ShouldBe("1 fewer chronically absent student (25.0% → 24.5% of 200): Orange");
    }

    [Fact]
    public void A_Red_from_a_big_increase_leaves_Red_by_holding_steady()
    {
        // 22 of 200 = 11.0%, up from 5.0% (High and Increased Significantly): Red; next year Maintained at High is Orange.
        var now = Chronic(22, 200, 5.0m);
        ColorEngine.Compute(now).Color.ShouldBe(DashboardColor.Red);
        RedTargets.For(District, now).ShouldNotBeNull().Students.ShouldBe(0);
    }

    [Fact]
    public void Results_that_are_not_Red_have_no_target() =>
        RedTargets.For(District, Chronic(10, 200, 6.0m)).ShouldBeNull();

    [Fact]
    public void Math_targets_are_in_tenths_of_a_point()
    {
        var now = new IndicatorMeasure(2024, Indicator.Math, StudentGroup.HI, true, -120.0m, 500, -110.0m, 480, null, false, null);
        ColorEngine.Compute(now).Color.ShouldBe(DashboardColor.Red);
        var target = RedTargets.For(District, now).ShouldNotBeNull();
        target.Students.ShouldBeNull();
        ColorEngine.Compute(target.Next).Color.ShouldNotBe(DashboardColor.Red);
        var oneLess = target.Next with { CurrentStatus = target.Next.CurrentStatus - 0.1m, Change = target.Next.Change - 0.1m };
        ColorEngine.Compute(oneLess).Color.ShouldBe(DashboardColor.Red);
    }
}
