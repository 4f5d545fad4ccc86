using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Cli.Tests.Determine;

/// <summary>
/// Replay: a year decided from its own workbook (letters and methods as published) must reproduce every status
/// column of that workbook, statewide: the year's own status is recomputed (wording, Year 1 / Year 2 from the
/// prior year's status), the earlier ones carried from the history.
/// </summary>
public class ReplayTests
{
    [Theory]
    [InlineData(2019, new[] { "assistancestatus19.xlsx" }, 1002)]
    [InlineData(2019, new[] { "assistancestatus19-rev.xlsx" }, 997)]
    [InlineData(2023, new[] { "assistancestatus19.xlsx", "assistancestatus23.xlsx" }, 991)]
    [InlineData(2024, new[] { "assistancestatus19.xlsx", "assistancestatus23.xlsx", "assistancestatus24.xlsx" }, 994)]
    public void Replaying_a_workbook_reproduces_its_status_columns(int year, string[] history, int leas)
    {
        using var tmp = RepoPaths.NewTempDir();
        var y = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (code, output) = CliRunner.Run(["determine", "--year", y, "--history", .. history.Select(RepoPaths.StatusWorkbook), "--out", tmp.Path]);
        code.ShouldBe(0, output);

        var state = AssistanceStatusWorkbookReader.Read(RepoPaths.StatusWorkbook(history[^1]));
        var ours = AssistanceStatusWorkbookReader.Read(tmp.File($"assistancestatus{year % 100}.csv")).Rows.ToDictionary(r => r.Cds);
        ours.Count.ShouldBe(leas);
        var statusYears = state.Rows.SelectMany(r => r.StatusByYear.Keys).Distinct().Order().ToList();
        statusYears.ShouldContain(year);
        var differences = new List<string>();
        foreach (var row in state.Rows)
        {
            foreach (var statusYear in statusYears)
            {
                var theirs = row.StatusByYear.TryGetValue(statusYear, out var s) ? s.ToString() : "*";
                var mine = ours[row.Cds].StatusByYear.TryGetValue(statusYear, out var m) ? m.ToString() : "*";
                if (theirs != mine)
                {
                    differences.Add($"{row.Cds} AssistanceStatus{statusYear}: ours {mine}, state {theirs}");
                }
            }
        }

        differences.ShouldBeEmpty(string.Join(Environment.NewLine, differences.Take(20)));
    }

    [Fact]
    public void A_replay_needs_the_years_own_workbook()
    {
        using var tmp = RepoPaths.NewTempDir();
        var (code, output) = CliRunner.Run("determine", "--year", "2024", "--history", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), "--out", tmp.Path);
        code.ShouldBe(1);
        output.ShouldContain("must include the 2024 assistance-status workbook");
        Directory.GetFiles(tmp.Path).ShouldBeEmpty();
    }

    [Fact]
    public void A_replayed_LEA_explains_where_its_letters_came_from()
    {
        var (code, output) = CliRunner.Run("explain", "--year", "2024", "--cds", "01100170000000",
            "--history", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), RepoPaths.StatusWorkbook("assistancestatus24.xlsx"));
        code.ShouldBe(0, output);
        output.ShouldContain("Alameda County Office of Education");
        output.ShouldContain("Replayed from assistancestatus24.xlsx");
    }
}
