using System.Text;

namespace SystemOfSupport.Formats.Tests.Hostile;

/// <summary>
/// Whole-file damage no mutation reaches: a 10 MB field, a row with a million columns, a million short rows, CR-only line
/// ends, Windows-1252 and UTF-16 text, an empty file. Each reader returns or refuses clearly, in bounded time and memory.
/// </summary>
public class HugeInputTests
{
    /// <summary>A reader may copy a line a few times; it must not grow with anything but the file.</summary>
    private const long AllocationBound = 1L << 30;

    public static TheoryData<HostileSample> TextReaders => HostileSamples.Theory(HostileSamples.Text);

    [Theory]
    [MemberData(nameof(TextReaders))]
    public void A_10_MB_field_is_read_or_refused_clearly(HostileSample sample) =>
        Read(sample, "10 MB field", lines => lines.Insert(Math.Min(2, lines.Count), new string('x', 10 << 20) + "\t" + new string('y', 10)));

    [Theory]
    [MemberData(nameof(TextReaders))]
    public void A_row_of_a_million_columns_is_read_or_refused_clearly(HostileSample sample) =>
        Read(sample, "a million columns", lines => lines.Insert(Math.Min(2, lines.Count), string.Join(Separator(lines), Enumerable.Repeat("1", 1_000_000))));

    [Theory]
    [MemberData(nameof(TextReaders))]
    public void A_million_extra_rows_are_read_or_refused_clearly(HostileSample sample) =>
        Read(sample, "a million rows", lines => lines.AddRange(Enumerable.Repeat(Separator(lines), 1_000_000)));

    [Theory]
    [MemberData(nameof(TextReaders))]
    public void Carriage_returns_alone_as_line_ends_are_read_or_refused_clearly(HostileSample sample) =>
        ReadBytes(sample, "CR line ends", text => Encoding.UTF8.GetBytes(text.Replace("\r\n", "\r", StringComparison.Ordinal).Replace('\n', '\r')));

    [Theory]
    [MemberData(nameof(TextReaders))]
    public void Windows_1252_UTF_16_and_empty_files_are_read_or_refused_clearly(HostileSample sample)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        ReadBytes(sample, "Windows-1252 with accents", text => Encoding.GetEncoding(1252).GetBytes(text.Replace("Unified", "Unifiéd ñ €", StringComparison.Ordinal)));
        ReadBytes(sample, "UTF-16", text => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        ReadBytes(sample, "empty", _ => []);
        ReadBytes(sample, "a BOM alone", _ => Encoding.UTF8.GetPreamble());
    }

    private static string Separator(List<string> lines) => lines.Count > 0 && lines[0].Contains('\t', StringComparison.Ordinal) ? "\t"
        : lines.Count > 0 && lines[0].Contains('|', StringComparison.Ordinal) ? "|" : ",";

    private static void Read(HostileSample sample, string damage, Action<List<string>> change) =>
        ReadBytes(sample, damage, text =>
        {
            var lines = text.Split('\n').ToList();
            change(lines);
            return Encoding.UTF8.GetBytes(string.Join('\n', lines));
        });

    private static void ReadBytes(HostileSample sample, string damage, Func<string, byte[]> change)
    {
        using var file = new HostileFile(sample, change(File.ReadAllText(sample.Sample)));
        HostileRun.Read(file.Path, sample.Read, damage, AllocationBound);
    }
}
