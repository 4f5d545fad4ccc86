using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Calpads;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Calpads;

/// <summary>Extending the built-in CALPADS calendar with a file of later years' dates.</summary>
public class CalpadsCalendarReaderTests
{
    private const string Header = "SchoolYear,Submission,CertificationDeadline,AmendmentWindowCloses,ZeroFatalErrorsTarget\n";

    private static CalpadsCalendar Read(string text) => CalpadsCalendarReader.Read(new StringReader(Header + text), "calendar.csv");

    [Fact]
    public void The_shipped_example_adds_2025_26_with_EOY_standing_for_EOY_1_to_4()
    {
        var calendar = CalpadsCalendarReader.Read(RepoPaths.Data("calpads", "calendar-example.csv"));

        calendar.Years.Select(y => y.Label).ShouldBe(["2023-24", "2024-25", "2025-26"]);
        var year = SchoolYear.Parse("2025-26");
        calendar.For(year).Where(d => d.Submission.IsEndOfYear()).ShouldAllBe(d => d.FinalDeadline == new DateOnly(2026, 8, 7));
        calendar.TryGet(year, CalpadsSubmission.Fall2, out var fall2).ShouldBeTrue();
        fall2!.AmendmentWindowCloses.ShouldBeNull();
        fall2.Source.ShouldBe("calendar-example.csv line 3");
    }

    [Fact]
    public void A_row_for_a_built_in_year_replaces_it()
    {
        var calendar = Read("2024-25,Fall2,2025-03-07,,\n");

        calendar.TryGet(SchoolYear.Parse("2024-25"), CalpadsSubmission.Fall2, out var fall2).ShouldBeTrue();
        fall2!.CertificationDeadline.ShouldBe(new DateOnly(2025, 3, 7));
        fall2.ZeroFatalErrorsTarget.ShouldBeNull();
        calendar.TryGet(SchoolYear.Parse("2024-25"), CalpadsSubmission.Fall1, out var fall1).ShouldBeTrue();
        fall1!.Source.ShouldBe("RULES.md §6 [published]");
    }

    [Fact]
    public void A_new_year_needs_all_six_submissions() =>
        Should.Throw<InputFileException>(() => Read("2025-26,Fall1,2025-12-12,2026-01-23,\n2025-26,EOY,2026-07-24,2026-08-07,\n")).Message
            .ShouldBe("calendar.csv: line 2: 2025-26 has no row for Fall 2: a school year the built-in calendar lacks needs all six submissions (EOY may stand for EOY 1–4)");

    [Theory]
    [InlineData("2025-26,Fall1,2025-12-12,2025-12-01,\n", "line 2, column 4: 2025-26 Fall 1: the amendment window closes 2025-12-01, before the certification deadline 2025-12-12")]
    [InlineData("2025-26,Fall1,2025-12-12,,2025-12-20\n", "line 2, column 5: 2025-26 Fall 1: the zero-fatal-errors target 2025-12-20 is after the certification deadline")]
    [InlineData("2025-26,Fall1,2024-12-12,,\n", "line 2, column 3: 2025-26 Fall 1: the certification deadline 2024-12-12 is out of range for 2025-26")]
    [InlineData("2025-26,Winter,2025-12-12,,\n", "line 2, column 2: unknown submission 'Winter'")]
    [InlineData("2025-26,Fall1,,,\n", "line 2, column 3: the certification deadline is blank")]
    [InlineData("2024-25,EOY1,2025-07-25,,\n2024-25,EOY,2025-07-25,,\n", "line 3, column 2: duplicate row: 2024-25 EOY 1 is already on line 2")]
    public void Bad_rows_name_the_line_and_column(string rows, string expected) =>
        Should.Throw<InputFileException>(() => Read(rows)).Message.ShouldContain(expected);
}
