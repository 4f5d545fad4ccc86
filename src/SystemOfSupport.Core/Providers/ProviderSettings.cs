using System.Collections.Frozen;
using SystemOfSupport.Core.Determinations;

namespace SystemOfSupport.Core.Providers;

/// <summary>
/// The assumptions behind "who provides assistance" (RULES.md [assumed]), as named settings in the style of
/// <see cref="DeterminationSettings"/>. Immutable; <see cref="With"/> returns a changed copy.
/// </summary>
public sealed class ProviderSettings
{
    public const string LeadAgencyMapKey = "providers.lead-agency-map";

    public static IReadOnlyList<SettingDefinition> Definitions { get; } =
    [
        new(LeadAgencyMapKey, GeographicLeadAgencyMaps.Map2019.Key, [.. GeographicLeadAgencyMaps.All.Select(m => m.Key)],
            "Which Geographic Lead Agency map decides the lead agency for a county's charter schools authorized by its county office: '2019' is the 2019-era map of seven regions, taken as current because no later map is confirmed.",
            "RULES.md §1, §3.7 [assumed]"),
    ];

    private static readonly FrozenDictionary<string, SettingDefinition> ByKey =
        Definitions.ToFrozenDictionary(d => d.Key, StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, string> values;

    private ProviderSettings(FrozenDictionary<string, string> values) => this.values = values;

    public static ProviderSettings Defaults { get; } = new(Definitions.ToFrozenDictionary(d => d.Key, d => d.Default, StringComparer.OrdinalIgnoreCase));

    public string this[string key] => values.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"unknown setting '{key}'");

    /// <summary>The map the <c>providers.lead-agency-map</c> setting selects.</summary>
    public GeographicLeadAgencyMap LeadAgencyMap => GeographicLeadAgencyMaps.Get(this[LeadAgencyMapKey]);

    public ProviderSettings With(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!ByKey.TryGetValue(key, out var def))
        {
            throw new ArgumentException($"unknown setting '{key}'; known settings: {string.Join(", ", Definitions.Select(d => d.Key))}", nameof(key));
        }

        if (!def.Allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"setting '{def.Key}' cannot be '{value}'; allowed: {string.Join(", ", def.Allowed)}", nameof(value));
        }

        var copy = values.ToDictionary(StringComparer.OrdinalIgnoreCase);
        copy[def.Key] = value.ToLowerInvariant();
        return new ProviderSettings(copy.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    public IReadOnlyList<AppliedSetting> Applied() =>
        [.. Definitions.Select(d => new AppliedSetting(d.Key, this[d.Key], this[d.Key] == d.Default, d.Description, d.Rule))];
}
