using System.Collections.Immutable;
using System.Globalization;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Forecast;

/// <summary>
/// One observed year-over-year change of a Dashboard result: its indicator, the status level that buckets it
/// (1–5, 5 = best; 0 when unknown) and the file's <c>change</c>.
/// </summary>
public readonly record struct ChangeObservation(Indicator Indicator, int Level, decimal Change);

/// <summary>
/// The changes a group's next status is drawn from: one indicator × status level, or the indicator's whole
/// distribution (<see cref="WholeIndicator"/>) when that level had too few. <see cref="Changes"/> is sorted, so a draw
/// depends only on the seed, never on the order the files listed the rows.
/// </summary>
public sealed record ChangeBucket(Indicator Indicator, int Level, ImmutableArray<decimal> Changes, bool WholeIndicator, string Description)
{
    /// <summary>A single change of 0: next year's status is this year's (the <c>forecast.missing-change=maintained</c> assumption).</summary>
    public static ChangeBucket Maintained(Indicator indicator) =>
        new(indicator, 0, [0m], WholeIndicator: true, $"{indicator.DisplayName()}: no observed change, taken as 0 (maintained)");
}

/// <summary>
/// Observed year-over-year changes, bucketed by indicator and status level. A bucket with fewer than
/// <see cref="BucketMinimum"/> observations falls back to the indicator's whole distribution (every level, and the
/// observations whose level is unknown).
/// </summary>
public sealed class ChangeDistribution
{
    private readonly Dictionary<(Indicator Indicator, int Level), ChangeBucket> buckets = [];
    private readonly Dictionary<Indicator, ChangeBucket> whole = [];

    public ChangeDistribution(IEnumerable<ChangeObservation> observations, int bucketMinimum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketMinimum, 1);
        BucketMinimum = bucketMinimum;
        foreach (var byIndicator in observations.GroupBy(o => o.Indicator))
        {
            var indicator = byIndicator.Key;
            var all = byIndicator.Select(o => o.Change).Order().ToImmutableArray();
            whole[indicator] = new ChangeBucket(indicator, 0, all, WholeIndicator: true,
                $"{indicator.DisplayName()}, every level: {Count(all.Length)}");
            foreach (var byLevel in byIndicator.Where(o => o.Level is >= 1 and <= 5).GroupBy(o => o.Level))
            {
                var changes = byLevel.Select(o => o.Change).Order().ToImmutableArray();
                buckets[(indicator, byLevel.Key)] = changes.Length >= bucketMinimum
                    ? new ChangeBucket(indicator, byLevel.Key, changes, WholeIndicator: false, $"{indicator.DisplayName()}, status level {byLevel.Key}: {Count(changes.Length)}")
                    : whole[indicator] with
                    {
                        Level = byLevel.Key,
                        Description = $"{indicator.DisplayName()}, status level {byLevel.Key}: {Count(changes.Length)}, fewer than {bucketMinimum}, so every level's {Count(all.Length)}",
                    };
            }
        }

        Indicators = [.. whole.Keys.Order()];
    }

    /// <summary>The fewest observations a level's own bucket needs.</summary>
    public int BucketMinimum { get; }

    /// <summary>The indicators with at least one observed change.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>How many changes were observed for an indicator (0: none).</summary>
    public int Count(Indicator indicator) => whole.TryGetValue(indicator, out var b) ? b.Changes.Length : 0;

    /// <summary>
    /// The changes for a group of <paramref name="indicator"/> at status <paramref name="level"/>: the level's own
    /// when it has enough, else the whole indicator's; null when the indicator has no observed change at all.
    /// </summary>
    public ChangeBucket? For(Indicator indicator, int level) =>
        buckets.TryGetValue((indicator, level), out var bucket) ? bucket
        : whole.TryGetValue(indicator, out var all) ? all with
        {
            Level = level,
            Description = level is >= 1 and <= 5
                ? $"{indicator.DisplayName()}, status level {level}: no observations, so every level's {Count(all.Changes.Length)}"
                : all.Description,
        }
        : null;

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture) + (n == 1 ? " change" : " changes");
}
