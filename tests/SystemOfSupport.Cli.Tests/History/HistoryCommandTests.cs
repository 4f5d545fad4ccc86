using SystemOfSupport.Cli.History;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Cli.Tests.History;

public class HistoryCommandTests
{
    [Fact]
    public void King_City_Union_was_identified_in_2023_and_carried_into_Year_2_in_2024()
    {
        var rows = new[] { "assistancestatus19.xlsx", "assistancestatus23.xlsx", "assistancestatus24.xlsx" }
            .SelectMany(f => AssistanceStatusWorkbookReader.Read(RepoPaths.StatusWorkbook(f)).Rows);
        var timeline = HistoryCommand.Timeline(CdsCode.Parse("27660500000000"), new AssistanceHistory(rows));

        timeline.Select(t => t.Year).ShouldBe([2017, 2018, 2019, 2022, 2023, 2024]);
        var y2023 = timeline.Single(t => t.Year == 2023);
        (y2023.Status, y2023.Letters, y2023.Methods).ShouldBe(("Differentiated Assistance, Year 1", "HI=D HOM=D SED=D", "M1"));
        y2023.Term.ShouldContain("2024 Dashboard");
        var y2024 = timeline.Single(t => t.Year == 2024);
        (y2024.Status, y2024.Term, y2024.Letters).ShouldBe(("Differentiated Assistance, Year 2", "second year of a two-year term", "none"));
        timeline.Single(t => t.Year == 2018).Letters.ShouldBe("(no file for this year)");
    }

    [Fact]
    public void The_command_prints_the_timeline_and_refuses_unknown_LEAs()
    {
        var (code, output) = CliRunner.Run("history", "--cds", "2766050", "99999999999999", "--history", RepoPaths.StatusWorkbook("assistancestatus24.xlsx"));
        code.ShouldBe(1);
        output.ShouldContain("King City Union");
        output.ShouldContain("Year 2");
        output.ShouldContain("99999999999999 is in none of the files given");
    }
}
