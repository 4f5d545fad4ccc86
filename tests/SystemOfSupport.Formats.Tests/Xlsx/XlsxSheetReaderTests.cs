using System.IO.Compression;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Xlsx;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Xlsx;

public class XlsxSheetReaderTests
{
    [Fact]
    public void Lists_the_sheet_names_of_the_state_workbook()
    {
        XlsxSheetReader.SheetNames(RepoPaths.StatusWorkbook("assistancestatus24.xlsx"))
            .ShouldBe(["Record Layout", "Value", "LCFF Priority Definitions", "District and COE 2024"]);
    }

    [Fact]
    public void Reads_known_cells_of_the_2024_state_workbook()
    {
        var rows = XlsxSheetReader.ReadRows(RepoPaths.StatusWorkbook("assistancestatus24.xlsx"), "district and coe 2024")
            .Where(r => r.RowNumber is 6 or 7)
            .ToList();

        rows.Count.ShouldBe(2);
        rows[0].RowNumber.ShouldBe(6);
        rows[0][1].ShouldBe("CDcode");
        rows[0][2].ShouldBe("CDS");
        rows[1][1].ShouldBe("0110017");
        rows[1][2].ShouldBe("01100170000000");
        rows[1][7].ShouldBe("2024"); // ReportYear: a number, as its stored text
    }

    [Fact]
    public void Reads_the_first_sheet_when_no_name_is_given()
    {
        var first = XlsxSheetReader.ReadRows(RepoPaths.StatusWorkbook("assistancestatus23.xlsx")).First();
        first.RowNumber.ShouldBe(1);
        first[1].ShouldNotBeNull().ShouldContain("2023");
    }

    [Fact]
    public void Every_state_workbook_has_its_district_sheet_with_the_CDS_header_on_row_6()
    {
        foreach (var (file, year, leas) in new[] { ("assistancestatus19.xlsx", 2019, 1002), ("assistancestatus19-rev.xlsx", 2019, 997), ("assistancestatus23.xlsx", 2023, 991), ("assistancestatus24.xlsx", 2024, 994) })
        {
            var rows = XlsxSheetReader.ReadRows(RepoPaths.StatusWorkbook(file), $"District and COE {year}").ToList();
            var header = rows.Single(r => r.RowNumber == 6);
            header[2].ShouldNotBeNull().ToUpperInvariant().ShouldBe("CDS", file);
            rows.Count(r => r.RowNumber > 6 && CdsCode.TryParse(r[2], out _)).ShouldBe(leas, file);
        }
    }

    [Fact]
    public void Numbers_booleans_and_strings_come_back_as_stored_text_and_empty_cells_are_omitted()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("cells.xlsx");
        TestWorkbook.WriteSheets(
            path,
            ("First", [["text", 45090, 2.5, true, false, null, "  spaced  "]]),
            ("Second", [["x"], [], ["y"]]));

        var row = XlsxSheetReader.ReadRows(path).Single();
        row.Cells.Select(c => c.Column).ShouldBe([1, 2, 3, 4, 5, 7]);
        row[1].ShouldBe("text");
        row[2].ShouldBe("45090");
        row[3].ShouldBe("2.5");
        row[4].ShouldBe("TRUE");
        row[5].ShouldBe("FALSE");
        row[6].ShouldBeNull();
        row[7].ShouldBe("  spaced  ");
        row[99].ShouldBeNull();

        var second = XlsxSheetReader.ReadRows(path, "SECOND").ToList();
        second.Select(r => r.RowNumber).ShouldBe([1, 2, 3]);
        second[1].Cells.ShouldBeEmpty();
        second[2][1].ShouldBe("y");
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(2, "B")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(52, "AZ")]
    [InlineData(53, "BA")]
    [InlineData(702, "ZZ")]
    [InlineData(703, "AAA")]
    [InlineData(16384, "XFD")]
    public void ColumnLetters_numbers_columns_like_a_spreadsheet(int column, string letters)
    {
        XlsxSheetReader.ColumnLetters(column).ShouldBe(letters);
        XlsxSheetReader.ColumnNumber(letters + "12").ShouldBe(column);
    }

    [Fact]
    public void A_garbage_file_is_an_InputFileException_naming_the_file()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("garbage.xlsx");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 500).Select(i => (byte)((i * 37) + 11))]);

        var ex = Should.Throw<InputFileException>(() => XlsxSheetReader.ReadRows(path).ToList());
        ex.File.ShouldBe(path);
        ex.Message.ShouldContain(path);
        ex.Message.ShouldContain("not a readable xlsx workbook");

        Should.Throw<InputFileException>(() => XlsxSheetReader.SheetNames(path)).Message.ShouldContain("garbage.xlsx");
    }

    [Fact]
    public void A_zip_without_a_workbook_is_an_InputFileException()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("notabook.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            writer.Write("hello");
        }

        var ex = Should.Throw<InputFileException>(() => XlsxSheetReader.ReadRows(path).ToList());
        ex.Message.ShouldContain("notabook.xlsx");
        ex.Message.ShouldContain("not a readable xlsx workbook");
    }

    [Fact]
    public void A_truncated_workbook_is_an_InputFileException()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("truncated.xlsx");
        var bytes = File.ReadAllBytes(RepoPaths.StatusWorkbook("assistancestatus24.xlsx"));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Should.Throw<InputFileException>(() => XlsxSheetReader.ReadRows(path, "District and COE 2024").ToList())
            .Message.ShouldContain("truncated.xlsx");
    }

    [Fact]
    public void A_missing_file_is_an_InputFileException()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("absent.xlsx");
        Should.Throw<InputFileException>(() => XlsxSheetReader.ReadRows(path).ToList()).Message.ShouldContain("absent.xlsx");
    }

    [Fact]
    public void A_missing_sheet_names_the_sheets_there_are()
    {
        var path = RepoPaths.StatusWorkbook("assistancestatus23.xlsx");
        var ex = Should.Throw<InputFileException>(() => XlsxSheetReader.ReadRows(path, "District and COE 2024").ToList());
        ex.Message.ShouldContain("has no sheet named 'District and COE 2024'");
        ex.Message.ShouldContain("'District and COE 2023'");
        ex.File.ShouldBe(path);
    }
}
