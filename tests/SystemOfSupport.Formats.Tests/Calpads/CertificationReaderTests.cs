using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Calpads;
using SystemOfSupport.Formats.LeaDirectories;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Calpads;

/// <summary>The certification layout (data/calpads/README.md), the shipped example, and each kind of bad input.</summary>
public class CertificationReaderTests
{
    private const string Header = "CDS,SchoolYear,Submission,CertifiedOn,AmendedOn,DataQualityIssue\n";

    private static readonly Lazy<LeaDirectory> Monterey = new(() => LeaDirectory.Read(RepoPaths.Data("directory", "monterey-lea-directory.csv")));

    private static string Example => RepoPaths.Data("calpads", "certifications-example.csv");

    private static IReadOnlyList<CertificationRecord> Read(string text, LeaDirectory? directory = null) =>
        CertificationReader.Read(new StringReader(text), "certs.csv", directory);

    private static InputFileException Bad(string rows, LeaDirectory? directory = null) =>
        Should.Throw<InputFileException>(() => Read(Header + rows, directory));

    [Fact]
    public void The_shipped_example_covers_the_Monterey_directory_for_two_school_years()
    {
        var records = CertificationReader.Read(Example, Monterey.Value);

        records.Count.ShouldBe(395); // 33 LEAs × 2 years × 6 submissions, less Big Sur Charter's missing 2024-25 EOY 4
        records.Select(r => r.Cds).Distinct().Count().ShouldBe(33);
        records.Select(r => r.SchoolYear.Label).Distinct().Order().ShouldBe(["2023-24", "2024-25"]);
        records[0].Source.ShouldBe(new SourceRef(Example, 2));
    }

    [Fact]
    public void The_example_has_an_EOY_certified_one_day_late_and_one_never_certified_in_2023_24()
    {
        var records = CertificationReader.Read(Example, Monterey.Value);
        var settings = DeterminationSettings.Defaults;

        // Bradley Union Elementary: EOY certified 2024-08-17, the day after the window closed: still certified in 2024's rule.
        var bradley = CdsCode.Parse("27659790000000");
        records.Where(r => r.Cds == bradley && r.SchoolYear.StartYear == 2023 && r.Submission.IsEndOfYear()).ShouldAllBe(r => r.CertifiedOn == new DateOnly(2024, 8, 17));
        CalpadsAssistance.EvaluateMethod4(2024, bradley, LeaKind.District, records, CalpadsCalendar.BuiltIn, settings).Met.ShouldBeFalse();

        // Graves Elementary: no EOY certification in 2023-24.
        var graves = CalpadsAssistance.EvaluateMethod4(2024, CdsCode.Parse("27660270000000"), LeaKind.District, records, CalpadsCalendar.BuiltIn, settings);
        graves.Met.ShouldBeTrue();

        var met2024 = Monterey.Value.Entries.Where(e => CalpadsAssistance.EvaluateMethod4(2024, e.Cds, e.Kind, records, CalpadsCalendar.BuiltIn, settings).Met);
        met2024.Select(e => e.Name).ShouldBe(["Graves Elementary"]);
        var met2025 = Monterey.Value.Entries.Where(e => CalpadsAssistance.EvaluateMethod4(2025, e.Cds, e.Kind, records, CalpadsCalendar.BuiltIn, settings).Met);
        met2025.Select(e => e.Name).Order().ShouldBe(["Chualar Union", "Lagunita Elementary", "San Ardo Union Elementary"]);
    }

    [Fact]
    public void Columns_are_found_by_name_dates_and_flags_read()
    {
        var records = Read("DataQualityIssue,Submission,CDS,SchoolYear,CertifiedOn,AmendedOn,LEAname\nY,eoy 2,27754730000000,2024–25,2025-07-20,2025-08-01,Gonzales\n,Fall1,27754730000000,2024-2025,,,Gonzales\n");

        records.Count.ShouldBe(2);
        records[0].ShouldBe(new CertificationRecord(CdsCode.Parse("27754730000000"), SchoolYear.Parse("2024-25"), CalpadsSubmission.Eoy2,
            new DateOnly(2025, 7, 20), new DateOnly(2025, 8, 1), true, new SourceRef("certs.csv", 2)));
        records[1].CertifiedOn.ShouldBeNull();
        records[1].DataQualityIssue.ShouldBeFalse();
    }

