using System.Globalization;
using System.Text.RegularExpressions;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Cli.Tests.Forecast;

/// <summary>
/// The 2024 forecast from Monterey's 2023 files, scored against the state's 2024 workbook, and the forecast's bad
/// input, through the real command line.
/// </summary>
public partial class ForecastCommandTests
{
    private static string CciChanges2018 => Path.Combine(RepoPaths.Data("cde", "dashboard", "monterey-county", "2018"), "ccidownload2018.txt");

    private static (int Code, string Output) Forecast(params string[] extra) => CliRunner.Run(
    [
        "forecast", "--year", "2024", "--dashboard", RepoPaths.MontereyDashboard(2023), "--local", RepoPaths.LocalIndicators(2023),
        "--history", RepoPaths.StatusWorkbook("assistancestatus19.xlsx"), .. extra,
    ]);

    [Fact]
    public void The_Monterey_2024_forecast_scores_a_Brier_score_and_ranks_the_identified_LEAs_higher()
    {
        using var tmp = RepoPaths.NewTempDir();
        var (code, output) = Forecast("--change-from", CciChanges2018, "--expected", RepoPaths.StatusWorkbook("assistancestatus24.xlsx"), "--out", tmp.Path);
        code.ShouldBe(0, output);

        var text = Squash(output);
        var brier = BrierScore().Match(text);
        brier.Success.ShouldBeTrue(output);
        double.Parse(brier.Groups[1].Value, CultureInfo.InvariantCulture).ShouldBeInRange(0, 0.25);
        text.ShouldContain("25 districts and county offices, 2,000 simulations (seed 1)");

        // Every LEA is in the calibration file beside the state's outcome; those the state identified got the higher forecasts.
        var identified = File.ReadLines(tmp.File("calibration24.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(c => c[1] == "identified")
            .Select(c => (Forecast: double.Parse(c[^3], CultureInfo.InvariantCulture), Observed: c[^2] == "Y"))
            .ToList();
        identified.Count.ShouldBe(25);
        identified.Count(p => p.Observed).ShouldBe(7);
        identified.Where(p => p.Observed).Average(p => p.Forecast).ShouldBeGreaterThan(identified.Where(p => !p.Observed).Average(p => p.Forecast));

        var forecast = File.ReadAllLines(tmp.File("forecast24.csv"));
        forecast.Length.ShouldBe(26);
        forecast[0].ShouldStartWith("Year,BaseYear,CDS,LEA,LEAtype,BaseStatus,PIdentified,PInDA,PMethod1,PMethod2,PMethod3,PMethod4,");
        File.ReadLines(tmp.File("reliability24.csv")).Count().ShouldBe(1 + (2 * 5));
    }

    [Fact]
    public void The_same_seed_writes_the_same_forecast()
    {
        using var a = RepoPaths.NewTempDir();
        using var b = RepoPaths.NewTempDir();
        using var c = RepoPaths.NewTempDir();
        Forecast("--simulations", "300", "--seed", "42", "--out", a.Path).Code.ShouldBe(0);
        Forecast("--simulations", "300", "--seed", "42", "--out", b.Path).Code.ShouldBe(0);
        Forecast("--simulations", "300", "--seed", "43", "--out", c.Path).Code.ShouldBe(0);
        File.ReadAllText(b.File("forecast24.csv")).ShouldBe(File.ReadAllText(a.File("forecast24.csv")));
        File.ReadAllText(c.File("forecast24.csv")).ShouldNotBe(File.ReadAllText(a.File("forecast24.csv")));
    }

    [Fact]
    public void Without_a_CCI_change_source_the_status_is_carried_and_the_run_says_so()
    {
        var (code, output) = Forecast("--simulations", "50");
        code.ShouldBe(0, output);
        Squash(output).ShouldContain("College/Career: no observed change in the 2023 files and none from --change-from: its 2024 status is taken as 2023's, colored as Maintained");
        Squash(output).ShouldContain("Long-Term English Learners (LTEL): rated in 2024 but not in 2023");
    }

    [Theory]
    [InlineData("2022", "--year 2022 cannot be forecast: its Dashboard year before is 2019")]
    [InlineData("2026", "--year 2026 cannot be forecast: there are no rules for 2026")]
    [InlineData("2017", "there is no Dashboard year before it; supported (base year → forecast year): 2017 → 2018, 2018 → 2019, 2022 → 2023, 2023 → 2024, 2024 → 2025")]
    public void An_unknown_year_pair_is_a_usage_error(string year, string message)
    {
        var (code, output) = CliRunner.Run("forecast", "--year", year, "--dashboard", RepoPaths.MontereyDashboard(2023));
        code.ShouldBe(1, output);
        Squash(output).ShouldContain(message);
    }

    [Fact]
    public void The_forecast_years_own_files_are_not_a_base_year()
    {
        var (code, output) = CliRunner.Run("forecast", "--year", "2024", "--dashboard", RepoPaths.MontereyDashboard(2024));
        code.ShouldBe(2, output);
        Squash(output).ShouldContain("Dashboard files of 2024; a 2024 forecast starts from the 2023 files (the base year)");
    }

    [Fact]
    public void A_change_source_from_the_forecast_year_is_refused()
    {
        var (code, output) = Forecast("--change-from", Path.Combine(RepoPaths.MontereyDashboard(2024), "ccidownload2024.txt"));
        code.ShouldBe(2, output);
        Squash(output).ShouldContain("a 2024 file cannot inform a 2024 forecast");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void Fewer_than_one_simulation_is_a_usage_error(string simulations)
    {
        var (code, output) = Forecast("--simulations", simulations);
        code.ShouldBe(1, output);
        Squash(output).ShouldContain($"--simulations must be at least 1, not {simulations}");
    }

    [Fact]
    public void A_forecast_setting_is_checked_and_listed()
    {
        var (code, output) = Forecast("--set", "forecast.bucket-min=7");
        code.ShouldBe(1, output);
        Squash(output).ShouldContain("setting 'forecast.bucket-min' cannot be '7'");
        Squash(CliRunner.Run("settings").Output).ShouldContain("forecast.missing-change");
    }

    private static string Squash(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"Identified: Brier score ([0-9.]+)")]
    private static partial Regex BrierScore();
}
