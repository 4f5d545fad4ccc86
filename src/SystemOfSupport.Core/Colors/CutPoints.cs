using System.Globalization;

namespace SystemOfSupport.Core.Colors;

/// <summary>
/// Five bands on the number line, as RULES.md §2.5 writes them: each bound is the highest value (one decimal,
/// inclusive) of a band, from the lowest band up. Which end is level 5 depends on whether higher is better.
/// </summary>
public sealed record CutPoints(bool HigherIsBetter, decimal LowestBandMax, decimal SecondBandMax, decimal MiddleBandMax, decimal FourthBandMax)
{
    /// <summary>Bands where higher values are better: the lowest band is level 1.</summary>
    public static CutPoints Higher(decimal lowestBandMax, decimal secondBandMax, decimal middleBandMax, decimal fourthBandMax) =>
        new(true, lowestBandMax, secondBandMax, middleBandMax, fourthBandMax);

    /// <summary>Bands where lower values are better (absenteeism, suspension): the lowest band is level 5.</summary>
    public static CutPoints Lower(decimal lowestBandMax, decimal secondBandMax, decimal middleBandMax, decimal fourthBandMax) =>
        new(false, lowestBandMax, secondBandMax, middleBandMax, fourthBandMax);

    private IEnumerable<decimal> Bounds => [LowestBandMax, SecondBandMax, MiddleBandMax, FourthBandMax];

    /// <summary>The level (1–5, 5 = best) of a value already rounded to one decimal.</summary>
    public int Level(decimal value)
    {
        var band = Bounds.Count(max => value > max);
        return HigherIsBetter ? band + 1 : 5 - band;
    }

    /// <summary>The range of values a level covers, for explanations (e.g. "2.6–5.0", "≥20.1").</summary>
    public string Range(int level)
    {
        var band = HigherIsBetter ? level - 1 : 5 - level;
        var bounds = Bounds.ToArray();
        return band switch
        {
            0 => $"≤{Format(bounds[0])}",
            4 => $"≥{Format(bounds[3] + 0.1m)}",
            _ => $"{Format(bounds[band - 1] + 0.1m)}–{Format(bounds[band])}",
        };
    }

    internal static string Format(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
