using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Cli.Tests.Calpads;

/// <summary><c>sos calpads status</c>, run through the real command line on the shipped example.</summary>
public class CalpadsStatusCommandTests
{
    private static readonly string Certifications = RepoPaths.Data("calpads", "certifications-example.csv");
    private static readonly string Directory = RepoPaths.Data("directory", "monterey-lea-directory.csv");

    private static (int ExitCode, string Output) Run(params string[] args) => CliRunner.Run(["calpads", "status", .. args]);

    [Fact]
    public void Mid_July_2025_shows_each_submission_and_who_is_on_course()
    {
        var (code, output) = Run("--school-year", "2024-25", "--as-of", "2025-07-15", "--certifications", Certifications, "--directory", Directory);

        code.ShouldBe(CliErrors.Ok, output);
        output.ShouldContain("CALPADS certifications, 2024-25 (the 2025 Dashboard's data), as of 2025-07-15");
        output.ShouldMatch(@"EOY 1\s+2025-07-11\s+2025-07-25\s+2025-08-08\s+2025-08-08");
        // San Ardo certified Fall 2 three days late: Method 4 already met. (Fall 1: amended and certified again 12-17, the date shown.)
        output.ShouldMatch(@"27661750000000 │ San Ardo Union Elementary\s+│ ok 12-17\s+│ late 03-03 \+3d\s+│");
        output.ShouldMatch(@"27661750000000 .*│ met\s+│");
        // Monterey COE: EOY 2-4 still open, the next date is EOY 2's certification deadline in 10 days.
        output.ShouldMatch(@"27102720000000 │ Monterey County Office of Education\s+│ ok 11-29 .*│ open\s+│ EOY 2 certify 07-25, in 10 days\s+│ on course");
        output.ShouldMatch(@"27102720112177 │ Monterey Bay Charter .*│ n/a \(charter\)");
        output.ShouldContain("33 LEAs; districts and county offices: 25 — Method 4 met: 2, on course: 20, not met: 3.");
        output.ShouldContain("Method 4 met: 27660760000000 Lagunita Elementary. As of 2025-07-15: Met: Fall 1 was certified 2024-12-04, then amended and certified again 2025-01-27");
        output.ShouldContain("Assumption calpads.deadline = amendment-window-close (default)");
    }

    [Fact]
    public void After_the_year_EOY_one_day_late_and_missing_show_as_such()
    {
        var (code, output) = Run("--school-year", "2024-25", "--as-of", "2025-09-01", "--certifications", Certifications, "--directory", Directory);

        code.ShouldBe(CliErrors.Ok, output);
        output.ShouldMatch(@"27659950000000 │ Chualar Union .*│ late 08-09 \+1d\s+│ .*│ met\s+│");
        output.ShouldMatch(@"27751500118349 │ Big Sur Charter .*│ missing\s+│ –\s+│ n/a \(charter\)");
        output.ShouldContain("Method 4 met: 3, on course: 0, not met: 22.");
    }

    [Fact]
    public void In_2023_24_only_the_LEA_with_no_EOY_certification_meets_Method_4()
    {
        var (code, output) = Run("--school-year", "2023-24", "--as-of", "2024-12-01", "--certifications", Certifications, "--directory", Directory);

        code.ShouldBe(CliErrors.Ok, output);
        output.ShouldContain("Method 4 for the 2024 Dashboard: a district or county office that certified no End of Year submission (EOY 1–4) meets Method 4.");
        output.ShouldMatch(@"27659790000000 │ Bradley Union Elementary .*│ late 08-17 \+1d\s+│ –\s+│ not met");
        output.ShouldContain("Method 4 met: 1, on course: 0, not met: 24.");
        output.ShouldContain("Method 4 met: 27660270000000 Graves Elementary. As of 2024-12-01: Met: it certified no End of Year submission (EOY 1–4).");
    }

    [Fact]
    public void A_later_year_needs_a_calendar_file()
    {
        using var tmp = RepoPaths.NewTempDir();
        var certs = tmp.File("certs.csv");
        File.WriteAllText(certs, "CDS,SchoolYear,Submission,CertifiedOn,AmendedOn,DataQualityIssue\n27754730000000,2025-26,Fall1,2025-12-01,,Y\n");

        var (missing, message) = Run("--school-year", "2025-26", "--as-of", "2026-01-05", "--certifications", certs);
        missing.ShouldBe(CliErrors.Usage, message);
        message.ShouldContain("the CALPADS calendar has no dates for 2025-26");

        var (code, output) = Run("--school-year", "2025-26", "--as-of", "2026-01-05", "--certifications", certs, "--calendar", RepoPaths.Data("calpads", "calendar-example.csv"));
        code.ShouldBe(CliErrors.Ok, output);
        output.ShouldContain("or has an identified data-quality issue, meets Method 4");
        output.ShouldMatch(@"27754730000000 │\s+│ ok 12-01\s+│ open .*│ Fall 2 zero fatal errors 02-06, in 32 days\s+│ met");
    }

    [Fact]
    public void Bad_input_exits_2_naming_the_file_line_and_column()
    {
        using var tmp = RepoPaths.NewTempDir();
        var certs = tmp.File("certs.csv");
        File.WriteAllText(certs, "CDS,SchoolYear,Submission,CertifiedOn,AmendedOn,DataQualityIssue\n27754730000000,2024-25,Fall1,2024-12-01,,N\n27754730000000,2024-25,Spring,2025-04-01,,N\n");

        var (code, output) = Run("--school-year", "2024-25", "--certifications", certs);

        code.ShouldBe(CliErrors.BadInput, output);
        output.ShouldContain("certs.csv: line 3, column 3: unknown submission 'Spring'");
        output.ShouldNotContain("CALPADS certifications, 2024-25");
    }

    [Fact]
    public void A_CDS_not_in_the_directory_exits_2()
    {
        using var tmp = RepoPaths.NewTempDir();
        var certs = tmp.File("certs.csv");
        File.WriteAllText(certs, "CDS,SchoolYear,Submission,CertifiedOn,AmendedOn,DataQualityIssue\n01611920000000,2024-25,Fall1,2024-12-01,,N\n");

        var (code, output) = Run("--school-year", "2024-25", "--certifications", certs, "--directory", Directory);

        code.ShouldBe(CliErrors.BadInput, output);
        output.ShouldContain("certs.csv: line 2, column 1: CDS 01611920000000 is not in the LEA directory");
    }

    [Fact]
    public void A_bad_school_year_or_date_is_a_usage_error()
    {
        Run("--school-year", "2024", "--certifications", Certifications).ExitCode.ShouldBe(CliErrors.Usage);
        var (code, output) = Run("--school-year", "2024-25", "--as-of", "07/15/2025", "--certifications", Certifications);
        code.ShouldBe(CliErrors.Usage);
        output.ShouldContain("--as-of '07/15/2025' is not a date: expected yyyy-MM-dd");
    }
}
