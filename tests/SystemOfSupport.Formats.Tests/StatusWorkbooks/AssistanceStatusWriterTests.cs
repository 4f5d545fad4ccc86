using System.Text;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Xlsx;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.StatusWorkbooks;

public sealed class AssistanceStatusWriterTests
{
    [Fact]
    public void The_2024_state_workbook_round_trips_through_xlsx_and_csv()
    {
        var state = AssistanceStatusWorkbookReader.Read(RepoPaths.StatusWorkbook("assistancestatus24.xlsx"));
        var table = state.ToTable(TestTables.Label);
        table.Rows.Count.ShouldBe(994);

        using var dir = RepoPaths.NewTempDir();
        var xlsx = dir.File("assistancestatus24.xlsx");
        var csv = dir.File("assistancestatus24.csv");
        AssistanceStatusWorkbookWriter.Write(table, xlsx);
        AssistanceStatusCsvWriter.Write(table, csv);

        foreach (var path in new[] { xlsx, csv })
        {
            var back = AssistanceStatusWorkbookReader.Read(path);
            back.Year.ShouldBe(2024);
            back.Columns.ShouldBe(state.Columns);
            back.Cells.Count.ShouldBe(state.Cells.Count);
            for (var r = 0; r < state.Cells.Count; r++)
            {
                back.Cells[r].ShouldBe(state.Cells[r], $"{path} row {r}");
            }

            back.Rows.Count.ShouldBe(state.Rows.Count);
            for (var r = 0; r < state.Rows.Count; r++)
            {
                ShouldMatch(back.Rows[r], state.Rows[r]);
            }
        }

        var written = AssistanceStatusWorkbookReader.Read(xlsx);
        written.SheetName.ShouldBe("District and COE 2024");
        written.HeaderRow.ShouldBe(6);
        written.Rows[0].Source.Line.ShouldBe(7);
        written.Notes.ShouldBe(
        [
            "2024 LCFF District/COE Eligibility File ",
            TestTables.Label,
            "Reminder: Header description is provided in the Record Layout sheet and value in Value sheet",
            "In the Gsoffered column P = Pre-School, K= Kindergarten",
            "*=blank cell (e-reader accessibility)",
        ]);
        AssistanceStatusWorkbookReader.Read(csv).HeaderRow.ShouldBe(1);
    }

    [Fact]
    public void The_2019_and_2023_state_workbooks_round_trip_through_csv()
    {
        using var dir = RepoPaths.NewTempDir();
        foreach (var name in new[] { "assistancestatus19.xlsx", "assistancestatus23.xlsx" })
        {
            var state = AssistanceStatusWorkbookReader.Read(RepoPaths.StatusWorkbook(name));
            var csv = dir.File(Path.ChangeExtension(name, ".csv"));
            AssistanceStatusCsvWriter.Write(state.ToTable(), csv);
            var back = AssistanceStatusWorkbookReader.Read(csv);
            back.Year.ShouldBe(state.Year);
            back.Columns.ShouldBe(state.Columns);
            back.Cells.ShouldBe(state.Cells);
            for (var r = 0; r < state.Rows.Count; r++)
            {
                ShouldMatch(back.Rows[r], state.Rows[r]);
            }
        }
    }

    [Fact]
    public void The_written_workbook_has_the_state_structure()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("out.xlsx");
        var table = TestTables.Standard2024();
        AssistanceStatusWorkbookWriter.Write(table, path);

        XlsxSheetReader.SheetNames(path).ShouldBe(["Record Layout", "Value", "LCFF Priority Definitions", "District and COE 2024"]);

        var data = XlsxSheetReader.ReadRows(path, "District and COE 2024").ToList();
        data.Count.ShouldBe(6 + table.Rows.Count);
        data[0][1].ShouldBe("2024 LCFF District/COE Eligibility File ");
        data[1][1].ShouldBe(TestTables.Label);
        data[5].RowNumber.ShouldBe(6);
        data[5].Cells.Select(c => c.Text).ShouldBe(table.Columns);
        data[6].RowNumber.ShouldBe(7);
        data[6].Cells.Select(c => c.Text).ShouldBe(table.Rows[0]);

        var layout = XlsxSheetReader.ReadRows(path, "Record Layout").ToList();
        layout[0][1].ShouldBe("2024 LCFF District/COE Eligibility File Record Layout");
        layout[1][1].ShouldBe(TestTables.Label);
        layout[3].Cells.Select(c => c.Text).ShouldBe(["Field Name", "Description", "Acceptable Values"]);
        layout.Skip(4).Select(r => r[1]).ShouldBe(table.Columns);
        var byField = layout.Skip(4).ToDictionary(r => r[1]!, r => (Description: r[2], Values: r[3]));
        byField["CDS"].ShouldBe(("County District School Code", "14-Character String"));
        byField["LTELpriorities"].Description.ShouldBe("Priority Areas Met By The Long-Term English Learner Student Group");
        byField["ReportYear"].Values.ShouldBe("2024");
        byField["AssistanceStatus2024"].Values!.ShouldContain("Differentiated Assistance, Year 2");
        byField["AssistanceStatus2024"].Values!.ShouldNotContain("Blank");
        byField["AssistanceStatus2023"].Values!.ShouldEndWith("Blank");
        byField["AssistanceStatus2023"].Values!.ShouldNotContain("Year 2");
        byField["AssistanceStatus2019"].Values!.ShouldContain("Differentiated Assistance\u00a0= LEA was eligible to receive differentiated support");
        byField["MetMethod4"].Description!.ShouldContain("CALPADS");
        byField["EC52072_2024"].Description!.ShouldContain("52072");

