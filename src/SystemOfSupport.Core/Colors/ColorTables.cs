using System.Collections.Frozen;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Colors;

/// <summary>
/// Which cut points or grid a row uses: its indicator and, where the tables differ within one indicator, a variant:
/// the suspension <c>type</c> (ED HD UD ES MS HS), <see cref="GradeEleven"/> or <see cref="AlternativeSchools"/>.
/// A table without the variant falls back to the indicator's own entry.
/// </summary>
public readonly record struct CutPointKey(Indicator Indicator, string? Variant = null)
{
    /// <summary>ELA and Math rows with <c>hscutpoints = Y</c>.</summary>
    public const string GradeEleven = "HS";

    /// <summary>Dashboard Alternative School Status schools and the LEAs that serve only them.</summary>
    public const string AlternativeSchools = "DASS";
}

/// <summary>How a small denominator (<c>smalldenom</c>/<c>safetynet</c> = Y) holds the change level within Declined…Increased (2…4).</summary>
public enum SmallDenominatorClamp
{
    /// <summary>The published change level is the held one, and the color and box use it.</summary>
    ChangeLevel,

    /// <summary>The published change level keeps five bands; only the color and box use the held level.</summary>
    ColorOnly,
}

/// <summary>Who gets a status and a color (RULES.md §2.4).</summary>
/// <param name="Status">The current count from which a status is reported.</param>
/// <param name="Color">The count needed this year and last for a color.</param>
/// <param name="SmallGroupsAtLea">Groups whose LEA rows need only <paramref name="SmallGroupColor"/>; schools always need <paramref name="Color"/>.</param>
public sealed record NSizeRule(int Status, int Color, int SmallGroupColor, FrozenSet<StudentGroup> SmallGroupsAtLea)
{
    public int ForColor(StudentGroup group, bool isLeaLevel) => isLeaLevel && SmallGroupsAtLea.Contains(group) ? SmallGroupColor : Color;
}

/// <summary>
/// One Dashboard year's color rules as data: status and change cut points, the five-by-five grids (an indicator
/// without a grid gets no color that year; one without change cut points is status only), the small-denominator
/// clamps, the n-size and the groups never colored. <see cref="ColorEngine"/> interprets them.
/// </summary>
public sealed record ColorTables(
    int Year,
    FrozenDictionary<CutPointKey, CutPoints> Status,
    FrozenDictionary<CutPointKey, CutPoints> Change,
    FrozenDictionary<CutPointKey, ColorGrid> Grids,
    FrozenDictionary<Indicator, SmallDenominatorClamp> SmallDenominators,
    NSizeRule NSize,
    FrozenSet<StudentGroup> UncoloredGroups,
    int? StatusCapBelowParticipation,
    string Source)
{
    public CutPoints? StatusCutPoints(CutPointKey key) => Find(Status, key);

    public CutPoints? ChangeCutPoints(CutPointKey key) => Find(Change, key);

    public ColorGrid? Grid(CutPointKey key) => Find(Grids, key);

    private static T? Find<T>(FrozenDictionary<CutPointKey, T> table, CutPointKey key)
        where T : class =>
        table.GetValueOrDefault(key) ?? (key.Variant is null ? null : table.GetValueOrDefault(key with { Variant = null }));
}
