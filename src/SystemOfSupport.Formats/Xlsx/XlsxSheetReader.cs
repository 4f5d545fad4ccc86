using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
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
/// Reads the cells of an xlsx worksheet as text, streaming the zip's XML parts (no document model, no buffered
/// parts). Shared strings are resolved; numbers are their text as stored (dates stay serial numbers); booleans are
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
            using var package = Package.Open(path);
            return package.Sheets.Select(s => s.Name).ToList();
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

    private static IEnumerable<XlsxRow> ReadRowsCore(string path, string? sheetName)
    {
        using var package = Package.Open(path);
        var sheets = package.Sheets;
        Package.Sheet sheet;
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

        if (!sheet.IsWorksheet)
        {
            throw Unreadable(path, $"sheet '{sheet.Name}' is not a worksheet");
        }

        var sharedStrings = package.SharedStrings();
        using var part = package.OpenXml(sheet.Part);
        var reader = part.Xml;
        var lastRow = 0;
        var rowNumber = 0;
        List<XlsxCell>? cells = null;
        var lastColumn = 0;
        var cell = new CellBeingRead();
        var item = new ItemText();
        while (part.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    switch (reader.LocalName)
                    {
                        case "row":
                            var r = reader.GetAttribute("r");
                            rowNumber = r is null ? lastRow + 1
                                : uint.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (n > 0 ? checked((int)n) : lastRow + 1)
                                : throw Unreadable(path, $"row number '{r}' is not a number");
                            lastRow = rowNumber;
                            (cells, lastColumn) = ([], 0);
                            if (empty)
                            {
                                yield return EndRow(rowNumber, cells);
                                cells = null;
                            }

                            break;
                        case "c" when cells is not null:
                            var reference = reader.GetAttribute("r");
                            var column = ColumnNumber(reference);
                            if (column <= 0)
                            {
                                column = lastColumn + 1;
                            }

                            if (column > MaxColumns)
                            {
                                throw new InputFileException(path, rowNumber, null, $"not a readable xlsx workbook: cell '{reference}' is past Excel's last column (XFD)");
                            }

                            lastColumn = column;
                            cell.Start(column, reader.GetAttribute("t"));
                            if (empty)
                            {
                                AddCell(path, cells, cell, item, sharedStrings, rowNumber);
                            }

                            break;
                        case "v" when cell.Open && !empty:
                            cell.InValue = true;
                            break;
                        case "is" when cell.Open:
                            cell.HasInline = true;
                            item.Start(reader.Depth);
                            break;
                        default:
                            if (cell.HasInline && !empty)
                            {
                                item.Enter(reader.LocalName, reader.Depth);
                            }

                            break;
                    }

                    break;
                case XmlNodeType.EndElement:
                    switch (reader.LocalName)
                    {
                        case "row" when cells is not null:
                            yield return EndRow(rowNumber, cells);
                            cells = null;
                            break;
                        case "c" when cell.Open && cells is not null:
                            AddCell(path, cells, cell, item, sharedStrings, rowNumber);
                            break;
                        case "v" when cell.InValue:
                            cell.InValue = false;
                            break;
                        default:
                            if (cell.HasInline)
                            {
                                item.Leave(reader.Depth);
                            }

                            break;
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (cell.InValue)
                    {
                        cell.Value = cell.Value is null ? reader.Value : cell.Value + reader.Value;
                    }
                    else if (cell.HasInline)
                    {
                        item.Text(reader.Value);
                    }

                    break;
            }
        }
    }

    private static XlsxRow EndRow(int rowNumber, List<XlsxCell> cells)
    {
        if (cells.Count > 1 && !IsSorted(cells))
        {
            cells.Sort((a, b) => a.Column.CompareTo(b.Column));
        }

        return new XlsxRow(rowNumber, cells);
    }

    private static void AddCell(string path, List<XlsxCell> cells, CellBeingRead cell, ItemText item, List<string> sharedStrings, int row)
    {
        var text = CellText(path, cell, item, sharedStrings, row);
        if (!string.IsNullOrEmpty(text))
        {
            cells.Add(new XlsxCell(cell.Column, text));
        }

        cell.Open = false;
        cell.HasInline = false;
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

    private static string? CellText(string path, CellBeingRead cell, ItemText item, List<string> sharedStrings, int row)
    {
        var raw = cell.Value;
        switch (cell.Type)
        {
            case "inlineStr":
                return cell.HasInline ? item.Result() : raw;
            case "s" when raw is not null:
                if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= sharedStrings.Count)
                {
                    throw new InputFileException(path, row, cell.Column, $"not a readable xlsx workbook: shared string index '{raw}' is out of range");
                }

                return sharedStrings[index];
            case "b" when raw is not null:
                return raw.Trim() switch
                {
                    "1" => "TRUE",
                    "0" => "FALSE",
                    var other => other,
                };
            default:
                return raw;
        }
    }

    /// <summary>The cell being read: its column, its type (<c>t</c>) and its value (<c>v</c>) so far.</summary>
    private sealed class CellBeingRead
    {
        public bool Open { get; set; }

        public int Column { get; private set; }

        public string? Type { get; private set; }

        public string? Value { get; set; }

        public bool InValue { get; set; }

        public bool HasInline { get; set; }

        public void Start(int column, string? type)
        {
            (Open, Column, Type, Value, InValue, HasInline) = (true, column, type, null, false, false);
        }
    }

    /// <summary>
    /// The text of a shared-string item or inline string: its plain text (<c>t</c>), then its runs' text (<c>r/t</c>)
    /// joined; phonetic runs and properties are skipped.
    /// </summary>
    private sealed class ItemText
    {
        private readonly StringBuilder runs = new();
        private string? plain;
        private bool hasRuns;
        private int itemDepth;
        private int runDepth = -1;
        private int textDepth = -1;
        private bool textInRun;

        /// <summary>A new item, whose element is at <paramref name="depth"/>.</summary>
        public void Start(int depth)
        {
            (itemDepth, plain, hasRuns, runDepth, textDepth) = (depth, null, false, -1, -1);
            runs.Clear();
        }

        /// <summary>An element inside the item opens, at <paramref name="depth"/>; the item's own children are one deeper than it.</summary>
        public void Enter(string name, int depth)
        {
            if (textDepth >= 0)
            {
                return;
            }

            if (name == "r" && runDepth < 0 && depth == itemDepth + 1)
            {
                (runDepth, hasRuns) = (depth, true);
            }
            else if (name == "t" && depth == (runDepth < 0 ? itemDepth : runDepth) + 1)
            {
                (textDepth, textInRun) = (depth, runDepth >= 0);
                if (!textInRun)
                {
                    plain ??= string.Empty;
                }
            }
        }

        public void Leave(int depth)
        {
            if (depth == textDepth)
            {
                textDepth = -1;
            }
            else if (depth == runDepth)
            {
                runDepth = -1;
            }
        }

        public void Text(string value)
        {
            if (textDepth < 0)
            {
                return;
            }

            if (textInRun)
            {
                runs.Append(value);
            }
            else
            {
                plain += value;
            }
        }

        public string Result() => hasRuns ? (plain ?? string.Empty) + runs : plain ?? string.Empty;
    }

    /// <summary>
    /// An xlsx file's zip and the parts this reader needs, found through the package's relationships: the workbook,
    /// its sheets in order, and its shared strings.
    /// </summary>
    private sealed class Package : IDisposable
    {
        private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        private const string StrictRelationshipsNamespace = "http://purl.oclc.org/ooxml/officeDocument/relationships";

        private readonly string path;
        private readonly ZipArchive zip;
        private readonly Dictionary<string, ZipArchiveEntry> entries = new(StringComparer.OrdinalIgnoreCase);
        private readonly string? sharedStringsPart;

        private Package(string path, ZipArchive zip)
        {
            (this.path, this.zip) = (path, zip);
            foreach (var entry in zip.Entries)
            {
                // A zip bomb (a small file whose sheet inflates to gigabytes) is refused from the sizes the zip declares,
                // before anything is inflated; MaxCharactersInPart stops a part that inflates past what it declared.
                if (entry.Length > MaxPartBytes)
                {
                    throw Unreadable(path, $"part '{entry.FullName}' inflates to {entry.Length:N0} bytes, more than the {MaxPartBytes:N0} a workbook of this kind needs (a damaged file or a zip bomb)");
                }

                entries.TryAdd(entry.FullName.TrimStart('/'), entry);
            }

            var workbook = Relationships(string.Empty).FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal))?.Target
                ?? throw Unreadable(path, "missing workbook part");
            if (!entries.ContainsKey(workbook))
            {
                throw Unreadable(path, "missing workbook part");
            }

            var related = Relationships(workbook);
            sharedStringsPart = related.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal))?.Target;
            var byId = related.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var sheets = new List<Sheet>();
            using (var part = OpenXml(workbook))
            {
                var reader = part.Xml;
                while (part.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "sheet")
                    {
                        continue;
                    }

                    var name = reader.GetAttribute("name");
                    var id = reader.GetAttribute("id", RelationshipsNamespace) ?? reader.GetAttribute("id", StrictRelationshipsNamespace);
                    if (name is null || id is null)
                    {
                        continue;
                    }

                    var target = byId.GetValueOrDefault(id) ?? throw Unreadable(path, $"sheet '{name}' has no part");
                    sheets.Add(new Sheet(name, target.Target, target.Type.EndsWith("/worksheet", StringComparison.Ordinal)));
                }
            }

            Sheets = sheets;
        }

        public sealed record Sheet(string Name, string Part, bool IsWorksheet);

        private sealed record Relationship(string Id, string Type, string Target);

        public IReadOnlyList<Sheet> Sheets { get; }

        public static Package Open(string path)
        {
            if (!File.Exists(path))
            {
                throw new InputFileException(path, null, null, "not a readable xlsx workbook: file not found");
            }

            var zip = ZipFile.OpenRead(path);
            try
            {
                return new Package(path, zip);
            }
            catch
            {
                zip.Dispose();
                throw;
            }
        }

        /// <summary>The shared-string table, in order (empty when the workbook has none).</summary>
        public List<string> SharedStrings()
        {
            var list = new List<string>();
            if (sharedStringsPart is null || !entries.ContainsKey(sharedStringsPart))
            {
                return list;
            }

            using var part = OpenXml(sharedStringsPart);
            var reader = part.Xml;
            var item = new ItemText();
            var inItem = false;
            while (part.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when reader.LocalName == "si":
                        item.Start(reader.Depth);
                        if (reader.IsEmptyElement)
                        {
                            list.Add(string.Empty);
                        }
                        else
                        {
                            inItem = true;
                        }

                        break;
                    case XmlNodeType.Element when inItem && !reader.IsEmptyElement:
                        item.Enter(reader.LocalName, reader.Depth);
                        break;
                    case XmlNodeType.EndElement when inItem && reader.LocalName == "si":
                        list.Add(item.Result());
                        inItem = false;
                        break;
                    case XmlNodeType.EndElement when inItem:
                        item.Leave(reader.Depth);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inItem:
                        item.Text(reader.Value);
                        break;
                }
            }

            return list;
        }

        /// <summary>A part's XML, streamed, with its size and nesting bounded.</summary>
        public XmlPart OpenXml(string part)
        {
            var entry = entries.GetValueOrDefault(part) ?? throw Unreadable(path, $"missing part '/{part}'");
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, MaxCharactersInDocument = MaxCharactersInPart, IgnoreComments = true, IgnoreProcessingInstructions = true };
            return new XmlPart(XmlReader.Create(entry.Open(), settings), path, "/" + part);
        }

        public void Dispose() => zip.Dispose();

        /// <summary>The relationships of a part ("" for the package), their targets resolved to zip entry names.</summary>
        private List<Relationship> Relationships(string part)
        {
            var folder = part.Contains('/', StringComparison.Ordinal) ? part[..(part.LastIndexOf('/') + 1)] : string.Empty;
            var relsName = folder + "_rels/" + part[folder.Length..] + ".rels";
            var list = new List<Relationship>();
            if (!entries.ContainsKey(relsName))
            {
                return list;
            }

            using var rels = OpenXml(relsName);
            var reader = rels.Xml;
            while (rels.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                    && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Type") is { } type && reader.GetAttribute("Target") is { } target
                    && !string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
                {
                    list.Add(new Relationship(id, type, Resolve(folder, target)));
                }
            }

            return list;
        }

        /// <summary>A relationship's target as a zip entry name: absolute ("/xl/…") or relative to the source's folder.</summary>
        private static string Resolve(string folder, string target)
        {
            target = Uri.UnescapeDataString(target);
            var segments = new List<string>();
            foreach (var segment in ((target.StartsWith('/') ? string.Empty : folder) + target).Split('/'))
            {
                if (segment is "" or ".")
                {
                    continue;
                }

                if (segment == "..")
                {
                    if (segments.Count > 0)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }

                    continue;
                }

                segments.Add(segment);
            }

            return string.Join('/', segments);
        }
    }

    /// <summary>
    /// One part's XML, read node by node. It refuses XML nested deeper than SpreadsheetML ever is as it reads: a part
    /// nested thousands deep is damage or an attack, and is refused with its line.
    /// </summary>
    private sealed class XmlPart(XmlReader xml, string path, string part) : IDisposable
    {
        public XmlReader Xml => xml;

        public bool Read()
        {
            if (!xml.Read())
            {
                return false;
            }

            if (xml.Depth > MaxXmlDepth)
            {
                throw new InputFileException(path, null, null, $"not a readable xlsx workbook: {part} nests elements more than {MaxXmlDepth} deep (line {((IXmlLineInfo)xml).LineNumber})");
            }

            return true;
        }

        public void Dispose() => xml.Dispose();
    }

    private static InputFileException Unreadable(string path, string why) =>
        new(path, null, null, "not a readable xlsx workbook: " + why);

    private static bool IsReadFailure(Exception ex) =>
        ex is InvalidDataException or IOException or XmlException or InvalidOperationException
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
