using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Forecast;

namespace SystemOfSupport.Core.Tests.Forecast;

public class ForecastCalibrationTests
{
    private static CalibrationPoint Point(int i, double forecast, bool observed) =>
        new(new Lea(CdsCode.Parse($"27{i:00000}0000000"), LeaKind.District, $"LEA {i}", "Monterey"), forecast, observed);

    [Fact]
    public void The_Brier_score_is_the_mean_squared_difference_and_the_bins_count_each_forecast_once()
    {
        var c = ForecastCalibration.Compute("identified",
        [
            Point(1, 1.0, true), Point(2, 0.0, false), Point(3, 0.5, true), Point(4, 0.5, false), Point(5, 0.9, false),
        ]);

        c.BrierScore.ShouldBe((0 + 0 + 0.25 + 0.25 + 0.81) / 5, 1e-12);
        c.ObservedRate.ShouldBe(0.4, 1e-12);
        c.ClimatologyBrierScore.ShouldBe(0.24, 1e-12);
        c.Bins.Count.ShouldBe(5);
        c.Bins.Sum(b => b.Count).ShouldBe(5);
        c.Bins[0].Count.ShouldBe(1);
        c.Bins[2].Count.ShouldBe(2);
        c.Bins[2].ObservedRate.ShouldBe(0.5);
        c.Bins[4].Count.ShouldBe(2); // 0.9 and 1.0: the last bin includes 1
        c.Bins[4].MeanForecast!.Value.ShouldBe(0.95, 1e-12);
        c.Bins[1].ObservedRate.ShouldBeNull();
        c.MeanForecastByOutcome.Observed!.Value.ShouldBe(0.75, 1e-12);
        c.SkillScore!.Value.ShouldBe(1 - (c.BrierScore / 0.24), 1e-12);
    }

    [Fact]
    public void Nothing_to_compare_is_an_error()
    {
        Should.Throw<ArgumentException>(() => ForecastCalibration.Compute("identified", [])).Message.ShouldContain("nothing to calibrate");
    }
}
