using CsCheck;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using SystemOfSupport.Formats.Xlsx;
using Sdk = DocumentFormat.OpenXml.Spreadsheet;

namespace SystemOfSupport.Formats.Tests.Xlsx;

public class XlsxWriterTests
{
    private static readonly XlsxStyle[] Styles = [XlsxStyle.Normal, new(Bold: true, FontSize: 14), new(Wrap: true), new(NumberFormat: 4)];

    [Fact]
    public void Text_comes_back_as_written_through_our_reader_and_the_sdk()
    {
        // Markup, the white space XML normalizes (CR, CRLF, tabs, leading and trailing blanks) and text past ASCII.
        Gen.String[Gen.Char["ab<>&\"' \t\r\n\u00e9\u4e2d"], 1, 12].Array[1, 8].Array[1, 6].Sample(rows =>
        {
            var bytes = Workbook(w => w.Sheet("Data", new XlsxSheetLayout(), sheet =>
            {
                for (var r = 0; r < rows.Length; r++)
                {
                    sheet.Row(r + 1);
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        if (c % 2 == 0)
                        {
                            sheet.Text(rows[r][c]);
                        }
                        else
                        {
                            sheet.InlineText(rows[r][c]);
                        }
                    }
                }
            }));

            var path = Path.GetTempFileName();
            try
            {
                File.WriteAllBytes(path, bytes);
                var read = XlsxSheetReader.ReadRows(path).ToList();
                read.Select(r => r.RowNumber).ShouldBe(Enumerable.Range(1, rows.Length));
                read.Select(r => r.Cells.Select(c => c.Text).ToArray()).ShouldBe(rows);
                SdkTexts(bytes).ShouldBe(rows);
            }
            finally
            {
                File.Delete(path);
            }
        }, iter: 200);
    }

    [Fact]
    public void A_workbook_with_every_feature_is_valid_open_xml()
    {
        var bytes = Workbook(w =>
        {
            w.Sheet("Notes", new XlsxSheetLayout([12.5, 40], DefaultRowHeight: 15, PageMargins: true), sheet =>
            {
                sheet.Row(1);
                sheet.Text("Title", 1);
                sheet.Row(3);
                sheet.Skip();
                sheet.Text("wrapped\ntext", 2);
            });
            w.Sheet("Data 2024", new XlsxSheetLayout([8, 9, 10], FrozenRows: 2, Selected: true, AutoFilter: "A2:C3", PageMargins: true), sheet =>
            {
                sheet.Row(2);
                sheet.Text("Name", 1);
                sheet.Text("Amount", 1);
                sheet.Text("Count", 1);
                sheet.Row(3);
                sheet.InlineText("=SUM(A1)");
                sheet.Number(2_100_000.00m, 3);
                sheet.Number(-0.5m);
            });
        });

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        document.PackageProperties.Title.ShouldBe("A title & more");
        document.PackageProperties.Creator.ShouldBe("SYNTHETIC");
        var workbook = document.WorkbookPart!;
        workbook.Workbook.Descendants<Sdk.WorkbookView>().Single().ActiveTab!.Value.ShouldBe(1U);
        workbook.Workbook.Descendants<Sdk.DefinedName>().Single().Text.ShouldBe("'Data 2024'!$A$2:$C$3");
        var data = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Descendants<Sdk.Sheet>().Last().Id!);
        data.Worksheet.Descendants<Sdk.Pane>().Single().VerticalSplit!.Value.ShouldBe(2);
        data.Worksheet.Descendants<Sdk.AutoFilter>().Single().Reference!.Value.ShouldBe("A2:C3");
        var amount = data.Worksheet.Descendants<Sdk.Cell>().Single(c => c.CellReference == "B3");
        amount.CellValue!.Text.ShouldBe("2100000");
        var format = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<Sdk.CellFormat>().ElementAt((int)amount.StyleIndex!.Value);
        format.NumberFormatId!.Value.ShouldBe(4U);
        var title = workbook.WorkbookStylesPart.Stylesheet.CellFormats.Elements<Sdk.CellFormat>().ElementAt(1);
        var font = workbook.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Sdk.Font>().ElementAt((int)title.FontId!.Value);
        font.Bold.ShouldNotBeNull();
        font.FontSize!.Val!.Value.ShouldBe(14);
    }

    [Fact]
    public void Written_into_a_stream_that_cannot_seek_it_is_the_same_workbook()
    {
        using var forwardOnly = new ForwardOnlyStream();
        using (var w = new XlsxWriter(forwardOnly))
        {
            w.Sheet("Only", new XlsxSheetLayout(), sheet =>
            {
                sheet.Row(1);
                sheet.Text("one");
            });
        }

        SdkTexts(forwardOnly.Written.ToArray()).ShouldBe([["one"]]);
    }

    [Theory]
    [InlineData("bell \u0007")]
    [InlineData("nul \u0000")]
    [InlineData("\uFFFE")]
    public void A_character_xml_cannot_hold_is_refused_by_its_code(string text)
    {
        var ex = Should.Throw<ArgumentException>(() => Workbook(w => w.Sheet("S", new XlsxSheetLayout(), sheet =>
        {
            sheet.Row(1);
            sheet.InlineText(text);
        })));
        ex.Message.ShouldContain("U+");
        ex.Message.ShouldContain("an xlsx file cannot hold");
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("[x]")]
    [InlineData("a name far longer than the thirty-one characters")]
    public void A_sheet_name_excel_refuses_is_refused(string name)
    {
        Should.Throw<ArgumentException>(() => Workbook(w => w.Sheet(name, new XlsxSheetLayout(), _ => { })));
    }

    [Fact]
    public void Rows_go_down_and_cells_need_a_row()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Workbook(w => w.Sheet("S", new XlsxSheetLayout(), sheet =>
        {
            sheet.Row(2);
            sheet.Row(2);
        })));
        Should.Throw<InvalidOperationException>(() => Workbook(w => w.Sheet("S", new XlsxSheetLayout(), sheet => sheet.Text("x"))));
        Should.Throw<ArgumentOutOfRangeException>(() => Workbook(w => w.Sheet("S", new XlsxSheetLayout(), sheet =>
        {
            sheet.Row(1);
            sheet.Text("x", style: 9);
        })));
    }

    [Fact]
    public void A_failed_sheet_leaves_no_workbook_and_its_own_error()
    {
        using var dir = SystemOfSupport.Tests.RepoPaths.NewTempDir();
        var path = dir.File("failed.xlsx");
        using (var file = File.Create(path))
        {
            Should.Throw<ArgumentException>(() =>
            {
                using var w = new XlsxWriter(file);
                w.Sheet("Fine", new XlsxSheetLayout(), sheet => sheet.Row(1));
                w.Sheet("Bad/name", new XlsxSheetLayout(), _ => { });
            }).Message.ShouldContain("Bad/name");
        }

        Should.Throw<SystemOfSupport.Core.Domain.InputFileException>(() => XlsxSheetReader.SheetNames(path)).Message.ShouldContain("missing workbook part");
    }

    private static byte[] Workbook(Action<XlsxWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new XlsxWriter(buffer, Styles, "A title & more", "SYNTHETIC"))
        {
            write(w);
        }

        return buffer.ToArray();
    }

    /// <summary>The first sheet's cell texts as the OpenXml SDK reads them, row by row.</summary>
    private static string[][] SdkTexts(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<Sdk.SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Descendants<Sdk.Sheet>().First().Id!);
        return [.. sheet.Worksheet.Descendants<Sdk.Row>().Select(r => r.Elements<Sdk.Cell>().Select(c =>
            c.DataType?.Value == Sdk.CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
            : c.DataType?.Value == Sdk.CellValues.InlineString ? c.InlineString!.InnerText
            : c.CellValue!.Text).ToArray())];
    }

    /// <summary>A stream written front to back only, as a response body is.</summary>
    private sealed class ForwardOnlyStream : Stream
    {
        public MemoryStream Written { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Written.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
