using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Providers;

namespace SystemOfSupport.Core.Tests.Providers;

public class GeographicLeadAgencyMapTests
{
    public static TheoryData<string> MapKeys() => [.. GeographicLeadAgencyMaps.All.Select(m => m.Key)];

    [Theory]
    [MemberData(nameof(MapKeys))]
    public void Every_county_is_in_exactly_one_region_and_each_lead_in_its_own(string key)
    {
        var map = GeographicLeadAgencyMaps.Get(key);
        var counted = map.Regions.SelectMany(r => r.Counties).GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.Count());
        counted.Count.ShouldBe(58);
        counted.Values.ShouldAllBe(n => n == 1);
        foreach (var region in map.Regions)
        {
            region.Leads.Count.ShouldBeInRange(1, 2);
            region.Leads.ShouldAllBe(l => region.Counties.Contains(l));
        }

        foreach (var county in Counties.All)
        {
            map.RegionOf(county).Counties.ShouldContain(county);
        }
    }

    [Fact]
    public void The_2019_map_is_RULES_section_1()
    {
        var map = GeographicLeadAgencyMaps.Map2019;
        map.Regions.Count.ShouldBe(7);
        map.Regions.Select(r => string.Join("+", r.Leads.Select(l => l.Name)))
            .ShouldBe(["Alameda", "Kern", "Placer+Sacramento", "Riverside+San Diego", "Shasta", "Sonoma", "Tulare"]);
        map.RegionOf(Counties.ByName("Monterey")).LeadNames.ShouldBe("Tulare County Office of Education");
        map.RegionOf(Counties.ByName("Los Angeles")).LeadNames.ShouldBe("Kern County Office of Education");
        map.RegionOf(Counties.ByName("Yuba")).LeadNames.ShouldBe("Placer County Office of Education and Sacramento County Office of Education");
        map.IsLead(Counties.ByName("San Diego")).ShouldBeTrue();
        map.IsLead(Counties.ByName("Orange")).ShouldBeFalse();
    }

    [Fact]
    public void A_map_with_a_county_twice_or_missing_is_rejected()
    {
        var alameda = Counties.ByName("Alameda");
        var twice = Should.Throw<ArgumentException>(() => new GeographicLeadAgencyMap("bad", "", "",
        [
            new([alameda], [.. Counties.All]),
            new([alameda], [alameda]),
        ]));
        twice.Message.ShouldContain("Alameda is in two regions");

        var missing = Should.Throw<ArgumentException>(() => new GeographicLeadAgencyMap("bad", "", "", [new([alameda], [alameda])]));
        missing.Message.ShouldContain("no region for Alpine");
    }

    [Fact]
    public void The_map_is_a_setting_defaulting_to_2019()
    {
        DeterminationSettings.Defaults.LeadAgencyMap.ShouldBeSameAs(GeographicLeadAgencyMaps.Map2019);
        var applied = DeterminationSettings.Defaults.Applied().Single(a => a.Key == DeterminationSettings.LeadAgencyMapKey);
        applied.Key.ShouldBe(DeterminationSettings.LeadAgencyMapKey);
        applied.Value.ShouldBe("2019");
        applied.IsDefault.ShouldBeTrue();
        applied.Rule.ShouldContain("[assumed]");
        DeterminationSettings.Defaults.With("PROVIDERS.LEAD-AGENCY-MAP", "2019").LeadAgencyMap.Key.ShouldBe("2019");
        Should.Throw<ArgumentException>(() => DeterminationSettings.Defaults.With(DeterminationSettings.LeadAgencyMapKey, "2023")).Message.ShouldContain("allowed: 2019");
        Should.Throw<ArgumentException>(() => DeterminationSettings.Defaults.With("providers.other", "x"));
    }
}
