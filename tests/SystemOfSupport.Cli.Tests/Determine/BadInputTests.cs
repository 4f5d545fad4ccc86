using System.Text.RegularExpressions;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Cli.Tests.Determine;

/// <summary>
/// Bad input stops the run with exit code 2, a message naming the file, line and column, and no output written.
/// Each case takes the real Monterey 2024 files and breaks one thing.
/// </summary>
public partial class BadInputTests
{
    private sealed class Scenario : IDisposable
    {
        private readonly TempDir tmp = RepoPaths.NewTempDir();

        public Scenario()
        {
            Dashboard = Path.Combine(tmp.Path, "dashboard");
            Out = Path.Combine(tmp.Path, "out");
            Directory.CreateDirectory(Dashboard);
            foreach (var f in Directory.GetFiles(RepoPaths.MontereyDashboard(2024)))
            {
                System.IO.File.Copy(f, Path.Combine(Dashboard, Path.GetFileName(f)));
            }
        }

        public string Dashboard { get; }

        public string Out { get; }

        public string File(string name) => Path.Combine(Dashboard, name);

        public void EditLines(string name, Func<List<string>, List<string>> edit)
        {
            var lines = System.IO.File.ReadAllLines(File(name)).ToList();
            System.IO.File.WriteAllLines(File(name), edit(lines));
        }

        public string WriteExtra(string name, byte[] bytes)
        {
            var path = Path.Combine(tmp.Path, name);
            System.IO.File.WriteAllBytes(path, bytes);
            return path;
        }

        public (int Code, string Output) Determine(params string[] extra) => CliRunner.Run(
        [
            "determine", "--year", "2024", "--dashboard", Dashboard, "--local", RepoPaths.LocalIndicators(2024),
            "--history", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), "--out", Out, .. extra,
        ]);

