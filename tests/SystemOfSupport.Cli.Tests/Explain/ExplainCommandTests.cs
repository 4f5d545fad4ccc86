using SystemOfSupport.Tests;

namespace SystemOfSupport.Cli.Tests.Explain;

public class ExplainCommandTests
{
    [Fact]
    public void Explains_an_identified_district_from_the_findings_file()
    {
        using var tmp = RepoPaths.NewTempDir();
        CliRunner.Run("determine", "--year", "2024", "--dashboard", RepoPaths.MontereyDashboard(2024), "--local", RepoPaths.LocalIndicators(2024),
            "--history", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), "--out", tmp.Path).ExitCode.ShouldBe(0);

        // Gonzales Unified: Students with Disabilities meet priorities 4 and 6 (letter D) in 2024.
        var (code, output) = CliRunner.Run("explain", "--year", "2024", "--cds", "27754730000000", "--from", tmp.Path);
        code.ShouldBe(0, output);
        output.ShouldContain("Gonzales Unified");
        output.ShouldContain("Differentiated Assistance, Year 1");
        output.ShouldContain("letter D");
        output.ShouldContain("Method 1: Y");
        output.ShouldContain("priority 4 met");
        output.ShouldContain("priority 6 met");
    }

    [Fact]
    public void Explains_a_Year2_carry_over_afresh_from_the_files()
    {
        // King City Union: identified in 2023, not in 2024.
        var (code, output) = CliRunner.Run("explain", "--year", "2024", "--cds", "2766050",
            "--dashboard", RepoPaths.MontereyDashboard(2024), "--local", RepoPaths.LocalIndicators(2024),
            "--history", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"));
        code.ShouldBe(0, output);
        output.ShouldContain("Differentiated Assistance, Year 2");
        output.ShouldContain("at least two years");
    }

    [Fact]
    public void An_unknown_LEA_is_an_error()
    {
        var (code, output) = CliRunner.Run("explain", "--year", "2024", "--cds", "99999999999999", "--dashboard", RepoPaths.MontereyDashboard(2024));
        code.ShouldNotBe(0);
        output.ShouldContain("99999999999999 is not among");
    }

    [Fact]
    public void Missing_findings_say_how_to_make_them()
    {
        using var tmp = RepoPaths.NewTempDir();
        var (code, output) = CliRunner.Run("explain", "--year", "2024", "--cds", "27754730000000", "--from", tmp.Path);
        code.ShouldBe(2);
        output.ShouldContain("run `sos determine");
    }
}
