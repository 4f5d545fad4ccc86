using System.Collections.Frozen;
using SystemOfSupport.Core.Providers;

namespace SystemOfSupport.Core.Determinations;

/// <summary>An assumed rule (RULES.md [assumed]) exposed as a named setting a user can change without a code change.</summary>
public sealed record SettingDefinition(string Key, string Default, IReadOnlyList<string> Allowed, string Description, string Rule);

/// <summary>A setting with the value a run used: written into every findings file.</summary>
public sealed record AppliedSetting(string Key, string Value, bool IsDefault, string Description, string Rule);

/// <summary>The assumptions a determination run uses. Immutable; <see cref="With"/> returns a changed copy.</summary>
public sealed class DeterminationSettings
{
    public const string MissingHistory = "history.missing-lea";
    public const string MissingLocalIndicators = "local.missing-lea";
    public const string Scope = "scope.leas";
    public const string LeadAgencyMapKey = "providers.lead-agency-map";

    public static IReadOnlyList<SettingDefinition> Definitions { get; } =
    [
        new(MissingHistory, "general", ["general", "error"],
            "An LEA with no row in the history (prior-year workbook or prior output) is taken as not in Year 1 of assistance last year ('general'), or the run fails ('error').",
            "RULES.md §3.5 [assumed]"),
        new(MissingLocalIndicators, "none-not-met", ["none-not-met", "error"],
            "An LEA with no rows in the local-indicator files is taken as having no local indicator Not Met for Two or More Years ('none-not-met'), or the run fails ('error').",
            "RULES.md §3.3 [assumed]"),
        new(Scope, "dashboard-counties", ["dashboard-counties", "dashboard-leas"],
            "Which LEAs are decided: those with Dashboard rows plus, from the history, the other districts and county offices of the counties the Dashboard files cover ('dashboard-counties', so a Year 1 LEA without results this year still gets its Year 2), or only LEAs with Dashboard rows ('dashboard-leas').",
            "RULES.md §3.5 [assumed]"),
        new(LeadAgencyMapKey, GeographicLeadAgencyMaps.Map2019.Key, [.. GeographicLeadAgencyMaps.All.Select(m => m.Key)],
            "Which Geographic Lead Agency map decides the lead agency for a county's charter schools authorized by its county office: '2019' is the 2019-era map of seven regions, taken as current because no later map is confirmed.",
            "RULES.md §1, §3.7 [assumed]"),
        Essa.EssaSettings.Definition,
    ];

    private static readonly FrozenDictionary<string, SettingDefinition> ByKey =
        Definitions.ToFrozenDictionary(d => d.Key, StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, string> values;

    private DeterminationSettings(FrozenDictionary<string, string> values) => this.values = values;

    public static DeterminationSettings Defaults { get; } = new(Definitions.ToFrozenDictionary(d => d.Key, d => d.Default, StringComparer.OrdinalIgnoreCase));

    public string this[string key] => values.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"unknown setting '{key}'");

    /// <summary>The Geographic Lead Agency map the <c>providers.lead-agency-map</c> setting selects.</summary>
    public GeographicLeadAgencyMap LeadAgencyMap => GeographicLeadAgencyMaps.Get(this[LeadAgencyMapKey]);

    public DeterminationSettings With(string key, string value)
    {
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
        return new DeterminationSettings(copy.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    public IReadOnlyList<AppliedSetting> Applied() =>
        [.. Definitions.Select(d => new AppliedSetting(d.Key, this[d.Key], this[d.Key] == d.Default, d.Description, d.Rule))];
}