    [Fact]
    public void An_unknown_submission_names_the_line_and_column() =>
        Bad("27754730000000,2024-25,EOY5,2025-07-20,,N\n").Message
            .ShouldBe("certs.csv: line 2, column 3: unknown submission 'EOY5': expected one of Fall1, Fall2, EOY1, EOY2, EOY3, EOY4");

    [Fact]
    public void A_date_out_of_range_for_the_school_year_is_an_error() =>
        Bad("27754730000000,2024-25,Fall1,2023-12-10,,N\n").Message
            .ShouldBe("certs.csv: line 2, column 4: CertifiedOn 2023-12-10 is out of range for the school year 2024-25: a certification for it falls between 2024-07-01 and 2026-07-01");

    [Fact]
    public void A_malformed_date_is_an_error() =>
        Bad("27754730000000,2024-25,Fall1,12/10/2024,,N\n").Message.ShouldContain("line 2, column 4: '12/10/2024' is not a date: expected yyyy-MM-dd");

    [Fact]
    public void A_malformed_CDS_is_an_error() =>
        Bad("2775473000000,2024-25,Fall1,2024-12-10,,N\n").Message
            .ShouldBe("certs.csv: line 2, column 1: '2775473000000' is not a CDS code: expected 14 digits (county 2, district 5, school 7) (13 digits: was a leading zero lost to a spreadsheet program?)");

    [Fact]
    public void A_duplicate_record_names_the_first_line() =>
        Bad("27754730000000,2024-25,Fall1,2024-12-10,,N\n27754730000000,2024-25,EOY1,2025-07-10,,N\n27754730000000,2024-25,Fall 1,2024-12-11,,N\n").Message
            .ShouldBe("certs.csv: line 4, column 3: duplicate record: 27754730000000 2024-25 Fall 1 is already on line 2");

    [Fact]
    public void A_CDS_not_in_the_directory_is_an_error_when_one_is_given()
    {
        const string row = "19647330000000,2024-25,Fall1,2024-12-10,,N\n";
        Read(Header + row).Count.ShouldBe(1);
        Bad(row, Monterey.Value).Message.ShouldBe("certs.csv: line 2, column 1: CDS 19647330000000 is not in the LEA directory (33 LEAs): a certification record must name a listed LEA");
    }

    [Theory]
    [InlineData("27754730000000,2024-25,Fall1,,2025-01-10,N\n", "line 2, column 5: AmendedOn 2025-01-10 without CertifiedOn")]
    [InlineData("27754730000000,2024-25,Fall1,2024-12-10,2024-12-01,N\n", "line 2, column 5: AmendedOn 2024-12-01 is before CertifiedOn 2024-12-10")]
    [InlineData("27754730000000,2024-25,Fall1,2024-12-10,,maybe\n", "line 2, column 6: 'maybe' is not Y or N")]
    [InlineData("27754730000000,2024-26,Fall1,2024-12-10,,N\n", "line 2, column 2: '2024-26' is not a school year")]
    [InlineData("99754730000000,2024-25,Fall1,2024-12-10,,N\n", "line 2, column 1: CDS 99754730000000 begins with county code 99")]
    [InlineData("27754730000000,2024-25,Fall1,2024-12-10\n", "line 2, column 5: expected 6 comma-separated fields as in the header, found 4 (the file looks truncated)")]
    public void Other_bad_rows_name_the_line_and_column(string row, string expected) => Bad(row).Message.ShouldContain(expected);

    [Fact]
    public void A_missing_column_is_an_error() =>
        Should.Throw<InputFileException>(() => Read("CDS,SchoolYear,Submission,CertifiedOn,DataQualityIssue\n")).Message
            .ShouldContain("certs.csv: line 1, column 6: missing required column 'AmendedOn'");
}
