using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Dashboard;

/// <summary><see cref="DashboardReader.ReadRows"/>: every row, with the columns the color engine reads.</summary>
public class DashboardRowsTests
{
    private static IReadOnlyList<DashboardRow> Rows(int year, string file) => DashboardReader.ReadRows(Path.Combine(RepoPaths.MontereyDashboard(year), file));

    private static readonly string Elpi2017 = RepoPaths.Data("cde", "dashboard", "statewide-partial", "2017", "elpidownload2017f.txt");

    [Fact]
    public void Every_row_is_read_state_districts_and_all_schools()
    {
        var path = Path.Combine(RepoPaths.MontereyDashboard(2018), "chronicdownload2018.txt");
        DashboardFileSummary? summary = null;
        var rows = DashboardReader.ReadRows(path, s => summary = s);
        rows.Count.ShouldBe(File.ReadLines(path).Skip(1).Count(l => l.Length > 0));
        (summary!.RowsRead, summary.RowsKept).ShouldBe((rows.Count, rows.Count));
        rows.Count(r => r.RecordType == "S" && !r.Charter).ShouldBe(1414);
    }

    [Fact]
    public void The_state_row_is_read_and_LEA_level()
    {
        using var tmp = RepoPaths.NewTempDir();
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.MontereyDashboard(2024), "chronicdownload2024.txt")).Take(2).ToList();
        var cells = lines[1].Split('\t');
        (cells[0], cells[1]) = ("00000000000000", "X");
        lines.Add(string.Join('\t', cells));
        File.WriteAllLines(tmp.File("chronicdownload2024.txt"), lines);
        var state = DashboardReader.ReadRows(tmp.File("chronicdownload2024.txt")).Single(r => r.RecordType == "X");
        state.Measure.IsLeaLevel.ShouldBeTrue();
    }

    [Fact]
    public void The_rows_the_decisions_read_are_the_same_in_both_modes()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.MontereyDashboard(2018)))
        {
            var decisions = DashboardReader.Read(file, 2018, DashboardColumnsNeeded.None).Select(r => r.Result).ToList();
            var rows = DashboardReader.ReadRows(file).Where(r => r.RecordType == "D" || (r.RecordType == "S" && r.Charter)).Select(r => r.Result);
            rows.Where(r => r.Group != StudentGroup.RFP).ShouldBe(decisions, Path.GetFileName(file));
        }
    }

    [Fact]
    public void The_unnamed_2018_ELA_group_is_the_reclassified_learners()
    {
        var alisal = Rows(2018, "eladownload2018.txt").Where(r => r.Result.Cds.Value == "27659610000000").ToDictionary(r => r.Result.Group, r => r.Result);
        alisal[StudentGroup.RFP].CurrentDenominator.ShouldBe(1288);
        // English learners are the learners still in the program (ELO) plus those reclassified.
        alisal[StudentGroup.EL].CurrentDenominator.ShouldBe(alisal[StudentGroup.ELO].CurrentDenominator + 1288);
    }

    [Fact]
    public void Suspension_type_hscutpoints_small_denominators_and_the_files_change_are_read()
    {
        var susp = Rows(2024, "suspdownload2024.txt");
        susp.Select(r => r.Measure.SuspensionType).Distinct().Order().ShouldBe(["ED", "ES", "HD", "HS", "UD"]);
        susp.Count(r => r.Measure.SmallDenominator == true).ShouldBe(284);
        susp.ShouldAllBe(r => r.Published.ChangeLevel != null, "changeLevel is found whatever its case");
        var grad = Rows(2018, "graddownload2018.txt");
        grad.Count(r => r.Measure.SmallDenominator == true).ShouldBe(402);
        grad.Count(r => r.Measure.SmallDenominator == false).ShouldBe(61);
        Rows(2024, "eladownload2024.txt").ShouldContain(r => r.Measure.HsCutPoints);
        Rows(2024, "chronicdownload2024.txt").Where(r => r.Result.Change != null).ShouldAllBe(r => r.Measure.Change == r.Result.Change);
    }

    [Fact]
    public void A_county_office_whose_schools_are_all_alternative_schools_is_DASS_itself()
    {
        var grad = Rows(2018, "graddownload2018.txt");
        var coe = grad.Where(r => r.Result.Cds.Value == "27102720000000").ToList();
        coe.ShouldNotBeEmpty();
        coe.ShouldAllBe(r => r.Measure.Dass, "Wellington M. Smith, Salinas Community and Special Education are its only non-charter schools, all DASS");
        grad.Where(r => r.Result.Cds.CdCode == "2710272" && r.Charter).ShouldAllBe(r => !r.Measure.Dass, "charters report apart");
        grad.Where(r => r.RecordType == "D" && r.Result.Cds.CdCode == "2766159").ShouldAllBe(r => !r.Measure.Dass, "Salinas Union High has ordinary schools too");
    }

    [Fact]
    public void The_2017_ELPI_counts_the_students_tested_for_the_n_size()
    {
        var row = DashboardReader.ReadRows(Elpi2017).First(r => r.Result.Cds.Value == "01100170112607");
        (row.Result.CurrentDenominator, row.Result.PriorDenominator).ShouldBe((44, 55));
        (row.Measure.CurrentDenominator, row.Measure.PriorDenominator).ShouldBe((36, 25));
        row.Result.Group.ShouldBe(StudentGroup.EL);
    }

    [Fact]
    public void The_2018_students_with_disabilities_carry_their_n_size_counts()
    {
        var row = Rows(2018, "eladownload2018.txt").Single(r => r.Result.Cds.Value == "27102720124297" && r.Result.Group == StudentGroup.SWD);
        (row.Measure.CurrentDenominator, row.Measure.PriorDenominator, row.Measure.CurrentNSize, row.Measure.PriorNSize).ShouldBe((44, 34, 42, 26));
    }

    [Fact]
    public void Rows_whose_color_the_state_set_by_hand_are_marked()
    {
        Rows(2018, "suspdownload2018.txt").Count(r => r.ColorSetByState).ShouldBe(5); // certifyflag
        DashboardReader.ReadRows(Elpi2017).Count(r => r.ColorSetByState).ShouldBe(6); // flag50pct
        Rows(2024, "suspdownload2024.txt").ShouldAllBe(r => !r.ColorSetByState);
    }

    [Fact]
    public void The_2022_ELPI_participation_flag_is_read()
    {
        Rows(2022, "elpidownload2022.txt").Count(r => r.Measure.BelowParticipationTarget).ShouldBe(5);
    }

    [Fact]
    public void Published_levels_are_null_where_the_file_has_no_such_column()
    {
        Rows(2024, "sciencedownload2024.txt").ShouldAllBe(r => r.Published == new PublishedLevels(null, null, null, null));
        Rows(2022, "chronicdownload2022.txt").ShouldAllBe(r => r.Published.StatusLevel != null && r.Published.Color == null);
    }
}
