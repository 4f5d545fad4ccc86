using System.Globalization;
using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Funding;
using SystemOfSupport.Formats.Funding;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Xlsx;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Funding;

/// <summary>
/// County office funding from the shipped state workbooks and the synthetic Monterey directory, end to end: the
/// outputs' lines add up to every total.
/// </summary>
public class FundingRunTests
{
    private static readonly string Directory = RepoPaths.Data("directory", "monterey-lea-directory.csv");

    private static FundingRunResult Run(string fiscalYear, params string[] workbooks) =>
        FundingRun.Run(SchoolYear.Parse(fiscalYear), [.. workbooks.Select(RepoPaths.StatusWorkbook)], Directory, DeterminationSettings.Defaults);

    [Fact]
    public void Fiscal_2024_25_from_the_2023_and_2024_workbooks()
    {
        var run = Run("2024-25", "assistancestatus23.xlsx", "assistancestatus24.xlsx");
        var r = run.Result;

        // 2022's statuses come from the 2023 workbook's AssistanceStatus2022 column.
        run.Reports.Describe(r).ShouldBe(
        [
            "district and county office report 2024: assistancestatus24.xlsx (994 rows)",
            "district and county office report 2023: assistancestatus23.xlsx (991 rows)",
            "district and county office report 2022: the AssistanceStatus2022 column of assistancestatus23.xlsx (991 rows)",
        ]);
        var monterey = r.CountyOffices.Single();
        monterey.County.Name.ShouldBe("Monterey");
        // 2024: 6 Year 1 districts (1 small, 4 medium, 1 large); Soledad's Year 2 does not count.
        // 2023: 9 (3 small, 5 medium, 1 large); 2022: 16 (7 small, 8 medium, 1 large).
        monterey.DistrictReports.Select(a => (a.ReportYear, a.Leas, a.Amount)).ShouldBe([(2024, 6, 1_200_000m), (2023, 9, 1_600_000m), (2022, 16, 2_600_000m)]);
        monterey.DistrictAverage.ShouldBe(1_800_000m);
        monterey.CharterAverage.ShouldBe(0m);
        monterey.Total.ShouldBe(2_100_000m);
        r.Total.ShouldBe(2_100_000m);
        r.Lines.ShouldNotContain(l => l.Lea == CdsCode.Parse("27754400000000") && l.ReportYear == 2024); // Soledad, Year 2 in 2024
        r.Warnings.Count.ShouldBe(2); // no charter report for 2024 or 2023
    }

    [Fact]
    public void The_written_lines_reconcile_with_every_total()
    {
        var run = Run("2024-25", "assistancestatus23.xlsx", "assistancestatus24.xlsx");
        using var dir = RepoPaths.NewTempDir();

        var written = FundingOutputs.Write(run, dir.Path, "test");

        written.Select(Path.GetFileName).ShouldBe(["coefunding2024-25.xlsx", "coefunding2024-25.csv"]);
        var csv = File.ReadAllLines(dir.File("coefunding2024-25.csv")).Select(ParseCsvLine).ToList();
        var header = csv[0];
        header.ShouldBe(FundingTables.LineColumns);
        int Col(string name) => header.IndexOf(name);
        var rows = csv.Skip(1).ToList();
        decimal Amount(List<string> row) => decimal.Parse(row[Col("Amount")], CultureInfo.InvariantCulture);

        foreach (var office in rows.Where(row => row[Col("Line")] != FundingTables.GrandTotal).GroupBy(row => row[Col("RecipientCDS")]))
        {
            var lines = office.ToList();
            List<string> One(string line) => lines.Single(row => row[Col("Line")] == line);
            decimal Sum(string line) => lines.Where(row => row[Col("Line")] == line).Sum(Amount);
            decimal Average(string allowances, string average)
            {
                var divisor = int.Parse(One(average)[Col("Divisor")], CultureInfo.InvariantCulture);
                return divisor == 0 ? 0m : Math.Round(Sum(allowances) / divisor, 2, MidpointRounding.AwayFromZero);
            }

            Amount(One(FundingTables.DistrictAverage)).ShouldBe(Average(FundingTables.DistrictAllowance, FundingTables.DistrictAverage));
            Amount(One(FundingTables.CharterAverage)).ShouldBe(Average(FundingTables.CharterAllowance, FundingTables.CharterAverage));
            Amount(One(FundingTables.Total)).ShouldBe(Amount(One(FundingTables.Base)) + Amount(One(FundingTables.DistrictAverage)) + Amount(One(FundingTables.CharterAverage)));
            var (basis, ada) = (Col("Basis"), Col("ADA"));
            lines.Where(row => row[Col("Line")] == FundingTables.DistrictAllowance).ShouldAllBe(row => row[basis].Length > 0 && row[ada] != "*");
        }

        var grand = rows.Single(row => row[Col("Line")] == FundingTables.GrandTotal);
        Amount(grand).ShouldBe(rows.Where(row => row[Col("Line")] == FundingTables.Total).Sum(Amount));
        Amount(grand).ShouldBe(2_100_000m);
        rows.Count(row => row[Col("Line")] == FundingTables.DistrictAllowance).ShouldBe(31);

        // The workbook: the same lines, the summary and what the figures rest on.
        var xlsx = dir.File("coefunding2024-25.xlsx");
        XlsxSheetReader.SheetNames(xlsx).ShouldBe([FundingWorkbookWriter.SummarySheet, FundingWorkbookWriter.LinesSheet, FundingWorkbookWriter.AboutSheet]);
        var lineRows = XlsxSheetReader.ReadRows(xlsx, FundingWorkbookWriter.LinesSheet).ToList();
        lineRows.Count.ShouldBe(csv.Count);
        var summary = XlsxSheetReader.ReadRows(xlsx, FundingWorkbookWriter.SummarySheet).ToList();
        var summaryHeader = summary[0].Cells.Select(c => c.Text).ToList();
        summaryHeader.ShouldContain("District2022");
        summary[1][summaryHeader.IndexOf("Total") + 1].ShouldBe("2100000");
        summary[1][summaryHeader.IndexOf("DistrictAverage") + 1].ShouldBe("1800000");
        var about = XlsxSheetReader.ReadRows(xlsx, FundingWorkbookWriter.AboutSheet).Select(row => $"{row[1]}: {row[2]}").ToList();
        about.ShouldContain("Setting funding.identified: year1 (default): " + DeterminationSettings.Definitions.Single(d => d.Key == DeterminationSettings.FundingIdentified).Description + " (RULES.md §7 [assumed])");
        about.ShouldContain(a => a.StartsWith("Warning: 2024-25 averages the 2024 charter report", StringComparison.Ordinal));
    }

