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
    public const string CalpadsDeadline = "calpads.deadline";
    public const string CalpadsDataQuality = "calpads.data-quality";
    public const string CalpadsMissingLea = "calpads.missing-lea";
    public const string FundingEarlierReports = "funding.earlier-reports";
    public const string FundingIdentified = "funding.identified";
    public const string FundingLeaNotInDirectory = "funding.lea-not-in-directory";
    public const string FundingMissingCharterReport = "funding.missing-charter-report";
    public const string FundingCoLeadShare = "funding.co-lead-share";

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
        new(CalpadsDeadline, Calpads.CalpadsSettings.AmendmentWindowClose, [Calpads.CalpadsSettings.AmendmentWindowClose, Calpads.CalpadsSettings.CertificationDeadline],
            "Which CALPADS deadline a submission must be certified by for Method 4: the final one, the close of the amendment window where there is one, else the certification deadline ('amendment-window-close'), or the certification deadline even where an amendment window follows ('certification-deadline'). A re-certification after an amendment must always be in by the window's close.",
            "RULES.md §6 [assumed]"),
        new(CalpadsDataQuality, Calpads.CalpadsSettings.AnyFlagged, [Calpads.CalpadsSettings.AnyFlagged, Calpads.CalpadsSettings.NotEvaluated],
            "From the 2026 Dashboard (2025-26 data) an identified data-quality issue also meets Method 4, but CDE has not set its parameters: any submission of the year flagged DataQualityIssue = Y in the certification file counts ('any-flagged'), or data quality is not evaluated ('not-evaluated').",
            "RULES.md §6 [assumed]"),
        new(CalpadsMissingLea, Calpads.CalpadsSettings.NotMet, [Calpads.CalpadsSettings.NotMet, Calpads.CalpadsSettings.NotCertified, Calpads.CalpadsSettings.Error],
            "A district or county office with no CALPADS certification records for the school year: Method 4 is not met, and its reason says so ('not-met'); it is taken as having certified nothing ('not-certified'); or the run fails ('error').",
            "RULES.md §6 [assumed]"),
        new(FundingEarlierReports, Funding.FundingSettings.PrecedingPublished, [Funding.FundingSettings.PrecedingPublished, Funding.FundingSettings.Carry2019, Funding.FundingSettings.Zero2020And2021],
            "Which reports a county office's funding averages over across the 2020-2021 gap (no Dashboard): the current report and the published ones before it, 2020 and 2021 skipped (FY 2022-23: 2022, 2019, 2018) ('preceding-published'); 2020 and 2021 counted as repeating 2019's report ('carry-2019': 2022, 2019, 2019); or counted as identifying no one ('zero-2020-2021': 2022 and two empty years). The report of Dashboard year Y is the current report of fiscal year Y-(Y+1).",
            "RULES.md §7 [assumed]"),
        new(FundingIdentified, Funding.FundingSettings.Year1, [Funding.FundingSettings.Year1, Funding.FundingSettings.Year1AndYear2],
            "Which statuses count as identified for a county office's funding allowances: newly identified only ('Differentiated Assistance', 2023 on 'Differentiated Assistance, Year 1', 2017 'Differentiated Support') ('year1'), or also the Year 2 carry-over ('year1-and-year2').",
            "RULES.md §7 [assumed]"),
        new(FundingLeaNotInDirectory, Funding.FundingSettings.Error, [Funding.FundingSettings.Error, Funding.FundingSettings.Small, Funding.FundingSettings.Medium, Funding.FundingSettings.Large],
            "An identified district or charter school of a county the LEA directory covers, but missing from the directory: the run fails ('error'), or a district is sized in that ADA band ('small' up to 2,499, 'medium' 2,500-9,999, 'large' 10,000 or more) and a charter school taken as not authorized by its county office. Counties the directory does not list are not computed.",
            "RULES.md §7 [assumed]"),
        new(FundingMissingCharterReport, Funding.FundingSettings.NoneIdentified, [Funding.FundingSettings.NoneIdentified, Funding.FundingSettings.Error],
            "A charter report year (2023 on: the state's charterassistanceYY or this tool's) that a fiscal year averages over but no file gives: no charter school counted for that year, with a warning ('none-identified'), or the run fails ('error'). Years before 2023 had no charter report and count none.",
            "RULES.md §7 [assumed]"),
        new(FundingCoLeadShare, Funding.FundingSettings.SplitEqually, [Funding.FundingSettings.SplitEqually, Funding.FundingSettings.FirstListed],
            "An allowance that goes to a Geographic Lead Agency region led by two co-leads (Placer and Sacramento; Riverside and San Diego): split equally between them ('split-equally'), or paid to the first-listed lead ('first-listed').",
            "RULES.md §1, §7 [assumed]"),
        .. Forecast.ForecastSettings.Definitions,
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
