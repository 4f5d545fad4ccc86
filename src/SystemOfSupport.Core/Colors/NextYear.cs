using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Colors;

/// <summary>A Dashboard result carried one year on: this year's status is next year's prior, the denominator is kept.</summary>
public static class NextYear
{
    /// <summary>The Dashboard sets its small-denominator flag below 150 students counted (RULES.md §2.6).</summary>
    public const int SmallDenominatorThreshold = 150;

    /// <summary>
    /// The status level (1–5, 5 = best) of <paramref name="status"/> under the cut points <paramref name="measure"/>
    /// uses (its year, indicator, suspension type, grade 11 cut points); 0 when the year has none for it.
    /// </summary>
    public static int StatusLevel(IndicatorMeasure measure, decimal status)
    {
        ArgumentNullException.ThrowIfNull(measure);

        // Only the level is wanted: the n-size is met on purpose, and nothing caps it.
        var levelOnly = measure with
        {
            CurrentStatus = status,
            CurrentDenominator = int.MaxValue,
            PriorStatus = null,
            PriorDenominator = null,
            Change = null,
            CurrentNumerator = null,
            BelowParticipationTarget = false,
        };
        return ColorEngine.Levels(levelOnly).StatusLevel;
    }

    /// <summary>
    /// Next year's measure of a result whose status moves by <paramref name="change"/>: the same group, entity and
    /// denominator, this year's status as the prior. Rates stay within 0–100.
    /// </summary>
    public static IndicatorMeasure Measure(IndicatorMeasure now, int year, decimal change)
    {
        ArgumentNullException.ThrowIfNull(now);
        var status = now.CurrentStatus ?? throw new ArgumentException("a result without a status has no next year", nameof(now));
        var next = status + change;
        if (IsRate(now.Indicator))
        {
            next = Math.Clamp(next, 0m, 100m);
        }

        return now with
        {
            Year = year,
            CurrentStatus = next,
            PriorStatus = status,
            PriorDenominator = now.CurrentDenominator,
            PriorNSize = now.CurrentNSize,
            Change = next - status,
            SmallDenominator = now.CurrentDenominator < SmallDenominatorThreshold,
            CurrentNumerator = null,
            BelowParticipationTarget = false,
        };
    }

    /// <summary>Every indicator but ELA and Math (distance from standard, in points) is a percentage.</summary>
    public static bool IsRate(Indicator indicator) => indicator is not (Indicator.Ela or Indicator.Math);
}
