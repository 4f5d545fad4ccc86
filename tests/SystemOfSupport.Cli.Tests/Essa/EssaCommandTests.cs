using System.CommandLine;
using Spectre.Console;
using SystemOfSupport.Cli.Essa;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Cli.Tests.Essa;

/// <summary>
/// <c>sos essa</c>, run through the real command line.
/// </summary>
public class EssaCommandTests
{
    private static string Essa(string name) => RepoPaths.Data("cde", "essa", name);

    private static (int ExitCode, string Output) Run(params string[] args) => CliRunner.Run(["essa", .. args]);

    [Fact]
    public void Lists_the_2024_LEAs_with_a_CSI_school_not_exited_within_four_years()
    {
        var (code, output) = Run("--year", "2024", "--essa", Essa("essaassistance24.xlsx"));

        code.ShouldBe(0, output);
        output.ShouldContain("2024 ESSA: LEAs with a school in CSI for four or more status years without exiting");
        output.ShouldContain("status years counted: 2018, 2019, 2022, 2023, 2024");
        output.ShouldContain("37684520106120"); // SIATech, a charter school: its own LEA
        output.ShouldMatch(@"19647330102764\s+│\s+Richard A. Alonzo Community Day\s+│\s+2018\s+│\s+5\s+│");
        output.ShouldMatch(@"(?s)LEAs with a finding\s+125");
        output.ShouldMatch(@"(?s)CSI Grad\s+226");
        output.ShouldMatch(@"(?s)Exit CSIEXIT\s+481");
        output.ShouldContain("Assumption essa.csi-years = skip-2020-2021 (default)");
    }

    [Fact]
    public void Cds_narrows_the_report_and_out_writes_the_CSV()
    {
        using var tmp = RepoPaths.NewTempDir();
        var (code, output) = Run("--year", "2024", "--essa", Essa("essaassistance23.xlsx"), Essa("essaassistance24.xlsx"),
            "--cds", "1964733", "37684520106120", "01611920000000", "--out", tmp.Path);

        code.ShouldBe(0, output);
        output.ShouldContain("Los Angeles Unified");
        output.ShouldContain("SIATech");
        output.ShouldMatch(@"(?s)LEAs with a finding\s+2\b");
        output.ShouldContain("01611920000000: no school in CSI for four or more status years without exiting in 2024.");
        var csv = File.ReadAllLines(tmp.File("essafindings24.csv"));
        csv[0].ShouldBe("ReportYear,LEACDS,LEAname,LEAtype,Countyname,SchoolCDS,Schoolname,AssistanceStatus,FirstCSIYear,YearsInCSI,CSIYears,ExitedCSI,NotExitedWithinFourYears,Reason");
        csv.ShouldContain("2024,37684520106120,SIATech,Charter School,San Diego,37684520106120,SIATech,CSI Grad,2018,5,2018 2019 2022 2023 2024,N,Y,"
            + "\"In CSI since 2018 (CSI Grad in 2024): 5 status years (2018, 2019, 2022, 2023, 2024) without meeting the exit criteria, four or more: it makes its LEA eligible.\"");
        csv.Skip(1).ShouldAllBe(l => l.StartsWith("2024,19647330000000,", StringComparison.Ordinal) || l.StartsWith("2024,37684520106120,", StringComparison.Ordinal));
    }

    [Fact]
    public void Counting_every_year_is_a_setting()
    {
        var (code, output) = Run("--year", "2024", "--essa", Essa("essaassistance24.xlsx"), "--set", "essa.csi-years=every-year");
        code.ShouldBe(0, output);
        output.ShouldContain("status years counted: 2018, 2019, 2020, 2021, 2022, 2023, 2024");
        output.ShouldMatch(@"(?s)LEAs with a finding\s+99");
        output.ShouldContain("Assumption essa.csi-years = every-year (RULES.md §5 [assumed])");
    }

    [Fact]
    public void Bad_input_exits_2_naming_the_file_and_writes_nothing()
    {
        using var tmp = RepoPaths.NewTempDir();
        var bad = tmp.File("sch_eligibility_state_sg.csv");
        File.WriteAllText(bad, "CDS,School,District,County,AssistanceStatus,RepYr\n2065243010001,Sherman Thomas Charter,Madera Unified,Madera,General Assistance,2018\n");
        var outDir = Path.Combine(tmp.Path, "out");

        var (code, output) = Run("--year", "2024", "--essa", bad, Essa("essaassistance24.xlsx"), "--out", outDir);

        code.ShouldBe(CliErrors.BadInput, output);
        output.ShouldContain("sch_eligibility_state_sg.csv: line 2, column 1");
        output.ShouldContain("is not a 14-digit CDS code");
        Directory.Exists(outDir).ShouldBeFalse();
    }

    [Fact]
    public void A_year_the_files_do_not_cover_exits_2()
    {
        var (code, output) = Run("--year", "2025", "--essa", Essa("essaassistance24.xlsx"));
        code.ShouldBe(CliErrors.BadInput, output);
        output.ShouldContain("no file has designations for 2025");
    }

    [Theory]
    [InlineData("--year", "2021", "--essa", "x.xlsx")]
    [InlineData("--year", "2024", "--essa", "x.xlsx", "--set", "essa.csi-years=calendar")]
    [InlineData("--year", "2024", "--essa", "x.xlsx", "--cds", "12345")]
    [InlineData("--year", "2024")]
    public void Usage_errors_exit_1(params string[] args)
    {
        var (code, output) = Run(args);
        code.ShouldBe(CliErrors.Usage, output);
    }
}
