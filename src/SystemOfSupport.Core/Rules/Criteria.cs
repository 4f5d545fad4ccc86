using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Rules;

/// <summary>A group's Dashboard results for one LEA, by indicator.</summary>
public interface IIndicatorResults
{
    IndicatorResult? Find(Indicator indicator, StudentGroup group);
}

/// <summary>Whether a criterion held for a group, in words, with the rows behind it.</summary>
public sealed record CriterionOutcome(bool Met, string Explanation, IReadOnlyList<IndicatorResult> Evidence);

/// <summary>Which student groups a criterion applies to.</summary>
public sealed record GroupScope(IReadOnlySet<StudentGroup>? Only = null, IReadOnlySet<StudentGroup>? Except = null)
{
    public static GroupScope Every { get; } = new();

    public bool Includes(StudentGroup group) =>
        group.IsAccountabilityGroup() && (Only is null || Only.Contains(group)) && (Except is null || !Except.Contains(group));

    public override string ToString() =>
        Only is not null ? $"{string.Join(" and ", Only.Order())} only"
        : Except is not null ? $"not for {string.Join(", ", Except.Order())}"
        : "every student group";
}

/// <summary>One way of meeting a priority on the state indicators. Instances are the per-year rule tables' data.</summary>
public abstract record Criterion(GroupScope Scope)
{
    public abstract string Description { get; }

    public abstract IEnumerable<Indicator> Indicators { get; }

    /// <summary>Whether the criterion reads the published color (false: status level only).</summary>
    public virtual bool UsesColor => true;

    public abstract CriterionOutcome Evaluate(StudentGroup group, IIndicatorResults results);

    protected static string Describe(Indicator indicator, IndicatorResult? r) => r switch
    {
        null => $"{indicator.DisplayName()}: no result",
        { HasColor: true } => $"{indicator.DisplayName()}: {r.Color} (status level {r.StatusLevel}, change level {r.ChangeLevel}, {Students(r.CurrentDenominator)})",
        _ => $"{indicator.DisplayName()}: no color ({NoColorReason(r)})",
    };

    protected static string Students(int? count) => count == 1 ? "1 student" : $"{count ?? 0} students";

    private static string NoColorReason(IndicatorResult r) =>
        r.CurrentDenominator is null or < 11 ? $"{Students(r.CurrentDenominator)}, too few to report"
        : r.AccountabilityMet == false || r.PriorDenominator is null ? $"{Students(r.CurrentDenominator)} this year, {r.PriorDenominator?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} last year: n-size not met in both years"
        : "not rated";
}

/// <summary>The published color of one indicator is one of the given colors (e.g. Red; or Red or Orange).</summary>
public sealed record ColorCriterion(Indicator Indicator, IReadOnlySet<DashboardColor> Colors, GroupScope Scope) : Criterion(Scope)
{
    public override string Description =>
        $"{string.Join(" or ", Colors.Order())} on {Indicator.DisplayName()}{(Scope == GroupScope.Every ? string.Empty : " (" + Scope + ")")}";

    public override IEnumerable<Indicator> Indicators => [Indicator];

    public override CriterionOutcome Evaluate(StudentGroup group, IIndicatorResults results)
    {
        var r = results.Find(Indicator, group);
        var met = r is not null && Colors.Contains(r.Color);
        return new CriterionOutcome(met, Describe(Indicator, r), r is null ? [] : [r]);
    }
}

/// <summary>Red on both of two indicators, or Red on one and Orange on the other (ELA and Math).</summary>
public sealed record RedAndRedOrOrangeCriterion(Indicator First, Indicator Second, GroupScope Scope) : Criterion(Scope)
{
    public override string Description =>
        $"Red on both {First.DisplayName()} and {Second.DisplayName()}, or Red on one and Orange on the other{(Scope == GroupScope.Every ? string.Empty : " (" + Scope + ")")}";

    public override IEnumerable<Indicator> Indicators => [First, Second];

    public override CriterionOutcome Evaluate(StudentGroup group, IIndicatorResults results)
    {
        var a = results.Find(First, group);
        var b = results.Find(Second, group);
        var ca = a?.Color ?? DashboardColor.None;
        var cb = b?.Color ?? DashboardColor.None;
        var met = (ca == DashboardColor.Red && cb is DashboardColor.Red or DashboardColor.Orange)
                  || (cb == DashboardColor.Red && ca == DashboardColor.Orange);
        IndicatorResult[] evidence = [.. new[] { a, b }.OfType<IndicatorResult>()];
        return new CriterionOutcome(met, $"{Describe(First, a)}; {Describe(Second, b)}", evidence);
    }
}

/// <summary>
/// A status level (1 = worst … 5 = best) without regard to color: the status-only years' criteria
/// (e.g. 2023 CCI "Very Low", which also needs <c>currnsizemet = Y</c>).
/// </summary>
public sealed record StatusLevelCriterion(Indicator Indicator, int StatusLevel, string LevelName, bool RequireCurrentNSize, GroupScope Scope) : Criterion(Scope)
{
    public override string Description =>
        $"{LevelName} status on {Indicator.DisplayName()}{(RequireCurrentNSize ? " with the n-size met this year" : string.Empty)}{(Scope == GroupScope.Every ? string.Empty : " (" + Scope + ")")}";

    public override bool UsesColor => false;

    public override IEnumerable<Indicator> Indicators => [Indicator];

    public override CriterionOutcome Evaluate(StudentGroup group, IIndicatorResults results)
    {
        var r = results.Find(Indicator, group);
        if (r is null)
        {
            return new CriterionOutcome(false, $"{Indicator.DisplayName()}: no result", []);
        }

        var nsizeOk = !RequireCurrentNSize || r.CurrentNSizeMet == true;
        var met = r.StatusLevel == StatusLevel && nsizeOk;
        var words = r.StatusLevel == 0
            ? $"{Indicator.DisplayName()}: no status ({Students(r.CurrentDenominator)})"
            : $"{Indicator.DisplayName()}: status level {r.StatusLevel}{(r.CurrentStatus is { } s ? $" ({s.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : string.Empty)}, {Students(r.CurrentDenominator)}{(nsizeOk ? string.Empty : ", n-size not met")}";
        return new CriterionOutcome(met, words, [r]);
    }
}
