using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SystemOfSupport.Core.Funding;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Xlsx;

namespace SystemOfSupport.Formats.Funding;

/// <summary>
/// Writes a funding result as an xlsx workbook: "Summary" (one row per county office), "Lines" (every line with its
/// basis, as the CSV) and "About" (the reports counted, where each came from, the settings and any warnings). The header
/// is row 1 (bold, frozen); amounts, ADA, years and divisors are numbers, everything else text. The status workbook
/// writer is shaped for the state's layout (definition sheets, five note rows), so funding has this small one.
/// </summary>
public static class FundingWorkbookWriter
{
    public const string SummarySheet = "Summary";
    public const string LinesSheet = "Lines";
    public const string AboutSheet = "About";

    private const uint Normal = 0;
    private const uint Bold = 1;
    private const uint Money = 2;

    public static void Write(FundingRunResult run, string label, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(stream);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        document.PackageProperties.Title = $"County office funding for differentiated assistance, {run.Result.FiscalYear.Label}";
        document.PackageProperties.Creator = label;
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = new Sheets();
        AddSheet(workbookPart, sheets, SummarySheet, Table(FundingTables.Summary(run.Result, label)));
        AddSheet(workbookPart, sheets, LinesSheet, Table(FundingTables.Lines(run.Result, label)));
        AddSheet(workbookPart, sheets, AboutSheet, Table(About(run, label)));
        workbookPart.Workbook = new Workbook(sheets);
    }

    /// <summary>The "About" sheet: what the figures rest on.</summary>
    public static AssistanceStatusTable About(FundingRunResult run, string label)
    {
        ArgumentNullException.ThrowIfNull(run);
        var r = run.Result;
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "Fiscal year", r.FiscalYear.Label },
            new[] { "Published by", label },
            new[] { "Rules", r.Rules.Rule },
            new[] { "Base", Dollars.Format(r.Rules.Base) },
            new[] { "District bands", string.Join("; ", r.Rules.Bands.Select(b => $"{r.Rules.BandLabel(b)}: {Dollars.Format(b.Allowance)}")) },
            new[] { "Charter allowance", r.Rules.CharterReports == 0 ? "none in this fiscal year" : Dollars.Format(r.Rules.CharterAllowance) },
            new[] { "LEA directory", $"{Path.GetFileName(run.DirectoryPath)} ({run.DirectoryEntries.ToString(CultureInfo.InvariantCulture)} LEAs); its counties are the ones computed" },
        };
        rows.AddRange(r.DistrictReports.Select(c => (IReadOnlyList<string>)[$"District report counted ({r.Rules.DistrictReports.ToString(CultureInfo.InvariantCulture)} averaged)", c.Basis]));
        rows.AddRange(r.CharterReports.Select(c => (IReadOnlyList<string>)[$"Charter report counted ({r.Rules.CharterReports.ToString(CultureInfo.InvariantCulture)} averaged)", c.Basis]));
        rows.AddRange(run.Reports.Describe(run.Result).Select(d => (IReadOnlyList<string>)["Report read", d]));
        rows.AddRange(r.Settings.Select(s => (IReadOnlyList<string>)[$"Setting {s.Key}", $"{s.Value}{(s.IsDefault ? " (default)" : string.Empty)}: {s.Description} ({s.Rule})"]));
        rows.AddRange(r.Warnings.Select(w => (IReadOnlyList<string>)["Warning", w]));
        return new AssistanceStatusTable(r.FiscalYear.StartYear, ["Item", "Value"], rows, label);
    }

    private static Worksheet Table(AssistanceStatusTable table)
    {
        var data = new SheetData();
        data.Append(RowOf(1, table.Columns.Select(c => (c, Bold, false))));
        uint n = 2;
        foreach (var row in table.Rows)
        {
            data.Append(RowOf(n++, row.Select((text, c) =>
            {
                var column = table.Columns[c];
                var amount = FundingTables.IsAmount(column);
                var numeric = (amount || FundingTables.IsCount(column))
                    && decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
                return (text, numeric && amount ? Money : Normal, numeric);
            })));
        }

        var widths = new Columns();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var longest = Math.Max(table.Columns[c].Length, table.Rows.Select(r => r[c]?.Length ?? 0).DefaultIfEmpty(0).Max());
            var index = (uint)c + 1;
            widths.Append(new Column { Min = index, Max = index, Width = Math.Clamp(longest + 2, 8, 80), CustomWidth = true });
        }

        var view = new SheetView { WorkbookViewId = 0U };
        view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        return new Worksheet(new SheetViews(view), widths, data);
    }

    private static Row RowOf(uint index, IEnumerable<(string Text, uint Style, bool Numeric)> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 1;
        foreach (var (text, style, numeric) in cells)
        {
            var reference = XlsxSheetReader.ColumnLetters(column++) + index.ToString(CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var cell = numeric
                // G29 drops the trailing zeros the CSV keeps (2100000.00 → 2100000); the cell's format shows the cents.
                ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(decimal.Parse(text, CultureInfo.InvariantCulture).ToString("G29", CultureInfo.InvariantCulture)) }
                : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)) };
            if (style != Normal)
            {
                cell.StyleIndex = style;
            }

            row.Append(cell);
        }

        return row;
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, Worksheet worksheet)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Name = name, SheetId = (uint)sheets.ChildElements.Count + 1, Id = workbookPart.GetIdOfPart(part) });
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2U },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true },
            // Built-in format 4 is #,##0.00.
            new CellFormat { NumberFormatId = 4U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true })
        { Count = 3U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
}
