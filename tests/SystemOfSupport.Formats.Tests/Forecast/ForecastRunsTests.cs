using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Forecast;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Forecast;

/// <summary>
/// The forecast colors a result's possible changes by runs of equal levels found by halving; here every change is
/// colored one by one, for every rated LEA row of Monterey 2023 and 2024 over a bucket of changes from −40 to +40.
/// </summary>
public sealed class ForecastRunsTests
{
    private static readonly decimal[] Changes = [.. Enumerable.Range(-400, 801).Select(i => i / 10m).Concat([-0.05m, 0.05m, 3.15m]).Order()];

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    public void Runs_found_by_halving_give_every_change_its_own_levels(int year)
    {
        var measures = Directory.GetFiles(RepoPaths.MontereyDashboard(year), "*download*.txt")
            .SelectMany(f => DashboardReader.ReadRows(f))
            .Where(r => r.RecordType == "D" && r.Measure.CurrentStatus is not null)
            .Select(r => r.Measure)
            .ToList();
        measures.Count.ShouldBeGreaterThan(300);
        var runsSeen = 0;
        foreach (var now in measures)
        {
            var runs = IdentificationForecaster.LevelRuns(year + 1, now, Changes);
            runs[0].Start.ShouldBe(0);
            runs[^1].End.ShouldBe(Changes.Length);
            foreach (var (start, end, _, levels) in runs)
            {
                for (var i = start; i < end; i++)
                {
                    ColorEngine.Levels(NextYear.Measure(now, year + 1, Changes[i])).ShouldBe(levels, $"{now.Indicator} {now.Group} change {Changes[i]}");
                }
            }

            runsSeen += runs.Count;
        }

        // Not one run per row: the changes do move results across levels.
        runsSeen.ShouldBeGreaterThan(2 * measures.Count);
    }
}
