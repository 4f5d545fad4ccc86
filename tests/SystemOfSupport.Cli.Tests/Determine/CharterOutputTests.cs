using SystemOfSupport.Formats.Xlsx;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Cli.Tests.Determine;

public class CharterOutputTests
{
    [Fact]
    public void Monterey_2024_charters_are_decided_with_2023_as_the_prior_year()
    {
        using var tmp = RepoPaths.NewTempDir();
        var (code, output) = CliRunner.Run("determine", "--year", "2024", "--dashboard", RepoPaths.MontereyDashboard(2024), "--local", RepoPaths.LocalIndicators(2024),
            "--prior-dashboard", RepoPaths.MontereyDashboard(2023), "--prior-local", RepoPaths.LocalIndicators(2023), "--out", tmp.Path);
        code.ShouldBe(0, output);
        output.ShouldContain("Charter schools: 8, of which 0 eligible");

        var csv = File.ReadAllLines(tmp.File("charterassistance24.csv"));
        csv.Length.ShouldBe(9);
        csv[0].ShouldContain("LTELprioritiescurrent");
        csv[0].ShouldNotContain("LTELprioritiesprior");
        csv[0].ShouldEndWith("MetCriteriacurrent,MetCriteriaprior,AssistanceStatus2024");
        XlsxSheetReader.SheetNames(tmp.File("charterassistance24.xlsx"))[^1].ShouldBe("Charter 2024");
        File.ReadAllText(tmp.File("findings24.json")).ShouldContain("\"charterSchools\"");
    }

    [Fact]
    public void Without_the_prior_year_no_charter_is_identified_and_the_run_says_why()
    {
        using var tmp = RepoPaths.NewTempDir();
        var (code, output) = CliRunner.Run("determine", "--year", "2023", "--dashboard", RepoPaths.MontereyDashboard(2023), "--local", RepoPaths.LocalIndicators(2023), "--out", tmp.Path);
        code.ShouldBe(0, output);
        output.ShouldContain("charter schools need the criteria met in two consecutive years");
        File.ReadAllLines(tmp.File("charterassistance23.csv")).Skip(1).ShouldAllBe(l => l.EndsWith(",General Assistance", StringComparison.Ordinal));
    }
}
