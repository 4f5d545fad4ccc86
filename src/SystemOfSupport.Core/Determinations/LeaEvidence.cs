using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;

namespace SystemOfSupport.Core.Determinations;

/// <summary>An LEA's Dashboard results, indexed by indicator and student group.</summary>
public sealed class LeaResults : IIndicatorResults
{
    private readonly Dictionary<(Indicator, StudentGroup), IndicatorResult> results = [];

    public static LeaResults Empty { get; } = new();

    public int Count => results.Count;

    public IEnumerable<IndicatorResult> All => results.Values;

    /// <summary>Adds a result; false when one for the same indicator and group is already there.</summary>
    public bool TryAdd(IndicatorResult result) => results.TryAdd((result.Indicator, result.Group), result);

    public IndicatorResult? Find(Indicator indicator, StudentGroup group) =>
        results.TryGetValue((indicator, group), out var r) ? r : null;
}

/// <summary>Everything the rules look at for one LEA in one year.</summary>
public sealed record LeaEvidence(
    Lea Lea,
    IIndicatorResults Results,
    bool HasDashboardResults,
    IReadOnlyList<LocalIndicatorResult> LocalIndicators,
    bool HasLocalIndicatorData,
    AssistanceHistory History)
{
    public bool HasHistory => History.Latest(Lea.Cds) is not null;

    /// <summary>Method 4 from the LEA's CALPADS certifications (RULES.md §6); null when no certification records were given.</summary>
    public MethodFinding? Method4 { get; init; }

    public AssistanceStatus? StatusIn(int year) => History.Status(Lea.Cds, year);
}
