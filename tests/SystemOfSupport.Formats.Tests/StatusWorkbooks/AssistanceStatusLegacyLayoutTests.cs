using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Tests.Xlsx;
using SystemOfSupport.Tests;
using Status = SystemOfSupport.Core.Domain.AssistanceStatus;

namespace SystemOfSupport.Formats.Tests.StatusWorkbooks;

/// <summary>
/// The state's older district/COE layouts (RULES.md §8): 2017's .xls, 2018's single sheet with the header on row 3, and
/// 2022's (MetMethod1 and EC52072_2022 only). No real file of these years is available here, so every workbook below is
/// generated: the xlsx files with DocumentFormat.OpenXml, the .xls files as genuine BIFF8 compound files
/// (<see cref="TestXls"/>) read through ExcelDataReader. Their headers follow the state's record layouts as published
/// (2018) or as analysts' scripts read them (2017: header on row 5, <c>districtname</c>, <c>AA_PRIORITIES … WH_PRIORITIES</c>
/// with <c>MR_PRIORITIES</c>, <c>Assistance_Status</c>; 22 columns).
/// </summary>
public sealed class AssistanceStatusLegacyLayoutTests
{
    private static readonly string[] Groups2017 = ["AA", "AI", "AS", "EL", "FI", "FOS", "HI", "HOM", "MR", "PI", "SED", "SWD", "WH"];

    private static readonly string[] Groups2018 = ["AA", "AI", "AS", "EL", "FI", "FOS", "HI", "HOM", "PI", "SED", "SWD", "TOM", "WH"];

    /// <summary>The 2017 layout: three note rows, an empty row, the header on row 5, then two LEAs.</summary>
    internal static object?[][] Sheet2017(bool withReportingYear = true)
    {
        var header = new List<object?> { "cdcode", "CDS", "districtname", "cityname", "countyname", "gsoffered" };
        if (withReportingYear)
        {
            header.Add("ReportingYear");
        }

        header.AddRange(Groups2017.Select(g => g + "_PRIORITIES"));
        header.Add("TotalStudentGroups");
        header.Add("Assistance_Status");

        object?[] Row(string cd, string cds, string name, string city, string county, string span, string status, params (string Group, string Letter)[] letters)
        {
            var row = new List<object?> { cd, cds, name, city, county, span };
            if (withReportingYear)
            {
                row.Add(2017);
            }

            row.AddRange(Groups2017.Select(g => (object?)(letters.FirstOrDefault(l => l.Group == g).Letter ?? "*")));
            row.Add(letters.Length);
            row.Add(status);
            return [.. row];
        }

        return
        [
            ["2017 LCFF District/COE Eligibility File"],
            ["California Department of Education December 2017"],
            ["*=blank cell"],
            [],
            [.. header],
            Row("0110017", "01100170000000", "Alameda County Office of Education", "Hayward", "Alameda", "P-12", "Differentiated Support",
                ("FOS", "C"), ("MR", "A")),
            Row("0161119", "01611190000000", "Alameda Unified", "Alameda", "Alameda", "K-12", "General Support"),
        ];
    }

    /// <summary>The 2018 layout as CDE's 2018 record layout lists it (26 columns, A–Z): two note rows, the header on row 3.</summary>
    private static object?[][] Sheet2018(bool underscoreNames = false)
    {
        var groups = underscoreNames ? Groups2017 : Groups2018;
        string Priorities(string g) => underscoreNames ? g + "_PRIORITIES" : g + "priorities";
        var header = new List<object?> { "Cdcode", "CDS", "LEAname", "Cityname", "Countyname", "Gsoffered", "ReportingYear" };
        header.AddRange(groups.Select(Priorities));
        header.AddRange(["TotalStudentGroups", "AssistanceStatus2017", "AssistanceStatus2018", "MetMethod1", "MetMethod2", "MetMethod3"]);

