using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Formats.Tests.SharedData;
using SystemOfSupport.Tests;
using Xunit.Abstractions;

namespace SystemOfSupport.Formats.Tests.Dashboard;

/// <summary>
/// The color engine reproduces every published status level, change level, color and box of the shipped Dashboard
/// files (rows whose color the state set by hand excepted): RULES.md §2's acceptance test.
/// </summary>
public sealed class DashboardColorCheckTests(ITestOutputHelper output)
{
    private static string Monterey(int year, string file) => Path.Combine(RepoPaths.MontereyDashboard(year), file);

    public static TheoryData<string, int, int, int> ShippedFiles() => new()
    {
        // File, rows compared, rows with a hand-set color, published columns.
        { Monterey(2018, "ccidownload2018.txt"), 463, 0, 4 },
        { Monterey(2018, "chronicdownload2018.txt"), 1876, 0, 4 },
        { Monterey(2018, "eladownload2018.txt"), 2076, 0, 4 },
        { Monterey(2018, "graddownload2018.txt"), 463, 0, 4 },
        { Monterey(2018, "mathdownload2018.txt"), 2076, 0, 4 },
        { Monterey(2018, "suspdownload2018.txt"), 1932, 5, 4 },
        { Monterey(2022, "chronicdownload2022.txt"), 359, 0, 1 },
        { Monterey(2022, "eladownload2022.txt"), 504, 0, 1 },
        { Monterey(2022, "elpidownload2022.txt"), 32, 0, 1 },
        { Monterey(2022, "graddownload2022.txt"), 145, 0, 1 },
        { Monterey(2022, "mathdownload2022.txt"), 504, 0, 1 },
        { Monterey(2022, "suspdownload2022.txt"), 392, 0, 1 },
        { Monterey(2023, "ccidownload2023.txt"), 137, 0, 1 },
        { Monterey(2023, "chronicdownload2023.txt"), 356, 0, 4 },
        { Monterey(2023, "eladownload2023.txt"), 496, 0, 4 },
        { Monterey(2023, "elpidownload2023.txt"), 32, 0, 4 },
        { Monterey(2023, "graddownload2023.txt"), 137, 0, 4 },
        { Monterey(2023, "mathdownload2023.txt"), 496, 0, 4 },
        { Monterey(2023, "suspdownload2023.txt"), 387, 0, 4 },
        { Monterey(2024, "ccidownload2024.txt"), 141, 0, 4 },
        { Monterey(2024, "chronicdownload2024.txt"), 376, 0, 4 },
        { Monterey(2024, "eladownload2024.txt"), 437, 0, 4 },
        { Monterey(2024, "elpidownload2024.txt"), 60, 0, 4 },
        { Monterey(2024, "graddownload2024.txt"), 141, 0, 4 },
        { Monterey(2024, "mathdownload2024.txt"), 437, 0, 4 },
        { Monterey(2024, "suspdownload2024.txt"), 414, 0, 4 },
        { RepoPaths.Data("cde", "dashboard", "statewide-partial", "2017", "elpidownload2017f.txt"), 9512, 6, 4 },
    };

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Every_published_level_color_and_box_is_reproduced(string path, int compared, int setByState, int columns)
    {
        var result = DashboardColorCheck.Check(path);
        output.WriteLine($"{Path.GetFileName(path)}: {result.Agreeing} of {result.Compared} rows agree ({string.Join(" ", result.ComparedColumns)}), {result.SetByState} hand-set");
        foreach (var m in result.Mismatches.Take(10))
        {
            output.WriteLine($"  line {m.Row.Result.Source.Line} {m.Row.Result.Group}: {m.Row.Published} vs {m.Computed}");
        }

        (result.Compared, result.SetByState, result.ComparedColumns.Count).ShouldBe((compared, setByState, columns));
        result.Mismatches.ShouldBeEmpty();
        result.Agreeing.ShouldBe(compared);
        result.Rows.ShouldBe(compared + setByState);
    }

    [Theory]
    [InlineData("elpidownload2018.txt", 2018)]
    [InlineData("sciencedownload2024.txt", 2024)]
    public void Files_that_publish_no_levels_compare_nothing(string file, int year)
    {
        var result = DashboardColorCheck.Check(Monterey(year, file));
        (result.Compared, result.ComparedColumns.Count).ShouldBe((0, 0));
        result.Rows.ShouldBeGreaterThan(0);
    }

    /// <summary>The statewide 2017 CCI file (3 MB, status only) lives in ../shared only; without it this checks nothing.</summary>
    [Fact]
    [Trait("Category", "SharedData")]
    public void The_statewide_2017_CCI_status_levels_are_reproduced_when_the_shared_data_is_present()
    {
        var path = Path.Combine(SharedWorkbooksParseTests.SharedCde, "dashboard", "statewide-partial", "2017", "ccidownload2017f.txt");
        if (!File.Exists(path))
        {
            output.WriteLine($"{path} absent: nothing checked");
            return;
        }

        var result = DashboardColorCheck.Check(path);
        (result.Compared, result.Agreeing, result.SetByState).ShouldBe((22978, 22978, 0));
        result.ComparedColumns.ShouldBe(["statuslevel"]);
    }

    [Fact]
    public void A_changed_color_is_reported_with_the_columns_that_differ()
    {
        using var tmp = RepoPaths.NewTempDir();
        var lines = File.ReadAllLines(Monterey(2024, "chronicdownload2024.txt"));
        var header = lines[0].Split('\t');
        int color = Array.IndexOf(header, "color"), box = Array.IndexOf(header, "box");
        var target = Array.FindIndex(lines, l => l.Split('\t')[color] == "1");
        var cells = lines[target].Split('\t');
        (cells[color], cells[box]) = ("2", "999");
        lines[target] = string.Join('\t', cells);
        File.WriteAllLines(tmp.File("chronicdownload2024.txt"), lines);

        var mismatch = DashboardColorCheck.Check(tmp.File("chronicdownload2024.txt")).Mismatches.ShouldHaveSingleItem();
        mismatch.Row.Result.Source.Line.ShouldBe(target + 1);
        mismatch.Columns.ShouldBe(["color", "box"]);
        mismatch.Computed.Color.ShouldBe(DashboardColor.Red);
    }

    [Fact]
    public void Directories_are_searched_and_missing_paths_are_bad_input()
    {
        var files = DashboardColorCheck.Files([RepoPaths.Data("cde", "dashboard")]);
        files.Count.ShouldBe(29);
        files.ShouldAllBe(f => Path.GetFileName(f).Contains("download", StringComparison.Ordinal));
        Should.Throw<InputFileException>(() => DashboardColorCheck.Files([RepoPaths.Data("cde", "no-such-dir")]));
        Should.Throw<InputFileException>(() => DashboardColorCheck.Files([RepoPaths.Data("cde", "local-indicators", "2023")]))
            .Message.ShouldContain("no Dashboard download files");
    }

    [Fact]
    public void A_year_without_color_tables_is_bad_input()
    {
        using var tmp = RepoPaths.NewTempDir();
        File.WriteAllText(tmp.File("chronicdownload2021.txt"), "cds\trtype\tstudentgroup\n");
        Should.Throw<InputFileException>(() => DashboardColorCheck.Check(tmp.File("chronicdownload2021.txt"))).Message.ShouldContain("no Dashboard color tables for 2021");
    }
}
