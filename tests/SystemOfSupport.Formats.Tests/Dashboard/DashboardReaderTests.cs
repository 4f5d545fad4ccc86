using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Dashboard;

public class DashboardReaderTests
{
    private static DashboardDataSet Load(string dir, int year)
    {
        var rules = RuleBook.For(year);
        return DashboardDataSet.Load(dir, year, rules.IndicatorsUsed, rules.ColoredIndicators);
    }

    /// <summary>A copy of <paramref name="template"/> (a data line) with the named columns set.</summary>
    private static string Edited(string headerLine, string template, params (string Column, string Value)[] set)
    {
        var header = headerLine.Split('\t');
        var cells = template.Split('\t');
        foreach (var (column, value) in set)
        {
            cells[Array.IndexOf(header, column)] = value;
        }

        return string.Join('\t', cells);
    }

    [Theory]
    [InlineData("eladownload2024.txt", Indicator.Ela, 2024, false)]
    [InlineData("CHRONIC_2024.txt", Indicator.Chronic, 2024, true)]
    [InlineData("SUSP_2025.txt", Indicator.Susp, 2025, true)]
    [InlineData("ela38download2017f.txt", Indicator.Ela, 2017, false)]
    [InlineData("Sciencedownload2024.TXT", Indicator.Science, 2024, false)]
    public void Recognizes_the_states_file_names(string file, Indicator indicator, int year, bool preRelease)
    {
        DashboardFileName.TryParse(file, out var name).ShouldBeTrue();
        (name!.Indicator, name.Year, name.PreRelease).ShouldBe((indicator, year, preRelease));
    }

    [Theory]
    [InlineData("README.txt")]
    [InlineData("eladownload.txt")]
    [InlineData("assistancestatus24.xlsx")]
    public void Ignores_other_names(string file) => DashboardFileName.TryParse(file, out _).ShouldBeFalse();

    [Fact]
    public void Reads_the_real_2024_files_keeping_districts_COEs_and_charters()
    {
        var data = Load(RepoPaths.MontereyDashboard(2024), 2024);
        data.Files.Count.ShouldBe(7);
        data.IgnoredFiles.ShouldBe(["sciencedownload2024.txt: not used by the 2024 rules"]);
        data.MissingIndicators.ShouldBeEmpty();
        data.Leas.Values.Count(l => l.Lea.Kind == LeaKind.District).ShouldBe(24);
        data.Leas.Values.Count(l => l.Lea.Kind == LeaKind.CharterSchool).ShouldBe(8);
        // The COE's rows leave coe_flag blank in some files; its CDS code says what it is.
        data.Leas[CdsCode.Parse("27102720000000")].Lea.Kind.ShouldBe(LeaKind.CountyOffice);
        data.Files.Sum(f => f.RowsKept).ShouldBe(data.Files.Sum(f => f.RowsRead), "the Monterey sample holds only LEA and charter rows");
    }

    [Fact]
    public void State_rows_and_non_charter_schools_are_skipped_before_parsing()
    {
        using var tmp = RepoPaths.NewTempDir();
        var source = Path.Combine(RepoPaths.MontereyDashboard(2024), "chronicdownload2024.txt");
        var lines = File.ReadAllLines(source).ToList();
        string Row(string cds, string rtype, string charter) =>
            Edited(lines[0], lines[1], ("cds", cds), ("rtype", rtype), ("charter_flag", charter), ("currdenom", "not parsed"));

        lines.Add(Row("00000000000000", "X", string.Empty));
        lines.Add(Row("27661592730058", "S", "N"));
        File.WriteAllLines(tmp.File("chronicdownload2024.txt"), lines);
        var file = DashboardDataSet.Load(tmp.Path, 2024, [Indicator.Chronic], new HashSet<Indicator> { Indicator.Chronic }).Files.Single();
        (file.RowsRead - file.RowsKept).ShouldBe(2);
    }

    [Fact]
    public void Only_plain_ASCII_flags_skip_a_row_unparsed_a_charter_flag_with_other_white_space_is_kept()
    {
        using var tmp = RepoPaths.NewTempDir();
        var source = Path.Combine(RepoPaths.MontereyDashboard(2024), "chronicdownload2024.txt");
        var lines = File.ReadAllLines(source).Take(2).ToList();
        string Row(string cds, string rtype, string charter) => Edited(lines[0], lines[1], ("cds", cds), ("rtype", rtype), ("charter_flag", charter));

        lines.Add(Row("27661592730058", " s ", "n"));
        lines.Add(Row("00000000000000", "x", string.Empty));
        lines.Add(Row("27661590111111", "S", "Y\u00A0"));
        File.WriteAllLines(tmp.File("chronicdownload2024.txt"), lines);
        var data = DashboardDataSet.Load(tmp.Path, 2024, [Indicator.Chronic], new HashSet<Indicator> { Indicator.Chronic });
        (data.Files.Single().RowsRead, data.Files.Single().RowsKept).ShouldBe((4, 2));
        data.Leas[CdsCode.Parse("27661590111111")].Lea.Kind.ShouldBe(LeaKind.CharterSchool);
    }