        object?[] Row(string cd, string cds, string name, string status17, string status18, string methods, params (string Group, string Letter)[] letters)
        {
            var row = new List<object?> { cd, cds, name, "Hayward", "Alameda", "P-12", "2018" };
            row.AddRange(groups.Select(g => (object?)(letters.FirstOrDefault(l => l.Group == g).Letter ?? "*")));
            row.Add(letters.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            row.AddRange([status17, status18, .. methods.Select(m => m == 'Y' ? "Y" : "N")]);
            return [.. row];
        }

        var tom = underscoreNames ? "MR" : "TOM";
        return
        [
            ["2018 LCFF LEA Eligibility File"],
            ["California Department of Education December 2018"],
            [.. header],
            Row("0110017", "01100170000000", "Alameda County Office of Education", "Differentiated Support", "Differentiated Assistance", "YNN",
                ("FOS", "C"), ("HOM", "D"), (tom, "B")),
            Row("0161119", "01611190000000", "Alameda Unified", "*", "General Assistance", "NNN"),
        ];
    }

    // ---- 2017 (.xls) ----

    [Fact]
    public void Reads_a_2017_xls_workbook_through_ExcelDataReader()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("assistance-status.xls");
        TestXls.Write(path, ("Sheet1", Sheet2017()));

        var wb = AssistanceStatusWorkbookReader.Read(path);

        wb.Year.ShouldBe(2017);
        wb.SheetName.ShouldBe("Sheet1");
        wb.HeaderRow.ShouldBe(5);
        wb.Notes.ShouldBe(["2017 LCFF District/COE Eligibility File", "California Department of Education December 2017", "*=blank cell"]);
        wb.Columns.Count.ShouldBe(22);
        wb.Columns[2].ShouldBe("districtname");
        wb.Columns.ShouldContain("MR_PRIORITIES");
        wb.Columns[^1].ShouldBe("Assistance_Status");
        wb.Rows.Count.ShouldBe(2);

        var coe = wb.Rows[0];
        coe.Cds.Value.ShouldBe("01100170000000");
        coe.LeaName.ShouldBe("Alameda County Office of Education");
        coe.City.ShouldBe("Hayward");
        coe.County.ShouldBe("Alameda");
        coe.GradeSpan.ShouldBe("P-12");
        coe.ReportYear.ShouldBe(2017);
        coe.PriorityLetters.ShouldBe(new Dictionary<StudentGroup, string> { [StudentGroup.FOS] = "C", [StudentGroup.TOM] = "A" }, ignoreOrder: true);
        coe.TotalStudentGroups.ShouldBe(2);
        coe.StatusByYear.ShouldBe(new Dictionary<int, Status> { [2017] = Status.DifferentiatedSupport });
        coe.MetMethods.ShouldBeEmpty();
        coe.Level3Flag.ShouldBeNull();
        coe.Source.Line.ShouldBe(6);
        coe.Source.File.ShouldBe(path);

        var unified = wb.Rows[1];
        unified.PriorityLetters.ShouldBeEmpty();
        unified.TotalStudentGroups.ShouldBe(0);
        unified.StatusByYear.ShouldBe(new Dictionary<int, Status> { [2017] = Status.GeneralSupport });
        unified.StatusByYear[2017].IsDifferentiated().ShouldBeFalse();
        unified.Source.Line.ShouldBe(7);

        // Numbers in the .xls (ReportingYear, TotalStudentGroups) read as their plain text.
        wb.Cells[0][wb.Columns.ToList().IndexOf("ReportingYear")].ShouldBe("2017");
        wb.Cells[0][wb.Columns.ToList().IndexOf("TotalStudentGroups")].ShouldBe("2");
        wb.Cells[1][wb.Columns.ToList().IndexOf("AA_PRIORITIES")].ShouldBe("*");
    }

    [Fact]
    public void A_2017_workbook_that_names_no_year_is_2017_by_its_unnumbered_status_column()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("legacy.xls");
        TestXls.Write(path, ("Sheet1", Sheet2017(withReportingYear: false)));

        var wb = AssistanceStatusWorkbookReader.Read(path);

