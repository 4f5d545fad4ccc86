using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Essa;
using SystemOfSupport.Formats.Tests.Xlsx;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Essa;

/// <summary>Each kind of bad ESSA file is an <see cref="InputFileException"/> naming the file, row and column.</summary>
public class EssaBadInputTests
{
    private static readonly object?[] Header2024 =
        ["cds", "schoolname", "districtname", "countyname", "Charter", "AssistanceStatus2023", "AssistanceStatus2024", "Exit", "ReportingYear"];

    private static readonly object?[] GoodRow = ["19647330102764", "Richard A. Alonzo Community Day", "Los Angeles Unified", "Los Angeles", "*", "CSI Grad", "CSI Grad", "NOEXIT", "2024"];

    /// <summary>A 2024-style workbook: a Record Layout sheet, then the data sheet with two note rows above the header.</summary>
    private static string Workbook(TempDir dir, object?[] header, params object?[][] rows)
    {
        var path = dir.File("essaassistance24.xlsx");
        TestWorkbook.WriteSheets(path,
            ("Record Layout", [["Field Name", "Description"], ["cds", "County-District-School code"], ["schoolname", "School Name"]]),
            ("2024-25 ESSA State Schools", [["2024–25 Every Student Succeeds Act Assistance Status"], ["California Department of Education December 2024"], header, .. rows]));
        return path;
    }

    private static object?[] With(object?[] row, int column, object? value)
    {
        var copy = row.ToArray();
        copy[column] = value;
        return copy;
    }

    [Fact]
    public void Columns_are_found_by_name_in_any_order_and_case_below_note_rows()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = Workbook(dir,
            ["REPORTINGYEAR", "Exit", "assistancestatus2024", "CDS", "SchoolName", "DistrictName"],
            ["2024", "NOEXIT", "CSI Low Perform", "19647330102764", "Richard A. Alonzo Community Day", "Los Angeles Unified"]);

