using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Rules;

/// <summary>A state-indicator priority and the criteria, any one of which meets it.</summary>
public sealed record PriorityRule(PriorityArea Priority, IReadOnlyList<Criterion> AnyOf);

/// <summary>How the year's assistance status is worded and carried over (RULES.md §3.5).</summary>
public sealed record StatusRules(
    AssistanceStatus Identified,
    AssistanceStatus General,
    AssistanceStatus? CarriedOver,
    AssistanceStatus? CarriedOverFrom);

/// <summary>
/// One Dashboard year's Differentiated Assistance rules for districts and county offices, as data (RULES.md §3).
/// </summary>
public sealed record DaRuleSet(
    int Year,
    IReadOnlyList<StudentGroup> Groups,
    IReadOnlyList<PriorityRule> StateIndicatorPriorities,
    IReadOnlySet<PriorityArea> DistrictLocalPriorities,
    IReadOnlySet<PriorityArea> CountyOfficeLocalPriorities,
    IReadOnlySet<int> Methods,
    int Method2Threshold,
    StatusRules Status,
    bool CountyOfficesDetermined,
    bool HasLevel3Flag,
    StatusNSize? SignificanceNSize,
    string Source)
{
    /// <summary>Method 4 (CALPADS certification), from 2024.</summary>
    public bool HasMethod4 => Methods.Contains(4);

    /// <summary>Methods 2 and 3 read the local indicators; 2022 used none.</summary>
    public bool UsesLocalIndicators => Methods.Contains(2);

    // Both follow from the criteria, which are fixed per year: worked out once, not per LEA and group.
    public IReadOnlyList<Indicator> IndicatorsUsed { get; } =
        [.. StateIndicatorPriorities.SelectMany(p => p.AnyOf).SelectMany(c => c.Indicators).Distinct().Order()];

    /// <summary>Indicators whose published color the year's criteria read: their files must have a <c>color</c> column.</summary>
    public IReadOnlySet<Indicator> ColoredIndicators { get; } =
        StateIndicatorPriorities.SelectMany(p => p.AnyOf).Where(c => c.UsesColor).SelectMany(c => c.Indicators).ToHashSet();

    /// <summary>
    /// Whether a group counts as numerically significant for Level 3's fewer-than-three clause: a color on some
    /// indicator, or in a status-only year (2022) a current denominator at the n-size.
    /// </summary>
    public bool IsSignificant(IndicatorResult result, bool leaLevel) =>
        SignificanceNSize is { } n ? (result.CurrentDenominator ?? 0) >= n.For(result.Group, leaLevel) && result.StatusLevel > 0 : result.HasColor;

    public IReadOnlySet<PriorityArea> LocalPrioritiesFor(LeaKind kind) =>
        kind == LeaKind.CountyOffice ? CountyOfficeLocalPriorities : DistrictLocalPriorities;
}
