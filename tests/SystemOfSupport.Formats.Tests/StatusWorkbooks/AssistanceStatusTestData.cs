using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Xlsx;

namespace SystemOfSupport.Formats.Tests.StatusWorkbooks;

/// <summary>Small tables in the 2024 layout, with one cell or column changed, for the writer and the bad-input tests.</summary>
internal static class TestTables
{
    public const string Label = "SystemOfSupport, November 2026";

    public static AssistanceStatusTable Standard2024()
    {
        var columns = AssistanceStatusColumns.StandardLayout(2024);
        string[][] values =
        [
            Row(columns, "0110017", "01100170000000", "Alameda County Office of Education", "Hayward", "Alameda", "P-12",
                ("FOSpriorities", "F"), ("HIpriorities", "F"), ("TotalStudentGroups", "2"), ("AssistanceStatus2024", "Differentiated Assistance, Year 1"),
                ("MetMethod1", "Y")),
            Row(columns, "0161119", "01611190000000", "Alameda Unified", "Alameda", "Alameda", "P-Adult",
                ("LTELpriorities", "I"), ("TotalStudentGroups", "1"), ("AssistanceStatus2023", "Differentiated Assistance, Year 1"),
                ("AssistanceStatus2024", "Differentiated Assistance, Year 2")),
            Row(columns, "0161127", "01611270000000", "Albany City Unified", "Albany", "Alameda", "P-12",
                ("TotalStudentGroups", "0")),
        ];
        return new AssistanceStatusTable(2024, columns, values, Label);
    }

    public static AssistanceStatusTable With(this AssistanceStatusTable table, int row, string column, string value)
    {
        var c = table.Columns.ToList().IndexOf(column);
        if (c < 0)
        {
            throw new ArgumentException("no column " + column, nameof(column));
        }

        var rows = table.Rows.Select(r => r.ToArray()).ToArray();
        rows[row][c] = value;
        return table with { Rows = rows };
    }

    public static AssistanceStatusTable WithoutColumn(this AssistanceStatusTable table, string column)
    {
        var c = table.Columns.ToList().IndexOf(column);
        return table with
        {
            Columns = table.Columns.Where((_, i) => i != c).ToArray(),
            Rows = table.Rows.Select(r => (IReadOnlyList<string>)r.Where((_, i) => i != c).ToArray()).ToArray(),
        };
    }

    private static string[] Row(IReadOnlyList<string> columns, string cd, string cds, string name, string city, string county, string span,
        params (string Column, string Value)[] set)
    {
        var values = new string[columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var column = columns[i];
            values[i] = column switch
            {
                "CDcode" => cd,
                "CDS" => cds,
                "LEAname" => name,
                "Cityname" => city,
                "Countyname" => county,
                "Gsoffered" => span,
                "ReportYear" => "2024",
                _ when column.StartsWith("AssistanceStatus", StringComparison.Ordinal) => "General Assistance",
                _ when column.StartsWith("MetMethod", StringComparison.Ordinal) || column.StartsWith("EC52072", StringComparison.Ordinal) => "N",
                _ => "*",
            };
        }

        foreach (var (column, value) in set)
        {
            values[columns.ToList().IndexOf(column)] = value;
        }

        return values;
    }
}

/// <summary>Builds minimal xlsx workbooks (inline strings) with arbitrary sheets and rows.</summary>
internal static class TestWorkbooks
{
    public static void Create(string path, params (string Name, string[][] Rows)[] sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var sheetList = new Sheets();
        workbookPart.Workbook = new Workbook(sheetList);
        uint id = 1;
        foreach (var (name, rows) in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint r = 1;
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = r };
                for (var c = 0; c < values.Length; c++)
                {
                    row.Append(new Cell
                    {
                        CellReference = XlsxSheetReader.ColumnLetters(c + 1) + r.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(values[c]) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                }

                data.Append(row);
                r++;
            }

            part.Worksheet = new Worksheet(data);
            sheetList.Append(new Sheet { Name = name, SheetId = id++, Id = workbookPart.GetIdOfPart(part) });
        }
    }
}
