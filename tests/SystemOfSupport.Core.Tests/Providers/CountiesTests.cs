using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Providers;

namespace SystemOfSupport.Core.Tests.Providers;

public class CountiesTests
{
    [Fact]
    public void There_are_58_counties_coded_01_to_58_in_alphabetical_order()
    {
        Counties.All.Count.ShouldBe(58);
        Counties.All.Select(c => c.Code).ShouldBe(Enumerable.Range(1, 58).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)));
        Counties.All.Select(c => c.Name).ShouldBe(Counties.All.Select(c => c.Name).Order(StringComparer.Ordinal));
        Counties.All[0].Name.ShouldBe("Alameda");
        Counties.All[^1].Name.ShouldBe("Yuba");
    }

    [Fact]
    public void Every_county_office_code_is_the_county_code_then_a_district_code_starting_10()
    {
        foreach (var county in Counties.All)
        {
            county.CountyOfficeCds.CountyCode.ShouldBe(county.Code);
            county.CountyOfficeCds.IsCountyOfficeCode.ShouldBeTrue(county.Name);
            county.CountyOfficeCds.IsLeaLevel.ShouldBeTrue(county.Name);
        }

        Counties.ByName("Alameda").CountyOfficeCds.CdCode.ShouldBe("0110017");
        Counties.ByName("Monterey").CountyOfficeCds.ShouldBe(CdsCode.Parse("27102720000000"));
        Counties.ByName("Monterey").CountyOfficeName.ShouldBe("Monterey County Office of Education");
    }

    [Fact]
    public void The_single_district_counties_are_the_seven_of_RULES_section_1()
    {
        Counties.SingleDistrictOnes.Select(c => c.Name)
            .ShouldBe(["Alpine", "Amador", "Del Norte", "Mariposa", "Plumas", "San Francisco", "Sierra"]);
        Counties.ByName("Monterey").IsSingleDistrict.ShouldBeFalse();
    }

    [Fact]
    public void Lookups_by_name_code_and_CDS()
    {
        Counties.TryGetByName("  san luis OBISPO ", out var slo).ShouldBeTrue();
        slo!.Code.ShouldBe("40");
        Counties.TryGetByName("Montery", out _).ShouldBeFalse();
        Counties.TryGetByCode("27", out var monterey).ShouldBeTrue();
        monterey!.Name.ShouldBe("Monterey");
        Counties.TryGetByCode("59", out _).ShouldBeFalse();
        Counties.Of(CdsCode.Parse("27660926118962")).Name.ShouldBe("Monterey");
        Should.Throw<ArgumentOutOfRangeException>(() => Counties.Of(CdsCode.Parse("00000000000000")));
    }
}
