using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;

namespace SystemOfSupport.Core.Determinations;

/// <summary>An LEA's Dashboard results, indexed by indicator and student group.</summary>
public sealed class LeaResults : IIndicatorResults
{
    // A slot per indicator and group: the rules look results up hundreds of times per LEA, and an array index is
    // cheaper than hashing a pair. The list keeps the order results were added in.
    private static readonly int GroupSlots = Enum.GetValues<StudentGroup>().Max(g => (int)g) + 1;
    private static readonly int Slots = (Enum.GetValues<Indicator>().Max(i => (int)i) + 1) * GroupSlots;
    private readonly List<IndicatorResult> inOrder = [];
    private IndicatorResult?[]? bySlot;

    public static LeaResults Empty { get; } = new();

    public int Count => inOrder.Count;

    public IEnumerable<IndicatorResult> All => inOrder;

    /// <summary>Adds a result; false when one for the same indicator and group is already there.</summary>
    public bool TryAdd(IndicatorResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var slot = Slot(result.Indicator, result.Group) ?? throw new ArgumentOutOfRangeException(nameof(result), $"no indicator {result.Indicator} or group {result.Group}");
        bySlot ??= new IndicatorResult?[Slots];
        if (bySlot[slot] is not null)
        {
            return false;
        }

        bySlot[slot] = result;
        inOrder.Add(result);
        return true;
    }

    public IndicatorResult? Find(Indicator indicator, StudentGroup group) =>
        bySlot is not null && Slot(indicator, group) is { } slot ? bySlot[slot] : null;

    private static int? Slot(Indicator indicator, StudentGroup group) =>
        (uint)group < (uint)GroupSlots && (uint)indicator < (uint)(Slots / GroupSlots) ? ((int)indicator * GroupSlots) + (int)group : null;
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
