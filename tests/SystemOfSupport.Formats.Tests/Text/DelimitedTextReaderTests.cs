using System.Text;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Text;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Text;

/// <summary>The byte-level line reader splits and decodes as a <see cref="StreamReader"/> over the whole file would.</summary>
public sealed class DelimitedTextReaderTests
{
    private static List<string> ReadAll(byte[] bytes, char delimiter = '\t')
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("file.txt");
        File.WriteAllBytes(path, bytes);
        using var reader = DelimitedTextReader.Open(path, delimiter);
        var lines = new List<string> { string.Join(delimiter, reader.Header) };
        while (reader.ReadLine() is { } line)
        {
            lines.Add($"{reader.LineNumber}:{line}");
        }

        return lines;
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Lines_end_in_LF_CRLF_or_CR_blank_lines_counted_and_skipped(string eol)
    {
        var text = $"a\tb{eol}1\t2{eol}{eol}3\t4";
        ReadAll(Encoding.ASCII.GetBytes(text)).ShouldBe(["a\tb", "2:1\t2", "4:3\t4"]);
    }

    [Fact]
    public void A_CRLF_split_by_the_buffer_end_is_one_line_break()
    {
        // The 64 KiB buffer ends between CR and LF: one break, not a blank line.
        var first = new string('x', (1 << 16) - "h\tk\r\n".Length - "\t1\r".Length);
        var text = $"h\tk\r\n{first}\t1\r\nz\t2\r\n";
        var bytes = Encoding.ASCII.GetBytes(text);
        bytes[(1 << 16) - 1].ShouldBe((byte)'\r');
        ReadAll(bytes).ShouldBe(["h\tk", $"2:{first}\t1", "3:z\t2"]);
    }

    [Fact]
    public void Lines_longer_than_the_buffer_are_read_whole()
    {
        var value = new string('é', 100_000);
        ReadAll(Encoding.UTF8.GetBytes($"h\tk\n{value}\t1\n")).ShouldBe(["h\tk", $"2:{value}\t1"]);
    }

    [Fact]
    public void A_UTF8_byte_order_mark_is_skipped_and_Windows_1252_bytes_are_read_as_such()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "name\tcity\nx\t"u8, 0x4C, 0x61, 0x20, 0x43, 0x61, 0xF1, 0x61, 0x64, 0x61, .. "\n"u8];
        ReadAll(bytes).ShouldBe(["name\tcity", "2:x\tLa Cañada"]);
    }

    [Fact]
    public void UTF8_text_is_read_as_UTF8()
    {
        ReadAll(Encoding.UTF8.GetBytes("name\tcity\nx\tLa Cañada\n")).ShouldBe(["name\tcity", "2:x\tLa Cañada"]);
    }

    [Fact]
    public void A_UTF16_file_is_bad_input_at_line_1()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("utf16.txt");
        File.WriteAllText(path, "a\tb\n1\t2\n", Encoding.Unicode);
        var ex = Should.Throw<InputFileException>(() => DelimitedTextReader.Open(path, '\t'));
        (ex.Line, ex.Detail).ShouldBe((1, "the file is UTF-16 or UTF-32; save it as UTF-8 (or Windows-1252) text, as the state publishes it"));
    }

    [Fact]
    public void A_short_last_row_is_reported_as_truncated_and_a_short_middle_row_is_not()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("f.txt");
        File.WriteAllText(path, "a\tb\tc\n1\t2\t3\n4\t5");
        using (var reader = DelimitedTextReader.Open(path, '\t'))
        {
            reader.ReadLine().ShouldBe("1\t2\t3");
            var ex = Should.Throw<InputFileException>(() => reader.ReadLine());
            (ex.Line, ex.Column, ex.Detail).ShouldBe((3, 3, "expected 3 tab-separated fields as in the header, found 2 (the file looks truncated)"));
        }

        File.WriteAllText(path, "a\tb\tc\n1\t2\n4\t5\t6\n");
        using (var reader = DelimitedTextReader.Open(path, '\t'))
        {
            Should.Throw<InputFileException>(() => reader.ReadLine()).Detail.ShouldNotContain("truncated");
        }
    }

    [Fact]
    public void Fields_are_found_in_the_undecoded_bytes()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("f.txt");
        File.WriteAllText(path, "a\tb\tc\nñ\t\tS\n");
        using var reader = DelimitedTextReader.Open(path, '\t');
        reader.TryReadLine(out var line).ShouldBeTrue();
        DelimitedTextReader.Decode(reader.Field(line, 0)).ShouldBe("ñ");
        reader.Field(line, 1).IsEmpty.ShouldBeTrue();
        reader.Field(line, 2).SequenceEqual("S"u8).ShouldBeTrue();
        reader.TryReadLine(out _).ShouldBeFalse();
    }
}
