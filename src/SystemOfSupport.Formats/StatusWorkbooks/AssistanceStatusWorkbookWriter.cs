using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SystemOfSupport.Formats.Xlsx;

namespace SystemOfSupport.Formats.StatusWorkbooks;

/// <summary>
/// Writes an <see cref="AssistanceStatusTable"/> as an xlsx workbook in the state's structure (its 2024 workbook):
/// sheets "Record Layout", "Value", "LCFF Priority Definitions" and "District and COE {Year}". The data sheet has five
/// note rows, the bold header on row 6 (frozen, with a filter), data from row 7; every cell is a string (shared strings).
/// The Record Layout lists exactly the table's columns, in order.
/// </summary>
/// <remarks>
/// <see cref="Write(AssistanceStatusTable, string, AssistanceStatusWording?)"/> is atomic: it writes a temporary file in
/// the target's directory and renames it into place, so a failure leaves no partial file (and any previous file intact).
/// <see cref="Write(AssistanceStatusTable, Stream, AssistanceStatusWording?)"/> writes to the caller's stream, which then
/// owns atomicity. Unlike the state's file, the definition sheets are plain ranges, not Excel tables.
/// </remarks>
public static class AssistanceStatusWorkbookWriter
{
    public const string RecordLayoutSheet = "Record Layout";
    public const string ValueSheet = "Value";
    public const string PriorityDefinitionsSheet = "LCFF Priority Definitions";

    /// <summary>The data sheet's header row (rows 1–5 are notes).</summary>
    public const int HeaderRow = 6;

    /// <summary>The data sheet's name: <c>District and COE {year}</c> (or <c>Charter {year}</c>).</summary>
    public static string DataSheetName(int year, AssistanceFileEntity? entity = null) =>
        (entity ?? AssistanceFileEntity.DistrictAndCoe).SheetPrefix + " " + year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The five note rows above the data sheet's header.</summary>
    public static IReadOnlyList<string> DataNotes(AssistanceStatusTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return
        [
            $"{table.Year.ToString(CultureInfo.InvariantCulture)} {table.Entity.Title} ",
            table.PublishedLabel,
            AssistanceStatusWording.DataReminder,
            AssistanceStatusWording.DataGradeSpanNote,
            AssistanceStatusWording.DataBlankNote,
        ];
    }

    /// <summary>Writes the workbook to <paramref name="path"/> atomically (temporary file in the same directory, then rename).</summary>
    public static void Write(AssistanceStatusTable table, string path, AssistanceStatusWording? wording = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Validate();
        AtomicFile.Write(path, stream => WriteValidated(table, stream, wording ?? AssistanceStatusWording.Default));
    }

    /// <summary>Writes the workbook to <paramref name="stream"/> (left open). A non-seekable stream is written via a memory buffer.</summary>
    public static void Write(AssistanceStatusTable table, Stream stream, AssistanceStatusWording? wording = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        table.Validate();
        WriteValidated(table, stream, wording ?? AssistanceStatusWording.Default);
    }

