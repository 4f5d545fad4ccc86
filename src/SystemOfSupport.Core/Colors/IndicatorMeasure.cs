using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Colors;

/// <summary>
/// One Dashboard row's numbers as the color engine needs them. The positional values are every year's; the
/// init-only ones are what some years' files add and the engine must honour to reproduce them.
/// </summary>
/// <param name="SuspensionType">The suspension file's <c>type</c> (ED HD UD ES MS HS), which picks the cut points.</param>
/// <param name="HsCutPoints">ELA and Math <c>hscutpoints = Y</c>: the grade 11 cut points.</param>
/// <param name="SmallDenominator">The file's <c>smalldenom</c> (earlier <c>safetynet</c>) flag; null when the file has none.</param>
public sealed record IndicatorMeasure(
    int Year,
    Indicator Indicator,
    StudentGroup Group,
    bool IsLeaLevel,
    decimal? CurrentStatus,
    int? CurrentDenominator,
    decimal? PriorStatus,
    int? PriorDenominator,
    string? SuspensionType,
    bool HsCutPoints,
    bool? SmallDenominator)
{
    /// <summary>
    /// The file's <c>change</c>. The state computes it from the unrounded rates, so it can differ by 0.1 from
    /// current − prior of the rounded statuses; null: current − prior.
    /// </summary>
    public decimal? Change { get; init; }

    /// <summary>A Dashboard Alternative School Status school, or an LEA that serves only such schools (2018's graduation rate has its own cut points).</summary>
    public bool Dass { get; init; }

    /// <summary>
    /// The counts the color's n-size is judged on where the file gives them apart from the denominators (2018's
    /// students with disabilities: <c>currdenom_swd</c>, <c>priordenom_swd</c>); null: the denominators.
    /// </summary>
    public int? CurrentNSize { get; init; }

    /// <inheritdoc cref="CurrentNSize"/>
    public int? PriorNSize { get; init; }

    /// <summary>The count behind a rate (<c>currnumer</c>), where the file gives it: a later year's change is computed from the unrounded rate.</summary>
    public int? CurrentNumerator { get; init; }

    /// <summary>The unrounded rate when the count is known, else the published status.</summary>
    public decimal? ExactCurrentStatus => CurrentNumerator is int n && CurrentDenominator is > 0 and int d ? 100m * n / d : CurrentStatus;

    /// <summary>Fewer than 95% of the students tested (2022's ELPI <c>flag95pct</c>): the year may cap the status level.</summary>
    public bool BelowParticipationTarget { get; init; }
}

/// <summary><see cref="ColorResult"/> without the explanation: the levels alone (<see cref="ColorEngine.Levels(IndicatorMeasure)"/>).</summary>
public readonly record struct ColorLevels(int StatusLevel, int ChangeLevel, DashboardColor Color, int Box, bool AccountabilityMet)
{
    /// <summary>No status, no change, no color.</summary>
    public static ColorLevels Unrated => new(0, 0, DashboardColor.None, 0, false);
}

/// <summary>
/// What the engine makes of a measure, coded as the files code it: levels 1–5 (5 = best, 0 = none), the color
/// (None when not rated) and the grid <c>box</c> (0 without a color). <see cref="ChangeLevel"/> is the level the
/// file publishes, which for some indicators keeps five bands where the color used a clamped one.
/// </summary>
public sealed record ColorResult(int StatusLevel, int ChangeLevel, DashboardColor Color, int Box, bool AccountabilityMet, string Explanation)
{
    public ColorResult(ColorLevels levels, string explanation)
        : this(levels.StatusLevel, levels.ChangeLevel, levels.Color, levels.Box, levels.AccountabilityMet, explanation)
    {
    }

    /// <summary>The levels without the words.</summary>
    public ColorLevels Levels => new(StatusLevel, ChangeLevel, Color, Box, AccountabilityMet);
}
