using System.Text;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.LocalIndicators;
using SystemOfSupport.Formats.Tests.Xlsx;
using SystemOfSupport.Formats.Xlsx;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.LocalIndicators;

public class LocalIndicatorReaderTests
{
    private static readonly CdsCode AlamedaCoe = CdsCode.Parse("01100170000000");
    private static readonly CdsCode SausalitoMarinCity = CdsCode.Parse("21654740000000");
    private static readonly CdsCode FeatherFalls = CdsCode.Parse("04614400000000");

    [Fact]
    public void Reads_the_2023_directory_one_result_per_LEA_and_priority()
    {
        var dir = RepoPaths.LocalIndicators(2023);
        var set = LocalIndicatorReader.Read(dir, 2023);

        set.Year.ShouldBe(2023);
        set.Warnings.ShouldBeEmpty();
        set.FilesRead.Select(Path.GetFileName).ShouldBe(["Pr12023.xlsx", "Pr22023.xlsx", "Pr32023.xlsx", "Pr62023.xlsx", "Pr72023.xlsx", "Pr92023.xlsx", "Pr102023.xlsx"]);
        set.Count.ShouldBe((5 * 2298) + (2 * 58));
        set.Leas.Count.ShouldBe(2298);
        set.Results.ShouldAllBe(r => r.Year == 2023);

        var alameda = set.Find(AlamedaCoe, PriorityArea.ParentalInvolvement).ShouldNotBeNull();
        alameda.Performance.ShouldBe(LocalPerformance.Met);
        alameda.Source.ShouldBe(new SourceRef(Path.Combine(dir, "Pr32023.xlsx"), 2));
        set.ForLea(AlamedaCoe).Select(r => r.Priority.Number()).ShouldBe([1, 2, 3, 6, 7, 9, 10]);

        set.Results.Count(r => r.Priority == PriorityArea.Basics && r.Performance == LocalPerformance.NotMetForTwoOrMoreYears).ShouldBe(84);
        set.Results.Count(r => r.Priority == PriorityArea.Basics && r.Performance == LocalPerformance.NotMet).ShouldBe(70);
    }

    [Fact]
    public void Finds_the_year_subdirectory_when_given_the_parent_directory()
    {
        var set = LocalIndicatorReader.Read(RepoPaths.Data("cde", "local-indicators"), 2024);
        set.FilesRead.Count.ShouldBe(7);
        set.FilesRead.ShouldAllBe(f => f.Contains("2024", StringComparison.Ordinal));
        set.Count.ShouldBe((5 * 2262) + (2 * 58));
    }

    [Fact]
    public void Reads_a_single_file()
    {
        var path = Path.Combine(RepoPaths.LocalIndicators(2024), "Pr92024.xlsx");
        var set = LocalIndicatorReader.Read(path, 2024);
        set.FilesRead.ShouldBe([path]);
        set.Count.ShouldBe(58);
        set.Results.ShouldAllBe(r => r.Priority == PriorityArea.ExpelledPupils && r.Performance == LocalPerformance.Met);
        set.Results[0].Source.ShouldBe(new SourceRef(path, 2));
    }

    [Fact]
    public void Older_2018_file_derives_Not_Met_for_two_years_from_the_2017_file_in_the_sibling_directory()
    {
        var dir = RepoPaths.LocalIndicators(2018);
        var set = LocalIndicatorReader.Read(dir, 2018);

        set.Warnings.ShouldBeEmpty();
        set.FilesRead.Select(Path.GetFileName).ShouldBe(["LocalIndPerf2018.txt", "LocalIndPerf2017.txt"]);
        set.Count.ShouldBe(5081);
        set.Leas.Count.ShouldBe(993);

        // Sausalito Marin City: Not Met on priorities 1, 2, 3, 6 in 2017; Not Met on 1, 2, 7 in 2018 (2017 had no priority 7).
        var file = Path.Combine(dir, "LocalIndPerf2018.txt");
        set.Find(SausalitoMarinCity, PriorityArea.Basics).ShouldBe(
            new LocalIndicatorResult(SausalitoMarinCity, PriorityArea.Basics, LocalPerformance.NotMetForTwoOrMoreYears, 2018, new SourceRef(file, 1864)));
        set.Find(SausalitoMarinCity, PriorityArea.StateStandards)!.Performance.ShouldBe(LocalPerformance.NotMetForTwoOrMoreYears);
        set.Find(SausalitoMarinCity, PriorityArea.ParentalInvolvement)!.Performance.ShouldBe(LocalPerformance.Met);
        set.Find(SausalitoMarinCity, PriorityArea.CourseAccess)!.Performance.ShouldBe(LocalPerformance.NotMet);
        NotMetTwoYears(set, SausalitoMarinCity).ShouldBe([PriorityArea.Basics, PriorityArea.StateStandards]);

        // Feather Falls: Met in 2017, Not Met in 2018 → just Not Met.
        set.Find(FeatherFalls, PriorityArea.StateStandards)!.Performance.ShouldBe(LocalPerformance.NotMet);
        NotMetTwoYears(set, FeatherFalls).ShouldBeEmpty();

        // NA stays not applicable.
        set.Find(CdsCode.Parse("01612180000000"), PriorityArea.Basics)!.Performance.ShouldBe(LocalPerformance.NotApplicable);

        set.Results.Count(r => r.Performance == LocalPerformance.NotMetForTwoOrMoreYears).ShouldBe(46);
        set.Leas.Count(c => NotMetTwoYears(set, c).Count >= 2).ShouldBe(11);
    }

