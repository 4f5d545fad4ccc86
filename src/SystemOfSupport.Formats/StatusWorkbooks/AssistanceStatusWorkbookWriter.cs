using System.Globalization;
using System.Xml;
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

    /// <summary>Writes the workbook to <paramref name="stream"/> (left open; it need not seek).</summary>
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
        var year = table.Year.ToString(CultureInfo.InvariantCulture);
        using var workbook = new XlsxWriter(stream, Styles.All, $"{year} {table.Entity.Title}", table.PublishedLabel);
        DefinitionSheet(workbook, table, RecordLayoutSheet, [29.8, 56.2, 32.2], frozenRows: 4, $"{year} {table.Entity.Title} Record Layout", AssistanceStatusWording.LayoutIntro,
            ["Field Name", "Description", "Acceptable Values"],
            table.Columns.Select(column =>
            {
                var (description, values) = wording.Describe(column, table.Year);
                return new[] { column.Trim(), description, values };
            }));
        DefinitionSheet(workbook, table, ValueSheet, [13.7, 51.8], frozenRows: 0, AssistanceStatusWording.ValueTitle, AssistanceStatusWording.ValueIntro,
            ["Value", "Description"],
            AssistanceStatusWording.Letters.Select(l => new[] { l.Letter + " = ", l.Description }));
        DefinitionSheet(workbook, table, PriorityDefinitionsSheet, [27.7, 51.8, 38.7], frozenRows: 4, AssistanceStatusWording.PriorityTitle, AssistanceStatusWording.PriorityIntro,
            ["LCFF Priority", "LCFF Priority Name", "Criteria"],
            wording.PriorityRows().Select(p => new[] { p.Priority, p.Name, p.Criteria }));

        var range = $"A{HeaderRow}:{XlsxSheetReader.ColumnLetters(table.Columns.Count)}{(HeaderRow + table.Rows.Count).ToString(CultureInfo.InvariantCulture)}";
        workbook.Sheet(DataSheetName(table.Year, table.Entity), Layout(DataWidths(table), HeaderRow) with { Selected = true, AutoFilter = range }, rows =>
        {
            var notes = DataNotes(table);
            for (var i = 0; i < notes.Count; i++)
            {
                Add(rows, i + 1, i == 0 ? Styles.Title : Styles.Normal, notes[i]);
            }

            Add(rows, HeaderRow, Styles.Bold, table.Columns.Select(c => c.Trim()));
            var r = HeaderRow + 1;
            foreach (var row in table.Rows)
            {
                rows.Row(r++);
                foreach (var cell in row)
                {
                    rows.Text(AssistanceStatusTable.CellText(cell));
                }
            }
        });
    }

    /// <summary>Every sheet's settings as the state's workbook has them: row height 15 and Excel's default margins.</summary>
    private static XlsxSheetLayout Layout(double[] widths, int frozenRows) => new(widths, frozenRows, DefaultRowHeight: 15, PageMargins: true);

    /// <summary>A definition sheet: its title, the published label, an introduction, a header (row 4), then its rows, wrapped.</summary>
    private static void DefinitionSheet(XlsxWriter workbook, AssistanceStatusTable table, string name, double[] widths, int frozenRows, string title, string intro, string[] header, IEnumerable<string[]> lines)
    {
        workbook.Sheet(name, Layout(widths, frozenRows), rows =>
        {
            Add(rows, 1, Styles.Title, title);
            Add(rows, 2, Styles.Normal, table.PublishedLabel);
            Add(rows, 3, Styles.Normal, intro);
            Add(rows, 4, Styles.Header, header);
            var r = 5;
            foreach (var line in lines)
            {
                Add(rows, r++, Styles.Wrapped, line);
            }
        });
    }

    /// <summary>Each data column as wide as its longest text (the header with room for the filter button), within 8–60.</summary>
    private static double[] DataWidths(AssistanceStatusTable table)
    {
        var widths = new double[table.Columns.Count];
        for (var c = 0; c < widths.Length; c++)
        {
            var longest = table.Columns[c].Trim().Length + 3;
            foreach (var row in table.Rows)
            {
                longest = Math.Max(longest, AssistanceStatusTable.CellText(row[c]).Length);
            }

            widths[c] = Math.Clamp(longest + 2, 8, 60);
        }

        return widths;
    }

    private static void Add(XlsxRows rows, int row, int style, params IEnumerable<string> texts)
    {
        rows.Row(row);
        foreach (var text in texts)
        {
            rows.Text(text, style);
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

    /// <summary>The formats the sheets use, by index.</summary>
    private static class Styles
    {
        public const int Normal = 0;
        public const int Bold = 1;
        public const int Title = 2;
        public const int Wrapped = 3;
        public const int Header = 4;

        public static readonly XlsxStyle[] All =
        [
            XlsxStyle.Normal,
            new(Bold: true),
            new(Bold: true, FontSize: 14),
            new(Wrap: true),
            new(Bold: true, Wrap: true),
        ];
    }
}
