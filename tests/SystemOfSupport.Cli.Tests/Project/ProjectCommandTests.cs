using System.Text.RegularExpressions;
using SystemOfSupport.Formats.Xlsx;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Cli.Tests.Project;

/// <summary>
/// Projection round trip: the state's published 2024 Monterey numbers, fed back as "own data" with the 2023 files as
/// the prior, must project the state's 2024 colors and decisions.
/// </summary>
public partial class ProjectCommandTests
{
    private static string Own => RepoPaths.Data("projections", "monterey-2024-own.csv");

    private static (int Code, string Output) Project(string outDir, string own, params string[] extra) => CliRunner.Run(
    [
        "project", "--year", "2024", "--own", own, "--prior-dashboard", RepoPaths.MontereyDashboard(2023),
        "--local", RepoPaths.LocalIndicators(2024), "--prior-local", RepoPaths.LocalIndicators(2023),
        "--history", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), "--out", outDir, .. extra,
    ]);

    [Fact]
    public void Feeding_the_published_2024_numbers_projects_the_states_colors_and_decisions()
    {
        using var tmp = RepoPaths.NewTempDir();
        var (code, output) = Project(tmp.Path, Own, "--expected", RepoPaths.StatusWorkbook("assistancestatus24.xlsx"));
        code.ShouldBe(0, output);
        Squash(output).ShouldContain("Agrees with the state's assistancestatus24.xlsx: 25 LEAs, 515 cells, 0 differences.");

        var projected = File.ReadLines(tmp.File("dashboard24-projected.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(c => (c[1], c[3], c[4]), c => (Level: c[9], Change: c[10], Color: c[11]));
        var colors = new[] { "None", "Red", "Orange", "Yellow", "Green", "Blue" };
        int compared = 0, changeDiffers = 0;
        var differences = new List<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.MontereyDashboard(2024), "*download2024.txt").Where(f => !f.Contains("science", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            var header = lines[0].Split('\t').Select(h => h.ToLowerInvariant()).ToList();
            int Col(string n) => header.IndexOf(n);
            var indicator = Path.GetFileName(file).Replace("download2024.txt", string.Empty, StringComparison.Ordinal);
            foreach (var cells in lines.Skip(1).Select(l => l.Split('\t')))
            {
                var group = Col("studentgroup") >= 0 ? cells[Col("studentgroup")] : "EL";
                if (!projected.TryGetValue((cells[Col("cds")], indicator, group), out var p))
                {
                    continue;
                }

                compared++;
                var color = colors[int.Parse(cells[Col("color")] is { Length: > 0 } c ? c : "0", System.Globalization.CultureInfo.InvariantCulture)];
                var level = cells[Col("statuslevel")] is { Length: > 0 } s ? s : "0";
                if (color != p.Color || level != p.Level)
                {
                    differences.Add($"{cells[Col("cds")]} {indicator} {group}: state {level}/{color}, projected {p.Level}/{p.Color}");
                }

                if ((cells[Col("changelevel")] is { Length: > 0 } ch ? ch : "0") != p.Change)
                {
                    changeDiffers++;
                }
            }
        }

        compared.ShouldBe(1042);
        differences.ShouldBeEmpty(string.Join(Environment.NewLine, differences));
        // One uncolored Math row's change is computed by the state from the unrounded distance, which no file gives.
        changeDiffers.ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public void Everything_a_projection_writes_is_marked_projected()
    {
        using var tmp = RepoPaths.NewTempDir();
        var (code, output) = Project(tmp.Path, Own);
        code.ShouldBe(0, output);
        output.ShouldContain("PROJECTED");
        Directory.GetFiles(tmp.Path).Select(Path.GetFileName).ShouldAllBe(f => f!.Contains("-projected", StringComparison.Ordinal));
        File.ReadAllText(tmp.File("findings24-projected.json")).ShouldContain("\"projected\":true");
        var notes = XlsxSheetReader.ReadRows(tmp.File("assistancestatus24-projected.xlsx"), "District and COE 2024").Take(2).Select(r => r[1]).ToList();
        notes[1].ShouldNotBeNull().ShouldStartWith("PROJECTED");
        File.ReadLines(tmp.File("dashboard24-projected.csv")).Skip(1).ShouldAllBe(l => l.StartsWith("Y,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CDS,Indicator,StudentGroup,Numerator\n27661590000000,chronic,HI,10\n", "line 1", "missing required column 'Denominator'")]
    [InlineData("CDS,Indicator,StudentGroup,Numerator,Denominator\n27661590000000,attendance,HI,10,100\n", "line 2, column 2", "unknown indicator 'attendance'")]
    [InlineData("CDS,Indicator,StudentGroup,Numerator,Denominator\n27661590000000,chronic,XX,10,100\n", "line 2, column 3", "unknown student group 'XX'")]
    [InlineData("CDS,Indicator,StudentGroup,Numerator,Denominator\n27661590000000,chronic,HI,ten,100\n", "line 2, column 4", "Numerator must be a whole number")]
    [InlineData("CDS,Indicator,StudentGroup,Numerator,Denominator\n27661590000000,chronic,HI,120,100\n", "line 2, column 4", "larger than Denominator")]
    [InlineData("CDS,Indicator,StudentGroup,Numerator,Denominator\n2766159000000,chronic,HI,10,100\n", "line 2, column 1", "not a 14-digit CDS code")]
    [InlineData("CDS,Indicator,StudentGroup,Numerator,Denominator\n27661590000000,chronic,HI,10,100\n27661590000000,chronic,HI,11,100\n", "line 3, column 3", "already given on line 2")]
    [InlineData("CDS,Indicator,StudentGroup,Numerator,Denominator,AverageDistance\n27661590000000,ela,HI,,100,\n", "line 2", "needs AverageDistance")]
    [InlineData("CDS,Indicator,StudentGroup,Numerator,Denominator\n27661590000000,chronic,HI,10,100\n27661590000000,susp,HI,1", "line 3", "the file looks truncated")]
    public void Bad_own_data_gets_a_clear_error_and_nothing_is_written(string csv, string where, string what)
    {
        using var tmp = RepoPaths.NewTempDir();
        var own = tmp.File("own.csv");
        File.WriteAllText(own, csv);
        var outDir = Path.Combine(tmp.Path, "out");
        var (code, output) = Project(outDir, own);
        code.ShouldBe(2, output);
        var text = Squash(output);
        text.ShouldContain($"own.csv: {where}");
        text.ShouldContain(what);
        Directory.Exists(outDir).ShouldBeFalse();
    }

    private static string Squash(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
