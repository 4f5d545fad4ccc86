using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Forecast;

namespace SystemOfSupport.Core.Tests.Forecast;

public class ChangeDistributionTests
{
    private static IEnumerable<ChangeObservation> Repeat(Indicator indicator, int level, int count, decimal from = 0m) =>
        Enumerable.Range(0, count).Select(i => new ChangeObservation(indicator, level, from + i));

    [Fact]
    public void A_level_with_enough_changes_is_its_own_bucket_sorted()
    {
        var changes = new ChangeDistribution(Repeat(Indicator.Ela, 1, 30, from: -10m).Reverse().Concat(Repeat(Indicator.Ela, 3, 40)), bucketMinimum: 30);

        var bucket = changes.For(Indicator.Ela, 1)!;
        bucket.WholeIndicator.ShouldBeFalse();
        bucket.Changes.Length.ShouldBe(30);
        bucket.Changes.ShouldBe(bucket.Changes.Order());
        bucket.Changes.ShouldAllBe(c => c < 20m);
        bucket.Description.ShouldContain("status level 1: 30 changes");
    }

    [Fact]
    public void A_level_with_fewer_than_the_minimum_falls_back_to_the_indicators_whole_distribution()
    {
        var changes = new ChangeDistribution(Repeat(Indicator.Chronic, 2, 29).Concat(Repeat(Indicator.Chronic, 4, 35)).Append(new(Indicator.Chronic, 0, 99m)), bucketMinimum: 30);

        var small = changes.For(Indicator.Chronic, 2)!;
        small.WholeIndicator.ShouldBeTrue();
        small.Level.ShouldBe(2);
        small.Changes.Length.ShouldBe(29 + 35 + 1);
        small.Description.ShouldContain("29 changes, fewer than 30");

        // A level nobody started from, and an unknown level, take the whole distribution too.
        changes.For(Indicator.Chronic, 5)!.Changes.Length.ShouldBe(65);
        changes.For(Indicator.Chronic, 0)!.WholeIndicator.ShouldBeTrue();
        changes.For(Indicator.Chronic, 4)!.WholeIndicator.ShouldBeFalse();
    }

    [Fact]
    public void The_minimum_is_a_setting_and_an_indicator_without_changes_has_none()
    {
        var observations = Repeat(Indicator.Susp, 1, 12).ToList();
        new ChangeDistribution(observations, bucketMinimum: 10).For(Indicator.Susp, 1)!.WholeIndicator.ShouldBeFalse();
        new ChangeDistribution(observations, bucketMinimum: 30).For(Indicator.Susp, 1)!.WholeIndicator.ShouldBeTrue();
        new ChangeDistribution(observations, bucketMinimum: 30).For(Indicator.Cci, 1).ShouldBeNull();
        new ChangeDistribution(observations, bucketMinimum: 30).Count(Indicator.Cci).ShouldBe(0);
        ChangeBucket.Maintained(Indicator.Cci).Changes.ShouldBe([0m]);
        Core.Determinations.DeterminationSettings.Defaults.BucketMinimum().ShouldBe(30);
        Core.Determinations.DeterminationSettings.Defaults.With(ForecastSettings.BucketMinimumKey, "50").BucketMinimum().ShouldBe(50);
    }

    [Fact]
    public void Next_years_measure_keeps_the_denominator_and_takes_this_years_status_as_its_prior()
    {
        var now = new IndicatorMeasure(2023, Indicator.Chronic, StudentGroup.SWD, true, 98.5m, 120, 90m, 110, null, false, false);
        var next = NextYear.Measure(now, 2024, 4.0m);
        next.Year.ShouldBe(2024);
        next.CurrentStatus.ShouldBe(100m); // a rate stays within 0–100
        next.Change.ShouldBe(1.5m);
        next.PriorStatus.ShouldBe(98.5m);
        (next.CurrentDenominator, next.PriorDenominator).ShouldBe((120, 120));
        next.SmallDenominator.ShouldBe(true);
        NextYear.StatusLevel(now, 98.5m).ShouldBe(1);
        NextYear.StatusLevel(now, 2.0m).ShouldBe(5);
        ColorEngine.Compute(next).Color.ShouldBe(DashboardColor.Red);
    }
}