        var values = XlsxSheetReader.ReadRows(path, "Value").ToList();
        values[3].Cells.Select(c => c.Text).ShouldBe(["Value", "Description"]);
        values.Skip(4).Select(r => r[1]!.Trim()).ShouldBe(["A =", "B =", "C =", "D =", "E =", "F =", "G =", "H =", "I =", "J =", "K ="]);
        values[^1][2].ShouldBe("Met Criteria in Priority Areas 4, 5, 6, and 8");

        var priorities = XlsxSheetReader.ReadRows(path, "LCFF Priority Definitions").ToList();
        priorities.Skip(4).Select(r => r[1]).ShouldBe(Enumerable.Range(1, 10).Select(i => $"LCFF Priority {i}"));
        priorities[7][3]!.ShouldContain("Long-Term English Learner");
    }

    [Fact]
    public void The_record_layout_follows_the_table_columns_and_wording_can_change_by_year()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("out23.xlsx");
        var columns = AssistanceStatusColumns.StandardLayout(2023);
        columns.ShouldNotContain("LTELpriorities");
        columns.ShouldNotContain("MetMethod4");
        columns[^1].ShouldBe("EC52072_2023");
        var row = columns.Select(c => c == "CDS" ? "01100170000000" : c == "LEAname" ? "X" : c.StartsWith("AssistanceStatus", StringComparison.Ordinal) ? "General Assistance" : "*").ToArray();
        var table = new AssistanceStatusTable(2023, columns, [row], "Label");
        var wording = AssistanceStatusWording.Default with { Priority8Criteria = "Very Low on College/Career Indicator" };

        AssistanceStatusWorkbookWriter.Write(table, path, wording);

        var layout = XlsxSheetReader.ReadRows(path, "Record Layout").Skip(4).Select(r => r[1] ?? string.Empty).ToList();
        layout.ShouldBe(columns);
        XlsxSheetReader.ReadRows(path, "LCFF Priority Definitions").Single(r => r[1] == "LCFF Priority 8")[3]
            .ShouldBe("Very Low on College/Career Indicator");
        XlsxSheetReader.SheetNames(path)[^1].ShouldBe("District and COE 2023");
        AssistanceStatusWorkbookReader.Read(path).Rows.ShouldHaveSingleItem().StatusByYear[2023].ShouldBe(Core.Domain.AssistanceStatus.GeneralAssistance);
    }

    [Fact]
    public void The_workbook_has_a_bold_frozen_header_and_column_widths()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("styled.xlsx");
        AssistanceStatusWorkbookWriter.Write(TestTables.Standard2024(), path);

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Last();
        var worksheet = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
        var pane = worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single();
        pane.VerticalSplit!.Value.ShouldBe(6);
        pane.State!.Value.ShouldBe(DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen);
        worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().Count().ShouldBe(33);
        var headerCell = worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().First(c => c.CellReference == "A6");
        var format = workbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>()
            .ElementAt((int)headerCell.StyleIndex!.Value);
        var font = workbookPart.WorkbookStylesPart.Stylesheet.Fonts!.Elements<DocumentFormat.OpenXml.Spreadsheet.Font>().ElementAt((int)format.FontId!.Value);
        font.Bold.ShouldNotBeNull();
        worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.AutoFilter>().Single().Reference!.Value.ShouldBe("A6:AG9");

        // Every cell is a string.
        worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .ShouldAllBe(c => c.DataType != null && c.DataType.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString);
    }

    [Fact]
    public void The_written_workbook_is_valid_open_xml()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("valid.xlsx");
        AssistanceStatusWorkbookWriter.Write(TestTables.Standard2024(), path);

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        errors.ShouldBeEmpty();
    }

    [Fact]
    public void The_csv_is_rfc_4180_utf8_without_bom_with_crlf()
    {
        var table = TestTables.Standard2024()
            .With(0, "LEAname", "Smith, \"Jones\" & Co.")
            .With(1, "LEAname", "Two\nLines")
            .With(2, "LEAname", "Caf\u00e9 Unified");
        using var stream = new MemoryStream();

        AssistanceStatusCsvWriter.Write(table, stream);

        var bytes = stream.ToArray();
        bytes.AsSpan(0, 3).SequenceEqual(Encoding.UTF8.Preamble).ShouldBeFalse();
        var text = Encoding.UTF8.GetString(bytes);
        text.ShouldStartWith("CDcode,CDS,LEAname,Cityname,");
        text.ShouldEndWith("N\r\n");
        text.ShouldContain(",\"Smith, \"\"Jones\"\" & Co.\",");
        text.ShouldContain(",\"Two\nLines\",");
        text.ShouldContain(",Caf\u00e9 Unified,");
        text.Split("\r\n").Length.ShouldBe(table.Rows.Count + 2);

        using var dir = RepoPaths.NewTempDir();
        var path = dir.File(AssistanceStatusCsvWriter.FileName(2024));
        Path.GetFileName(path).ShouldBe("assistancestatus24.csv");
        File.WriteAllBytes(path, bytes);
        var back = AssistanceStatusWorkbookReader.Read(path);
        back.Rows.Select(r => r.LeaName).ShouldBe(["Smith, \"Jones\" & Co.", "Two\nLines", "Caf\u00e9 Unified"]);
        back.Rows[1].Source.Line.ShouldBe(3);
        back.Rows[2].Source.Line.ShouldBe(5);

        var xlsx = dir.File("special.xlsx");
        AssistanceStatusWorkbookWriter.Write(table, xlsx);
        AssistanceStatusWorkbookReader.Read(xlsx).Cells.ShouldBe(back.Cells);
    }

    [Fact]
    public void Blank_cells_are_written_as_stars()
    {
        var table = TestTables.Standard2024().With(0, "Cityname", string.Empty);
        using var dir = RepoPaths.NewTempDir();
        var csv = dir.File("blank.csv");
        var xlsx = dir.File("blank.xlsx");
        AssistanceStatusCsvWriter.Write(table, csv);
        AssistanceStatusWorkbookWriter.Write(table, xlsx);

        foreach (var path in new[] { csv, xlsx })
        {
            var back = AssistanceStatusWorkbookReader.Read(path);
            back.Rows[0].City.ShouldBeNull();
            back.Cells[0][3].ShouldBe("*");
        }
    }

    [Fact]
    public void A_failed_write_leaves_no_partial_file_and_keeps_the_previous_one()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("out.xlsx");
        var csv = dir.File("out.csv");
        AssistanceStatusWorkbookWriter.Write(TestTables.Standard2024(), path);
        AssistanceStatusCsvWriter.Write(TestTables.Standard2024(), csv);
        var before = File.ReadAllBytes(path);

        var bad = TestTables.Standard2024().With(1, "LEAname", "Bad\u0001Name");
        Should.Throw<ArgumentException>(() => AssistanceStatusWorkbookWriter.Write(bad, path)).Message.ShouldContain("row 2");
        var ragged = TestTables.Standard2024() with { Rows = [["too", "short"]] };
        Should.Throw<ArgumentException>(() => AssistanceStatusWorkbookWriter.Write(ragged, path));
        Should.Throw<ArgumentException>(() => AssistanceStatusCsvWriter.Write(ragged, csv));

        File.ReadAllBytes(path).ShouldBe(before);
        Directory.GetFiles(dir.Path).Select(Path.GetFileName).ShouldBe(["out.csv", "out.xlsx"], ignoreOrder: true);

        var fresh = dir.File("fresh.xlsx");
        Should.Throw<ArgumentException>(() => AssistanceStatusWorkbookWriter.Write(bad, fresh));
        File.Exists(fresh).ShouldBeFalse();
        Directory.GetFiles(dir.Path).Length.ShouldBe(2);
    }

    [Fact]
    public void Writes_to_a_non_seekable_stream()
    {
        using var inner = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(inner))
        {
            AssistanceStatusWorkbookWriter.Write(TestTables.Standard2024(), forwardOnly);
        }

        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("stream.xlsx");
        File.WriteAllBytes(path, inner.ToArray());
        AssistanceStatusWorkbookReader.Read(path).Rows.Count.ShouldBe(3);
    }

    [Fact]
    public void The_standard_layout_matches_the_state_2024_header()
    {
        var state = AssistanceStatusWorkbookReader.Read(RepoPaths.StatusWorkbook("assistancestatus24.xlsx"));
        AssistanceStatusColumns.StandardLayout(2024).ShouldBe(state.Columns);
        Core.Rules.DashboardYears.Through(2025).ShouldBe([2017, 2018, 2019, 2022, 2023, 2024, 2025]);
    }

    private static void ShouldMatch(AssistanceHistoryRow actual, AssistanceHistoryRow expected)
    {
        actual.Cds.ShouldBe(expected.Cds);
        actual.LeaName.ShouldBe(expected.LeaName);
        actual.City.ShouldBe(expected.City);
        actual.County.ShouldBe(expected.County);
        actual.GradeSpan.ShouldBe(expected.GradeSpan);
        actual.ReportYear.ShouldBe(expected.ReportYear);
        actual.PriorityLetters.ShouldBe(expected.PriorityLetters, ignoreOrder: true);
        actual.TotalStudentGroups.ShouldBe(expected.TotalStudentGroups);
        actual.StatusByYear.ShouldBe(expected.StatusByYear, ignoreOrder: true);
        actual.MetMethods.ShouldBe(expected.MetMethods, ignoreOrder: true);
        actual.Level3Flag.ShouldBe(expected.Level3Flag);
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
