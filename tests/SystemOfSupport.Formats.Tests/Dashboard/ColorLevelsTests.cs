using SystemOfSupport.Core.Colors;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Dashboard;

/// <summary><see cref="ColorEngine.Levels(IndicatorMeasure)"/> (no words, for the forecast) gives what <see cref="ColorEngine.Compute"/> gives.</summary>
public sealed class ColorLevelsTests
{
    [Theory]
    [InlineData(2018)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    public void The_levels_alone_are_the_full_computation_without_its_explanation(int year)
    {
        var rows = Directory.GetFiles(RepoPaths.MontereyDashboard(year), "*download*.txt").SelectMany(f => DashboardReader.ReadRows(f)).ToList();
        rows.Count.ShouldBeGreaterThan(1000);
        foreach (var row in rows)
        {
            // The row as published, and moved by a few changes (the forecast's use), through both.
            foreach (var change in new decimal?[] { null, -12.3m, -0.4m, 0m, 2.5m, 30m })
            {
                var measure = change is null ? row.Measure : row.Measure with { Change = change };
                var full = ColorEngine.Compute(measure);
                ColorEngine.Levels(measure).ShouldBe(full.Levels, row.Result.Source.ToString());
            }
        }
    }
}
