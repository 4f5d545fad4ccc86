using System.Collections.Frozen;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Rules;

/// <summary>A group's Dashboard results for one LEA, by indicator.</summary>
public interface IIndicatorResults
{
    IndicatorResult? Find(Indicator indicator, StudentGroup group);
}

/// <summary>
/// Whether a criterion held for a group, with the rows behind it. Its words are made from those rows when asked for,
/// not kept: a statewide run has half a million outcomes, and most are only ever written once, to the findings file.
/// </summary>
public sealed record CriterionOutcome(bool Met, IReadOnlyList<IndicatorResult> Evidence, Criterion Criterion, StudentGroup Group, bool LeaLevel)
{
    public string Explanation => Criterion.Explain(Group, Evidence, LeaLevel);
}

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

    /// <param name="leaLevel">An LEA's own row (district or COE), where some n-sizes are smaller; false for a charter's school row.</param>
    public abstract CriterionOutcome Evaluate(StudentGroup group, IIndicatorResults results, bool leaLevel);

    /// <summary>The outcome in words, from the rows <see cref="Evaluate"/> gave as its evidence.</summary>
    public string Explain(StudentGroup group, IReadOnlyList<IndicatorResult> evidence, bool leaLevel)
    {
        for (var room = 256; ; room *= 4)
        {
            var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(room);
            try
            {
                var text = new SpanText(buffer);
                Explain(ref text, group, evidence, leaLevel);
                if (text.Fits)
                {
                    return new string(buffer, 0, text.Length);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<char>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// <see cref="Explain(StudentGroup, IReadOnlyList{IndicatorResult}, bool)"/>'s words written into <paramref name="text"/>,
    /// without a string: the findings file writes half a million of them.
    /// </summary>
    public abstract void Explain(ref SpanText text, StudentGroup group, IReadOnlyList<IndicatorResult> evidence, bool leaLevel);

    /// <summary>The evidence row of one indicator, or null when there was none.</summary>
    protected static IndicatorResult? EvidenceOn(IReadOnlyList<IndicatorResult> evidence, Indicator indicator)
    {
        for (var i = 0; i < evidence.Count; i++)
        {
            if (evidence[i].Indicator == indicator)
            {
                return evidence[i];
            }
        }

        return null;
    }

    /// <summary>"English Language Arts: Orange (status level 1, change level 5, 31 students)", or why there is no color.</summary>
    protected static void Describe(ref SpanText text, Indicator indicator, IndicatorResult? r)
    {
        if (r is null)
        {
            text.Append(NoResult[indicator]);
            return;
        }

        text.Append(indicator.DisplayName());
        if (r.HasColor)
        {
            text.Append(": ");
            text.Append(r.Color);
            text.Append(" (status level ");
            text.Append(r.StatusLevel);
            text.Append(", change level ");
            text.Append(r.ChangeLevel);
            text.Append(", ");
            Students(ref text, r.CurrentDenominator);
            text.Append(")");
            return;
        }

        text.Append(": no color (");
        if (r.CurrentDenominator is null or < 11)
        {
            Students(ref text, r.CurrentDenominator);
            text.Append(", too few to report");
        }
        else if (r.AccountabilityMet == false || r.PriorDenominator is null)
        {
            Students(ref text, r.CurrentDenominator);
            text.Append(" this year, ");
            if (r.PriorDenominator is { } prior)
            {
                text.Append(prior);
            }
            else
            {
                text.Append("none");
            }

            text.Append(" last year: n-size not met in both years");
        }
        else
        {
            text.Append("not rated");
        }

        text.Append(")");
    }

    /// <summary>The words for a missing result, one string per indicator shared by every finding that says them.</summary>
    protected static FrozenDictionary<Indicator, string> NoResult { get; } =
        Enum.GetValues<Indicator>().ToFrozenDictionary(i => i, i => $"{i.DisplayName()}: no result");

    /// <summary>"1 student", "31 students"; no count is "0 students".</summary>
    protected static void Students(ref SpanText text, int? count)
    {
        text.Append(count ?? 0);
        text.Append(count == 1 ? " student" : " students");
    }
}

/// <summary>The published color of one indicator is one of the given colors (e.g. Red; or Red or Orange).</summary>
public sealed record ColorCriterion(Indicator Indicator, IReadOnlySet<DashboardColor> Colors, GroupScope Scope) : Criterion(Scope)
{
    public override string Description =>
        $"{string.Join(" or ", Colors.Order())} on {Indicator.DisplayName()}{(Scope == GroupScope.Every ? string.Empty : " (" + Scope + ")")}";

    public override IEnumerable<Indicator> Indicators => [Indicator];

    public override CriterionOutcome Evaluate(StudentGroup group, IIndicatorResults results, bool leaLevel)
    {
        var r = results.Find(Indicator, group);
        var met = r is not null && Colors.Contains(r.Color);
        return new CriterionOutcome(met, r is null ? [] : [r], this, group, leaLevel);
    }

    public override void Explain(ref SpanText text, StudentGroup group, IReadOnlyList<IndicatorResult> evidence, bool leaLevel) =>
        Describe(ref text, Indicator, EvidenceOn(evidence, Indicator));
}

/// <summary>Red on both of two indicators, or Red on one and Orange on the other (ELA and Math).</summary>
public sealed record RedAndRedOrOrangeCriterion(Indicator First, Indicator Second, GroupScope Scope) : Criterion(Scope)
{
    public override string Description =>
        $"Red on both {First.DisplayName()} and {Second.DisplayName()}, or Red on one and Orange on the other{(Scope == GroupScope.Every ? string.Empty : " (" + Scope + ")")}";

    public override IEnumerable<Indicator> Indicators => [First, Second];

    public override CriterionOutcome Evaluate(StudentGroup group, IIndicatorResults results, bool leaLevel)
    {
        var a = results.Find(First, group);
        var b = results.Find(Second, group);
        var ca = a?.Color ?? DashboardColor.None;
        var cb = b?.Color ?? DashboardColor.None;
        var met = (ca == DashboardColor.Red && cb is DashboardColor.Red or DashboardColor.Orange)
                  || (cb == DashboardColor.Red && ca == DashboardColor.Orange);
        IndicatorResult[] evidence = (a, b) switch
        {
            (null, null) => [],
            (null, { } only) => [only],
            ({ } only, null) => [only],
            _ => [a, b],
        };
        return new CriterionOutcome(met, evidence, this, group, leaLevel);
    }

    public override void Explain(ref SpanText text, StudentGroup group, IReadOnlyList<IndicatorResult> evidence, bool leaLevel)
    {
        Describe(ref text, First, EvidenceOn(evidence, First));
        text.Append("; ");
        Describe(ref text, Second, EvidenceOn(evidence, Second));
    }
}

/// <summary>
/// The minimum current denominator for a status-only criterion (2022: no prior year, so no color to carry the
/// n-size): 30, or a smaller number for Foster Youth and Homeless at LEA level (RULES.md §3.1).
/// </summary>
public sealed record StatusNSize(int Default, int FosterAndHomelessAtLea)
{
    public int For(StudentGroup group, bool leaLevel) =>
        leaLevel && group is StudentGroup.FOS or StudentGroup.HOM ? FosterAndHomelessAtLea : Default;
}

/// <summary>
/// Status levels (1 = worst … 5 = best) without regard to color, on every listed indicator: the status-only
/// criteria (2019 ELPI "Very Low"; 2022 "Very Low on both ELA and Math", "Very High" chronic absenteeism;
/// 2023 CCI "Very Low" with <c>currnsizemet = Y</c>).
/// </summary>
public sealed record StatusLevelCriterion(
    IReadOnlyList<Indicator> On,
    int StatusLevel,
    string LevelName,
    GroupScope Scope,
    bool RequireCurrentNSizeFlag = false,
    StatusNSize? NSize = null) : Criterion(Scope)
{
    public override string Description =>
        $"{LevelName} status on {(On.Count == 2 ? "both " : string.Empty)}{string.Join(" and ", On.Select(i => i.DisplayName()))}"
        + (RequireCurrentNSizeFlag ? " with the n-size met this year" : string.Empty)
        + (NSize is { } n ? $" ({n.Default} or more students{(n.FosterAndHomelessAtLea != n.Default ? $"; {n.FosterAndHomelessAtLea} for Foster Youth and Homeless at LEA level" : string.Empty)})" : string.Empty)
        + (Scope == GroupScope.Every ? string.Empty : " (" + Scope + ")");

    public override IEnumerable<Indicator> Indicators => On;

    public override bool UsesColor => false;

    public override CriterionOutcome Evaluate(StudentGroup group, IIndicatorResults results, bool leaLevel)
    {
        var evidence = new List<IndicatorResult>(On.Count);
        var met = true;
        foreach (var indicator in On)
        {
            var r = results.Find(indicator, group);
            if (r is null)
            {
                met = false;
                continue;
            }

            evidence.Add(r);
            met &= r.StatusLevel == StatusLevel && SizeMet(r, group, leaLevel);
        }

        return new CriterionOutcome(met, evidence, this, group, leaLevel);
    }

    public override void Explain(ref SpanText text, StudentGroup group, IReadOnlyList<IndicatorResult> evidence, bool leaLevel)
    {
        for (var i = 0; i < On.Count; i++)
        {
            var indicator = On[i];
            if (i > 0)
            {
                text.Append("; ");
            }

            var r = EvidenceOn(evidence, indicator);
            if (r is null)
            {
                text.Append(NoResult[indicator]);
                continue;
            }

            text.Append(indicator.DisplayName());
            if (r.StatusLevel == 0)
            {
                text.Append(": no status (");
                Students(ref text, r.CurrentDenominator);
                text.Append(")");
                continue;
            }

            text.Append(": status level ");
            text.Append(r.StatusLevel);
            if (r.CurrentStatus is { } s)
            {
                text.Append(" (");
                text.Append(s);
                text.Append(")");
            }

            text.Append(", ");
            Students(ref text, r.CurrentDenominator);
            if (!SizeMet(r, group, leaLevel))
            {
                text.Append(", n-size not met");
            }
        }
    }

    private bool SizeMet(IndicatorResult r, StudentGroup group, bool leaLevel) =>
        (!RequireCurrentNSizeFlag || r.CurrentNSizeMet == true) && (r.CurrentDenominator ?? 0) >= (NSize?.For(group, leaLevel) ?? 0);
}
