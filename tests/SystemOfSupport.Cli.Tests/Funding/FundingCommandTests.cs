using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Cli.Tests.Funding;

/// <summary><c>sos funding</c>, run through the real command line.</summary>
public class FundingCommandTests
{
    private static readonly string Directory = RepoPaths.Data("directory", "monterey-lea-directory.csv");

    private static (int ExitCode, string Output) Run(params string[] args) => CliRunner.Run(["funding", .. args]);

    [Fact]
    public void Fiscal_2024_25_from_the_shipped_workbooks_prints_and_writes_every_line()
    {
        using var tmp = RepoPaths.NewTempDir();

        var (code, output) = Run("--fiscal-year", "2024-25", "--reports", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), RepoPaths.StatusWorkbook("assistancestatus24.xlsx"),
            "--directory", Directory, "--out", tmp.Path);

        code.ShouldBe(CliErrors.Ok, output);
        output.ShouldContain("County office funding for differentiated assistance, 2024-25");
        output.ShouldContain("District allowances averaged over 3 reports: the 2024 report; the 2023 report; the 2022 report.");
        output.ShouldContain("Read district and county office report 2022: the AssistanceStatus2022 column of assistancestatus23.xlsx");
        output.ShouldMatch(@"Monterey County Office of Education\s+│ District allowance\s+│ 2024\s+│ Salinas Union High \(27661590000000\)\s+│ 15,857.02\s+│ large\s+│ \$300,000");
        output.ShouldMatch(@"│ Monterey County\s+│ \$300,000\s+│ \$1,200,000\s+│ \$1,600,000\s+│ \$2,600,000\s+│ \$1,800,000\s+│ \$0\s+│ \$0\s+│ \$0\s+│ \$0\s+│ \$0\s+│ \$0\s+│ \$2,100,000");
        output.ShouldContain("Total, 1 county office: $2,100,000.");
        output.ShouldContain("Assumption funding.identified = year1 (default)");
        output.ShouldContain("warning: 2024-25 averages the 2024 charter report, but none was given");
        File.Exists(tmp.File("coefunding2024-25.xlsx")).ShouldBeTrue();
        File.ReadAllLines(tmp.File("coefunding2024-25.csv")).Last().ShouldStartWith("2024-25,*,*,*,\"Total, all county offices\",*,*,*,*,*,*,*,2100000.00,");
    }

    [Fact]
    public void Settings_change_the_figures()
    {
        var (code, output) = Run("--fiscal-year", "2024-25", "--reports", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), RepoPaths.StatusWorkbook("assistancestatus24.xlsx"),
            "--directory", Directory, "--set", "funding.identified=year1-and-year2");

        code.ShouldBe(CliErrors.Ok, output);
        // The 2024 report's Year 2 districts, Soledad (medium), King City and San Ardo (small), add $400,000 to it:
        // ($1,600,000 + $1,600,000 + $2,600,000) ÷ 3 = $1,933,333.33; + $300,000.
        output.ShouldMatch(@"│ \$300,000\s+│ \$1,600,000\s+│ \$1,600,000\s+│ \$2,600,000\s+│ \$1,933,333.33\s+│");
        output.ShouldContain("Total, 1 county office: $2,233,333.33.");
        output.ShouldContain("Assumption funding.identified = year1-and-year2 (RULES.md §7 [assumed])");
    }

    [Fact]
    public void A_district_missing_from_the_directory_exits_2_and_writes_nothing()
    {
        using var tmp = RepoPaths.NewTempDir();
        var directory = tmp.File("directory.csv");
        File.WriteAllLines(directory, File.ReadAllLines(Directory).Where(l => !l.StartsWith("27661590000000", StringComparison.Ordinal)));
        var outDir = Path.Combine(tmp.Path, "out");

        var (code, output) = Run("--fiscal-year", "2024-25", "--reports", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), RepoPaths.StatusWorkbook("assistancestatus24.xlsx"),
            "--directory", directory, "--out", outDir);

        code.ShouldBe(CliErrors.BadInput, output);
        output.ShouldContain("assistancestatus24.xlsx: line");
        output.ShouldContain("27661590000000 Salinas Union High, identified in the 2024 report, is not in the LEA directory");
        System.IO.Directory.Exists(outDir).ShouldBeFalse();

        var (lenient, text) = Run("--fiscal-year", "2024-25", "--reports", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), RepoPaths.StatusWorkbook("assistancestatus24.xlsx"),
            "--directory", directory, "--set", "funding.lea-not-in-directory=large");
        lenient.ShouldBe(CliErrors.Ok, text);
        text.ShouldContain("Total, 1 county office: $2,100,000.");
    }

    [Fact]
    public void A_missing_report_year_is_a_usage_error_and_writes_nothing()
    {
        using var tmp = RepoPaths.NewTempDir();

        var (code, output) = Run("--fiscal-year", "2023-24", "--reports", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), "--directory", Directory, "--out", tmp.Path,
            "--set", "funding.earlier-reports=zero-2020-2021");

        code.ShouldBe(CliErrors.Ok, output); // 2023, 2022 and 2021 (none): nothing else is needed
        output.ShouldContain("2021: no Dashboard, no one identified (zero-2020-2021)");

        var (missing, message) = Run("--fiscal-year", "2025-26", "--reports", RepoPaths.StatusWorkbook("assistancestatus24.xlsx"), "--directory", Directory, "--out", Path.Combine(tmp.Path, "x"));
        missing.ShouldBe(CliErrors.Usage, message);
        message.ShouldContain("no district and county office report for 2025 was given");
        System.IO.Directory.Exists(Path.Combine(tmp.Path, "x")).ShouldBeFalse();
    }

    [Fact]
    public void This_tools_own_determine_outputs_feed_funding()
    {
        using var tmp = RepoPaths.NewTempDir();
        var (determined, log) = CliRunner.Run("determine", "--year", "2024", "--dashboard", RepoPaths.MontereyDashboard(2024), "--local", RepoPaths.LocalIndicators(2024),
            "--history", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), "--prior-dashboard", RepoPaths.MontereyDashboard(2023), "--prior-local", RepoPaths.LocalIndicators(2023),
            "--directory", Directory, "--out", tmp.Path);
        determined.ShouldBe(CliErrors.Ok, log);

        var (code, output) = Run("--fiscal-year", "2024-25", "--reports", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), tmp.File("assistancestatus24.csv"), tmp.File("charterassistance24.csv"),
            "--directory", Directory);

        code.ShouldBe(CliErrors.Ok, output);
        output.ShouldContain("Read district and county office report 2024: assistancestatus24.csv");
        output.ShouldContain("Read charter report 2024: charterassistance24.csv (8 rows)");
        // The tool's 2024 decisions equal the state's for Monterey; no Monterey charter met the criteria in both 2023 and 2024.
        output.ShouldContain("Total, 1 county office: $2,100,000.");
        output.ShouldContain("warning: 2024-25 averages the 2023 charter report, but none was given");
    }
}
