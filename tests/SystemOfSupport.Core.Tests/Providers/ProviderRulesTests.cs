using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Providers;

namespace SystemOfSupport.Core.Tests.Providers;

public class ProviderRulesTests
{
    private static readonly GeographicLeadAgencyMap Map = GeographicLeadAgencyMaps.Map2019;

    private static CdsCode Cds(string text) => CdsCode.Parse(text);

    [Fact]
    public void A_district_is_served_by_its_county_office()
    {
        var provider = ProviderRules.For(Cds("27754730000000"), LeaKind.District, null, Map);

        provider.Name.ShouldBe("Monterey County Office of Education");
        provider.Cds.ShouldBe(Cds("27102720000000"));
        provider.Kind.ShouldBe(ProviderKind.CountyOffice);
        provider.Agencies.ShouldBe([Cds("27102720000000")]);
        provider.Reason.ShouldContain("RULES.md §3.7");
        provider.Reason.ShouldNotContain("single-district");
    }

    [Fact]
    public void A_district_in_a_single_district_county_is_still_served_by_its_county_office_whose_funding_goes_to_the_lead()
    {
        // Alpine County Unified (region led by Placer and Sacramento).
        var provider = ProviderRules.For(Cds("02613330000000"), LeaKind.District, null, Map);

        provider.Name.ShouldBe("Alpine County Office of Education");
        provider.Kind.ShouldBe(ProviderKind.CountyOffice);
        provider.Reason.ShouldContain("single-district county");
        provider.Reason.ShouldContain("Placer County Office of Education and Sacramento County Office of Education");
    }

    [Fact]
    public void A_charter_authorized_by_a_district_is_served_by_its_county_office()
    {
        // International School of Monterey, authorized by Monterey Peninsula Unified.
        var provider = ProviderRules.For(Cds("27660926118962"), LeaKind.CharterSchool, Cds("27660920000000"), Map);

        provider.Name.ShouldBe("Monterey County Office of Education");
        provider.Cds.ShouldBe(Cds("27102720000000"));
        provider.Kind.ShouldBe(ProviderKind.CountyOffice);
        provider.Reason.ShouldContain("did not authorize it");
    }

    [Fact]
    public void A_charter_authorized_by_its_county_office_is_served_by_the_Geographic_Lead_Agency()
    {
        var provider = ProviderRules.For(Cds("27102720112177"), LeaKind.CharterSchool, Cds("27102720000000"), Map);

        provider.Name.ShouldBe("Tulare County Office of Education");
        provider.Cds.ShouldBe(Cds("54105460000000"));
        provider.Kind.ShouldBe(ProviderKind.GeographicLeadAgency);
        provider.Reason.ShouldContain("Monterey County Office of Education authorized this charter school");
        provider.Reason.ShouldContain("[assumed");
    }

    [Fact]
    public void A_charter_authorized_by_a_county_office_in_a_co_led_region_names_both_leads()
    {
        // A Yolo County charter authorized by the Yolo COE: Placer and Sacramento co-lead the region.
        var provider = ProviderRules.For(Cds("57105790000001"), LeaKind.CharterSchool, Cds("57105790000000"), Map);

        provider.Kind.ShouldBe(ProviderKind.GeographicLeadAgency);
        provider.Name.ShouldBe("Placer County Office of Education and Sacramento County Office of Education");
        provider.Cds.ShouldBeNull();
        provider.Agencies.ShouldBe([Cds("31103140000000"), Cds("34103480000000")]);
        provider.Reason.ShouldContain("co-leads");
    }

    [Fact]
    public void A_charter_authorized_by_a_county_office_that_is_itself_the_lead_gets_a_provider_that_office_designates()
    {
        var provider = ProviderRules.For(Cds("54105460000001"), LeaKind.CharterSchool, Cds("54105460000000"), Map);

        provider.Kind.ShouldBe(ProviderKind.DesignatedByLeadAgency);
        provider.Name.ShouldBe("Tulare County Office of Education");
        provider.Cds.ShouldBe(Cds("54105460000000"));
        provider.Reason.ShouldContain("designates the provider");
    }

    [Fact]
    public void A_co_lead_that_authorized_a_charter_designates_and_names_its_co_lead()
    {
        var provider = ProviderRules.For(Cds("34103480000001"), LeaKind.CharterSchool, Cds("34103480000000"), Map);

        provider.Kind.ShouldBe(ProviderKind.DesignatedByLeadAgency);
        provider.Name.ShouldBe("Sacramento County Office of Education");
        provider.Reason.ShouldContain("co-lead with Placer County Office of Education");
    }

    [Fact]
    public void A_charter_authorized_by_another_countys_office_is_served_by_the_county_office_where_it_sits()
    {
        var provider = ProviderRules.For(Cds("27102720000009"), LeaKind.CharterSchool, Cds("54105460000000"), Map);

        provider.Kind.ShouldBe(ProviderKind.CountyOffice);
        provider.Name.ShouldBe("Monterey County Office of Education");
    }

    [Fact]
    public void A_county_office_is_served_by_the_Department()
    {
        var provider = ProviderRules.For(new Lea(Cds("27102720000000"), LeaKind.CountyOffice, "Monterey County Office of Education", "Monterey"), null, Map);

        provider.Kind.ShouldBe(ProviderKind.Department);
        provider.Name.ShouldBe("California Department of Education");
        provider.Cds.ShouldBeNull();
        provider.Agencies.ShouldBeEmpty();
    }

    [Fact]
    public void A_charter_needs_an_LEA_level_authorizer()
    {
        Should.Throw<ArgumentException>(() => ProviderRules.For(Cds("27102720112177"), LeaKind.CharterSchool, null, Map))
            .Message.ShouldContain("authorizer is needed");
        Should.Throw<ArgumentException>(() => ProviderRules.For(Cds("27102720112177"), LeaKind.CharterSchool, Cds("27102720124297"), Map))
            .Message.ShouldContain("not a district's or county office's code");
    }
}
