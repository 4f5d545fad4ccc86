using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.Xlsx;

/// <summary>One non-empty cell: its 1-based column and its text as stored (shared strings resolved).</summary>
public sealed record XlsxCell(int Column, string Text);

/// <summary>One spreadsheet row (1-based row number as the sheet numbers it) and its non-empty cells, in column order.</summary>
public sealed record XlsxRow(int RowNumber, IReadOnlyList<XlsxCell> Cells)
{
    /// <summary>The row as an array indexed by 0-based column, null where a cell is absent (through the last cell).</summary>
    public string?[] Dense()
    {
        if (Cells.Count == 0)
        {
            return [];
        }

        var values = new string?[Cells[^1].Column];
        foreach (var cell in Cells)
        {
            values[cell.Column - 1] = cell.Text;
        }

        return values;
    }

    /// <summary>The text of the cell at the 1-based <paramref name="column"/>, or null when it is absent or empty.</summary>
    public string? this[int column]
    {
        get
        {
            // Cells are sorted by column; rows are short, so a linear scan from the likely index is enough.
            if (column >= 1 && column <= Cells.Count && Cells[column - 1].Column == column)
            {
                return Cells[column - 1].Text;
            }

            foreach (var cell in Cells)
            {
                if (cell.Column == column)
                {
                    return cell.Text;
                }

                if (cell.Column > column)
                {
                    break;
                }
            }

            return null;
        }
    }
}

/// <summary>
/// Reads the cells of an xlsx worksheet as text, streaming the sheet (SAX) rather than loading it as a DOM.
/// Shared strings are resolved; numbers are their text as stored (dates stay serial numbers); booleans are
/// <c>TRUE</c>/<c>FALSE</c>; empty cells are omitted. Anything unreadable becomes an <see cref="InputFileException"/>.
/// </summary>
public static class XlsxSheetReader
{
    /// <summary>Excel's own column limit (XFD): a cell reference past it is damage, and would size a row's array.</summary>
    public const int MaxColumns = 16_384;

    /// <summary>The largest part (sheet, shared strings) read: the state's statewide sheets are a few to tens of MB.</summary>
    public const long MaxPartBytes = 256L << 20;

    private const long MaxCharactersInPart = MaxPartBytes;

    /// <summary>worksheet/sheetData/row/c/is/r/t is seven; rich text and extensions add a few.</summary>
    private const int MaxXmlDepth = 32;

    /// <summary>The workbook's sheet names in workbook order.</summary>
    public static IReadOnlyList<string> SheetNames(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Guard(path, () =>
        {
            using var document = Open(path);
            return SheetList(path, document).Select(s => s.Name).ToList();
        });
    }

    /// <summary>
    /// Streams the rows of one sheet (by name, case-insensitive; null = the first sheet). The workbook is opened
    /// when enumeration starts and closed when it ends or the enumerator is disposed.
    /// </summary>
    public static IEnumerable<XlsxRow> ReadRows(string path, string? sheetName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Guarded(path, ReadRowsCore(path, sheetName));
    }

    /// <summary>Spreadsheet column letters for a 1-based column number: 1 → A, 26 → Z, 27 → AA.</summary>
    public static string ColumnLetters(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        var sb = new StringBuilder(3);
        while (column > 0)
        {
            var rem = (column - 1) % 26;
            sb.Insert(0, (char)('A' + rem));
            column = (column - 1) / 26;
        }

        return sb.ToString();
    }

    /// <summary>The 1-based column number of a cell reference such as <c>AB12</c> (letters only are read), or 0 if none.</summary>
    public static int ColumnNumber(string? cellReference)
    {
        if (cellReference is null)
        {
            return 0;
        }

        var n = 0;
        foreach (var ch in cellReference)
        {
            var upper = char.ToUpperInvariant(ch);
            if (upper is < 'A' or > 'Z')
            {
                break;
            }

            n = (n * 26) + (upper - 'A' + 1);
            if (n > MaxColumns)
            {
                // Past XFD: stop before the number overflows; the reader refuses the cell.
                return MaxColumns + 1;
            }
        }

        return n;
    }

    private sealed record SheetInfo(string Name, string RelationshipId);

    private static IEnumerable<XlsxRow> ReadRowsCore(string path, string? sheetName)
    {
        using var document = Open(path);
        var workbookPart = document.WorkbookPart ?? throw Unreadable(path, "missing workbook part");
        var sheets = SheetList(path, document);
        SheetInfo sheet;
        if (sheetName is null)
        {
            sheet = sheets.Count > 0 ? sheets[0] : throw Unreadable(path, "the workbook has no sheets");
        }
        else
        {
            sheet = sheets.FirstOrDefault(s => string.Equals(s.Name, sheetName, StringComparison.OrdinalIgnoreCase))
                ?? throw new InputFileException(
                    path,
                    null,
                    null,
                    $"has no sheet named '{sheetName}'; sheets: {string.Join(", ", sheets.Select(s => $"'{s.Name}'"))}");
        }

        if (workbookPart.GetPartById(sheet.RelationshipId) is not WorksheetPart worksheetPart)
        {
            throw Unreadable(path, $"sheet '{sheet.Name}' is not a worksheet");
        }

        RefuseDeepXml(path, worksheetPart);
        var sharedStrings = LoadSharedStrings(path, workbookPart);

        using var reader = OpenXmlReader.Create(worksheetPart);
        var lastRow = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var rowNumber = row.RowIndex?.Value is uint r && r > 0 ? checked((int)r) : lastRow + 1;
            lastRow = rowNumber;
            var cells = new List<XlsxCell>();
            var lastColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnNumber(cell.CellReference?.Value);
                if (column <= 0)
                {
                    column = lastColumn + 1;
                }

                if (column > MaxColumns)
                {
                    throw new InputFileException(path, rowNumber, null, $"not a readable xlsx workbook: cell '{cell.CellReference?.Value}' is past Excel's last column (XFD)");
                }

                lastColumn = column;
                var text = CellText(path, cell, sharedStrings, rowNumber, column);
                if (!string.IsNullOrEmpty(text))
                {
                    cells.Add(new XlsxCell(column, text));
                }
            }