        wb.Year.ShouldBe(2017);
        wb.Rows.ShouldAllBe(r => r.ReportYear == 2017 && r.StatusByYear.Count == 1 && r.StatusByYear.ContainsKey(2017));
    }

    [Fact]
    public void The_2017_layout_reads_the_same_from_xls_and_from_xlsx()
    {
        using var dir = RepoPaths.NewTempDir();
        var xls = dir.File("assistancestatus17.xls");
        var xlsx = dir.File("assistancestatus17.xlsx");
        TestXls.Write(xls, ("2017", Sheet2017()));
        TestWorkbook.WriteSheets(xlsx, ("2017", Sheet2017()));

        var fromXls = AssistanceStatusWorkbookReader.Read(xls);
        var fromXlsx = AssistanceStatusWorkbookReader.Read(xlsx);

        fromXlsx.Year.ShouldBe(2017);
        fromXlsx.Columns.ShouldBe(fromXls.Columns);
        fromXlsx.Cells.ShouldBe(fromXls.Cells);
        fromXlsx.HeaderRow.ShouldBe(fromXls.HeaderRow);
        fromXlsx.Notes.ShouldBe(fromXls.Notes);
        fromXlsx.Rows.Count.ShouldBe(fromXls.Rows.Count);
        for (var i = 0; i < fromXls.Rows.Count; i++)
        {
            var (a, b) = (fromXlsx.Rows[i], fromXls.Rows[i]);
            (a.Cds, a.LeaName, a.City, a.County, a.GradeSpan, a.ReportYear, a.TotalStudentGroups, a.Level3Flag, a.Source.Line)
                .ShouldBe((b.Cds, b.LeaName, b.City, b.County, b.GradeSpan, b.ReportYear, b.TotalStudentGroups, b.Level3Flag, b.Source.Line));
            a.PriorityLetters.ShouldBe(b.PriorityLetters, ignoreOrder: true);
            a.StatusByYear.ShouldBe(b.StatusByYear, ignoreOrder: true);
            a.MetMethods.ShouldBe(b.MetMethods, ignoreOrder: true);
        }
    }

    [Fact]
    public void A_2017_workbook_writes_back_out_in_its_own_columns_and_reads_the_same()
    {
        using var dir = RepoPaths.NewTempDir();
        var xls = dir.File("assistance-status.xls");
        TestXls.Write(xls, ("Sheet1", Sheet2017()));
        var state = AssistanceStatusWorkbookReader.Read(xls);
        var xlsx = dir.File("copy17.xlsx");
        var csv = dir.File("copy17.csv");

        AssistanceStatusWorkbookWriter.Write(state.ToTable(), xlsx);
        AssistanceStatusCsvWriter.Write(state.ToTable(), csv);

        foreach (var path in new[] { xlsx, csv })
        {
            var back = AssistanceStatusWorkbookReader.Read(path);
            back.Year.ShouldBe(2017);
            back.Columns.ShouldBe(state.Columns);
            back.Cells.ShouldBe(state.Cells);
            back.Rows.Select(r => r.StatusByYear[2017]).ShouldBe([Status.DifferentiatedSupport, Status.GeneralSupport]);
            back.Rows[0].PriorityLetters[StudentGroup.TOM].ShouldBe("A");
        }

        var layout = SystemOfSupport.Formats.Xlsx.XlsxSheetReader.ReadRows(xlsx, "Record Layout").Skip(4).ToDictionary(r => r[1]!, r => (Description: r[2], Values: r[3]));
        layout["districtname"].Description.ShouldBe("District/County Office of Education (COE) Name");
        layout["MR_PRIORITIES"].Description.ShouldBe("Priority Areas Met By The Two Or More Races Student Group");
        layout["Assistance_Status"].Description.ShouldBe("Assistance Status of District or COE in 2017");
        layout["Assistance_Status"].Values!.ShouldContain("Differentiated Support");
    }

    [Fact]
    public void An_xls_workbook_with_several_sheets_uses_the_one_with_the_header()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("assistance-status.xls");
        TestXls.Write(path,
            ("Read Me", [["This file lists the LEAs eligible for differentiated support."], ["CDS = County-District-School code"]]),
            ("Eligibility", Sheet2017()),
            ("Notes", [["CDS", "districtname"], ["not", "data"]]));

        var wb = AssistanceStatusWorkbookReader.Read(path);

        wb.SheetName.ShouldBe("Eligibility");
        wb.Rows.Count.ShouldBe(2);
    }

    [Fact]
    public void Xls_errors_name_the_row_and_column_letter()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("assistance-status.xls");
        var rows = Sheet2017();
        rows[6][^1] = "Intensive Support";
        TestXls.Write(path, ("Sheet1", rows));

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        ex.File.ShouldBe(path);
        ex.Line.ShouldBe(7);
        ex.Column.ShouldBe(22);
        ex.Message.ShouldContain("column V");
        ex.Message.ShouldContain("'Intensive Support'");
    }

    [Fact]
    public void A_numeric_CDS_in_an_xls_is_refused_with_the_leading_zero_hint()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("assistance-status.xls");
        var rows = Sheet2017();
        rows[5][1] = 1100170000000d;
        TestXls.Write(path, ("Sheet1", rows));

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        (ex.Line, ex.Column).ShouldBe((6, 2));
        ex.Message.ShouldContain("'1100170000000'");
        ex.Message.ShouldContain("leading zero");
    }

    [Fact]
    public void A_file_that_is_not_an_xls_workbook_is_refused_with_its_name()
    {
        using var dir = RepoPaths.NewTempDir();
        var garbage = dir.File("assistance-status.xls");
        File.WriteAllText(garbage, "CDS\tLEAname\nthis is not an Excel 97-2003 workbook\n");

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(garbage));

        ex.File.ShouldBe(garbage);
        ex.Line.ShouldBeNull();
        ex.Message.ShouldContain("assistance-status.xls");
        ex.Message.ShouldContain("not a readable .xls workbook");
    }

    [Fact]
    public void A_truncated_xls_workbook_is_refused_with_its_name()
    {
        using var dir = RepoPaths.NewTempDir();
        var whole = dir.File("whole.xls");
        TestXls.Write(whole, ("Sheet1", Sheet2017()));
        var bytes = File.ReadAllBytes(whole);

        // The compound file's header, FAT and directory take 1,536 bytes; the BIFF records follow, then zero padding.
        var dataEnd = Array.FindLastIndex(bytes, b => b != 0) + 1;
        dataEnd.ShouldBeGreaterThan(2000);
        foreach (var length in new[] { 8, 600, 1536 + ((dataEnd - 1536) / 2), dataEnd - 3 })
        {
            var truncated = dir.File($"truncated{length}.xls");
            File.WriteAllBytes(truncated, bytes[..length]);

            var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(truncated));

            ex.File.ShouldBe(truncated);
        }
    }

    [Fact]
    public void A_missing_xls_file_names_the_file()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("absent.xls");

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        ex.File.ShouldBe(path);
        ex.Message.ShouldContain("not found");
    }

    [Fact]
    public void An_xls_workbook_without_a_header_lists_its_sheets()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("assistance-status.xls");
        TestXls.Write(path, ("Read Me", [["nothing here"]]), ("Data", [["cdcode", "LEAname"], ["0110017", "Alameda"]]));

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        ex.Message.ShouldContain("'Read Me', 'Data'");
        ex.Message.ShouldContain("CDS");
    }

    [Fact]
    public void A_status_given_both_unnumbered_and_numbered_is_refused()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("both.xlsx");
        TestWorkbook.Write(path, "Sheet1",
            ["CDS", "districtname", "AssistanceStatus2017", "Assistance_Status"],
            ["01100170000000", "Alameda County Office of Education", "General Support", "General Support"]);

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        (ex.Line, ex.Column).ShouldBe((1, 4));
        ex.Message.ShouldContain("'AssistanceStatus2017'");
    }

    // ---- 2018 (one sheet, header on row 3) ----

    [Fact]
    public void Reads_the_2018_single_sheet_workbook_with_the_header_on_row_3()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("assistancestatus18.xlsx");
        TestWorkbook.WriteSheets(path, ("2018 LCFF LEA Eligibility", Sheet2018()));

        var wb = AssistanceStatusWorkbookReader.Read(path);

        wb.Year.ShouldBe(2018);
        wb.SheetName.ShouldBe("2018 LCFF LEA Eligibility");
        wb.HeaderRow.ShouldBe(3);
        wb.Notes.ShouldBe(["2018 LCFF LEA Eligibility File", "California Department of Education December 2018"]);
        wb.Columns.Count.ShouldBe(26);
        wb.Columns.ShouldNotContain(c => c.StartsWith("EC52072", StringComparison.Ordinal));
        wb.Rows.Count.ShouldBe(2);

        var coe = wb.Rows[0];
        coe.ReportYear.ShouldBe(2018);
        coe.Source.Line.ShouldBe(4);
        coe.PriorityLetters.ShouldBe(new Dictionary<StudentGroup, string>
        {
            [StudentGroup.FOS] = "C",
            [StudentGroup.HOM] = "D",
            [StudentGroup.TOM] = "B",
        }, ignoreOrder: true);
        coe.TotalStudentGroups.ShouldBe(3);
        coe.StatusByYear.ShouldBe(new Dictionary<int, Status>
        {
            [2017] = Status.DifferentiatedSupport,
            [2018] = Status.DifferentiatedAssistance,
        }, ignoreOrder: true);
        coe.MetMethods.ShouldBe(new Dictionary<int, bool> { [1] = true, [2] = false, [3] = false }, ignoreOrder: true);
        coe.Level3Flag.ShouldBeNull();

        var unified = wb.Rows[1];
        unified.StatusByYear.ShouldBe(new Dictionary<int, Status> { [2018] = Status.GeneralAssistance });
        unified.PriorityLetters.ShouldBeEmpty();
    }

    [Fact]
    public void Reads_the_2018_layout_spelled_with_underscores_and_MR()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("eligibility.xlsx");
        TestWorkbook.WriteSheets(path, ("LCFF 2018", Sheet2018(underscoreNames: true)));

        var wb = AssistanceStatusWorkbookReader.Read(path);

        wb.Year.ShouldBe(2018);
        wb.Columns.ShouldContain("MR_PRIORITIES");
        wb.Rows[0].PriorityLetters[StudentGroup.TOM].ShouldBe("B");
        wb.Rows[0].PriorityLetters.Count.ShouldBe(3);
    }

    [Fact]
    public void Without_a_District_and_COE_sheet_the_first_sheet_with_the_header_is_read()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("book.xlsx");
        TestWorkbook.WriteSheets(
            path,
            ("Record Layout", [["Field Name", "Description"], ["CDS", "CDS Code"], ["LEAname", "LEA Name"]]),
            ("2018 LCFF LEA Eligibility", Sheet2018()),
            ("Copy", Sheet2018()));

        var wb = AssistanceStatusWorkbookReader.Read(path);

        wb.SheetName.ShouldBe("2018 LCFF LEA Eligibility");
        wb.Year.ShouldBe(2018);
        wb.Rows.Count.ShouldBe(2);
    }

    [Fact]
    public void A_single_sheet_without_ReportingYear_takes_its_year_from_the_sheet_name()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("book.xlsx");
        TestWorkbook.WriteSheets(path, ("2018 LCFF LEA Eligibility", [
            ["2018 LCFF LEA Eligibility File"],
            ["CDS", "LEAname", "AssistanceStatus2017", "AssistanceStatus2018", "AssistanceStatus2019"],
            ["01100170000000", "Alameda County Office of Education", "General Support", "General Assistance", "*"],
        ]));

        var wb = AssistanceStatusWorkbookReader.Read(path);

        wb.Year.ShouldBe(2018);
        wb.Rows.ShouldHaveSingleItem().ReportYear.ShouldBe(2018);
    }

    [Fact]
    public void A_single_sheet_with_a_partial_header_names_the_missing_column()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("book.xlsx");
        TestWorkbook.WriteSheets(path, ("2018 LCFF LEA Eligibility", [
            ["2018 LCFF LEA Eligibility File"],
            ["California Department of Education"],
            ["Cdcode", "CDS", "Cityname", "AssistanceStatus2018"],
            ["0110017", "01100170000000", "Hayward", "General Assistance"],
        ]));

        var ex = Should.Throw<InputFileException>(() => AssistanceStatusWorkbookReader.Read(path));

        ex.Line.ShouldBe(3);
        ex.Message.ShouldContain("missing required column 'LEAname'");
    }

    // ---- 2022 (MetMethod1 and EC52072_2022 only) ----

    [Fact]
    public void Reads_the_2022_layout()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("assistancestatus22.xlsx");
        var columns = AssistanceStatusColumns.StandardLayout(2022);
        columns.ShouldNotContain("MetMethod2");
        columns.ShouldNotContain("LTELpriorities");
        columns.TakeLast(2).ShouldBe(["MetMethod1", "EC52072_2022"]);

        string[] Row(string cd, string cds, string name, params (string Column, string Value)[] set) =>
            [.. columns.Select(c => c switch
            {
                "CDcode" => cd,
                "CDS" => cds,
                "LEAname" => name,
                "Cityname" => "Hayward",
                "Countyname" => "Alameda",
                "Gsoffered" => "P-12",
                "ReportYear" => "2022",
                _ => set.FirstOrDefault(s => s.Column == c).Value ?? "*",
            })];

        TestWorkbooks.Create(path, ("Record Layout", [["2022 LCFF District/COE Eligibility File Record Layout"]]), ("District and COE 2022", [
            ["2022 LCFF District/COE Eligibility File "],
            ["California Department of Education December 2022"],
            ["Reminder: Header description is provided in the Record Layout sheet and value in Value sheet"],
            ["In the Gsoffered column P = Pre-School, K= Kindergarten"],
            ["*=blank cell (e-reader accessibility)"],
            [.. columns],
            Row("0110017", "01100170000000", "Alameda County Office of Education",
                ("HIpriorities", "B"), ("SEDpriorities", "B"), ("TotalStudentGroups", "2"), ("AssistanceStatus2017", "Differentiated Support"),
                ("AssistanceStatus2018", "Differentiated Assistance"), ("AssistanceStatus2019", "General Assistance"),
                ("AssistanceStatus2022", "Differentiated Assistance"), ("MetMethod1", "Y"), ("EC52072_2022", "N")),
            Row("0161119", "01611190000000", "Alameda Unified",
                ("TotalStudentGroups", "0"), ("AssistanceStatus2017", "General Support"), ("AssistanceStatus2018", "General Assistance"),
                ("AssistanceStatus2019", "General Assistance"), ("AssistanceStatus2022", "General Assistance"), ("MetMethod1", "N"),
                ("EC52072_2022", "Y")),
        ]));

        var wb = AssistanceStatusWorkbookReader.Read(path);

        wb.Year.ShouldBe(2022);
        wb.SheetName.ShouldBe("District and COE 2022");
        wb.HeaderRow.ShouldBe(6);
        wb.Columns.ShouldBe(columns);
        var coe = wb.Rows[0];
        coe.ReportYear.ShouldBe(2022);
        coe.PriorityLetters.ShouldBe(new Dictionary<StudentGroup, string> { [StudentGroup.HI] = "B", [StudentGroup.SED] = "B" }, ignoreOrder: true);
        coe.StatusByYear.ShouldBe(new Dictionary<int, Status>
        {
            [2017] = Status.DifferentiatedSupport,
            [2018] = Status.DifferentiatedAssistance,
            [2019] = Status.GeneralAssistance,
            [2022] = Status.DifferentiatedAssistance,
        }, ignoreOrder: true);
        coe.MetMethods.ShouldBe(new Dictionary<int, bool> { [1] = true });
        coe.Level3Flag.ShouldBe(false);
        var unified = wb.Rows[1];
        unified.StatusByYear[2022].ShouldBe(Status.GeneralAssistance);
        unified.MetMethods.ShouldBe(new Dictionary<int, bool> { [1] = false });
        unified.Level3Flag.ShouldBe(true);
    }
}
