using SystemOfSupport.Core.Providers;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.LeaDirectories;

/// <summary>The counties table (Core) against the state's 2024 workbook, whose rows include all 58 county offices.</summary>
public class CountiesWorkbookTests
{
    private static readonly Lazy<AssistanceStatusWorkbook> Workbook =
        new(() => AssistanceStatusWorkbookReader.ReadXlsx(RepoPaths.StatusWorkbook("assistancestatus24.xlsx")));

    [Fact]
    public void The_table_has_the_workbooks_58_county_offices_with_their_codes_counties_and_names()
    {
        var offices = Workbook.Value.Rows.Where(r => r.Cds.IsCountyOfficeCode).OrderBy(r => r.Cds).ToList();

        offices.Count.ShouldBe(58);
        offices.Select(r => (r.Cds, r.County, r.LeaName))
            .ShouldBe(Counties.All.Select(c => (c.CountyOfficeCds, (string?)c.Name, c.CountyOfficeName)));
    }

    [Fact]
    public void Every_workbook_row_is_in_a_county_of_the_table_by_code_and_by_name()
    {
        foreach (var row in Workbook.Value.Rows)
        {
            Counties.Of(row.Cds).Name.ShouldBe(row.County, row.Cds.Value);
        }
    }

    [Fact]
    public void The_single_district_counties_are_those_with_one_district_besides_the_county_office()
    {
        var districtsPerCounty = Workbook.Value.Rows.Where(r => !r.Cds.IsCountyOfficeCode)
            .GroupBy(r => r.County!).ToDictionary(g => g.Key, g => g.Count());

        Counties.All.Where(c => districtsPerCounty[c.Name] == 1).ShouldBe(Counties.SingleDistrictOnes);
    }
}
