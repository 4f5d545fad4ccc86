using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Providers;

/// <summary>What kind of agency provides an LEA's differentiated assistance (RULES.md §3.7).</summary>
public enum ProviderKind
{
    /// <summary>The county office of education of the LEA's county.</summary>
    CountyOffice,

    /// <summary>The Geographic Lead Agency (or co-leads) of the county's region.</summary>
    GeographicLeadAgency,

    /// <summary>
    /// The county office authorized the charter and is itself its region's lead agency: it designates the provider,
    /// which is not known here. <see cref="Provider.Name"/> and <see cref="Provider.Cds"/> name the designating office.
    /// </summary>
    DesignatedByLeadAgency,

    /// <summary>The California Department of Education.</summary>
    Department,
}

/// <summary>
/// Who provides an LEA's differentiated assistance, and why. For co-leads <see cref="Name"/> names both,
/// <see cref="Cds"/> is null and <see cref="Agencies"/> holds both codes; for the Department there is no CDS code.
/// </summary>
public sealed record Provider(string Name, CdsCode? Cds, ProviderKind Kind, string Reason)
{
    /// <summary>Every agency named: one, two for co-leads, none for the Department.</summary>
    public IReadOnlyList<CdsCode> Agencies { get; init; } = Cds is { } cds ? [cds] : [];
}
