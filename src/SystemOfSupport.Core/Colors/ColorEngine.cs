using System.Globalization;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Colors;

/// <summary>
/// Recomputes a Dashboard row's status level, change level, color and box from its numbers with the year's
/// <see cref="ColorTables"/> (RULES.md §2.4–2.6). Values are rounded to one decimal, half away from zero (the
/// files' rates are numerator ÷ denominator rounded that way), before they are cut.
/// </summary>
public static class ColorEngine
{
    private static readonly string[] StatusNames = ["Very Low", "Low", "Medium", "High", "Very High"];
    private static readonly string[] ChangeNames = ["Declined Significantly", "Declined", "Maintained", "Increased", "Increased Significantly"];

    public static IReadOnlyCollection<int> SupportedYears => ColorTableBook.SupportedYears;

    /// <summary>The year's tables; throws for a year without a Dashboard.</summary>
    public static ColorTables For(int year) => ColorTableBook.For(year);

    public static ColorResult Compute(IndicatorMeasure m)
    {
        var why = new List<string>();
        var levels = Levels(m, why);
        return new ColorResult(levels, Sentence(why));
    }

    /// <summary>
    /// What <see cref="Compute"/> gives without its explanation in words, for callers that color results by the
    /// thousand and read only the levels (the forecast colors every possible change of every result).
    /// </summary>
    public static ColorLevels Levels(IndicatorMeasure m) => Levels(m, why: null);

    /// <param name="why">Where the steps are put in words; null to skip the words.</param>
    private static ColorLevels Levels(IndicatorMeasure m, List<string>? why)
    {
        ArgumentNullException.ThrowIfNull(m);
        var tables = For(m.Year);
        var key = new CutPointKey(m.Indicator, Variant(m));
        var statusCuts = tables.StatusCutPoints(key);
        if (statusCuts is null)
        {
            why?.Add(m.Indicator == Indicator.Susp
                ? $"suspension cut points depend on the type (ED, HD, UD, ES, MS, HS); the row's is '{m.SuspensionType}'"
                : $"{m.Indicator.DisplayName()} has no status level in {m.Year}");
            return ColorLevels.Unrated;
        }

        if (m.CurrentStatus is not decimal current)
        {
            why?.Add("no current result");
            return ColorLevels.Unrated;
        }

        if (m.CurrentDenominator < tables.NSize.Status)
        {
            why?.Add($"{m.CurrentDenominator} students: a status needs {tables.NSize.Status}");
            return ColorLevels.Unrated;
        }

        var statusValue = Round(current);
        var status = statusCuts.Level(statusValue);
        why?.Add($"status {CutPoints.Format(statusValue)}: {Name(StatusNames, statusCuts, status)} ({statusCuts.Range(status)})");
        if (m.BelowParticipationTarget && tables.StatusCapBelowParticipation is int cap && status > cap)
        {
            status = cap;
            why?.Add($"under 95% tested, so no higher than {Name(StatusNames, statusCuts, cap)}");
        }

        var nsize = tables.NSize.ForColor(m.Group, m.IsLeaLevel);
        var currentCount = m.CurrentNSize ?? m.CurrentDenominator;
        var priorCount = m.PriorNSize ?? m.PriorDenominator;
        // A prior result given without its count (a few 2018 school rows) is taken as meeting the n-size, as the state did.
        var met = currentCount >= nsize && (priorCount is int p ? p >= nsize : m.PriorStatus is not null);

        var changeCuts = tables.ChangeCutPoints(key);
        if (changeCuts is null || m.PriorStatus is not decimal prior)
        {
            why?.Add(changeCuts is null ? $"status only in {m.Year}" : "no prior-year result, so no change and no color");
            return new ColorLevels(status, 0, DashboardColor.None, 0, met);
        }

        var changeValue = Round(m.Change ?? current - prior);
        var change = changeCuts.Level(changeValue);
        why?.Add($"change {Signed(changeValue)}: {Name(ChangeNames, changeCuts, change)}");
        var colorChange = change;
        if (m.SmallDenominator == true && tables.SmallDenominators.TryGetValue(m.Indicator, out var clamp) && change is 1 or 5)
        {
            colorChange = Math.Clamp(change, 2, 4);
            why?.Add(clamp == SmallDenominatorClamp.ChangeLevel
                ? $"small denominator, so held at {Name(ChangeNames, changeCuts, colorChange)}"
                : $"small denominator, so colored as {Name(ChangeNames, changeCuts, colorChange)}");
            change = clamp == SmallDenominatorClamp.ChangeLevel ? colorChange : change;
        }

        var grid = tables.Grid(key);
        var color = grid is not null && met && !tables.UncoloredGroups.Contains(m.Group) ? grid.Color(status, colorChange) : DashboardColor.None;
        why?.Add(color != DashboardColor.None ? $"{color} (box {Box(status, colorChange)})"
            : grid is null ? $"no {m.Indicator.DisplayName()} color in {m.Year}"
            : tables.UncoloredGroups.Contains(m.Group) ? $"{m.Group} is informational: not rated"
            : !met ? $"no color: {currentCount?.ToString(CultureInfo.InvariantCulture) ?? "?"} students this year and {priorCount?.ToString(CultureInfo.InvariantCulture) ?? "?"} last year, a color needs {nsize} in both"
            : "no color in this cell of the grid");
        return new ColorLevels(status, change, color, color == DashboardColor.None ? 0 : Box(status, colorChange), met);
    }

    /// <summary>The grid cell's number as the files give it: 10 (Very High, Declined Significantly) … 250.</summary>
    public static int Box(int statusLevel, int changeLevel) => (50 * (5 - statusLevel)) + (10 * changeLevel);

    private static string? Variant(IndicatorMeasure m) =>
        m.Indicator == Indicator.Susp ? m.SuspensionType?.Trim().ToUpperInvariant()
        : m.HsCutPoints ? CutPointKey.GradeEleven
        : m.Dass ? CutPointKey.AlternativeSchools
        : null;

    private static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    private static string Signed(decimal value) => (value > 0 ? "+" : string.Empty) + CutPoints.Format(value);

    // Level 5 is the best band: the highest values, or the lowest where lower is better.
    private static string Name(string[] names, CutPoints cuts, int level) => cuts.HigherIsBetter ? names[level - 1] : names[5 - level];

    private static string Sentence(List<string> parts) => string.Join("; ", parts);
}
