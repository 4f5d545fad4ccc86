using System.Text;
using SystemOfSupport.Formats.Text;
using SystemOfSupport.Formats.Xlsx;
using SystemOfSupport.Web.Features.Downloads;

namespace SystemOfSupport.Web.Features.Exports;

/// <summary>A table a page shows, ready to download: a header and rows of text.</summary>
/// <param name="Name">The file name without extension (<c>monterey-2024</c>); also the sheet's name.</param>
public sealed record ExportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Writes an <see cref="ExportTable"/> as CSV or xlsx, safe to open in a spreadsheet: in CSV a field that a spreadsheet
/// would take for a formula (starting with = + - @, tab or CR) gets a leading apostrophe; in xlsx every cell is an inline string.
/// </summary>
public static class TableExport
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";

    public static bool IsFormat(string format) => format is Csv or Xlsx;

    public static IResult Result(ExportTable table, string format)
    {
        var name = table.Name + "." + format;
        return format == Csv
            ? Results.File(CsvBytes(table), ContentTypes.Of(name), name)
            : Results.File(XlsxBytes(table), ContentTypes.Of(name), name);
    }

    /// <summary>The table as csv; <see cref="CsvText.Record"/> gives text that starts like a formula a leading apostrophe (numbers stay numbers).</summary>
    public static byte[] CsvBytes(ExportTable table)
    {
        var text = new StringBuilder();
        text.Append(CsvText.Record(table.Columns)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            text.Append(CsvText.Record(row)).Append("\r\n");
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    // Inline strings: a cell is never a formula or a number a spreadsheet could reinterpret.
    public static byte[] XlsxBytes(ExportTable table)
    {
        using var buffer = new MemoryStream();
        using (var workbook = new XlsxWriter(buffer))
        {
            workbook.Sheet(XlsxWriter.SheetName(table.Name), new XlsxSheetLayout(), rows =>
            {
                var number = 1;
                foreach (var row in table.Rows.Prepend(table.Columns))
                {
                    rows.Row(number++);
                    foreach (var value in row)
                    {
                        rows.InlineText(value);
                    }
                }
            });
        }

        return buffer.ToArray();
    }
}
