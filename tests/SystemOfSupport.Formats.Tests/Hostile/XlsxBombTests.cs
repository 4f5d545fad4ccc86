using System.IO.Compression;
using System.Text;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Xlsx;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Hostile;

/// <summary>
/// Workbooks built to exhaust the reader: a tiny file whose sheet inflates past the limit (honestly declared, or
/// declared small), XML nested a hundred thousand deep, a huge shared-string table, a cell past column XFD.
/// Each is refused with a clear error naming the file, in bounded time and memory.
/// </summary>
public class XlsxBombTests
{
    private const string SheetStart = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    private const string SheetEnd = "</sheetData></worksheet>";
    private static readonly string Sample = RepoPaths.StatusWorkbook("assistancestatus23.xlsx");

    [Fact]
    public void A_sheet_that_inflates_past_the_limit_is_refused_before_it_is_inflated()
    {
        using var file = Bomb(XlsxSheetReader.MaxPartBytes + (1 << 20), declaredLength: null);
        var error = Refused(file.Path, 64L << 20);
        error.Detail.ShouldContain("zip bomb");
    }

    [Fact]
    public void A_sheet_that_declares_a_small_size_but_inflates_past_the_limit_is_refused()
    {
        using var file = Bomb(XlsxSheetReader.MaxPartBytes + (1 << 20), declaredLength: 4096);
        Refused(file.Path, 1L << 30);
    }

    [Fact]
    public void Xml_nested_a_hundred_thousand_deep_is_refused_not_a_stack_overflow()
    {
        const int Depth = 100_000;
        var row = "<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is>" + string.Concat(Enumerable.Repeat("<r>", Depth)) + string.Concat(Enumerable.Repeat("</r>", Depth)) + "</is></c></row>";
        using var file = WithSheet(Encoding.UTF8.GetBytes(SheetStart + row + SheetEnd));
        Refused(file.Path, 256L << 20).Detail.ShouldContain("deep");
    }

    [Fact]
    public void A_huge_shared_string_table_is_read_within_bounds_or_refused()
    {
        // Half a million shared strings (about 15 MB of XML, ten times a statewide file's): below the limit, so it must be read.
        var strings = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (var i = 0; i < 500_000; i++)
        {
            strings.Append("<si><t>string ").Append(i).Append("</t></si>");
        }

        strings.Append("</sst>");
        using var file = Rezipped(Sample, name => name.EndsWith("sharedStrings.xml", StringComparison.Ordinal) ? Encoding.UTF8.GetBytes(strings.ToString()) : null);
        HostileRun.Read(file.Path, p => AssistanceStatusWorkbookReader.Read(p), "half a million shared strings", 1L << 30);
    }

    [Fact]
    public void A_cell_past_column_XFD_is_refused_rather_than_sized()
    {
        var row = "<row r=\"7\"><c r=\"ZZZZZZZ7\" t=\"inlineStr\"><is><t>far</t></is></c></row>";
        using var file = WithSheet(Encoding.UTF8.GetBytes(SheetStart + row + SheetEnd));
        Refused(file.Path, 64L << 20).Line.ShouldBe(7);
    }

    [Fact]
    public void An_xlsx_named_xls_is_refused_by_the_legacy_reader()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = Path.Combine(dir.Path, "assistancestatus17.xls");
        File.Copy(Sample, path);
        HostileRun.Read(path, p => AssistanceStatusWorkbookReader.Read(p), "xlsx named .xls").Error.ShouldNotBeNull();
    }

    private static InputFileException Refused(string path, long maxAllocatedBytes)
    {
        var outcome = HostileRun.Read(path, p => AssistanceStatusWorkbookReader.Read(p), Path.GetFileName(path), maxAllocatedBytes);
        outcome.Error.ShouldNotBeNull("the workbook was read instead of refused");
        outcome.Error.File.ShouldBe(path);
        return outcome.Error;
    }

    /// <summary>The sample with its data sheet inflating to <paramref name="length"/> bytes of whitespace inside valid XML.</summary>
    private static HostileFile Bomb(long length, int? declaredLength)
    {
        using var dir = RepoPaths.NewTempDir();
        var sheet = DataSheetName();
        var built = Path.Combine(dir.Path, "bomb.xlsx");
        using (var output = new ZipArchive(File.Create(built), ZipArchiveMode.Create))
        using (var input = ZipFile.OpenRead(Sample))
        {
            foreach (var entry in input.Entries)
            {
                using var target = output.CreateEntry(entry.FullName, CompressionLevel.SmallestSize).Open();
                if (entry.FullName != sheet)
                {
                    using var source = entry.Open();
                    source.CopyTo(target);
                    continue;
                }

                target.Write(Encoding.UTF8.GetBytes(SheetStart));
                var spaces = new byte[1 << 20];
                Array.Fill(spaces, (byte)' ');
                for (long written = 0; written < length; written += spaces.Length)
                {
                    target.Write(spaces);
                }

                target.Write(Encoding.UTF8.GetBytes(SheetEnd));
            }
        }

        var bytes = File.ReadAllBytes(built);
        if (declaredLength is { } declared)
        {
            DeclareLength(bytes, sheet, declared);
        }

        return new HostileFile(new HostileSample("bomb", Sample, _ => { }), bytes);
    }

    /// <summary>Rewrites the uncompressed size the local and central headers give for <paramref name="entry"/>: a zip that lies.</summary>
    private static void DeclareLength(byte[] zip, string entry, int length)
    {
        var name = Encoding.ASCII.GetBytes(entry);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            if (signature == 0x04034b50 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), length);
            }
            else if (signature == 0x02014b50 && zip.AsSpan(i + 46, Math.Min(name.Length, zip.Length - i - 46)).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), length);
            }
        }
    }

    private static HostileFile WithSheet(byte[] sheetXml) => Rezipped(Sample, name => name == DataSheetName() ? sheetXml : null);

    private static HostileFile Rezipped(string workbook, Func<string, byte[]?> replace)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        using (var input = ZipFile.OpenRead(workbook))
        {
            foreach (var entry in input.Entries)
            {
                using var target = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                if (replace(entry.FullName) is { } content)
                {
                    target.Write(content);
                }
                else
                {
                    using var source = entry.Open();
                    source.CopyTo(target);
                }
            }
        }

        return new HostileFile(new HostileSample("rezipped", workbook, _ => { }), output.ToArray());
    }

    /// <summary>The workbook's largest worksheet part: the district sheet the reader reads.</summary>
    private static string DataSheetName()
    {
        using var zip = ZipFile.OpenRead(Sample);
        return zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).MaxBy(e => e.Length)!.FullName;
    }
}
