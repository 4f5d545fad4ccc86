using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Resources;

/// <summary>What kind of support a catalogue entry is.</summary>
public enum ResourceKind
{
    /// <summary>An agency the LCFF charges with building capacity in part of the system (Geographic Lead Agencies, Equity Leads, …).</summary>
    LeadAgency,

    /// <summary>A state-funded initiative, grant program or toolkit any LEA may draw on.</summary>
    StatewideInitiative,

    /// <summary>One of the three state agencies that coordinate the lead agencies (CDE, CCEE, SBE).</summary>
    StateAgency,
}

/// <summary>Who a resource is meant for.</summary>
public enum Audience
{
    District,
    CountyOffice,
    Charter,
    School,
    Educator,
    Family,
}

/// <summary>
/// One entry of the Level 1 resource hub, tagged so an LEA can find what fits the needs it was identified for.
/// No priority and no group tag means support for everyone.
/// </summary>
/// <param name="Id">A short stable slug (<c>title-iii-rels</c>), used in addresses.</param>
/// <param name="Levels">The levels of support (1 universal, 2 differentiated assistance, 3 intensive) the resource serves.</param>
public sealed record Resource(
    string Id,
    string Name,
    ResourceKind Kind,
    string Summary,
    string? Url,
    IReadOnlyList<PriorityArea> Priorities,
    IReadOnlyList<StudentGroup> Groups,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<Audience> Audiences,
    IReadOnlyList<int> Levels)
{
    /// <summary>No longer offered: kept for the record, never matched or listed by default.</summary>
    public bool Retired { get; init; }

    /// <summary>Tagged for no priority, indicator or student group: support for all.</summary>
    public bool IsGeneral => Priorities.Count == 0 && Indicators.Count == 0 && Groups.Count == 0;
}

public static class Audiences
{
    public static string Label(this Audience audience) => audience switch
    {
        Audience.CountyOffice => "County office",
        _ => audience.ToString(),
    };

    /// <summary>The audience an LEA of this kind belongs to.</summary>
    public static Audience Of(LeaKind kind) => kind switch
    {
        LeaKind.CountyOffice => Audience.CountyOffice,
        LeaKind.CharterSchool => Audience.Charter,
        _ => Audience.District,
    };
}