    [Fact]
    public void Fiscal_2018_19_averages_two_reports_over_a_200000_base_from_the_2019_workbook()
    {
        var r = Run("2018-19", "assistancestatus19.xlsx").Result;

        var monterey = r.CountyOffices.Single();
        r.DistrictReports.Select(c => c.Year).ShouldBe([2018, 2017]);
        monterey.Base.ShouldBe(200_000m);
        // 2018: 2 small, 5 medium, 1 large = $1,500,000; 2017: 1 small, 3 medium, 1 large = $1,000,000; ÷ 2.
        monterey.DistrictReports.Select(a => a.Amount).ShouldBe([1_500_000m, 1_000_000m]);
        monterey.DistrictAverage.ShouldBe(1_250_000m);
        monterey.Total.ShouldBe(1_450_000m);
        r.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void This_tools_charter_output_is_read_in_csv_and_xlsx()
    {
        using var dir = RepoPaths.NewTempDir();
        // The charter layout's leading and status columns (CharterTableBuilder); one charter identified, one not.
        var table = new AssistanceStatusTable(2024,
            ["CDcode", "CDS", "SchoolName", "Countyname", "ReportYear", "MetCriteriacurrent", "MetCriteriaprior", "AssistanceStatus2024"],
            [
                ["2710272", "27102720112177", "Monterey Bay Charter", "Monterey", "2024", "Y", "Y", "Differentiated Assistance"],
                ["2766092", "27660926118962", "International School of Monterey", "Monterey", "2024", "N", "Y", "General Assistance"],
            ],
            "test") { Entity = AssistanceFileEntity.Charter };
        var csv = dir.File("charterassistance24.csv");
        var xlsx = dir.File("charters-2024.xlsx");
        AssistanceStatusCsvWriter.Write(table, csv);
        AssistanceStatusWorkbookWriter.Write(table, xlsx);

        foreach (var path in new[] { csv, xlsx })
        {
            CharterAssistanceReader.IsCharterReport(path).ShouldBeTrue(path);
            var report = CharterAssistanceReader.Read(path);
            report.Year.ShouldBe(2024);
            report.Rows.Select(row => (row.Cds.Value, row.Status)).ShouldBe(
                [("27102720112177", AssistanceStatus.DifferentiatedAssistance), ("27660926118962", AssistanceStatus.GeneralAssistance)]);
        }

        CharterAssistanceReader.IsCharterReport(RepoPaths.StatusWorkbook("assistancestatus24.xlsx")).ShouldBeFalse();

        // Monterey Bay Charter, authorized by the Monterey COE: $100,000 ÷ 3 moves to Tulare, the region's lead.
        var r = FundingRun.Run(SchoolYear.Parse("2024-25"), [RepoPaths.StatusWorkbook("assistancestatus24.xlsx"), RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), csv],
            Directory, DeterminationSettings.Defaults).Result;
        var tulare = r.CountyOffices.Single(o => o.County.Name == "Tulare");
        tulare.InScope.ShouldBeFalse();
        tulare.Total.ShouldBe(33_333.33m);
        r.CountyOffices.Single(o => o.County.Name == "Monterey").MovedOut.ShouldBe(33_333.33m);
        r.Total.ShouldBe(2_133_333.33m);
        r.Warnings.Single().ShouldContain("the 2023 charter report, but none was given");
    }

    [Fact]
    public void An_identified_district_missing_from_the_directory_names_the_report_row()
    {
        using var dir = RepoPaths.NewTempDir();
        var directory = dir.File("directory.csv");
        File.WriteAllLines(directory, File.ReadAllLines(Directory).Where(l => !l.StartsWith("27661590000000", StringComparison.Ordinal)));

        var ex = Should.Throw<InputFileException>(() => FundingRun.Run(SchoolYear.Parse("2024-25"),
            [RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), RepoPaths.StatusWorkbook("assistancestatus24.xlsx")], directory, DeterminationSettings.Defaults));

        ex.File.ShouldEndWith("assistancestatus24.xlsx");
        ex.Line.ShouldNotBeNull();
        ex.Message.ShouldContain("27661590000000 Salinas Union High, identified in the 2024 report, is not in the LEA directory");
    }

    /// <summary>RFC 4180 fields of one line (no line breaks inside fields in this output).</summary>
    private static List<string> ParseCsvLine(string line)
    {
        using var reader = new StringReader(line);
        return [.. CsvRecordReader.Read(reader, "csv").Single().Fields];
    }
}
