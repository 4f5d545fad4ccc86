using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Targets;
using SystemOfSupport.Formats.Runs;
using SystemOfSupport.Formats.Targets;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Targets;

/// <summary>Every target reported for Monterey's 2024 Red results leaves Red in the engine, and one unit less does not.</summary>
public class RedTargetTests
{
    private static readonly Lazy<IReadOnlyList<LeaTargets>> Monterey2024 = new(() => TargetRunner.Run(new DeterminationRequest(
        2024, RepoPaths.MontereyDashboard(2024), RepoPaths.LocalIndicators(2024), [RepoPaths.StatusWorkbook("assistancestatus23.xlsx")], DeterminationSettings.Defaults)));

    private static IEnumerable<Target> AllTargets => Monterey2024.Value.SelectMany(l => l.Targets);

    [Fact]
    public void There_are_targets_for_rates_and_for_test_scores()
    {
        AllTargets.Count().ShouldBeGreaterThan(20);
        AllTargets.ShouldContain(t => t.Students != null);
        AllTargets.ShouldContain(t => t.Indicator == Indicator.Ela || t.Indicator == Indicator.Math);
    }

    [Fact]
    public void Each_target_leaves_Red_and_one_unit_less_does_not()
    {
        var failures = new List<string>();
        foreach (var t in AllTargets)
        {
            var after = ColorEngine.Compute(t.Next).Color;
            var holdingSteady = t.Points == 0 || t.Students == 0;
            var oneLess = holdingSteady ? DashboardColor.Red : ColorEngine.Compute(OneUnitLess(t)).Color;
            if (after is DashboardColor.Red or DashboardColor.None || oneLess != DashboardColor.Red)
            {
                failures.Add($"{t.Lea.Cds} {t.Group} {t.Indicator}: {t.Description}; after {after}, one unit less {oneLess}");
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Holding_steady_is_reported_when_it_is_enough()
    {
        var steady = AllTargets.Where(t => t.Students == 0 || t.Points == 0).ToList();
        steady.ShouldNotBeEmpty();
        steady.ShouldAllBe(t => t.Description.StartsWith("holding at", StringComparison.Ordinal));
    }

    [Fact]
    public void The_smallest_exit_really_ends_the_identification()
    {
        var identified = Monterey2024.Value.Where(l => l.Determination.IsIdentified).ToList();
        identified.Count.ShouldBe(7);
        identified.ShouldAllBe(l => l.Exit.Possible && l.Exit.Targets.Count >= 1);
        // Gonzales Unified: Students with Disabilities (letter D: priorities 4 and 6) — leaving Red on suspension alone ends it.
        var gonzales = identified.Single(l => l.Determination.Lea.Cds.Value == "27754730000000");
        gonzales.Exit.Targets.ShouldHaveSingleItem().Group.ShouldBe(StudentGroup.SWD);
    }

    /// <summary>The same target with one student (or 0.1 point) less improvement.</summary>
    private static IndicatorMeasure OneUnitLess(Target t)
    {
        var now = t.Now;
        var exact = now.ExactCurrentStatus ?? now.CurrentStatus!.Value;
        decimal nextExact;
        if (t.Students is int students)
        {
            var den = now.CurrentDenominator!.Value;
            var numerator = now.CurrentNumerator ?? (int)Math.Round(exact * den / 100m, MidpointRounding.AwayFromZero);
            var lower = now.Indicator is Indicator.Chronic or Indicator.Susp;
            nextExact = 100m * (numerator + (lower ? -(students - 1) : students - 1)) / den;
        }
        else
        {
            nextExact = exact + t.Points - 0.1m;
        }

        return t.Next with
        {
            CurrentStatus = Math.Round(nextExact, 1, MidpointRounding.AwayFromZero),
            Change = Math.Round(nextExact - exact, 1, MidpointRounding.AwayFromZero),
        };
    }
}
