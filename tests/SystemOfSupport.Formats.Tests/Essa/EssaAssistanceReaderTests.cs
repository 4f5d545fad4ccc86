using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Essa;
using SystemOfSupport.Formats.Essa;
using static SystemOfSupport.Formats.Tests.Essa.EssaTestData;

namespace SystemOfSupport.Formats.Tests.Essa;

/// <summary>The reader on the state's real ESSA files (data/cde/essa).</summary>
public class EssaAssistanceReaderTests
{
    /// <summary>Schools = the data sheet's rows below the header, less the footer notes (2019, 2022: two each).</summary>
    [Theory]
    [InlineData(File2018, null, 2018, 1, 2018, 2018, 9910)]
    [InlineData(File2019, "ESSA_State_School_SG", 2019, 3, 2018, 2019, 9972)]
    [InlineData(File2022, "2022-23 ESSA State Schools", 2022, 3, 2018, 2022, 9946)]
    [InlineData(File2023, "2023-24 ESSA State Schools", 2023, 3, 2018, 2023, 10044)]
    [InlineData(File2024, "2024-25 ESSA State Schools", 2024, 3, 2018, 2024, 10040)]
    public void Reads_every_school_row_for_every_status_year(string name, string? sheet, int reportingYear, int headerRow, int firstYear, int lastYear, int schools)
    {
        var file = EssaAssistanceReader.Read(Path(name));

        file.Sheet.ShouldBe(sheet);
        file.ReportingYear.ShouldBe(reportingYear);
        file.HeaderRow.ShouldBe(headerRow);
        file.StatusYears.ShouldBe(Enumerable.Range(firstYear, lastYear - firstYear + 1));
        file.SchoolRows.ShouldBe(schools);
        file.Designations.Count.ShouldBe(schools * file.StatusYears.Count);
        file.Designations.Select(d => d.School).Distinct().Count().ShouldBe(schools);
        // The file's Exit column describes its reporting year, and only there.
        file.Designations.Where(d => d.Exit is not null).ShouldAllBe(d => d.Year == reportingYear);
    }

    [Fact]
    public void The_2024_counts_by_designation_and_exit()
    {
        var year = EssaAssistanceReader.Read(Path(File2024)).Designations.Where(d => d.Year == 2024).ToList();
        var counts = EssaCounts.Of(year);
        counts.Schools.ShouldBe(10040);
        counts.ByStatus[EssaStatus.NoStatus].ShouldBe(8765);
        counts.ByStatus[EssaStatus.Atsi].ShouldBe(626);
        counts.ByStatus[EssaStatus.Tsi].ShouldBe(306);
        counts.ByStatus[EssaStatus.CsiGrad].ShouldBe(226);
        counts.ByStatus[EssaStatus.CsiLowPerform].ShouldBe(117);
        counts.ByExit[EssaExit.NoExit].ShouldBe(7825);
        counts.ByExit[EssaExit.AtsiExit].ShouldBe(1734);
        counts.ByExit[EssaExit.CsiExit].ShouldBe(481);
    }

    [Fact]
    public void A_direct_funded_charter_is_its_own_LEA()
    {
        var rows = EssaAssistanceReader.Read(Path(File2024)).Designations.Where(d => d.School.Value == "37684520106120").ToList();
        rows.Select(d => d.Year).ShouldBe([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
        rows.ShouldAllBe(d => d.Status == EssaStatus.CsiGrad && d.IsCharter == true);
        var y2024 = rows[^1];
        y2024.SchoolName.ShouldBe("SIATech");
        y2024.Lea.Value.ShouldBe("37684520106120");
        y2024.LeaName.ShouldBe("SIATech");
        y2024.County.ShouldBe("San Diego");
        y2024.Exit.ShouldBe(EssaExit.NoExit);
        y2024.Source.ShouldBe(new SourceRef(Path(File2024), 235));
    }

    [Fact]
    public void A_county_office_school_belongs_to_the_county_office()
    {
        var file = EssaAssistanceReader.Read(Path(File2022));
        var rows = file.Designations.Where(d => d.School.Value == "01100170130401").ToDictionary(d => d.Year);
        rows[2022].SchoolName.ShouldBe("Alameda County Juvenile Hall/Court");
        rows[2022].Lea.Value.ShouldBe("01100170000000");
        rows[2022].LeaName.ShouldBe("Alameda County Office of Education");
        rows[2022].IsCharter.ShouldBe(false); // the 2022 file leaves Charter blank for other schools
        rows[2018].Status.ShouldBe(EssaStatus.CsiGrad);
        rows[2019].Status.ShouldBe(EssaStatus.NoStatus);
        rows[2022].Status.ShouldBe(EssaStatus.CsiGrad);
        rows[2022].Source.Line.ShouldBe(9);
        file.Notes.ShouldBe(["2022–23 Every Student Succeeds Act Assistance Status", "CDS = County District School code", "California Department of Education", "February 2023"]);
    }

    [Fact]
    public void The_2019_file_words_no_designation_as_General_Assistance_and_has_no_Charter_column()
    {
        var file = EssaAssistanceReader.Read(Path(File2019));
        var sherman = file.Designations.Where(d => d.School.Value == "20652430100016").ToList();
        sherman.Select(d => d.Status).ShouldBe([EssaStatus.NoStatus, EssaStatus.NoStatus]);
        sherman.ShouldAllBe(d => d.IsCharter == null && d.Lea.Value == "20652430000000" && d.LeaName == "Madera Unified");
        sherman[1].Exit.ShouldBe(EssaExit.NoExit);
        var counts = EssaCounts.Of(file.Designations.Where(d => d.Year == 2019));
        counts.ByStatus[EssaStatus.CsiGrad].ShouldBe(305);
        counts.ByStatus[EssaStatus.CsiLowPerform].ShouldBe(511);
        counts.ByStatus[EssaStatus.Atsi].ShouldBe(1062);
        counts.ByExit[EssaExit.CsiExit].ShouldBe(378);
    }

    [Fact]
    public void The_2018_CSV_is_Windows_1252_with_one_status_column_and_no_exit()
    {
        var file = EssaAssistanceReader.Read(Path(File2018));
        var row = file.Designations.Single(d => d.School.Value == "19647330117846");
        row.SchoolName.ShouldBe("Para Los Niños Middle");
        row.Year.ShouldBe(2018);
        row.Exit.ShouldBeNull();
        row.Source.Line.ShouldBe(961);
        file.Designations.Single(d => d.School.Value == "19647090100602").SchoolName.ShouldBe("Lennox Mathematics, Science and Technology Academy");
        var counts = EssaCounts.Of(file.Designations);
        counts.ByStatus[EssaStatus.CsiGrad].ShouldBe(300);
        counts.ByStatus[EssaStatus.CsiLowPerform].ShouldBe(481);
        counts.ByStatus[EssaStatus.Atsi].ShouldBe(859);
        counts.ByStatus[EssaStatus.NoStatus].ShouldBe(8270);
    }
}
