using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Tests;
using Status = SystemOfSupport.Core.Domain.AssistanceStatus;

namespace SystemOfSupport.Formats.Tests.StatusWorkbooks;

public sealed class AssistanceStatusWorkbookReaderTests
{
    private static AssistanceStatusWorkbook ReadState(string name) =>
        AssistanceStatusWorkbookReader.Read(RepoPaths.StatusWorkbook(name));

    private static int CountStatus(AssistanceStatusWorkbook workbook, int year, Status status) =>
        workbook.Rows.Count(r => r.StatusByYear.TryGetValue(year, out var s) && s == status);

    [Fact]
    public void Reads_the_2024_state_workbook()
    {
        var wb = ReadState("assistancestatus24.xlsx");

        wb.Year.ShouldBe(2024);
        wb.SheetName.ShouldBe("District and COE 2024");
        wb.HeaderRow.ShouldBe(6);
        wb.Notes.Count.ShouldBe(5);
        wb.Notes[1].ShouldBe("California Department of Education November 2024");
        wb.Columns.Count.ShouldBe(33);
        wb.Columns.ShouldContain("LTELpriorities");
        wb.Columns.ShouldContain("MetMethod4");
        wb.Rows.Count.ShouldBe(994);
        wb.Cells.Count.ShouldBe(994);
        CountStatus(wb, 2024, Status.DifferentiatedAssistanceYear1).ShouldBe(436);
        CountStatus(wb, 2024, Status.DifferentiatedAssistanceYear2).ShouldBe(153);
        CountStatus(wb, 2024, Status.GeneralAssistance).ShouldBe(405);
        wb.Rows.Count(r => r.Level3Flag == true).ShouldBe(67);
        wb.Rows.Count(r => r.MetMethods[1]).ShouldBe(434);
        wb.Rows.Count(r => r.MetMethods[2]).ShouldBe(2);
        wb.Rows.Count(r => r.MetMethods[4]).ShouldBe(0);
        wb.Rows.Count(r => r.PriorityLetters.ContainsKey(StudentGroup.LTEL)).ShouldBe(215);
        wb.Rows.ShouldAllBe(r => r.ReportYear == 2024);
        // Older status columns carry blanks for LEAs that did not exist yet.
        wb.Rows.Count(r => !r.StatusByYear.ContainsKey(2017)).ShouldBe(68);
        // TotalStudentGroups is the number of groups with a letter.
        wb.Rows.ShouldAllBe(r => r.TotalStudentGroups == r.PriorityLetters.Count);
    }

    [Fact]
    public void Reads_known_cells_of_the_2024_state_workbook()
    {
        var wb = ReadState("assistancestatus24.xlsx");
        var alameda = wb.Rows.Single(r => r.Cds.Value == "01100170000000");

        alameda.LeaName.ShouldBe("Alameda County Office of Education");
        alameda.City.ShouldBe("Hayward");
        alameda.County.ShouldBe("Alameda");
        alameda.GradeSpan.ShouldBe("P-12");
        alameda.ReportYear.ShouldBe(2024);
        alameda.PriorityLetters.ShouldBe(new Dictionary<StudentGroup, string>
        {
            [StudentGroup.FOS] = "F",
            [StudentGroup.HI] = "F",
            [StudentGroup.HOM] = "F",
            [StudentGroup.SED] = "F",
        }, ignoreOrder: true);
        alameda.TotalStudentGroups.ShouldBe(4);
        alameda.StatusByYear.ShouldNotContainKey(2017);
        alameda.StatusByYear[2018].ShouldBe(Status.DifferentiatedAssistance);
        alameda.StatusByYear[2019].ShouldBe(Status.GeneralAssistance);
        alameda.StatusByYear[2022].ShouldBe(Status.GeneralAssistance);
        alameda.StatusByYear[2023].ShouldBe(Status.DifferentiatedAssistanceYear1);
        alameda.StatusByYear[2024].ShouldBe(Status.DifferentiatedAssistanceYear1);
        alameda.MetMethods.ShouldBe(new Dictionary<int, bool> { [1] = true, [2] = false, [3] = false, [4] = false }, ignoreOrder: true);
        alameda.Level3Flag.ShouldBe(false);
        alameda.Source.Line.ShouldBe(7);
        alameda.Source.File.ShouldEndWith("assistancestatus24.xlsx");

        var alamedaUnified = wb.Rows.Single(r => r.Cds.Value == "01611190000000");
        alamedaUnified.PriorityLetters[StudentGroup.LTEL].ShouldBe("I");
        alamedaUnified.PriorityLetters[StudentGroup.FOS].ShouldBe("C");

        var wheatland = wb.Rows[^1];
        wheatland.Cds.Value.ShouldBe("58727690000000");
        wheatland.Source.Line.ShouldBe(1000);
        wheatland.PriorityLetters[StudentGroup.SWD].ShouldBe("G");
    }