    [Fact]
    public void A_duplicate_row_after_another_entitys_rows_names_the_first_line()
    {
        using var tmp = RepoPaths.NewTempDir();
        var source = Path.Combine(RepoPaths.MontereyDashboard(2024), "chronicdownload2024.txt");
        var lines = File.ReadAllLines(source).Take(2).ToList();
        string Row(string cds, string group) => Edited(lines[0], lines[1], ("cds", cds), ("rtype", "D"), ("studentgroup", group));

        // Lines 2-3: one district's HI and AA; line 4: another's HI; line 5: the first's HI again.
        lines = [lines[0], Row("27661590000000", "HI"), Row("27661590000000", "AA"), Row("27659870000000", "HI"), Row("27661590000000", "HI")];
        File.WriteAllLines(tmp.File("chronicdownload2024.txt"), lines);
        var ex = Should.Throw<InputFileException>(() => DashboardDataSet.Load(tmp.Path, 2024, [Indicator.Chronic], new HashSet<Indicator> { Indicator.Chronic }));
        ex.Line.ShouldBe(5);
        ex.Message.ShouldContain("duplicate row for 27661590000000 student group HI: already given on line 2");
    }

    [Fact]
    public void Files_read_side_by_side_report_the_first_bad_file_in_indicator_order()
    {
        using var tmp = RepoPaths.NewTempDir();
        foreach (var f in Directory.GetFiles(RepoPaths.MontereyDashboard(2024)))
        {
            var lines = File.ReadAllLines(f);
            // ELA (first) and CCI (last) both lose a field on their second data row.
            var broken = Path.GetFileName(f) is "eladownload2024.txt" or "ccidownload2024.txt";
            File.WriteAllLines(tmp.File(Path.GetFileName(f)), broken ? [lines[0], lines[1], lines[2][..lines[2].LastIndexOf('\t')], .. lines[3..]] : lines);
        }

        var ex = Should.Throw<InputFileException>(() => Load(tmp.Path, 2024));
        (Path.GetFileName(ex.File), ex.Line).ShouldBe(("eladownload2024.txt", 3));
    }

    [Fact]
    public void Reads_changeLevel_whatever_its_case()
    {
        var data = Load(RepoPaths.MontereyDashboard(2024), 2024);
        var susp = data.Leas.Values.SelectMany(l => l.Results.All).Where(r => r.Indicator == Indicator.Susp && r.HasColor).ToList();
        susp.ShouldNotBeEmpty();
        susp.ShouldAllBe(r => r.ChangeLevel >= 1 && r.ChangeLevel <= 5);
    }

    [Fact]
    public void The_2023_ELPI_file_has_no_studentgroup_column_and_is_English_learners()
    {
        var data = Load(RepoPaths.MontereyDashboard(2023), 2023);
        var elpi = data.Leas.Values.SelectMany(l => l.Results.All).Where(r => r.Indicator == Indicator.Elpi).ToList();
        elpi.ShouldNotBeEmpty();
        elpi.ShouldAllBe(r => r.Group == StudentGroup.EL);
    }

    [Fact]
    public void The_2023_CCI_file_is_status_only_and_needs_no_color_column()
    {
        RuleBook.For(2023).ColoredIndicators.ShouldNotContain(Indicator.Cci);
        var data = Load(RepoPaths.MontereyDashboard(2023), 2023);
        data.Leas.Values.SelectMany(l => l.Results.All).Where(r => r.Indicator == Indicator.Cci).ShouldAllBe(r => !r.HasColor);
    }

    [Fact]
    public void Pre_release_names_read_the_same_as_the_download_names()
    {
        using var tmp = RepoPaths.NewTempDir();
        foreach (var f in Directory.GetFiles(RepoPaths.MontereyDashboard(2024)))
        {
            var stem = Path.GetFileName(f).Replace("download2024.txt", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            File.Copy(f, tmp.File($"{stem}_2024.txt"));
        }

        var pre = Load(tmp.Path, 2024);
        var published = Load(RepoPaths.MontereyDashboard(2024), 2024);
        pre.Leas.Keys.Order().ShouldBe(published.Leas.Keys.Order());
        foreach (var (cds, lea) in published.Leas)
        {
            pre.Leas[cds].Results.All.Select(r => (r.Indicator, r.Group, r.Color, r.StatusLevel, r.CurrentDenominator))
                .ShouldBe(lea.Results.All.Select(r => (r.Indicator, r.Group, r.Color, r.StatusLevel, r.CurrentDenominator)), ignoreOrder: true);
        }
    }

    /// <summary>
    /// 2025 files are not public in this repository; the 2025 layout is taken to be 2024's plus new columns
    /// (read by name, so extra or reordered columns do not matter). Synthetic: the 2024 rows relabelled 2025,
    /// with the columns shuffled and an extra one added.
    /// </summary>
    [Fact]
    public void A_2025_layout_with_reordered_and_extra_columns_reads_by_name()
    {
        using var tmp = RepoPaths.NewTempDir();
        foreach (var f in Directory.GetFiles(RepoPaths.MontereyDashboard(2024)))
        {
            var lines = File.ReadAllLines(f).Select(l => l.Split('\t')).ToList();
            var year = Array.FindIndex(lines[0], h => h.Equals("reportingyear", StringComparison.OrdinalIgnoreCase));
            var order = Enumerable.Range(0, lines[0].Length).Reverse().ToArray();
            var rewritten = lines.Select((cells, i) =>
            {
                if (i > 0)
                {
                    cells[year] = "2025";
                }

                return string.Join('\t', order.Select(c => cells[c]).Append(i == 0 ? "newcolumn2025" : "x"));
            });
            File.WriteAllLines(tmp.File(Path.GetFileName(f).Replace("2024", "2025", StringComparison.Ordinal)), rewritten);
        }

        var data = Load(tmp.Path, 2025);
        var original = Load(RepoPaths.MontereyDashboard(2024), 2024);
        data.Leas.Count.ShouldBe(original.Leas.Count);
        data.Leas.Values.Sum(l => l.Results.Count).ShouldBe(original.Leas.Values.Sum(l => l.Results.Count));
    }
}
