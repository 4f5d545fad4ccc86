using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using SystemOfSupport.Core.Determinations;

namespace SystemOfSupport.Core.Providers;

/// <summary>
/// One Geographic Lead Agency region: the county office(s) that lead it and the counties it serves. Two leads are
/// co-leads sharing the region.
/// </summary>
public sealed record GeographicLeadAgencyRegion(IReadOnlyList<County> Leads, IReadOnlyList<County> Counties)
{
    public bool HasCoLeads => Leads.Count > 1;

    /// <summary>The lead county offices' names, joined with "and".</summary>
    public string LeadNames => string.Join(" and ", Leads.Select(l => l.CountyOfficeName));

    public bool IsLead(County county) => Leads.Contains(county);

    public override string ToString() => $"{LeadNames}: {string.Join(", ", Counties.Select(c => c.Name))}";
}

/// <summary>
/// A Geographic Lead Agency map: every county in exactly one region (RULES.md §1). Which map a run uses is the
/// <see cref="DeterminationSettings.LeadAgencyMap"/> setting, because the current years' assignments are not confirmed.
/// </summary>
public sealed class GeographicLeadAgencyMap
{
    private readonly FrozenDictionary<string, GeographicLeadAgencyRegion> regionByCounty;

    public GeographicLeadAgencyMap(string key, string description, string rule, IReadOnlyList<GeographicLeadAgencyRegion> regions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(regions);
        Key = key;
        Description = description;
        Rule = rule;
        Regions = regions;

        // A county in two regions or none would make "its lead agency" ambiguous or missing: reject the map outright.
        var byCounty = new Dictionary<string, GeographicLeadAgencyRegion>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            foreach (var lead in region.Leads.Where(l => !region.Counties.Contains(l)))
            {
                throw new ArgumentException($"map '{key}': lead {lead.CountyOfficeName} is outside its own region ({region})", nameof(regions));
            }

            foreach (var county in region.Counties)
            {
                if (!byCounty.TryAdd(county.Code, region))
                {
                    throw new ArgumentException($"map '{key}': {county.Name} is in two regions ({byCounty[county.Code].LeadNames}; {region.LeadNames})", nameof(regions));
                }
            }
        }

        var missing = Counties.All.Where(c => !byCounty.ContainsKey(c.Code)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"map '{key}' has no region for {string.Join(", ", missing)}", nameof(regions));
        }

        regionByCounty = byCounty.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The value of the <c>providers.lead-agency-map</c> setting that selects this map.</summary>
    public string Key { get; }

    public string Description { get; }

    /// <summary>Where the map comes from and how sure it is (a RULES.md reference and tag).</summary>
    public string Rule { get; }

    public IReadOnlyList<GeographicLeadAgencyRegion> Regions { get; }

    public GeographicLeadAgencyRegion RegionOf(County county)
    {
        ArgumentNullException.ThrowIfNull(county);
        return regionByCounty[county.Code];
    }

    /// <summary>True when the county's own county office leads (or co-leads) its region.</summary>
    public bool IsLead(County county) => RegionOf(county).IsLead(county);
}

/// <summary>The Geographic Lead Agency maps this version knows, as data. Adding a year's map is adding an entry.</summary>
public static class GeographicLeadAgencyMaps
{
    // RULES.md §1: lead county office(s), then the counties of the region (the leads' own counties included).
    private static readonly (string[] Leads, string[] Counties)[] Table2019 =
    [
        (["Alameda"], ["Alameda", "Contra Costa", "San Francisco", "San Mateo", "Santa Clara", "Solano"]),
        (["Kern"], ["Fresno", "Kern", "Los Angeles", "San Luis Obispo", "Santa Barbara", "Ventura"]),
        (["Placer", "Sacramento"],
            ["Alpine", "Amador", "Calaveras", "Colusa", "El Dorado", "Nevada", "Placer", "Sacramento", "San Joaquin", "Sierra",
             "Sutter", "Tuolumne", "Yolo", "Yuba"]),
        (["Riverside", "San Diego"], ["Imperial", "Orange", "Riverside", "San Bernardino", "San Diego"]),
        (["Shasta"],
            ["Butte", "Del Norte", "Glenn", "Humboldt", "Lassen", "Modoc", "Plumas", "Shasta", "Siskiyou", "Tehama", "Trinity"]),
        (["Sonoma"], ["Lake", "Marin", "Mendocino", "Napa", "Sonoma"]),
        (["Tulare"],
            ["Inyo", "Kings", "Madera", "Mariposa", "Merced", "Mono", "Monterey", "San Benito", "Santa Cruz", "Stanislaus", "Tulare"]),
    ];

    /// <summary>The 2019-era map (RULES.md §1), taken as current because no later one is confirmed [assumed].</summary>
    public static GeographicLeadAgencyMap Map2019 { get; } = new(
        "2019",
        "The 2019-era Geographic Lead Agency map: seven regions, two of them with co-leads (Placer and Sacramento; Riverside and San Diego).",
        "RULES.md §1 [assumed for current years]",
        [.. Table2019.Select(r => new GeographicLeadAgencyRegion([.. r.Leads.Select(Counties.ByName)], [.. r.Counties.Select(Counties.ByName)]))]);

    public static IReadOnlyList<GeographicLeadAgencyMap> All { get; } = [Map2019];

    public static bool TryGet(string? key, [MaybeNullWhen(false)] out GeographicLeadAgencyMap map)
    {
        map = All.FirstOrDefault(m => string.Equals(m.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));
        return map is not null;
    }

    public static GeographicLeadAgencyMap Get(string key) =>
        TryGet(key, out var map)
            ? map
            : throw new ArgumentOutOfRangeException(nameof(key), key, $"no Geographic Lead Agency map '{key}'; known: {string.Join(", ", All.Select(m => m.Key))}");
}