    private static void WriteValidated(AssistanceStatusTable table, Stream stream, AssistanceStatusWording wording)
    {
        CheckXmlText(table);
        if (stream.CanSeek && stream.CanRead)
        {
            WritePackage(table, stream, wording);
            return;
        }

        using var buffer = new MemoryStream();
        WritePackage(table, buffer, wording);
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    private static void WritePackage(AssistanceStatusTable table, Stream stream, AssistanceStatusWording wording)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        document.PackageProperties.Title = $"{table.Year.ToString(CultureInfo.InvariantCulture)} {table.Entity.Title}";
        document.PackageProperties.Creator = table.PublishedLabel;

        var workbookPart = document.AddWorkbookPart();
        var strings = new SharedStrings();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = Styles.Create();

        var sheets = new Sheets();
        var dataSheetName = DataSheetName(table.Year, table.Entity);
        AddSheet(workbookPart, sheets, RecordLayoutSheet, RecordLayout(table, wording, strings));
        AddSheet(workbookPart, sheets, ValueSheet, ValueDefinitions(table, strings));
        AddSheet(workbookPart, sheets, PriorityDefinitionsSheet, PriorityDefinitions(table, wording, strings));
        AddSheet(workbookPart, sheets, dataSheetName, DataSheet(table, strings));

        var lastColumn = XlsxSheetReader.ColumnLetters(table.Columns.Count);
        var lastRow = (HeaderRow + table.Rows.Count).ToString(CultureInfo.InvariantCulture);
        workbookPart.Workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 3U }),
            sheets,
            new DefinedNames(new DefinedName($"'{dataSheetName}'!$A${HeaderRow}:${lastColumn}${lastRow}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = 3U,
                Hidden = true,
            }));

        var sharedStringPart = workbookPart.AddNewPart<SharedStringTablePart>();
        sharedStringPart.SharedStringTable = strings.ToTable();
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, (Worksheet Worksheet, TextRows Rows) sheet)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        sheet.Rows.WriteInto(part, sheet.Worksheet);
        var id = (uint)sheets.ChildElements.Count + 1;
        sheets.Append(new Sheet { Name = name, SheetId = id, Id = workbookPart.GetIdOfPart(part) });
    }

    private static (Worksheet, TextRows) RecordLayout(AssistanceStatusTable table, AssistanceStatusWording wording, SharedStrings strings)
    {
        var data = new TextRows();
        var year = table.Year.ToString(CultureInfo.InvariantCulture);
        data.Add(1, strings, Styles.Title, $"{year} {table.Entity.Title} Record Layout");
        data.Add(2, strings, Styles.Normal, table.PublishedLabel);
        data.Add(3, strings, Styles.Normal, AssistanceStatusWording.LayoutIntro);
        data.Add(4, strings, Styles.Header, "Field Name", "Description", "Acceptable Values");
        uint r = 5;
        foreach (var column in table.Columns)
        {
            var (description, values) = wording.Describe(column, table.Year);
            data.Add(r++, strings, Styles.Wrapped, column.Trim(), description, values);
        }

        return (Sheet([29.8, 56.2, 32.2], frozenRows: 4), data);
    }

    private static (Worksheet, TextRows) ValueDefinitions(AssistanceStatusTable table, SharedStrings strings)
    {
        var data = new TextRows();
        data.Add(1, strings, Styles.Title, AssistanceStatusWording.ValueTitle);
        data.Add(2, strings, Styles.Normal, table.PublishedLabel);
        data.Add(3, strings, Styles.Normal, AssistanceStatusWording.ValueIntro);
        data.Add(4, strings, Styles.Header, "Value", "Description");
        uint r = 5;
        foreach (var (letter, description) in AssistanceStatusWording.Letters)
        {
            data.Add(r++, strings, Styles.Wrapped, letter + " = ", description);
        }

        return (Sheet([13.7, 51.8], frozenRows: 0), data);
    }

    private static (Worksheet, TextRows) PriorityDefinitions(AssistanceStatusTable table, AssistanceStatusWording wording, SharedStrings strings)
    {
        var data = new TextRows();
        data.Add(1, strings, Styles.Title, AssistanceStatusWording.PriorityTitle);
        data.Add(2, strings, Styles.Normal, table.PublishedLabel);
        data.Add(3, strings, Styles.Normal, AssistanceStatusWording.PriorityIntro);
        data.Add(4, strings, Styles.Header, "LCFF Priority", "LCFF Priority Name", "Criteria");
        uint r = 5;
        foreach (var (priority, name, criteria) in wording.PriorityRows())
        {
            data.Add(r++, strings, Styles.Wrapped, priority, name, criteria);
        }

        return (Sheet([27.7, 51.8, 38.7], frozenRows: 4), data);
    }

    private static (Worksheet, TextRows) DataSheet(AssistanceStatusTable table, SharedStrings strings)
    {
        var data = new TextRows();
        var notes = DataNotes(table);
        for (var i = 0; i < notes.Count; i++)
        {
            data.Add((uint)i + 1, strings, i == 0 ? Styles.Title : Styles.Normal, notes[i]);
        }

        data.Add(HeaderRow, strings, Styles.Bold, table.Columns.Select(c => c.Trim()));
        var rowNumber = (uint)HeaderRow + 1;
        foreach (var row in table.Rows)
        {
            data.Add(rowNumber++, strings, Styles.Normal, row.Select(AssistanceStatusTable.CellText));
        }

        var widths = new double[table.Columns.Count];
        for (var c = 0; c < widths.Length; c++)
        {
            var longest = table.Columns[c].Trim().Length + 3; // room for the filter button
            foreach (var row in table.Rows)
            {
                longest = Math.Max(longest, AssistanceStatusTable.CellText(row[c]).Length);
            }

            widths[c] = Math.Clamp(longest + 2, 8, 60);
        }

        var lastColumn = XlsxSheetReader.ColumnLetters(table.Columns.Count);
        var lastRow = (HeaderRow + table.Rows.Count).ToString(CultureInfo.InvariantCulture);
        var autoFilter = new AutoFilter { Reference = $"A{HeaderRow}:{lastColumn}{lastRow}" };
        return (Sheet(widths, frozenRows: HeaderRow, selected: true, autoFilter: autoFilter), data);
    }

    /// <summary>A sheet's settings around an empty <see cref="SheetData"/>, where <see cref="TextRows"/> puts the rows.</summary>
    private static Worksheet Sheet(double[] widths, int frozenRows, bool selected = false, AutoFilter? autoFilter = null)
    {
        var view = new SheetView { WorkbookViewId = 0U };
        if (selected)
        {
            view.TabSelected = true;
        }

        if (frozenRows > 0)
        {
            var topLeft = "A" + (frozenRows + 1).ToString(CultureInfo.InvariantCulture);
            view.Append(new Pane
            {
                VerticalSplit = frozenRows,
                TopLeftCell = topLeft,
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            });
            view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue>([new StringValue(topLeft)]) });
        }

        var columns = new Columns();
        for (var i = 0; i < widths.Length; i++)
        {
            var n = (uint)i + 1;
            columns.Append(new Column { Min = n, Max = n, Width = Math.Round(widths[i], 2), CustomWidth = true });
        }

        var worksheet = new Worksheet(new SheetViews(view), new SheetFormatProperties { DefaultRowHeight = 15 }, columns, new SheetData());
        if (autoFilter is not null)
        {
            worksheet.Append(autoFilter);
        }

        worksheet.Append(new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        return worksheet;
    }

    /// <summary>
    /// A sheet's rows, every cell a shared string, written as the package's XML straight into the part: the same
    /// bytes as the SDK's <see cref="Row"/> and <see cref="Cell"/> elements give, without 90,000 of them in memory
    /// for a statewide charter sheet.
    /// </summary>
    private sealed class TextRows
    {
        private const string EmptySheetData = "<x:sheetData />";
        private readonly List<(uint Index, uint Style, int[] Strings)> rows = [];

        public void Add(uint rowIndex, SharedStrings strings, uint style, params string[] texts) =>
            Add(rowIndex, strings, style, (IEnumerable<string>)texts);

        public void Add(uint rowIndex, SharedStrings strings, uint style, IEnumerable<string> texts) =>
            rows.Add((rowIndex, style, [.. texts.Select(strings.IndexOf)]));

        public void WriteInto(WorksheetPart part, Worksheet settings)
        {
            var xml = settings.OuterXml;
            var at = xml.IndexOf(EmptySheetData, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException("the worksheet's XML has no empty sheetData to fill");
            }

            var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Strings.Length);
            var letters = Enumerable.Range(1, columns).Select(XlsxSheetReader.ColumnLetters).ToArray();
            using var stream = part.GetStream(FileMode.Create);
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
            writer.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            writer.Write(xml.AsSpan(0, at));
            writer.Write("<x:sheetData>");
            Span<char> rowNumber = stackalloc char[11];
            Span<char> value = stackalloc char[11];
            foreach (var (index, style, strings) in rows)
            {
                index.TryFormat(rowNumber, out var n, provider: CultureInfo.InvariantCulture);
                var r = rowNumber[..n];
                writer.Write("<x:row r=\"");
                writer.Write(r);
                writer.Write("\">");
                for (var c = 0; c < strings.Length; c++)
                {
                    writer.Write("<x:c r=\"");
                    writer.Write(letters[c]);
                    writer.Write(r);
                    writer.Write(style == Styles.Normal ? "\" t=\"s\"><x:v>" : $"\" s=\"{style.ToString(CultureInfo.InvariantCulture)}\" t=\"s\"><x:v>");
                    strings[c].TryFormat(value, out var v, provider: CultureInfo.InvariantCulture);
                    writer.Write(value[..v]);
                    writer.Write("</x:v></x:c>");
                }

                writer.Write("</x:row>");
            }

            writer.Write("</x:sheetData>");
            writer.Write(xml.AsSpan(at + EmptySheetData.Length));
        }
    }

    /// <summary>XML cannot carry most control characters: name the cell rather than fail deep inside the package writer.</summary>
    private static void CheckXmlText(AssistanceStatusTable table)
    {
        Check(table.PublishedLabel, "the published label");
        foreach (var column in table.Columns)
        {
            Check(column, $"column name '{column}'");
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                Check(table.Rows[r][c], $"row {r + 1}, column '{table.Columns[c]}'");
            }
        }

        static void Check(string? text, string where)
        {
            if (text is null)
            {
                return;
            }

            try
            {
                XmlConvert.VerifyXmlChars(text);
            }
            catch (XmlException ex)
            {
                throw new ArgumentException($"{where} contains a character an xlsx file cannot hold: {ex.Message}", nameof(table), ex);
            }
        }
    }

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private readonly List<string> items = [];

        public int IndexOf(string text)
        {
            if (!index.TryGetValue(text, out var i))
            {
                i = items.Count;
                items.Add(text);
                index.Add(text, i);
            }

            return i;
        }

        public SharedStringTable ToTable()
        {
            var table = new SharedStringTable { Count = (uint)items.Count, UniqueCount = (uint)items.Count };
            foreach (var item in items)
            {
                var text = new DocumentFormat.OpenXml.Spreadsheet.Text(item);
                if (item.Length > 0 && (char.IsWhiteSpace(item[0]) || char.IsWhiteSpace(item[^1]) || item.Contains('\n', StringComparison.Ordinal)))
                {
                    text.Space = SpaceProcessingModeValues.Preserve;
                }

                table.Append(new SharedStringItem(text));
            }

            return table;
        }
    }

    private static class Styles
    {
        public const uint Normal = 0;
        public const uint Bold = 1;
        public const uint Title = 2;
        public const uint Wrapped = 3;
        public const uint Header = 4;

        public static Stylesheet Create() => new(
            new Fonts(
                Font(bold: false, size: 11),
                Font(bold: true, size: 11),
                Font(bold: true, size: 14))
            { Count = 3U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            new CellFormats(
                Format(fontId: 0, wrap: false),
                Format(fontId: 1, wrap: false),
                Format(fontId: 2, wrap: false),
                Format(fontId: 0, wrap: true),
                Format(fontId: 1, wrap: true))
            { Count = 5U },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });

        private static Font Font(bool bold, double size)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            font.Append(new FontSize { Val = size });
            font.Append(new FontName { Val = "Calibri" });
            font.Append(new FontFamilyNumbering { Val = 2 });
            return font;
        }

        private static CellFormat Format(uint fontId, bool wrap)
        {
            var format = new CellFormat { NumberFormatId = 0U, FontId = fontId, FillId = 0U, BorderId = 0U, FormatId = 0U };
            if (fontId != 0)
            {
                format.ApplyFont = true;
            }

            if (wrap)
            {
                format.ApplyAlignment = true;
                format.Append(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top });
            }

            return format;
        }
    }
}