            if (cells.Count > 1 && !IsSorted(cells))
            {
                cells.Sort((a, b) => a.Column.CompareTo(b.Column));
            }

            yield return new XlsxRow(rowNumber, cells);
        }
    }

    private static bool IsSorted(List<XlsxCell> cells)
    {
        for (var i = 1; i < cells.Count; i++)
        {
            if (cells[i].Column < cells[i - 1].Column)
            {
                return false;
            }
        }

        return true;
    }

    private static string? CellText(string path, Cell cell, List<string> sharedStrings, int row, int column)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? ItemText(inline) : cell.CellValue?.Text;
        }

        var raw = cell.CellValue?.Text;
        if (raw is null)
        {
            return null;
        }

        if (type == CellValues.SharedString)
        {
            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= sharedStrings.Count)
            {
                throw new InputFileException(path, row, column, $"not a readable xlsx workbook: shared string index '{raw}' is out of range");
            }

            return sharedStrings[index];
        }

        if (type == CellValues.Boolean)
        {
            return raw.Trim() switch
            {
                "1" => "TRUE",
                "0" => "FALSE",
                var other => other,
            };
        }

        return raw;
    }

    /// <summary>The text of a shared-string item or inline string: its plain text, or its runs' text joined (phonetic runs skipped).</summary>
    private static string ItemText(OpenXmlElement item)
    {
        string? plain = null;
        StringBuilder? runs = null;
        foreach (var child in item.ChildElements)
        {
            switch (child)
            {
                case DocumentFormat.OpenXml.Spreadsheet.Text t:
                    plain = (plain ?? string.Empty) + t.Text;
                    break;
                case Run run:
                    runs ??= new StringBuilder();
                    foreach (var rt in run.Elements<DocumentFormat.OpenXml.Spreadsheet.Text>())
                    {
                        runs.Append(rt.Text);
                    }

                    break;
            }
        }

        return runs is null ? plain ?? string.Empty : (plain ?? string.Empty) + runs;
    }

    private static List<string> LoadSharedStrings(string path, WorkbookPart workbookPart)
    {
        var list = new List<string>();
        var part = workbookPart.SharedStringTablePart;
        if (part is null)
        {
            return list;
        }

        RefuseDeepXml(path, part);

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                list.Add(ItemText(reader.LoadCurrentElement()!));
            }
        }

        return list;
    }

    /// <summary>
    /// A row or shared string is loaded as an element tree, recursively: XML nested thousands deep would overflow the
    /// stack and end the process. One streaming pass refuses it first (SpreadsheetML is a few levels deep).
    /// </summary>
    private static void RefuseDeepXml(string path, OpenXmlPart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, MaxCharactersInDocument = MaxCharactersInPart, IgnoreWhitespace = true });
        while (reader.Read())
        {
            if (reader.Depth > MaxXmlDepth)
            {
                throw new InputFileException(path, null, null, $"not a readable xlsx workbook: {part.Uri} nests elements more than {MaxXmlDepth} deep (line {((IXmlLineInfo)reader).LineNumber})");
            }
        }
    }

    private static List<SheetInfo> SheetList(string path, SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart?.Workbook ?? throw Unreadable(path, "missing workbook part");
        var sheets = workbook.Sheets?.Elements<Sheet>() ?? [];
        return sheets
            .Where(s => s.Name?.Value is not null && s.Id?.Value is not null)
            .Select(s => new SheetInfo(s.Name!.Value!, s.Id!.Value!))
            .ToList();
    }

    private static SpreadsheetDocument Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputFileException(path, null, null, "not a readable xlsx workbook: file not found");
        }

        RefuseOversizedParts(path);
        return SpreadsheetDocument.Open(path, isEditable: false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
    }

    /// <summary>
    /// A zip bomb (a small file whose sheet inflates to gigabytes) is refused from the sizes the zip declares, before
    /// anything is inflated; <see cref="MaxCharactersInPart"/> stops a part that inflates past what it declared.
    /// </summary>
    private static void RefuseOversizedParts(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > MaxPartBytes)
            {
                throw Unreadable(path, $"part '{entry.FullName}' inflates to {entry.Length:N0} bytes, more than the {MaxPartBytes:N0} a workbook of this kind needs (a damaged file or a zip bomb)");
            }
        }
    }

    private static InputFileException Unreadable(string path, string why) =>
        new(path, null, null, "not a readable xlsx workbook: " + why);

    private static bool IsReadFailure(Exception ex) =>
        ex is OpenXmlPackageException or InvalidDataException or IOException or XmlException or InvalidOperationException
            or UnauthorizedAccessException or FormatException or ArgumentException or KeyNotFoundException or OverflowException;

    private static T Guard<T>(string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is not InputFileException && IsReadFailure(ex))
        {
            throw new InputFileException(path, "not a readable xlsx workbook: " + ex.Message, ex);
        }
    }

    private static IEnumerable<XlsxRow> Guarded(string path, IEnumerable<XlsxRow> inner)
    {
        using var enumerator = Guard(path, inner.GetEnumerator);
        while (Guard(path, enumerator.MoveNext))
        {
            yield return enumerator.Current;
        }
    }
}