    [Fact]
    public void Every_2018_Method2_LEA_was_in_differentiated_assistance_in_2018_per_the_state()
    {
        var set = LocalIndicatorReader.Read(RepoPaths.LocalIndicators(2018), 2018);
        var method2 = set.Leas.Where(c => NotMetTwoYears(set, c).Count >= 2).ToHashSet();

        var status2018 = new Dictionary<CdsCode, string>();
        int? cdsColumn = null;
        int? statusColumn = null;
        foreach (var row in XlsxSheetReader.ReadRows(RepoPaths.StatusWorkbook("assistancestatus19-rev.xlsx"), "District and COE 2019"))
        {
            if (row.RowNumber == 6)
            {
                cdsColumn = row.Cells.Single(c => c.Text == "CDS").Column;
                statusColumn = row.Cells.Single(c => c.Text == "AssistanceStatus2018").Column;
            }
            else if (row.RowNumber > 6 && CdsCode.TryParse(row[cdsColumn!.Value], out var cds))
            {
                status2018[cds] = row[statusColumn!.Value] ?? string.Empty;
            }
        }

        var notInDa = method2.Where(c => status2018.TryGetValue(c, out var s) && s != "Differentiated Assistance").ToList();
        notInDa.ShouldBeEmpty(string.Join(", ", notInDa.Select(c => $"{c}: {status2018[c]}")));
        method2.Count(status2018.ContainsKey).ShouldBeGreaterThan(5);
    }

    [Fact]
    public void Older_file_without_the_previous_year_keeps_Not_Met_and_warns()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("LocalIndPerf2018.txt");
        File.Copy(Path.Combine(RepoPaths.LocalIndicators(2018), "LocalIndPerf2018.txt"), path);

        var set = LocalIndicatorReader.Read(path, 2018);