    [Fact]
    public void Reads_the_2023_state_workbook()
    {
        var wb = ReadState("assistancestatus23.xlsx");

        wb.Year.ShouldBe(2023);
        wb.SheetName.ShouldBe("District and COE 2023");
        wb.Columns.ShouldNotContain("LTELpriorities");
        wb.Columns.ShouldNotContain("MetMethod4");
        wb.Rows.Count.ShouldBe(991);
        CountStatus(wb, 2023, Status.DifferentiatedAssistanceYear1).ShouldBe(466);
        CountStatus(wb, 2023, Status.GeneralAssistance).ShouldBe(525);
        CountStatus(wb, 2023, Status.DifferentiatedAssistanceYear2).ShouldBe(0);
        CountStatus(wb, 2022, Status.DifferentiatedAssistance).ShouldBe(617);
        wb.Rows.Count(r => r.Level3Flag == true).ShouldBe(66);
        wb.Rows.Count(r => r.MetMethods[1]).ShouldBe(453);
        wb.Rows.Count(r => r.MetMethods[3]).ShouldBe(2);
        wb.Rows.ShouldAllBe(r => !r.MetMethods.ContainsKey(4));

        var alameda = wb.Rows.Single(r => r.Cds.Value == "01100170000000");
        alameda.PriorityLetters.Keys.ShouldBe([StudentGroup.FOS, StudentGroup.HI, StudentGroup.HOM, StudentGroup.SED], ignoreOrder: true);
        alameda.StatusByYear[2023].ShouldBe(Status.DifferentiatedAssistanceYear1);
    }

    [Fact]
    public void Reads_the_2019_state_workbooks_whose_column_names_differ()
    {
        var original = ReadState("assistancestatus19.xlsx");
        original.Year.ShouldBe(2019);
        original.Columns[0].ShouldBe("Cdcode");
        original.Columns[1].ShouldBe("cds");
        original.Columns.ShouldNotContain("ReportYear");
        original.Rows.Count.ShouldBe(1002);
        original.Rows.ShouldAllBe(r => r.ReportYear == 2019 && r.Level3Flag == null);
        CountStatus(original, 2019, Status.DifferentiatedAssistance).ShouldBe(333);
        CountStatus(original, 2019, Status.GeneralAssistance).ShouldBe(669);

        // Row 135 leaves three priority cells empty rather than "*".
        var humboldt = original.Rows.Single(r => r.Cds.Value == "12626870000000");
        humboldt.Source.Line.ShouldBe(135);
        humboldt.PriorityLetters.ShouldBe(new Dictionary<StudentGroup, string> { [StudentGroup.SWD] = "D" });
        original.Cells[original.Rows.ToList().IndexOf(humboldt)][original.Columns.ToList().IndexOf("SEDpriorities")].ShouldBe("*");

        var revised = ReadState("assistancestatus19-rev.xlsx");
        revised.Year.ShouldBe(2019);
        revised.Columns[0].ShouldBe("CDcode");
        revised.Rows.Count.ShouldBe(997);
        CountStatus(revised, 2019, Status.DifferentiatedAssistance).ShouldBe(333);
        CountStatus(revised, 2019, Status.GeneralAssistance).ShouldBe(664);
        revised.Rows.Single(r => r.Cds.Value == "01611190000000").PriorityLetters
            .ShouldBe(new Dictionary<StudentGroup, string> { [StudentGroup.FOS] = "C", [StudentGroup.HOM] = "A" }, ignoreOrder: true);
    }

    [Fact]
    public void Finds_a_header_on_row_3_and_reads_the_year_from_the_sheet_name()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("single.xlsx");
        TestWorkbooks.Create(path, ("District and COE 2018", [
            ["2018 LCFF LEA Eligibility File"],
            ["California Department of Education"],
            ["cdcode", "cds", "leaname", "AApriorities", "assistancestatus2017", "AssistanceStatus2018", "MetMethod1"],
            ["0110017", "01100170000000", "Alameda County Office of Education", "B", "*", "Differentiated Assistance", "Y"],
        ]));

        var wb = AssistanceStatusWorkbookReader.Read(path);

