using System.Globalization;
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

    private const int Normal = 0;
    private const int Bold = 1;
    private const int Money = 2;

    // Built-in number format 4 is #,##0.00.
    private static readonly XlsxStyle[] Styles = [XlsxStyle.Normal, new(Bold: true), new(NumberFormat: 4)];

    public static void Write(FundingRunResult run, string label, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(stream);
        using var workbook = new XlsxWriter(stream, Styles, $"County office funding for differentiated assistance, {run.Result.FiscalYear.Label}", label);
        Sheet(workbook, SummarySheet, FundingTables.Summary(run.Result, label));
        Sheet(workbook, LinesSheet, FundingTables.Lines(run.Result, label));
        Sheet(workbook, AboutSheet, About(run, label));
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

    private static void Sheet(XlsxWriter workbook, string name, AssistanceStatusTable table)
    {
        var widths = new double[table.Columns.Count];
        for (var c = 0; c < widths.Length; c++)
        {
            var longest = Math.Max(table.Columns[c].Length, table.Rows.Select(r => r[c]?.Length ?? 0).DefaultIfEmpty(0).Max());
            widths[c] = Math.Clamp(longest + 2, 8, 80);
        }

        workbook.Sheet(name, new XlsxSheetLayout(widths, FrozenRows: 1), rows =>
        {
            rows.Row(1);
            foreach (var column in table.Columns)
            {
                rows.InlineText(column, Bold);
            }

            var n = 2;
            foreach (var row in table.Rows)
            {
                rows.Row(n++);
                for (var c = 0; c < row.Count; c++)
                {
                    var text = row[c];
                    var amount = FundingTables.IsAmount(table.Columns[c]);
                    if (string.IsNullOrEmpty(text))
                    {
                        rows.Skip();
                    }
                    else if ((amount || FundingTables.IsCount(table.Columns[c]))
                        && decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                    {
                        // A number drops the trailing zeros the CSV keeps (2100000.00 → 2100000); the cell's format shows the cents.
                        rows.Number(number, amount ? Money : Normal);
                    }
                    else
                    {
                        rows.InlineText(text);
                    }
                }
            }
        });
    }
}
