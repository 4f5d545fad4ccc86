using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Determinations;

namespace SystemOfSupport.Core.Providers;

/// <summary>
/// Who provides an LEA's differentiated assistance (RULES.md §3.7 [published]): a district → its county's county office;
/// a charter school → the county office of the county it sits in, unless that office authorized it, then the county's
/// Geographic Lead Agency (an office that is itself the lead designates a provider); a county office → the Department.
/// Pure: the answer depends only on the arguments.
/// </summary>
public static class ProviderRules
{
    public const string DepartmentName = "California Department of Education";

    /// <summary>The provider for an LEA.</summary>
    /// <param name="cds">The LEA's CDS code; its first two digits are the county it sits in.</param>
    /// <param name="kind">District, county office or charter school.</param>
    /// <param name="charterAuthorizer">A charter school's authorizer (a district's or county office's CDS code); ignored otherwise.</param>
    /// <param name="map">The Geographic Lead Agency map (<see cref="DeterminationSettings.LeadAgencyMap"/>).</param>
    public static Provider For(CdsCode cds, LeaKind kind, CdsCode? charterAuthorizer, GeographicLeadAgencyMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var county = Counties.Of(cds);
        return kind switch
        {
            LeaKind.District => ForDistrict(county, map),
            LeaKind.CountyOffice => new Provider(DepartmentName, null, ProviderKind.Department,
                $"{county.CountyOfficeName} is a county office of education, so the California Department of Education provides its assistance (optionally with another county office) (RULES.md §3.7)."),
            LeaKind.CharterSchool => ForCharter(cds, county, charterAuthorizer
                ?? throw new ArgumentException($"charter school {cds}: its authorizer is needed to tell who provides its assistance", nameof(charterAuthorizer)), map),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown LEA kind"),
        };
    }

    /// <inheritdoc cref="For(CdsCode, LeaKind, CdsCode?, GeographicLeadAgencyMap)"/>
    public static Provider For(Lea lea, CdsCode? charterAuthorizer, GeographicLeadAgencyMap map)
    {
        ArgumentNullException.ThrowIfNull(lea);
        return For(lea.Cds, lea.Kind, charterAuthorizer, map);
    }

    private static Provider ForDistrict(County county, GeographicLeadAgencyMap map)
    {
        var reason = $"A school district's assistance is provided by its county's office, {county.CountyOfficeName}, which may, with the district, bring in another provider (RULES.md §3.7).";
        if (county.IsSingleDistrict)
        {
            // RULES.md §7: the provider does not change, but the funding for it does; say so where it matters.
            reason += $" {county.Name} is a single-district county, so the county office funding for this district goes to the region's Geographic Lead Agency, {map.RegionOf(county).LeadNames} (RULES.md §7).";
        }

        return new Provider(county.CountyOfficeName, county.CountyOfficeCds, ProviderKind.CountyOffice, reason);
    }

    private static Provider ForCharter(CdsCode cds, County county, CdsCode authorizer, GeographicLeadAgencyMap map)
    {
        if (!authorizer.IsLeaLevel)
        {
            throw new ArgumentException($"charter school {cds}: authorizer {authorizer} is not a district's or county office's code (it must end in {CdsCode.LeaSchoolCode})", nameof(authorizer));
        }

        if (authorizer.CdCode != county.CountyOfficeCds.CdCode)
        {
            return new Provider(county.CountyOfficeName, county.CountyOfficeCds, ProviderKind.CountyOffice,
                $"A charter school's assistance is provided by the county office of the county it sits in, {county.CountyOfficeName}, which did not authorize it (its authorizer is {authorizer}) (RULES.md §3.7).");
        }

        var region = map.RegionOf(county);
        if (region.IsLead(county))
        {
            var coLead = region.HasCoLeads
                ? $" (co-lead with {string.Join(" and ", region.Leads.Where(l => l != county).Select(l => l.CountyOfficeName))})"
                : string.Empty;
            return new Provider(county.CountyOfficeName, county.CountyOfficeCds, ProviderKind.DesignatedByLeadAgency,
                $"{county.CountyOfficeName} authorized this charter school and is itself the Geographic Lead Agency{coLead} for {county.Name} under the {map.Key} map, so it designates the provider (RULES.md §3.7, §7).");
        }

        var leads = region.HasCoLeads ? $"the co-leads {region.LeadNames}" : region.LeadNames;
        var reason = $"{county.CountyOfficeName} authorized this charter school, so its assistance is provided by {county.Name}'s Geographic Lead Agency under the {map.Key} map: {leads} (RULES.md §3.7; the map is {map.Rule}).";
        return region.HasCoLeads
            ? new Provider(region.LeadNames, null, ProviderKind.GeographicLeadAgency, reason) { Agencies = [.. region.Leads.Select(l => l.CountyOfficeCds)] }
            : new Provider(region.LeadNames, region.Leads[0].CountyOfficeCds, ProviderKind.GeographicLeadAgency, reason);
    }
}