        var file = EssaAssistanceReader.Read(path);
        file.Sheet.ShouldBe("2024-25 ESSA State Schools");
        file.HeaderRow.ShouldBe(3);
        var d = file.Designations.ShouldHaveSingleItem();
        d.Status.ShouldBe(Core.Essa.EssaStatus.CsiLowPerform);
        d.IsCharter.ShouldBeNull();
        d.County.ShouldBeNull();
        d.Source.Line.ShouldBe(4);
    }

    [Fact]
    public void A_missing_column_is_named_with_the_header_row()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = Workbook(dir, [.. Header2024.Where(h => (string)h! != "Exit")], [.. GoodRow.Where(v => (string)v! != "NOEXIT")]);

        var ex = Should.Throw<InputFileException>(() => EssaAssistanceReader.Read(path));
        ex.File.ShouldBe(path);
        ex.Line.ShouldBe(3);
        ex.Message.ShouldContain("missing required column 'Exit'");
    }

    [Fact]
    public void The_reporting_years_status_column_is_required()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = Workbook(dir, [.. Header2024.Where(h => (string)h! != "AssistanceStatus2024")], [.. GoodRow.Take(6), "NOEXIT", "2024"]);

        Should.Throw<InputFileException>(() => EssaAssistanceReader.Read(path)).Message.ShouldContain("missing required column 'AssistanceStatus2024'");
    }

    [Fact]
    public void An_unknown_designation_is_quoted_with_the_accepted_values()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = Workbook(dir, Header2024, GoodRow, With(GoodRow, 6, "CSI Maybe") is var bad ? With(bad, 0, "19647330111111") : bad);

        var ex = Should.Throw<InputFileException>(() => EssaAssistanceReader.Read(path));
        ex.Line.ShouldBe(5);
        ex.Column.ShouldBe(7);
        ex.Message.ShouldContain("AssistanceStatus2024 (G): unknown ESSA designation 'CSI Maybe'");
        ex.Message.ShouldContain("'No Status', 'CSI Grad', 'CSI Low Perform', 'ATSI', 'TSI'");
    }

    [Fact]
    public void A_blank_designation_is_bad_input()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = Workbook(dir, Header2024, With(GoodRow, 5, null));

        var ex = Should.Throw<InputFileException>(() => EssaAssistanceReader.Read(path));
        ex.Column.ShouldBe(6);
        ex.Message.ShouldContain("the designation is blank");
    }

    [Fact]
    public void An_unknown_exit_value_is_quoted()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = Workbook(dir, Header2024, With(GoodRow, 7, "EXITED"));

        Should.Throw<InputFileException>(() => EssaAssistanceReader.Read(path)).Message.ShouldContain("unknown exit value 'EXITED'; expected one of: 'NOEXIT', 'CSIEXIT', 'ATSIEXIT'");
    }

    [Fact]
    public void An_unknown_charter_flag_is_quoted()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = Workbook(dir, Header2024, With(GoodRow, 4, "Y"));

        Should.Throw<InputFileException>(() => EssaAssistanceReader.Read(path)).Message.ShouldContain("unknown charter flag 'Y'");
    }

    [Fact]
    public void A_malformed_CDS_code_is_named()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = Workbook(dir, Header2024, With(GoodRow, 0, "1964733010276"));

        var ex = Should.Throw<InputFileException>(() => EssaAssistanceReader.Read(path));
        ex.Line.ShouldBe(4);
        ex.Column.ShouldBe(1);
        ex.Message.ShouldContain("cds (A): '1964733010276' is not a 14-digit CDS code (13 digits");
    }

    [Fact]
    public void A_school_listed_twice_is_a_duplicate_school_year()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = Workbook(dir, Header2024, GoodRow, GoodRow);

        var ex = Should.Throw<InputFileException>(() => EssaAssistanceReader.Read(path));
        ex.Line.ShouldBe(5);
        ex.Message.ShouldContain("school 19647330102764 is listed twice (first on row 4)");
    }

    [Fact]
    public void A_row_from_another_reporting_year_is_bad_input()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = Workbook(dir, Header2024, GoodRow, With(With(GoodRow, 0, "19647330111111"), 8, "2023"));

        Should.Throw<InputFileException>(() => EssaAssistanceReader.Read(path)).Message.ShouldContain("2023 differs from the file's reporting year 2024");
    }

    [Fact]
    public void A_workbook_without_an_ESSA_header_says_so()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("essaassistance24.xlsx");
        TestWorkbook.Write(path, "Sheet1", ["CDcode", "LEAname"], ["0110017", "Alameda"]);

        Should.Throw<InputFileException>(() => EssaAssistanceReader.Read(path)).Message.ShouldContain("no sheet has a header row naming the ESSA columns");
    }

    [Fact]
    public void An_unreadable_workbook_is_the_xlsx_readers_error()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("essaassistance24.xlsx");
        File.WriteAllBytes(path, [0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

        var ex = Should.Throw<InputFileException>(() => EssaAssistanceReader.Read(path));
        ex.File.ShouldBe(path);
        ex.Message.ShouldContain("not a readable xlsx workbook");
    }

    [Fact]
    public void An_unknown_file_type_is_refused()
    {
        Should.Throw<InputFileException>(() => EssaAssistanceReader.Read("essaassistance24.txt")).Message.ShouldContain("unknown file type '.txt'");
    }

    [Fact]
    public void The_2018_CSV_names_its_line_and_field()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("sch_eligibility_state_sg.csv");
        File.WriteAllText(path,
            "CDS,School,District,County,AssistanceStatus,RepYr\n"
            + "20652430100016,Sherman Thomas Charter,Madera Unified,Madera,General Assistance,2018\n"
            + "09618380100024,\"Oak Meadow, Elementary\",Buckeye Union Elementary,El Dorado,Comprehensive,2018\n");

        var ex = Should.Throw<InputFileException>(() => EssaAssistanceReader.Read(path));
        ex.Line.ShouldBe(3);
        ex.Column.ShouldBe(5);
        ex.Message.ShouldContain("AssistanceStatus (field 5): unknown ESSA designation 'Comprehensive'");
    }

    [Fact]
    public void The_2018_CSV_needs_its_reporting_year()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("sch_eligibility_state_sg.csv");
        File.WriteAllText(path, "CDS,School,District,County,AssistanceStatus\n20652430100016,Sherman Thomas Charter,Madera Unified,Madera,General Assistance\n");

        var ex = Should.Throw<InputFileException>(() => EssaAssistanceReader.Read(path));
        ex.Line.ShouldBe(1);
        ex.Message.ShouldContain("missing required column 'ReportingYear'");
    }
}