        set.Warnings.Count.ShouldBe(1);
        set.Warnings[0].ShouldContain("LocalIndPerf2017.txt not found");
        set.Warnings[0].ShouldContain("Not Met results stay Not Met");
        set.FilesRead.ShouldBe([path]);
        set.Find(SausalitoMarinCity, PriorityArea.Basics)!.Performance.ShouldBe(LocalPerformance.NotMet);
        set.Results.ShouldNotContain(r => r.Performance == LocalPerformance.NotMetForTwoOrMoreYears);
    }

    [Fact]
    public void Older_layout_synthetic_pair_in_sibling_year_directories()
    {
        using var root = RepoPaths.NewTempDir();
        var dir17 = Directory.CreateDirectory(Path.Combine(root.Path, "2017")).FullName;
        var dir18 = Directory.CreateDirectory(Path.Combine(root.Path, "2018")).FullName;
        const string header = "CDS\tLEAname\tCountyname\tLocalIndicator\tPerformance";
        File.WriteAllLines(Path.Combine(dir17, "localindperf2017.txt"),
        [
            header,
            "11111111111111\tOne\tX\tBasic-Priority Area 1\tNot Met",
            "11111111111111\tOne\tX\tAcademic-Priority Area 2\tNot Met",
            "11111111111111\tOne\tX\tParents-Priority Area 3\tMet",
            "22222222222222\tTwo\tX\tBasic-Priority Area 1\tNot Met",
        ]);
        File.WriteAllLines(Path.Combine(dir18, "LocalIndPerf2018.txt"),
        [
            header,
            "11111111111111\tOne\tX\tBasic-Priority Area 1\tNot Met",
            "11111111111111\tOne\tX\tAcademic-Priority Area 2\tNot Met",
            "11111111111111\tOne\tX\tParents-Priority Area 3\tNot Met",
            "11111111111111\tOne\tX\tAccess-Priority Area 7\tNot Met",
            "22222222222222\tTwo\tX\tBasic-Priority Area 1\tMet",
            "33333333333333\tThree\tX\tBasic-Priority Area 1\tNot Met",
        ]);

        var set = LocalIndicatorReader.Read(dir18, 2018);

        set.Warnings.ShouldBeEmpty();
        set.FilesRead.Count.ShouldBe(2);
        var one = CdsCode.Parse("11111111111111");
        NotMetTwoYears(set, one).ShouldBe([PriorityArea.Basics, PriorityArea.StateStandards]);
        set.Find(one, PriorityArea.ParentalInvolvement)!.Performance.ShouldBe(LocalPerformance.NotMet);
        set.Find(one, PriorityArea.CourseAccess)!.Performance.ShouldBe(LocalPerformance.NotMet);
        set.Find(CdsCode.Parse("22222222222222"), PriorityArea.Basics)!.Performance.ShouldBe(LocalPerformance.Met);
        set.Find(CdsCode.Parse("33333333333333"), PriorityArea.Basics)!.Performance.ShouldBe(LocalPerformance.NotMet);
        set.Find(one, PriorityArea.Basics)!.Source.Line.ShouldBe(2);
    }

    [Fact]
    public void Pipe_delimited_text_with_tabs_in_text_fields_Windows_1252_names_and_CRLF()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("Pr62024.txt");
        var text =
            "cdsCode|lea|priorityNumber|summary|countyPerformance|additionalInfo|meetingDate|year\r\n"
            + "01100170000000|Alameda County Office of Education|6|We surveyed\tstudents\tand staff.|Met||2024-06-11|2024\r\n"
            + "01611190000000|Escuela Año Nuevo – Café|6|Tabs\there\ttoo|Not Met For Two or More Years|none|2024-06-12|2024\r\n"
            + "\r\n"
            + "01611270000000|Emery Unified|6||Not Met||2024-06-13|2024\r\n";
        File.WriteAllBytes(path, Windows1252(text));

        var set = LocalIndicatorReader.Read(dir.Path, 2024);

        set.FilesRead.ShouldBe([path]);
        set.Count.ShouldBe(3);
        set.Results.Select(r => r.Performance).ShouldBe([LocalPerformance.Met, LocalPerformance.NotMetForTwoOrMoreYears, LocalPerformance.NotMet]);
        set.Results.Select(r => r.Source.Line).ShouldBe([2, 3, 5]);
        set.Results.ShouldAllBe(r => r.Priority == PriorityArea.SchoolClimate);
        set.Warnings.Count.ShouldBe(6); // no Pr1, Pr2, Pr3, Pr7, Pr9, Pr10 files
        set.Warnings.ShouldContain(w => w.Contains("no Pr12024 file", StringComparison.Ordinal));
    }

    [Fact]
    public void Windows_1252_and_UTF8_text_decode_to_the_same_characters()
    {
        using var dir = RepoPaths.NewTempDir();
        const string content = "cdsCode|lea|priorityNumber|countyPerformance|year\n01100170000000|Año|3|Métt|2024\n";
        File.WriteAllBytes(dir.File("Pr32024.txt"), Windows1252(content));
        Directory.CreateDirectory(Path.Combine(dir.Path, "utf8"));
        File.WriteAllText(Path.Combine(dir.Path, "utf8", "Pr32024.txt"), content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        // The unknown value is quoted in the error: proof of how the bytes were decoded.
        Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(dir.File("Pr32024.txt"), 2024)).Message.ShouldContain("'Métt'");
        Should.Throw<InputFileException>(() => LocalIndicatorReader.Read(Path.Combine(dir.Path, "utf8", "Pr32024.txt"), 2024)).Message.ShouldContain("'Métt'");
    }

    [Fact]
    public void Reads_a_small_xlsx_with_the_header_below_a_title_row_and_columns_in_any_order()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("pr22024.XLSX");
        TestWorkbook.Write(path, "Sheet1",
            ["Local indicators, priority 2"],
            ["YEAR", "CountyPerformance", "CDSCODE", "PriorityNumber"],
            [2024, "Not Met", "01100170000000", 2],
            [],
            ["2024", "met", "01611190000000", "2"]);

        var set = LocalIndicatorReader.Read(dir.Path, 2024);

        set.Results.Select(r => (r.Cds.Value, r.Performance, r.Source.Line)).ShouldBe(
        [
            ("01100170000000", LocalPerformance.NotMet, 3),
            ("01611190000000", LocalPerformance.Met, 5),
        ]);
    }

    [Fact]
    public void An_empty_year_has_an_empty_set()
    {
        var set = LocalIndicatorSet.Empty(2022, "no local indicators were used in 2022");
        set.Count.ShouldBe(0);
        set.ForLea(AlamedaCoe).ShouldBeEmpty();
        NotMetTwoYears(set, AlamedaCoe).ShouldBeEmpty();
        set.Warnings.ShouldHaveSingleItem();
    }

    internal static byte[] Windows1252(string text) => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);

    private static List<PriorityArea> NotMetTwoYears(LocalIndicatorSet set, CdsCode cds) =>
        [.. set.ForLea(cds).Where(r => r.Performance == LocalPerformance.NotMetForTwoOrMoreYears).Select(r => r.Priority)];
}