        wb.Year.ShouldBe(2018);
        wb.HeaderRow.ShouldBe(3);
        var row = wb.Rows.ShouldHaveSingleItem();
        row.Source.Line.ShouldBe(4);
        row.PriorityLetters[StudentGroup.AA].ShouldBe("B");
        row.StatusByYear.ShouldBe(new Dictionary<int, Status> { [2018] = Status.DifferentiatedAssistance });
        row.MetMethods[1].ShouldBeTrue();
        row.City.ShouldBeNull();
    }

    [Fact]
    public void Takes_the_last_District_and_COE_sheet_and_accepts_non_breaking_spaces_in_values()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("two.xlsx");
        string[] header = ["CDS", "LEAname", "AssistanceStatus2024"];
        TestWorkbooks.Create(
            path,
            ("Notes", [["nothing here"]]),
            ("district and coe 2023", [header, ["01100170000000", "Old", "General Assistance"]]),
            ("District and COE 2024", [header, ["01100170000000", "New", "Differentiated\u00a0Assistance, Year\u00a01 "]]));

        var wb = AssistanceStatusWorkbookReader.Read(path);

        wb.SheetName.ShouldBe("District and COE 2024");
        wb.Rows.ShouldHaveSingleItem().LeaName.ShouldBe("New");
        wb.Rows[0].StatusByYear[2024].ShouldBe(Status.DifferentiatedAssistanceYear1);
    }

    // ---- bad input ----

    [Fact]
    public void A_file_that_is_not_a_workbook_names_the_file()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("assistancestatus24.xlsx");
        File.WriteAllText(path, "this is not a zip archive");

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        ex.File.ShouldBe(path);
        ex.Message.ShouldContain("assistancestatus24.xlsx");
    }

    [Fact]
    public void A_truncated_workbook_names_the_file()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("truncated.xlsx");
        var bytes = File.ReadAllBytes(RepoPaths.StatusWorkbook("assistancestatus24.xlsx"));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        ex.File.ShouldBe(path);
    }

    [Fact]
    public void A_missing_file_names_the_file()
    {
        using var dir = RepoPaths.NewTempDir();
        Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(dir.File("absent.xlsx"))).File.ShouldBe(dir.File("absent.xlsx"));
        Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(dir.File("absent.csv"))).File.ShouldBe(dir.File("absent.csv"));
    }

    [Fact]
    public void Unsupported_extensions_are_refused()
    {
        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read("assistancestatus24.txt"));
        ex.Message.ShouldContain("'.txt'");
        ex.Message.ShouldContain(".xlsx");
    }

    [Fact]
    public void A_workbook_without_a_District_and_COE_sheet_or_any_header_is_refused()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("nosheet.xlsx");
        TestWorkbooks.Create(path, ("Record Layout", [["x"], ["CDS"], ["LEAname"]]), ("Charter 2024", [["CDS", "SchoolName"]]));

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        ex.Message.ShouldContain("District and COE");
        ex.Message.ShouldContain("'Record Layout', 'Charter 2024'");
    }

    [Theory]
    [InlineData("CDS")]
    [InlineData("LEAname")]
    [InlineData("AssistanceStatus2024")]
    public void A_missing_required_column_is_named(string column)
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("missing.xlsx");
        var table = TestTables.Standard2024().WithoutColumn(column);
        AssistanceStatusWorkbookWriter.Write(table, path);

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        ex.Message.ShouldContain($"missing required column '{column}'");
        ex.Line.ShouldBe(6);
    }

    [Fact]
    public void A_malformed_CDS_names_the_row_and_column()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("badcds.xlsx");
        AssistanceStatusWorkbookWriter.Write(TestTables.Standard2024().With(1, "CDS", "0161119000000"), path);

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        ex.Line.ShouldBe(8);
        ex.Column.ShouldBe(2);
        ex.Message.ShouldContain("column B");
        ex.Message.ShouldContain("'0161119000000'");
        ex.Message.ShouldContain("leading zero");
    }

    [Fact]
    public void An_unknown_status_is_quoted()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("badstatus.xlsx");
        var table = TestTables.Standard2024().With(0, "AssistanceStatus2022", "Intensive Assistance");
        AssistanceStatusWorkbookWriter.Write(table, path);

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        ex.Line.ShouldBe(7);
        ex.Column.ShouldBe(table.Columns.ToList().IndexOf("AssistanceStatus2022") + 1);
        ex.Message.ShouldContain("'Intensive Assistance'");
        ex.Message.ShouldContain("AssistanceStatus2022");
    }

    [Theory]
    [InlineData("Z")]
    [InlineData("AB")]
    [InlineData("1")]
    public void An_unknown_priority_letter_is_refused(string letter)
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("badletter.xlsx");
        var table = TestTables.Standard2024().With(2, "ELpriorities", letter);
        AssistanceStatusWorkbookWriter.Write(table, path);

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        ex.Line.ShouldBe(9);
        ex.Column.ShouldBe(table.Columns.ToList().IndexOf("ELpriorities") + 1);
        ex.Message.ShouldContain($"'{letter}'");
        ex.Message.ShouldContain("A–K");
    }

    [Fact]
    public void A_duplicate_CDS_names_the_earlier_row()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("dup.xlsx");
        AssistanceStatusWorkbookWriter.Write(TestTables.Standard2024().With(2, "CDS", "01100170000000"), path);

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        ex.Line.ShouldBe(9);
        ex.Column.ShouldBe(2);
        ex.Message.ShouldContain("duplicate CDS 01100170000000");
        ex.Message.ShouldContain("row 7");
    }

    [Fact]
    public void Bad_flags_counts_and_report_years_are_refused()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("bad.xlsx");

        AssistanceStatusWorkbookWriter.Write(TestTables.Standard2024().With(0, "MetMethod2", "maybe"), path);
        Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path)).Message.ShouldContain("'maybe'");

        AssistanceStatusWorkbookWriter.Write(TestTables.Standard2024().With(0, "TotalStudentGroups", "two"), path);
        Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path)).Message.ShouldContain("'two'");

        AssistanceStatusWorkbookWriter.Write(TestTables.Standard2024().With(0, "ReportYear", "2023"), path);
        Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path)).Message.ShouldContain("2023");

        AssistanceStatusWorkbookWriter.Write(TestTables.Standard2024().With(0, "LEAname", "*"), path);
        Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path)).Message.ShouldContain("blank");
    }

    [Fact]
    public void A_duplicate_header_column_is_refused()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("dupcol.xlsx");
        TestWorkbooks.Create(path, ("District and COE 2024", [
            ["CDS", "LEAname", "AssistanceStatus2024", "cds"],
            ["01100170000000", "A", "General Assistance", "01100170000000"],
        ]));

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        ex.Line.ShouldBe(1);
        ex.Column.ShouldBe(4);
        ex.Message.ShouldContain("column D");
        ex.Message.ShouldContain("column A");
    }

    [Fact]
    public void A_header_without_CDS_says_so()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("nocds.csv");
        File.WriteAllText(path, "CDcode,LEAname,AssistanceStatus2024\r\n0110017,A,General Assistance\r\n");

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        ex.Message.ShouldContain("missing required column 'CDS'");
        ex.Line.ShouldBe(1);
    }

    [Fact]
    public void Csv_errors_name_the_line_and_field()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("assistancestatus24.csv");

        File.WriteAllText(path, "CDS,LEAname,AssistanceStatus2024\r\n01100170000000,A,General Assistance\r\n0161119000000X,B,General Assistance\r\n");
        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));
        (ex.Line, ex.Column).ShouldBe((3, 1));
        ex.Message.ShouldContain("field 1");

        File.WriteAllText(path, "CDS,LEAname,AssistanceStatus2024\r\n01100170000000,A\r\n");
        Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path)).Message.ShouldContain("expected 3 fields");

        File.WriteAllText(path, "CDS,LEAname,AssistanceStatus2024\r\n01100170000000,\"A, unterminated\r\n");
        Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path)).Message.ShouldContain("never closed");

        File.WriteAllBytes(path, [.. "CDS,LEAname,AssistanceStatus2024\r\n01100170000000,"u8, 0xC9, .. "cole,General Assistance\r\n"u8]);
        Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path)).Message.ShouldContain("UTF-8");
    }

    [Fact]
    public void Csv_year_comes_from_ReportYear_or_else_the_file_name()
    {
        using var dir = RepoPaths.NewTempDir();
        var named = dir.File("assistancestatus25.csv");
        File.WriteAllText(named, "CDS,LEAname,AssistanceStatus2024,AssistanceStatus2025\n01100170000000,A,General Assistance,\"Differentiated Assistance, Year 2\"\n");
        AssistanceStatusWorkbookReader.Read(named).Year.ShouldBe(2025);

        var other = dir.File("history.csv");
        File.WriteAllText(other, "CDS,LEAname,ReportYear,AssistanceStatus2023\n01100170000000,A,2023,General Assistance\n");
        var wb = AssistanceStatusWorkbookReader.Read(other);
        wb.Year.ShouldBe(2023);
        wb.SheetName.ShouldBe(string.Empty);
    }
}
