using SystemOfSupport.Cli.Dashboard;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Cli.Tests.Dashboard;

/// <summary><c>sos dashboard verify</c> through the real command line.</summary>
public class DashboardVerifyCommandTests
{
    [Fact]
    public void Every_shipped_Dashboard_file_agrees_and_the_command_exits_0()
    {
        var (code, output) = CliRunner.Run("dashboard", "verify", RepoPaths.Data("cde", "dashboard"));
        code.ShouldBe(0, output);
        output.ShouldContain("graddownload2018.txt");
        output.ShouldContain("elpidownload2017f.txt");
        output.ShouldContain("nothing published"); // 2018 ELPI, 2024 science
        output.ShouldContain("│ English Learner Progress │ 4     │ 9,636    │ 9,636    │ 100.0 │"); // the totals by indicator
        output.ShouldContain("All 24,381 rows compared agree in 29 files (11 rows with a color the state set by hand not compared).");
    }

    [Fact]
    public void A_file_and_a_directory_can_be_given_together()
    {
        var (code, output) = CliRunner.Run("dashboard", "verify", RepoPaths.MontereyDashboard(2024), Path.Combine(RepoPaths.MontereyDashboard(2023), "graddownload2023.txt"));
        code.ShouldBe(0, output);
        output.ShouldContain("All 2,143 rows compared agree in 9 files.");
    }

    [Fact]
    public void A_mismatch_is_listed_with_its_numbers_and_the_command_exits_3()
    {
        using var tmp = RepoPaths.NewTempDir();
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.MontereyDashboard(2023), "graddownload2023.txt"));
        var header = lines[0].Split('\t');
        int status = Array.IndexOf(header, "statuslevel"), group = Array.IndexOf(header, "studentgroup");
        // Line 7: Hispanic students, 65.0% (prior 58.4%), published Very Low.
        var cells = lines[6].Split('\t');
        cells[group].ShouldBe("HI");
        cells[status] = "2";
        lines[6] = string.Join('\t', cells);
        File.WriteAllLines(tmp.File("graddownload2023.txt"), lines);

        var (code, output) = CliRunner.Run("dashboard", "verify", tmp.File("graddownload2023.txt"));
        code.ShouldBe(DashboardCommand.Disagrees, output);
        output.ShouldContain("graddownload2023.txt line 7");
        output.ShouldContain("published: status 2, change 5, Red, box 240");
        output.ShouldContain("computed:  status 1, change 5, Red, box 240 (statuslevel differ)");
        output.ShouldContain("current 65 (n 80), prior 58.4 (n 77), change 6.6, small denominator");
        output.ShouldContain("small denominator, so colored as Increased");
        output.ShouldContain("1 of 137 rows compared differ in 1 of 1 files.");
    }

    [Fact]
    public void Only_the_first_mismatches_are_listed()
    {
        using var tmp = RepoPaths.NewTempDir();
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.MontereyDashboard(2024), "chronicdownload2024.txt"));
        var box = Array.IndexOf(lines[0].Split('\t'), "box");
        File.WriteAllLines(tmp.File("chronicdownload2024.txt"), lines.Select((l, i) =>
        {
            var cells = l.Split('\t');
            if (i > 0)
            {
                cells[box] = "7";
            }

            return string.Join('\t', cells);
        }));

        var (code, output) = CliRunner.Run("dashboard", "verify", tmp.Path, "--show", "2");
        code.ShouldBe(DashboardCommand.Disagrees);
        output.ShouldContain("The first 2 of 376 rows that differ:");
        output.Split("published:").Length.ShouldBe(3);
    }

    [Theory]
    [InlineData("no-such-file.txt")]
    [InlineData("README.md")]
    public void Bad_input_exits_2(string name)
    {
        var path = name == "README.md" ? RepoPaths.Data("cde", "local-indicators", name) : RepoPaths.Data(name);
        var (code, output) = CliRunner.Run("dashboard", "verify", path);
        code.ShouldBe(2, output);
        output.ShouldContain("error:");
    }
}
