using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace SystemOfSupport.Formats.Xlsx;

/// <summary>A cell format: its font (bold, size), whether its text wraps (top-aligned), and a built-in number format.</summary>
/// <param name="NumberFormat">A built-in number format id (0 General, 4 <c>#,##0.00</c>).</param>
public sealed record XlsxStyle(bool Bold = false, double FontSize = 11, bool Wrap = false, int NumberFormat = 0)
{
    /// <summary>The default format, which every workbook has at index 0.</summary>
    public static readonly XlsxStyle Normal = new();
}

/// <summary>A sheet's settings around its rows.</summary>
/// <param name="ColumnWidths">Each column's width in characters, from column A.</param>
/// <param name="FrozenRows">Rows kept in view above the scrolling part (0: none).</param>
/// <param name="Selected">The sheet shown when the workbook opens (the first sheet so marked; else the first sheet).</param>
/// <param name="AutoFilter">The filtered range (<c>A6:AG99</c>), or null; Excel's hidden name for it is written too.</param>
/// <param name="DefaultRowHeight">The sheet's default row height in points, or null for Excel's.</param>
/// <param name="PageMargins">Excel's default page margins written out (as Excel does for a new sheet).</param>
public sealed record XlsxSheetLayout(
    IReadOnlyList<double>? ColumnWidths = null,
    int FrozenRows = 0,
    bool Selected = false,
    string? AutoFilter = null,
    double? DefaultRowHeight = null,
    bool PageMargins = false);

