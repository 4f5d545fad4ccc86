using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Cli.Tests.Determine;

/// <summary>
/// The acceptance oracle: Monterey County's real 2023 and 2024 Dashboard rows, the statewide local indicators and
/// (2024) the state's 2023 workbook as history must reproduce the state's own workbook, cell by cell.
/// </summary>
public class MontereyAgreementTests
{
    public static TheoryData<int> Years => new() { 2023, 2024 };

    private static (string Dir, AssistanceStatusWorkbook Ours, AssistanceStatusWorkbook Csv) Determine(TempDir tmp, int year)
    {
        List<string> args =
        [
            "determine", "--year", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--dashboard", RepoPaths.MontereyDashboard(year),
            "--local", RepoPaths.LocalIndicators(year),
            "--out", tmp.Path,
        ];
        if (year == 2024)
        {
            args.AddRange(["--history", RepoPaths.StatusWorkbook("assistancestatus23.xlsx")]);
        }

        var (code, output) = CliRunner.Run([.. args]);
        code.ShouldBe(0, output);
        var yy = (year % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        return (tmp.Path, AssistanceStatusWorkbookReader.Read(tmp.File($"assistancestatus{yy}.xlsx")), AssistanceStatusWorkbookReader.Read(tmp.File($"assistancestatus{yy}.csv")));
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_Monterey_district_and_COE_row_equals_the_states_workbook(int year)
    {
        using var tmp = RepoPaths.NewTempDir();
        var (_, ours, _) = Determine(tmp, year);
        var state = AssistanceStatusWorkbookReader.Read(RepoPaths.StatusWorkbook($"assistancestatus{year % 100}.xlsx"));
        var stateRows = state.Rows.Where(r => r.Cds.CountyCode == "27").ToDictionary(r => r.Cds);

        // Every Monterey LEA the state decided is decided here, and no other.
        ours.Rows.Select(r => r.Cds).Order().ShouldBe(stateRows.Keys.Order());
        stateRows.Count.ShouldBe(25);

        var groups = year >= 2024 ? RuleGroups2024 : RuleGroups2023;
        var methods = year >= 2024 ? 4 : 3;
        var differences = new List<string>();
        var cells = 0;
        foreach (var row in ours.Rows)
        {
            var theirs = stateRows[row.Cds];
            void Same(string column, object? a, object? b)
            {
                cells++;
                if (!Equals(a, b))
                {
                    differences.Add($"{row.Cds} {theirs.LeaName} {column}: ours '{a}', state '{b}'");
                }
            }

            foreach (var g in groups)
            {
                Same(g + "priorities", row.PriorityLetters.GetValueOrDefault(g), theirs.PriorityLetters.GetValueOrDefault(g));
            }

            Same("TotalStudentGroups", row.TotalStudentGroups, theirs.TotalStudentGroups);
            for (var m = 1; m <= methods; m++)
            {
                Same("MetMethod" + m, row.MetMethods.GetValueOrDefault(m), theirs.MetMethods.GetValueOrDefault(m));
            }

            Same("AssistanceStatus" + year, row.StatusByYear.GetValueOrDefault(year), theirs.StatusByYear.GetValueOrDefault(year));
        }

        differences.ShouldBeEmpty(string.Join(Environment.NewLine, differences));
        cells.ShouldBe(25 * (groups.Length + 1 + methods + 1));
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void The_CSV_carries_the_same_values_as_the_workbook(int year)
    {
        using var tmp = RepoPaths.NewTempDir();
        var (_, xlsx, csv) = Determine(tmp, year);
        csv.Columns.ShouldBe(xlsx.Columns);
        csv.Rows.Count.ShouldBe(xlsx.Rows.Count);
        for (var i = 0; i < csv.Rows.Count; i++)
        {
            var (a, b) = (xlsx.Rows[i], csv.Rows[i]);
            (a.Cds, a.LeaName, a.City, a.County, a.GradeSpan, a.TotalStudentGroups).ShouldBe((b.Cds, b.LeaName, b.City, b.County, b.GradeSpan, b.TotalStudentGroups));
            a.PriorityLetters.ShouldBe(b.PriorityLetters);
            a.StatusByYear.ShouldBe(b.StatusByYear);
            a.MetMethods.ShouldBe(b.MetMethods);
        }
    }

    [Fact]
    public void The_2024_output_carries_the_history_columns_and_the_states_names()
    {
        using var tmp = RepoPaths.NewTempDir();
        var (_, ours, _) = Determine(tmp, 2024);
        ours.Columns.ShouldContain("LTELpriorities");
        ours.Columns.ShouldContain("MetMethod4");
        var coe = ours.Rows.Single(r => r.Cds.Value == "27102720000000");
        coe.LeaName.ShouldBe("Monterey County Office of Education");
        coe.StatusByYear.Keys.Order().ShouldBe([2018, 2019, 2022, 2023, 2024]);
        ours.Rows.ShouldAllBe(r => r.MetMethods[4] == false);
    }

    [Fact]
    public void The_command_prints_the_agreement_when_given_the_states_workbook()
    {
        using var tmp = RepoPaths.NewTempDir();
        var (code, output) = CliRunner.Run(
            "determine", "--year", "2024", "--dashboard", RepoPaths.MontereyDashboard(2024), "--local", RepoPaths.LocalIndicators(2024),
            "--history", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), "--out", tmp.Path,
            "--expected", RepoPaths.StatusWorkbook("assistancestatus24.xlsx"));
        code.ShouldBe(0, output);
        output.ShouldContain("Agrees with the state's assistancestatus24.xlsx: 25 LEAs");
        output.ShouldContain("Differentiated Assistance, Year 2");
    }

    [Theory]
    [InlineData("assistancestatus23.csv")]
    [InlineData("assistancestatus23.xlsx")]
    public void This_tools_own_2023_output_serves_as_the_2024_history(string ownFile)
    {
        using var first = RepoPaths.NewTempDir();
        using var second = RepoPaths.NewTempDir();
        CliRunner.Run("determine", "--year", "2023", "--dashboard", RepoPaths.MontereyDashboard(2023), "--local", RepoPaths.LocalIndicators(2023),
            "--out", first.Path).ExitCode.ShouldBe(0);

        var (code, output) = CliRunner.Run(
            "determine", "--year", "2024", "--dashboard", RepoPaths.MontereyDashboard(2024), "--local", RepoPaths.LocalIndicators(2024),
            "--history", first.File(ownFile), "--out", second.Path, "--expected", RepoPaths.StatusWorkbook("assistancestatus24.xlsx"));
        code.ShouldBe(0, output);
        // Without the 2019 and 2022 letters, Level 3 is settled (and compared) only where no group could reach three years.
        output.ShouldContain("Agrees with the state's assistancestatus24.xlsx: 25 LEAs, 515 cells, 0 differences.");
    }

    /// <summary>
    /// No 2018 or 2022 workbook is public here, but the later workbooks carry those years' statuses: every Monterey
    /// district's (and for 2022 the COE's) AssistanceStatus2018 and AssistanceStatus2022 must be reproduced.
    /// </summary>
    [Theory]
    [InlineData(2018, "assistancestatus19.xlsx")]
    [InlineData(2018, "assistancestatus24.xlsx")]
    [InlineData(2022, "assistancestatus23.xlsx")]
    [InlineData(2022, "assistancestatus24.xlsx")]
    public void Earlier_years_reproduce_the_states_status_columns(int year, string laterWorkbook)
    {
        using var tmp = RepoPaths.NewTempDir();
        var (code, output) = CliRunner.Run(
            "determine", "--year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dashboard", RepoPaths.MontereyDashboard(year),
            "--local", RepoPaths.LocalIndicators(year), "--out", tmp.Path, "--expected", RepoPaths.StatusWorkbook(laterWorkbook));
        code.ShouldBe(0, output);
        output.ShouldContain($"Agrees with the state's {laterWorkbook}: 25 LEAs, 25 cells, 0 differences.");
    }

    /// <summary>
    /// RULES.md §4 against the state: Level 3 needs four years of letters. 2018 and 2022 come from this tool's own
    /// Monterey runs (no state workbook for them here), 2019 from the state's 2019 workbook; EC52072_2023 and
    /// EC52072_2024 must then equal the state's for every Monterey LEA (3 Y in 2023, 1 Y in 2024).
    /// </summary>
    [Fact]
    public void Level3_from_four_years_of_letters_equals_the_states_EC52072()
    {
        using var tmp = RepoPaths.NewTempDir();
        string Out(int year) => Path.Combine(tmp.Path, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string Own(int year) => Path.Combine(Out(year), $"assistancestatus{year % 100}.csv");
        var state19 = RepoPaths.StatusWorkbook("assistancestatus19.xlsx");
        (int, string) Run(int year, params string[] history)
        {
            var y = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            List<string> args = ["determine", "--year", y, "--dashboard", RepoPaths.MontereyDashboard(year), "--local", RepoPaths.LocalIndicators(year), "--out", Out(year)];
            if (history.Length > 0)
            {
                args.AddRange(["--history", .. history]);
            }

            if (year >= 2023)
            {
                args.AddRange(["--expected", RepoPaths.StatusWorkbook($"assistancestatus{year % 100}.xlsx")]);
            }

            return CliRunner.Run([.. args]);
        }

        Run(2018).Item1.ShouldBe(0);
        Run(2022, state19, Own(2018)).Item1.ShouldBe(0);
        var (code23, out23) = Run(2023, Own(2018), state19, Own(2022));
        code23.ShouldBe(0, out23);
        out23.ShouldContain("Agrees with the state's assistancestatus23.xlsx: 25 LEAs, 475 cells, 0 differences.");
        var (code24, out24) = Run(2024, state19, Own(2022), RepoPaths.StatusWorkbook("assistancestatus23.xlsx"));
        code24.ShouldBe(0, out24);
        out24.ShouldContain("Agrees with the state's assistancestatus24.xlsx: 25 LEAs, 525 cells, 0 differences.");

        var ours = AssistanceStatusWorkbookReader.Read(Own(2023));
        ours.Rows.Count(r => r.Level3Flag == true).ShouldBe(3);
    }

    private static readonly StudentGroup[] RuleGroups2023 =
        [.. Core.Rules.RuleBook.For(2023).Groups];

    private static readonly StudentGroup[] RuleGroups2024 =
        [.. Core.Rules.RuleBook.For(2024).Groups];
}
