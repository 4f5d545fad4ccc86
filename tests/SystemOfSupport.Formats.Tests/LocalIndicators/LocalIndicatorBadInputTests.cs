using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.LocalIndicators;
using SystemOfSupport.Formats.Tests.Xlsx;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.LocalIndicators;

/// <summary>Each kind of bad input is an <see cref="InputFileException"/> naming the file, line and column, and no results.</summary>
public class LocalIndicatorBadInputTests
{
    private const string PipeHeader = "cdsCode|lea|priorityNumber|countyPerformance|meetingDate|year";
    private const string OldHeader = "CDS\tLEAname\tCountyname\tLocalIndicator\tPerformance";

    private static readonly object?[] XlsxHeader = ["cdsCode", "lea", "priorityNumber", "countyPerformance", "meetingDate", "year"];

    [Fact]
    public void Missing_required_column_in_xlsx_is_named()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("Pr12024.xlsx");
        TestWorkbook.Write(path, "Sheet1", ["cdsCode", "lea", "priorityNumber", "meetingDate", "year"], ["01100170000000", "A", 1, "2024-06-11", "2024"]);

        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(dir.Path, 2024));
        ex.File.ShouldBe(path);
        ex.Line.ShouldBe(1);
        ex.Message.ShouldContain("Pr12024.xlsx: line 1");
        ex.Message.ShouldContain("missing required column 'countyPerformance'");
    }

    [Fact]
    public void Missing_header_row_names_cdsCode()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("Pr12024.txt");
        File.WriteAllText(path, "cds|lea|priorityNumber|countyPerformance\n01100170000000|A|1|Met\n");

        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(path, 2024));
        ex.Message.ShouldContain("Pr12024.txt");
        ex.Message.ShouldContain("missing required column 'cdsCode'");
    }

    [Fact]
    public void Missing_required_column_in_the_older_text_layout_is_named()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("LocalIndPerf2017.txt");
        File.WriteAllLines(path, ["CDS\tLEAname\tCountyname\tLocalIndicator\tResult", "01100170000000\tA\tB\tBasic-Priority Area 1\tMet"]);

        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(path, 2017));
        ex.Message.ShouldContain("LocalIndPerf2017.txt: line 1");
        ex.Message.ShouldContain("missing required column 'Performance'");
    }

    [Theory]
    [InlineData("11")]
    [InlineData("0")]
    [InlineData("one")]
    [InlineData("1.5")]
    public void PriorityNumber_outside_1_to_10_is_rejected_at_its_cell(string value)
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("Pr12024.xlsx");
        TestWorkbook.Write(path, "Sheet1", XlsxHeader, ["01100170000000", "A", 1, "Met", "2024-06-11", "2024"], ["01611190000000", "B", value, "Met", "2024-06-11", "2024"]);

        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(dir.Path, 2024));
        (ex.Line, ex.Column).ShouldBe((3, 3));
        ex.Message.ShouldContain("Pr12024.xlsx: line 3, column 3");
        ex.Message.ShouldContain($"priorityNumber '{value}' is not a priority number 1-10");
    }

    [Fact]
    public void PriorityNumber_without_a_local_indicator_is_rejected()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("local.xlsx");
        TestWorkbook.Write(path, "Sheet1", XlsxHeader, ["01100170000000", "A", 4, "Met", "2024-06-11", "2024"]);

        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(path, 2024));
        ex.Message.ShouldContain("local.xlsx: line 2, column 3");
        ex.Message.ShouldContain("priority 4 has no local indicator");
    }

    [Fact]
    public void PriorityNumber_that_disagrees_with_the_file_name_is_rejected()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("Pr12024.xlsx");
        TestWorkbook.Write(path, "Sheet1", XlsxHeader, ["01100170000000", "A", 2, "Met", "2024-06-11", "2024"]);

        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(dir.Path, 2024));
        ex.Message.ShouldContain("Pr12024.xlsx: line 2, column 3");
        ex.Message.ShouldContain("priorityNumber 2 disagrees with the file name, which is for priority 1");
    }

    [Fact]
    public void Unknown_performance_is_quoted_with_the_accepted_values()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("Pr32024.txt");
        File.WriteAllLines(path, [PipeHeader, "01100170000000|A|3|Met|2024-06-11|2024", "01611190000000|B|3|Partially Met|2024-06-11|2024"]);

        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(dir.Path, 2024));
        ex.Message.ShouldContain("Pr32024.txt: line 3, column 4");
        ex.Message.ShouldContain("unknown countyPerformance 'Partially Met'; expected one of: Met, Not Met, Not Met For Two or More Years");
    }

    [Fact]
    public void Empty_performance_is_rejected()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("Pr32024.txt");
        File.WriteAllLines(path, [PipeHeader, "01100170000000|A|3||2024-06-11|2024"]);

        Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(dir.Path, 2024))
            .Message.ShouldContain("Pr32024.txt: line 2, column 4: countyPerformance is empty");
    }

    [Theory]
    [InlineData("1100170000000", "'1100170000000' is not a 14-digit CDS code (13 digits: was a leading zero lost")]
    [InlineData("0110017000000X", "'0110017000000X' is not a 14-digit CDS code")]
    [InlineData("0110017", "'0110017' is not a 14-digit CDS code")]
    public void Malformed_CDS_code_is_rejected(string cds, string expected)
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("Pr62024.xlsx");
        TestWorkbook.Write(path, "Sheet1", XlsxHeader, ["01100170000000", "A", 6, "Met", "2024-06-11", "2024"], [cds, "B", 6, "Met", "2024-06-11", "2024"]);

        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(dir.Path, 2024));
        ex.Message.ShouldContain("Pr62024.xlsx: line 3, column 1");
        ex.Message.ShouldContain(expected);
    }

    [Fact]
    public void Malformed_CDS_code_in_the_older_layout_is_rejected()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("LocalIndPerf2017.txt");
        File.WriteAllLines(path, [OldHeader, "0110017000000\tA\tB\tBasic-Priority Area 1\tMet"]);

        Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(path, 2017))
            .Message.ShouldContain("LocalIndPerf2017.txt: line 2, column 1: CDS '0110017000000' is not a 14-digit CDS code");
    }

    [Fact]
    public void Year_column_that_differs_from_the_requested_year_is_rejected()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("LocalIndicators.xlsx");
        TestWorkbook.Write(path, "Sheet1", XlsxHeader, ["01100170000000", "A", 7, "Met", 45090, "2023"]);

        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(path, 2024));
        ex.Message.ShouldContain("LocalIndicators.xlsx: line 2, column 6: file is for 2023, --year is 2024");
    }

    [Fact]
    public void File_name_for_another_year_is_rejected()
    {
        var path = Path.Combine(RepoPaths.LocalIndicators(2023), "Pr12023.xlsx");
        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(path, 2024));
        ex.Message.ShouldContain("Pr12023.xlsx: file is for 2023, --year is 2024");
    }

    [Fact]
    public void A_directory_without_files_for_the_year_says_which_years_it_has()
    {
        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(RepoPaths.LocalIndicators(2023), 2025));
        ex.Message.ShouldContain("no local-indicator files for 2025");
        ex.Message.ShouldContain("found files for 2023");
    }

    [Fact]
    public void A_missing_path_is_rejected()
    {
        using var dir = RepoPaths.NewTempDir();
        Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(dir.File("nowhere"), 2024))
            .Message.ShouldContain("nowhere: no such file or directory");
    }

    [Fact]
    public void Duplicate_LEA_and_priority_names_the_earlier_line()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("Pr72024.txt");
        File.WriteAllLines(path,
        [
            PipeHeader,
            "01100170000000|A|7|Met|2024-06-11|2024",
            "01611190000000|B|7|Met|2024-06-11|2024",
            "01100170000000|A again|7|Not Met|2024-06-12|2024",
        ]);

        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(dir.Path, 2024));
        ex.Message.ShouldContain("Pr72024.txt: line 4, column 1");
        ex.Message.ShouldContain("duplicate row for LEA 01100170000000 and priority 7: it is already on line 2");
    }

    [Fact]
    public void Duplicate_across_the_older_layout_names_the_earlier_line()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("LocalIndPerf2017.txt");
        File.WriteAllLines(path, [OldHeader, "01100170000000\tA\tB\tBasic-Priority Area 1\tMet", "01100170000000\tA\tB\tBasic-Priority Area 1\tNot Met"]);

        Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(path, 2017))
            .Message.ShouldContain("LocalIndPerf2017.txt: line 3, column 1: duplicate row for LEA 01100170000000 and priority 1: it is already on line 2");
    }

    [Fact]
    public void Truncated_text_row_is_rejected()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("Pr22024.txt");
        File.WriteAllText(path, PipeHeader + "\r\n01100170000000|A|2|Met|2024-06-11|2024\r\n01611190000000|B|2|Me");

        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(dir.Path, 2024));
        ex.Message.ShouldContain("Pr22024.txt: line 3, column 5");
        ex.Message.ShouldContain("line has 4 fields but the header (line 1) has 6: the row is truncated");
    }

    [Fact]
    public void Extra_delimiter_in_a_text_row_is_rejected()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("Pr22024.txt");
        File.WriteAllLines(path, [PipeHeader, "01100170000000|A | B|2|Met|2024-06-11|2024"]);

        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(dir.Path, 2024));
        ex.Message.ShouldContain("Pr22024.txt: line 2, column 7");
        ex.Message.ShouldContain("line has 7 fields but the header (line 1) has 6");
    }

    [Fact]
    public void Unknown_older_layout_values_are_quoted_with_the_accepted_ones()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("LocalIndPerf2017.txt");
        File.WriteAllLines(path, [OldHeader, "01100170000000\tA\tB\tBasic-Priority Area 1\tMet", "01100170000000\tA\tB\tOutcomes-Priority Area 8\tMet"]);

        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(path, 2017));
        ex.Message.ShouldContain("LocalIndPerf2017.txt: line 3, column 4: unknown LocalIndicator 'Outcomes-Priority Area 8'; expected one of: Basic-Priority Area 1, Academic-Priority Area 2");

        File.WriteAllLines(path, [OldHeader, "01100170000000\tA\tB\tBasic-Priority Area 2\tMet"]);
        Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(path, 2017)).Message.ShouldContain("unknown LocalIndicator 'Basic-Priority Area 2'");

        File.WriteAllLines(path, [OldHeader, "01100170000000\tA\tB\tBasic-Priority Area 1\tMaybe"]);
        Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(path, 2017))
            .Message.ShouldContain("line 2, column 5: unknown Performance 'Maybe'; expected one of: Met, Not Met, NA");
    }

    [Fact]
    public void An_error_in_the_previous_years_file_is_reported_against_that_file()
    {
        using var dir = RepoPaths.NewTempDir();
        File.WriteAllLines(dir.File("LocalIndPerf2017.txt"), [OldHeader, "01100170000000\tA\tB\tBasic-Priority Area 1\tNope"]);
        File.WriteAllLines(dir.File("LocalIndPerf2018.txt"), [OldHeader, "01100170000000\tA\tB\tBasic-Priority Area 1\tNot Met"]);

        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(dir.Path, 2018));
        ex.File.ShouldBe(dir.File("LocalIndPerf2017.txt"));
        ex.Message.ShouldContain("line 2, column 5: unknown Performance 'Nope'");
    }

    [Fact]
    public void Two_files_for_the_same_priority_are_rejected()
    {
        using var dir = RepoPaths.NewTempDir();
        File.WriteAllLines(dir.File("Pr12024.txt"), [PipeHeader, "01100170000000|A|1|Met|2024-06-11|2024"]);
        TestWorkbook.Write(dir.File("Pr12024.xlsx"), "Sheet1", XlsxHeader, ["01100170000000", "A", 1, "Met", "2024-06-11", "2024"]);

        Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(dir.Path, 2024))
            .Message.ShouldContain("two files for priority 1 in 2024");
    }

    [Fact]
    public void A_corrupt_workbook_is_an_InputFileException_naming_it()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("Pr92024.xlsx");
        File.WriteAllText(path, "this is not a zip");

        var ex = Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(dir.Path, 2024));
        ex.File.ShouldBe(path);
        ex.Message.ShouldContain("not a readable xlsx workbook");
    }
}
