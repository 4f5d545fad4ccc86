using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SystemOfSupport.Formats.Tests.Xlsx;

/// <summary>Writes small xlsx workbooks for tests: strings become shared strings, ints and doubles numbers, bools booleans; null leaves the cell out.</summary>
internal static class TestWorkbook
{
    public static void Write(string path, string sheetName, params object?[][] rows) =>
        WriteSheets(path, (sheetName, rows));

    public static void WriteSheets(string path, params (string Name, object?[][] Rows)[] sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook(new Sheets());
        var sharedStrings = workbookPart.AddNewPart<SharedStringTablePart>();
        sharedStrings.SharedStringTable = new SharedStringTable();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);

        uint sheetId = 1;
        foreach (var (name, rows) in sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var sheetData = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var rowNumber = (uint)(r + 1);
                var row = new Row { RowIndex = rowNumber };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var value = rows[r][c];
                    if (value is null)
                    {
                        continue;
                    }

                    var cell = new Cell { CellReference = SystemOfSupport.Formats.Xlsx.XlsxSheetReader.ColumnLetters(c + 1) + rowNumber.ToString(CultureInfo.InvariantCulture) };
                    switch (value)
                    {
                        case string s:
                            if (!index.TryGetValue(s, out var i))
                            {
                                i = index.Count;
                                index[s] = i;
                                sharedStrings.SharedStringTable.AppendChild(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(s) { Space = SpaceProcessingModeValues.Preserve }));
                            }

                            cell.DataType = CellValues.SharedString;
                            cell.CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture));
                            break;
                        case bool b:
                            cell.DataType = CellValues.Boolean;
                            cell.CellValue = new CellValue(b ? "1" : "0");
                            break;
                        case int n:
                            cell.CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture));
                            break;
                        case double d:
                            cell.CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture));
                            break;
                        default:
                            throw new ArgumentException("unsupported cell value " + value.GetType().Name);
                    }

                    row.AppendChild(cell);
                }

                sheetData.AppendChild(row);
            }

            worksheetPart.Worksheet = new Worksheet(sheetData);
            workbookPart.Workbook.Sheets!.AppendChild(new Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart),
                SheetId = sheetId++,
                Name = name,
            });
        }
    }
}