        public void Dispose() => tmp.Dispose();
    }

    private static void ShouldFailCleanly((int Code, string Output) result, Scenario s, string file, string? lineAndColumn, string what)
    {
        result.Code.ShouldBe(2, result.Output);
        var output = Squash(result.Output);
        output.ShouldContain(file);
        if (lineAndColumn is not null)
        {
            output.ShouldContain(lineAndColumn);
        }

        output.ShouldContain(what);
        (Directory.Exists(s.Out) ? Directory.GetFiles(s.Out) : []).ShouldBeEmpty("no partial outputs");
    }

    private static string Squash(string text) => Whitespace().Replace(text, " ");

    private static List<string> Cells(string line) => [.. line.Split('\t')];

    private static int Col(List<string> lines, string name) => Cells(lines[0]).FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static List<string> SetCell(List<string> lines, int line, string column, string value)
    {
        var cells = Cells(lines[line - 1]);
        cells[Col(lines, column)] = value;
        lines[line - 1] = string.Join('\t', cells);
        return lines;
    }

    [Fact]
    public void Missing_required_column()
    {
        using var s = new Scenario();
        s.EditLines("suspdownload2024.txt", lines =>
        {
            var c = Col(lines, "color");
            return [.. lines.Select(l => string.Join('\t', Cells(l).Where((_, i) => i != c)))];
        });
        ShouldFailCleanly(s.Determine(), s, "suspdownload2024.txt", "line 1", "missing required column 'color'");
    }

    [Fact]
    public void Non_numeric_value()
    {
        using var s = new Scenario();
        s.EditLines("chronicdownload2024.txt", lines => SetCell(lines, 5, "currdenom", "12x"));
        ShouldFailCleanly(s.Determine(), s, "chronicdownload2024.txt", "line 5, column 11", "currdenom must be a number, found '12x'");
    }

    [Fact]
    public void Color_out_of_range()
    {
        using var s = new Scenario();
        s.EditLines("eladownload2024.txt", lines => SetCell(lines, 3, "color", "7"));
        ShouldFailCleanly(s.Determine(), s, "eladownload2024.txt", "line 3, column 17", "color must be a whole number from 0 to 5");
    }

    [Fact]
    public void Unknown_student_group()
    {
        using var s = new Scenario();
        s.EditLines("mathdownload2024.txt", lines => SetCell(lines, 4, "studentgroup", "ZZ"));
        ShouldFailCleanly(s.Determine(), s, "mathdownload2024.txt", "line 4, column 9", "unknown student group 'ZZ'");
    }

    [Fact]
    public void Duplicate_row()
    {
        using var s = new Scenario();
        s.EditLines("graddownload2024.txt", lines =>
        {
            lines.Insert(3, lines[1]);
            return lines;
        });
        ShouldFailCleanly(s.Determine(), s, "graddownload2024.txt", "line 4, column 9", "already given on line 2");
    }

    [Fact]
    public void Truncated_file()
    {
        using var s = new Scenario();
        var path = s.File("ccidownload2024.txt");
        var bytes = File.ReadAllBytes(path);
        var lastLineStart = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1;
        File.WriteAllBytes(path, bytes[..(lastLineStart + 40)]);
        var lines = File.ReadAllLines(path).Length;
        ShouldFailCleanly(s.Determine(), s, "ccidownload2024.txt", $"line {lines},", "the file looks truncated");
    }

    [Fact]
    public void A_file_whose_name_says_another_year()
    {
        using var s = new Scenario();
        File.Move(s.File("eladownload2024.txt"), s.File("eladownload2023.txt"));
        ShouldFailCleanly(s.Determine(), s, "eladownload2023.txt", null, "the file name says 2023, but --year is 2024");
    }

    [Fact]
    public void A_file_whose_rows_say_another_year()
    {
        using var s = new Scenario();
        s.EditLines("suspdownload2024.txt", lines => SetCell(lines, 7, "reportingyear", "2023"));
        ShouldFailCleanly(s.Determine(), s, "suspdownload2024.txt", "line 7, column 27", "reportingyear is 2023, but --year is 2024");
    }

    [Fact]
    public void Malformed_CDS_code()
    {
        using var s = new Scenario();
        s.EditLines("chronicdownload2024.txt", lines => SetCell(lines, 2, "cds", "2710272000000"));
        ShouldFailCleanly(s.Determine(), s, "chronicdownload2024.txt", "line 2, column 1", "not a 14-digit CDS code");
    }

    [Fact]
    public void Unreadable_history_workbook()
    {
        using var s = new Scenario();
        var bad = s.WriteExtra("assistancestatus22.xlsx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]);
        ShouldFailCleanly(s.Determine("--history", bad), s, "assistancestatus22.xlsx", null, "not a readable xlsx workbook");
    }

    [Fact]
    public void History_from_the_same_year_is_refused()
    {
        using var s = new Scenario();
        ShouldFailCleanly(s.Determine("--history", RepoPaths.StatusWorkbook("assistancestatus24.xlsx")), s, "assistancestatus24.xlsx", null, "must be from years before");
    }

    [Fact]
    public void With_bad_history_and_a_bad_Dashboard_file_the_history_is_named_first()
    {
        // The history is read while the Dashboard files are; its error still comes first, as when it was read first.
        using var s = new Scenario();
        s.EditLines("chronicdownload2024.txt", lines => SetCell(lines, 5, "currdenom", "12x"));
        ShouldFailCleanly(s.Determine("--history", RepoPaths.StatusWorkbook("assistancestatus24.xlsx")), s, "assistancestatus24.xlsx", null, "must be from years before");
        ShouldFailCleanly(s.Determine(), s, "chronicdownload2024.txt", "line 5", "currdenom");
    }

    [Fact]
    public void Missing_indicator_file_needs_partial()
    {
        using var s = new Scenario();
        File.Delete(s.File("ccidownload2024.txt"));
        ShouldFailCleanly(s.Determine(), s, "dashboard", null, "no Dashboard file for College/Career");

        var (code, output) = s.Determine("--partial");
        code.ShouldBe(0, output);
        Squash(output).ShouldContain("Partial Dashboard data: no file for College/Career");
    }

    [Fact]
    public void Windows_1252_and_CRLF_files_read_like_UTF8_and_LF()
    {
        using var s = new Scenario();
        var path = s.File("chronicdownload2024.txt");
        var text = File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal).Replace("Alisal Union", "Alisal Unión", StringComparison.Ordinal);
        File.WriteAllBytes(path, System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text));
        var (code, output) = s.Determine("--expected", RepoPaths.StatusWorkbook("assistancestatus24.xlsx"));
        code.ShouldBe(0, output);
        Squash(output).ShouldContain("Agrees with the state's assistancestatus24.xlsx: 25 LEAs");
    }

    [Fact]
    public void Unknown_setting_is_a_usage_error()
    {
        using var s = new Scenario();
        var (code, output) = s.Determine("--set", "no.such=1");
        code.ShouldBe(1);
        output.ShouldContain("unknown setting 'no.such'");
        Directory.Exists(s.Out).ShouldBeFalse();
    }

    [Theory]
    [InlineData(2018, "suspdownload2018.txt", "statuslevel", "x")]
    [InlineData(2022, "chronicdownload2022.txt", "statuslevel", "7")]
    [InlineData(2022, "eladownload2022.txt", "studentgroup", "QQ")]
    public void Older_layouts_get_the_same_clear_errors(int year, string file, string column, string value)
    {
        using var tmp = RepoPaths.NewTempDir();
        var dir = Path.Combine(tmp.Path, "dashboard");
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(RepoPaths.MontereyDashboard(year)))
        {
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        }

        var lines = File.ReadAllLines(Path.Combine(dir, file)).ToList();
        File.WriteAllLines(Path.Combine(dir, file), SetCell(lines, 3, column, value));
        var outDir = Path.Combine(tmp.Path, "out");
        var (code, output) = CliRunner.Run("determine", "--year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dashboard", dir, "--out", outDir);
        code.ShouldBe(2, output);
        var col = Col(lines, column) + 1;
        Squash(output).ShouldContain($"{file}: line 3, column {col}");
        Directory.Exists(outDir).ShouldBeFalse();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
