using System.Globalization;
using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.StatusWorkbooks;

/// <summary>One row of a legacy workbook sheet: its 1-based row number and each cell's text by 0-based column (null = empty).</summary>
internal sealed record LegacyRow(int RowNumber, IReadOnlyList<string?> Values);

/// <summary>One sheet of a legacy workbook, every row from row 1 (empty rows included, with no values).</summary>
internal sealed record LegacySheet(string Name, IReadOnlyList<LegacyRow> Rows);

/// <summary>
/// Reads every sheet of an Excel 97–2003 workbook (<c>.xls</c>, BIFF in an OLE compound file; the state's 2017
/// assistance-status file) as text, with ExcelDataReader. The file is small (about a thousand rows), so it is read whole.
/// Cell text matches <see cref="Xlsx.XlsxSheetReader"/>: strings as stored; numbers as their shortest round-trip invariant
/// text (<c>2017</c>); booleans <c>TRUE</c>/<c>FALSE</c>; dates their Excel serial number. Anything unreadable becomes
/// an <see cref="InputFileException"/> naming the file.
/// </summary>
internal static class LegacyWorkbook
{
    private static readonly Lazy<bool> CodePages = new(() =>
    {
        // BIFF workbooks may store text in a Windows code page; .NET (Core) ships those encodings only as a provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    /// <summary>The file is read whole: the state's 2017 workbook is under 1 MB, so anything past this is not one.</summary>
    private const long MaxBytes = 64L << 20;

    public static IReadOnlyList<LegacySheet> ReadSheets(string path)
    {
        _ = CodePages.Value;
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
        }
        catch (FileNotFoundException ex)
        {
            throw new InputFileException(path, "not a readable .xls workbook: file not found", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, "cannot be opened: " + ex.Message, ex);
        }

        using (stream)
        {
            if (stream.Length > MaxBytes)
            {
                throw new InputFileException(path, null, null, $"not a readable .xls workbook: {stream.Length:N0} bytes, more than the {MaxBytes:N0} an assistance-status workbook needs");
            }

            try
            {
                // BIFF only: ExcelDataReader would inflate an xlsx (a zip) without XlsxSheetReader's limits, so one named .xls is refused.
                using var reader = ExcelReaderFactory.CreateBinaryReader(stream);
                var sheets = new List<LegacySheet>();
                do
                {
                    sheets.Add(new LegacySheet(reader.Name ?? string.Empty, ReadRows(path, reader)));
                }
                while (reader.NextResult());

                return sheets;
            }
            catch (Exception ex) when (IsReadFailure(ex))
            {
                throw new InputFileException(path, "not a readable .xls workbook (Excel 97-2003): " + ex.Message, ex);
            }
        }
    }

    /// <summary>A cell value as ExcelDataReader gives it, as text.</summary>
    internal static string? Text(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        double d => Number(d),
        float f => Number(f),
        bool b => b ? "TRUE" : "FALSE",
        DateTime dt => Number(dt.ToOADate()),
        TimeSpan ts => Number(ts.TotalDays),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static List<LegacyRow> ReadRows(string path, IExcelDataReader reader)
    {
        // ExcelDataReader returns every row from the sheet's first, empty ones included, so the count is the row number.
        var rows = new List<LegacyRow>();
        var rowNumber = 0;
        while (reader.Read())
        {
            rowNumber++;
            if (reader.FieldCount > Xlsx.XlsxSheetReader.MaxColumns)
            {
                throw new InputFileException(path, rowNumber, null, $"not a readable .xls workbook: {reader.FieldCount:N0} columns, more than Excel's {Xlsx.XlsxSheetReader.MaxColumns:N0}");
            }

            var values = new string?[reader.FieldCount];
            var last = -1;
            for (var c = 0; c < values.Length; c++)
            {
                var text = Text(reader.GetValue(c));
                if (!string.IsNullOrEmpty(text))
                {
                    values[c] = text;
                    last = c;
                }
            }

            rows.Add(new LegacyRow(rowNumber, last == values.Length - 1 ? values : values[..(last + 1)]));
        }

        return rows;
    }

    private static string Number(double d) =>
        double.IsInteger(d) && Math.Abs(d) < 1e15
            ? d.ToString("0", CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>ExcelDataReader reports a damaged or foreign file by its own exceptions or by whatever its parsing hits.</summary>
    private static bool IsReadFailure(Exception ex) =>
        ex is ExcelReaderException or IOException or InvalidDataException or ArgumentException or IndexOutOfRangeException
            or InvalidCastException or NullReferenceException or NotSupportedException or OverflowException or FormatException
            or InvalidOperationException or KeyNotFoundException or UnauthorizedAccessException;
}