/// <summary>
/// Writes an xlsx workbook (SpreadsheetML in a zip) straight into a stream: each sheet's rows as they are given, the
/// shared strings, styles and workbook parts when it is disposed. It exists because the OpenXml SDK took ~450 ms to
/// write its first workbook in a fresh process (its code is compiled as it first runs), for a part that takes
/// ~25 ms here (docs/state-scale.md, part 8). Text is escaped for XML (carriage returns and tabs kept as character
/// references); the caller keeps out characters XML cannot hold.
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly SearchValues<char> NotInSheetNames = SearchValues.Create(@"[]:*?/\");

    private static readonly SearchValues<char> LineBreaksAndTabs = SearchValues.Create("\r\n\t");

    /// <summary>What text cannot be written as it is: markup, white space XML would normalize, and what XML cannot hold.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "<>&\"\r\n\t\uFFFE\uFFFF" + string.Concat(Enumerable.Range(0, 32).Where(c => c is not (9 or 10 or 13)).Select(c => (char)c)));

    private readonly ZipArchive zip;
    private readonly IReadOnlyList<XlsxStyle> styles;
    private readonly string? title;
    private readonly string? creator;
    private readonly List<string> sheetNames = [];
    private readonly List<(int Sheet, string Range)> filters = [];
    private readonly Dictionary<string, int> sharedIndex = new(StringComparer.Ordinal);
    private readonly List<string> shared = [];
    private int? selectedSheet;
    private bool disposed;
    private bool broken;

    /// <summary>Excel's longest sheet name.</summary>
    public const int MaxSheetName = 31;

    /// <summary>
    /// <paramref name="name"/> as a sheet name Excel accepts: the characters it refuses as <c>-</c>, cut to
    /// <see cref="MaxSheetName"/> characters (a name that is empty stays so, and is refused).
    /// </summary>
    public static string SheetName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var safe = string.Create(name.Length, name, static (span, source) =>
        {
            source.AsSpan().CopyTo(span);
            for (var at = span.IndexOfAny(NotInSheetNames); at >= 0; at = span.IndexOfAny(NotInSheetNames))
            {
                span[at] = '-';
            }
        });
        return safe.Length <= MaxSheetName ? safe : safe[..MaxSheetName];
    }

    /// <param name="stream">Where the workbook goes (left open). A stream that cannot seek is written with data descriptors.</param>
    /// <param name="styles">The cell formats, referred to by index; index 0 should be <see cref="XlsxStyle.Normal"/>.</param>
    /// <param name="title">The document's title (its core properties), or null.</param>
    /// <param name="creator">The document's author (its core properties), or null.</param>
    public XlsxWriter(Stream stream, IReadOnlyList<XlsxStyle>? styles = null, string? title = null, string? creator = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        this.styles = styles is { Count: > 0 } ? styles : [XlsxStyle.Normal];
        (this.title, this.creator) = (title, creator);
        zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true, Utf8);
    }

    /// <summary>Writes one sheet: its settings, then the rows <paramref name="rows"/> writes, in row order.</summary>
    public void Sheet(string name, XlsxSheetLayout layout, Action<XlsxRows> rows)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(rows);
        if (string.IsNullOrEmpty(name) || name.Length > MaxSheetName || name.AsSpan().ContainsAny(NotInSheetNames))
        {
            broken = true;
            throw new ArgumentException($"'{name}' is not a sheet name Excel accepts (1 to {MaxSheetName} characters, none of []:*?/\\)", nameof(name));
        }

        if (layout.Selected)
        {
            selectedSheet ??= sheetNames.Count;
        }

        if (layout.AutoFilter is { } filtered)
        {
            filters.Add((sheetNames.Count, filtered));
        }

        sheetNames.Add(name);
        using var xml = Part($"xl/worksheets/sheet{sheetNames.Count.ToString(CultureInfo.InvariantCulture)}.xml");
        xml.Write($"<worksheet xmlns=\"{MainNamespace}\" xmlns:r=\"{RelationshipsNamespace}\">");
        WriteViews(xml, layout);
        if (layout.DefaultRowHeight is { } height)
        {
            xml.Write($"<sheetFormatPr defaultRowHeight=\"{Number(height)}\"/>");
        }

        if (layout.ColumnWidths is { Count: > 0 } widths)
        {
            xml.Write("<cols>");
            for (var i = 0; i < widths.Count; i++)
            {
                var n = (i + 1).ToString(CultureInfo.InvariantCulture);
                xml.Write($"<col min=\"{n}\" max=\"{n}\" width=\"{Number(Math.Round(widths[i], 2))}\" customWidth=\"1\"/>");
            }

            xml.Write("</cols>");
        }

        xml.Write("<sheetData>");
        var writer = new XlsxRows(this, xml);
        try
        {
            rows(writer);
        }
        catch
        {
            // The workbook is unfinished: Dispose only closes the zip, so the first failure is the one reported.
            broken = true;
            throw;
        }

        writer.EndRow();
        xml.Write("</sheetData>");
        if (layout.AutoFilter is { } range)
        {
            xml.Write("<autoFilter ref=\"");
            Escape(xml, range);
            xml.Write("\"/>");
        }

        if (layout.PageMargins)
        {
            xml.Write("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
        }

        xml.Write("</worksheet>");
    }

    /// <summary>
    /// Writes the workbook, styles, shared strings and package parts, and closes the zip. After a failed sheet, or
    /// with no sheet written, it only closes the zip: what is left is no workbook, and nothing here hides the failure.
    /// </summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        using (zip)
        {
            if (broken || sheetNames.Count == 0)
            {
                return;
            }

            WriteWorkbook();
            WriteStyles();
            WriteSharedStrings();
            WriteCoreProperties();
            WritePackage();
        }
    }

    internal int Shared(string text)
    {
        if (!sharedIndex.TryGetValue(text, out var i))
        {
            i = shared.Count;
            shared.Add(text);
            sharedIndex.Add(text, i);
        }

        return i;
    }

    internal void CheckStyle(int style)
    {
        if ((uint)style >= (uint)styles.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(style), style, $"the workbook has {styles.Count} styles");
        }
    }

    /// <summary>Text escaped for XML content or an attribute: markup characters, and the white space XML would otherwise normalize.</summary>
    internal static void Escape(StreamWriter xml, ReadOnlySpan<char> text)
    {
        while (true)
        {
            var at = text.IndexOfAny(Special);
            if (at < 0)
            {
                xml.Write(text);
                return;
            }

            xml.Write(text[..at]);
            xml.Write(text[at] switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\r' => "&#xD;",
                '\n' => "&#xA;",
                '\t' => "&#x9;",
                var other => throw new ArgumentException($"U+{(int)other:X4} is a character an xlsx file cannot hold (XML allows no control characters but tab, line feed and carriage return)", nameof(text)),
            });
            text = text[(at + 1)..];
        }
    }

    /// <summary>Whether Excel needs <c>xml:space="preserve"</c> to keep the text's white space.</summary>
    internal static bool NeedsPreserve(string text) =>
        text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.AsSpan().ContainsAny(LineBreaksAndTabs));

    /// <summary>A range's cell references made absolute: <c>A6:AG99</c> → <c>$A$6:$AG$99</c>.</summary>
    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(cell =>
        {
            var digits = cell.AsSpan().IndexOfAnyInRange('0', '9');
            return digits <= 0 ? "$" + cell : $"${cell[..digits]}${cell[digits..]}";
        }));

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void WriteViews(StreamWriter xml, XlsxSheetLayout layout)
    {
        xml.Write(layout.Selected ? "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"" : "<sheetViews><sheetView workbookViewId=\"0\"");
        if (layout.FrozenRows <= 0)
        {
            xml.Write("/></sheetViews>");
            return;
        }

        var topLeft = "A" + (layout.FrozenRows + 1).ToString(CultureInfo.InvariantCulture);
        xml.Write($"><pane ySplit=\"{layout.FrozenRows.ToString(CultureInfo.InvariantCulture)}\" topLeftCell=\"{topLeft}\" activePane=\"bottomLeft\" state=\"frozen\"/>");
        xml.Write($"<selection pane=\"bottomLeft\" activeCell=\"{topLeft}\" sqref=\"{topLeft}\"/></sheetView></sheetViews>");
    }

    private StreamWriter Part(string name)
    {
        // Fastest: the parts are small (a statewide data sheet inflates to ~2 MB) and a run writes them on its critical path.
        var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var xml = new StreamWriter(stream, Utf8, 1 << 16);
        xml.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        return xml;
    }

    private void WriteWorkbook()
    {
        using (var xml = Part("xl/workbook.xml"))
        {
            xml.Write($"<workbook xmlns=\"{MainNamespace}\" xmlns:r=\"{RelationshipsNamespace}\">");
            // The workbook opens on the selected sheet.
            xml.Write($"<bookViews><workbookView activeTab=\"{(selectedSheet ?? 0).ToString(CultureInfo.InvariantCulture)}\"/></bookViews><sheets>");
            for (var i = 0; i < sheetNames.Count; i++)
            {
                var n = (i + 1).ToString(CultureInfo.InvariantCulture);
                xml.Write("<sheet name=\"");
                Escape(xml, sheetNames[i]);
                xml.Write($"\" sheetId=\"{n}\" r:id=\"rId{n}\"/>");
            }

            xml.Write("</sheets>");
            if (filters.Count > 0)
            {
                // Excel names each sheet's filtered range, hidden, as absolute references.
                xml.Write("<definedNames>");
                foreach (var (sheet, range) in filters)
                {
                    xml.Write($"<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{sheet.ToString(CultureInfo.InvariantCulture)}\" hidden=\"1\">");
                    Escape(xml, $"'{sheetNames[sheet].Replace("'", "''", StringComparison.Ordinal)}'!{Absolute(range)}");
                    xml.Write("</definedName>");
                }

                xml.Write("</definedNames>");
            }

            xml.Write("</workbook>");
        }

        using var rels = Part("xl/_rels/workbook.xml.rels");
        rels.Write($"<Relationships xmlns=\"{PackageRelationships}\">");
        for (var i = 0; i < sheetNames.Count; i++)
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            rels.Write($"<Relationship Id=\"rId{n}\" Type=\"{OfficeRelationship}worksheet\" Target=\"worksheets/sheet{n}.xml\"/>");
        }

        rels.Write($"<Relationship Id=\"rId{sheetNames.Count + 1}\" Type=\"{OfficeRelationship}styles\" Target=\"styles.xml\"/>");
        if (shared.Count > 0)
        {
            rels.Write($"<Relationship Id=\"rId{sheetNames.Count + 2}\" Type=\"{OfficeRelationship}sharedStrings\" Target=\"sharedStrings.xml\"/>");
        }

        rels.Write("</Relationships>");
    }

    private void WriteStyles()
    {
        var fonts = styles.Select(s => (s.Bold, s.FontSize)).Prepend((false, 11)).Distinct().ToList();
        using var xml = Part("xl/styles.xml");
        xml.Write($"<styleSheet xmlns=\"{MainNamespace}\"><fonts count=\"{fonts.Count}\">");
        foreach (var (bold, size) in fonts)
        {
            xml.Write($"<font>{(bold ? "<b/>" : string.Empty)}<sz val=\"{Number(size)}\"/><name val=\"Calibri\"/><family val=\"2\"/></font>");
        }

        xml.Write("</fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>");
        xml.Write("<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>");
        xml.Write("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>");
        xml.Write($"<cellXfs count=\"{styles.Count}\">");
        foreach (var style in styles)
        {
            var font = fonts.IndexOf((style.Bold, style.FontSize));
            xml.Write($"<xf numFmtId=\"{style.NumberFormat}\" fontId=\"{font}\" fillId=\"0\" borderId=\"0\" xfId=\"0\"");
            xml.Write(font != 0 ? " applyFont=\"1\"" : string.Empty);
            xml.Write(style.NumberFormat != 0 ? " applyNumberFormat=\"1\"" : string.Empty);
            xml.Write(style.Wrap ? " applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>" : "/>");
        }

        xml.Write("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
    }

    private void WriteSharedStrings()
    {
        if (shared.Count == 0)
        {
            return;
        }

        using var xml = Part("xl/sharedStrings.xml");
        var count = shared.Count.ToString(CultureInfo.InvariantCulture);
        xml.Write($"<sst xmlns=\"{MainNamespace}\" count=\"{count}\" uniqueCount=\"{count}\">");
        foreach (var text in shared)
        {
            xml.Write(NeedsPreserve(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>");
            Escape(xml, text);
            xml.Write("</t></si>");
        }

        xml.Write("</sst>");
    }

    private void WriteCoreProperties()
    {
        using var xml = Part("docProps/core.xml");
        xml.Write("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">");
        foreach (var (element, value) in new[] { ("dc:title", title), ("dc:creator", creator) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                xml.Write($"<{element}>");
                Escape(xml, value);
                xml.Write($"</{element}>");
            }
        }

        xml.Write("</cp:coreProperties>");
    }

    private void WritePackage()
    {
        using (var rels = Part("_rels/.rels"))
        {
            rels.Write($"<Relationships xmlns=\"{PackageRelationships}\">");
            rels.Write($"<Relationship Id=\"rId1\" Type=\"{OfficeRelationship}officeDocument\" Target=\"xl/workbook.xml\"/>");
            rels.Write("<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>");
            rels.Write("</Relationships>");
        }

        using var types = Part("[Content_Types].xml");
        types.Write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
        types.Write("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>");
        types.Write("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        types.Write("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
        for (var i = 1; i <= sheetNames.Count; i++)
        {
            types.Write($"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }

        types.Write("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        if (shared.Count > 0)
        {
            types.Write("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
        }

        types.Write("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>");
        types.Write("</Types>");
    }
}

/// <summary>
/// A sheet's rows as they are written: <see cref="Row"/> starts one (row numbers rising), then each cell in column
/// order from A; <see cref="Skip"/> leaves a column empty.
/// </summary>
public sealed class XlsxRows
{
    private readonly XlsxWriter workbook;
    private readonly StreamWriter xml;
    private readonly List<string> letters = [];
    private string rowText = string.Empty;
    private int row;
    private int column;
    private bool open;

    internal XlsxRows(XlsxWriter workbook, StreamWriter xml) => (this.workbook, this.xml) = (workbook, xml);

    /// <summary>Starts row <paramref name="number"/> (1-based, after the last row written).</summary>
    public void Row(int number)
    {
        if (number <= row || number > 1_048_576)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"rows are written in rising order, after row {row}, up to Excel's 1,048,576");
        }

        EndRow();
        (row, rowText, column, open) = (number, number.ToString(CultureInfo.InvariantCulture), 0, true);
        xml.Write("<row r=\"");
        xml.Write(rowText);
        xml.Write("\">");
    }

    /// <summary>A text cell, kept once in the workbook's shared strings however often it appears.</summary>
    public void Text(string text, int style = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        StartCell(style, "\" t=\"s\"><v>");
        WriteNumber(workbook.Shared(text));
        xml.Write("</v></c>");
    }

    /// <summary>A text cell held in the cell itself (an inline string), as a spreadsheet will never take for a formula or number.</summary>
    public void InlineText(string text, int style = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        StartCell(style, "\" t=\"inlineStr\">");
        xml.Write(XlsxWriter.NeedsPreserve(text) ? "<is><t xml:space=\"preserve\">" : "<is><t>");
        XlsxWriter.Escape(xml, text);
        xml.Write("</t></is></c>");
    }

    /// <summary>A number cell; <paramref name="value"/> is its invariant text (<c>2100000</c>, <c>0.5</c>).</summary>
    public void Number(decimal value, int style = 0)
    {
        StartCell(style, "\"><v>");
        xml.Write(value.ToString("G29", CultureInfo.InvariantCulture));
        xml.Write("</v></c>");
    }

    /// <summary>Leaves the next column empty.</summary>
    public void Skip()
    {
        RequireRow();
        column++;
    }

    internal void EndRow()
    {
        if (open)
        {
            xml.Write("</row>");
            open = false;
        }
    }

    /// <summary>A cell's start, through <paramref name="rest"/> (its type and what opens its value); no string per cell.</summary>
    private void StartCell(int style, string rest)
    {
        RequireRow();
        workbook.CheckStyle(style);
        if (column >= XlsxSheetReader.MaxColumns)
        {
            throw new InvalidOperationException($"row {row} has more cells than Excel's {XlsxSheetReader.MaxColumns:N0} columns");
        }

        while (letters.Count <= column)
        {
            letters.Add(XlsxSheetReader.ColumnLetters(letters.Count + 1));
        }

        xml.Write("<c r=\"");
        xml.Write(letters[column++]);
        xml.Write(rowText);
        if (style != 0)
        {
            xml.Write("\" s=\"");
            WriteNumber(style);
        }

        xml.Write(rest);
    }

    private void WriteNumber(int value)
    {
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out var n, provider: CultureInfo.InvariantCulture);
        xml.Write(digits[..n]);
    }

    private void RequireRow()
    {
        if (!open)
        {
            throw new InvalidOperationException("a cell is written after Row starts its row");
        }
    }
}
