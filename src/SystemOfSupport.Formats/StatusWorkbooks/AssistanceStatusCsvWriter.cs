using System.Text;

using SystemOfSupport.Formats.Text;

namespace SystemOfSupport.Formats.StatusWorkbooks;

/// <summary>
/// Writes an <see cref="AssistanceStatusTable"/> as CSV (<c>assistancestatusYY.csv</c>): the header row first, no note
/// rows, the same columns and values as the workbook's data sheet (<c>*</c> for blank). RFC 4180: comma-separated,
/// CRLF line ends (also after the last row), a field is quoted only when it holds a comma, a quote, CR or LF (quotes
/// doubled). UTF-8 without a byte-order mark.
/// </summary>
/// <remarks>
/// <see cref="Write(AssistanceStatusTable, string)"/> is atomic (temporary file in the same directory, then rename);
/// <see cref="Write(AssistanceStatusTable, Stream)"/> leaves atomicity to the caller.
/// </remarks>
public static class AssistanceStatusCsvWriter
{
    internal static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file name the tool uses for a report year: <c>assistancestatusYY.csv</c>.</summary>
    public static string FileName(int year) => $"assistancestatus{year % 100:00}.csv";

    /// <summary>Writes the CSV to <paramref name="path"/> atomically.</summary>
    public static void Write(AssistanceStatusTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Validate();
        AtomicFile.Write(path, stream => WriteValidated(table, stream));
    }

    /// <summary>Writes the CSV to <paramref name="stream"/> (left open).</summary>
    public static void Write(AssistanceStatusTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        table.Validate();
        WriteValidated(table, stream);
    }

    private static void WriteValidated(AssistanceStatusTable table, Stream stream)
    {
        using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        WriteRecord(writer, table.Columns.Select(c => c.Trim()));
        foreach (var row in table.Rows)
        {
            WriteRecord(writer, row.Select(AssistanceStatusTable.CellText));
        }

        writer.Flush();
    }

    private static void WriteRecord(TextWriter writer, IEnumerable<string> fields) => writer.WriteLine(CsvText.Record(fields));
}
