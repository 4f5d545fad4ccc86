using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Determinations;

/// <summary>One criterion checked for one group: whether it applies to the group, whether it held, and the rows behind it.</summary>
public sealed record Finding
{
    // Either the words themselves, or what makes them when asked for: the criterion, for this group and level, from
    // the evidence (kept words, or kept outcomes, would be a large share of a statewide run's live objects).
    private readonly string? explanation;
    private readonly Rules.Criterion? source;
    private readonly StudentGroup group;
    private readonly bool leaLevel;

    public Finding(string criterion, bool applies, bool met, string explanation, IReadOnlyList<IndicatorResult> evidence)
    {
        Criterion = criterion;
        Applies = applies;
        Met = met;
        this.explanation = explanation;
        Evidence = evidence;
    }

    /// <summary>An applicable criterion's finding, worded from its outcome.</summary>
    internal Finding(string criterion, Rules.CriterionOutcome outcome)
    {
        Criterion = criterion;
        Applies = true;
        Met = outcome.Met;
        Evidence = outcome.Evidence;
        (source, group, leaLevel) = (outcome.Criterion, outcome.Group, outcome.LeaLevel);
    }

    public string Criterion { get; }

    public bool Applies { get; }

    public bool Met { get; }

    public string Explanation => explanation ?? source!.Explain(group, Evidence, leaLevel);

    /// <summary><see cref="Explanation"/>'s words written into <paramref name="text"/>, without making a string.</summary>
    public void Explain(ref Rules.SpanText text)
    {
        if (explanation is not null)
        {
            text.Append(explanation);
        }
        else
        {
            source!.Explain(ref text, group, Evidence, leaLevel);
        }
    }

    public IReadOnlyList<IndicatorResult> Evidence { get; }
}

/// <summary>A state-indicator priority for one group: met when any of its criteria is met.</summary>
public sealed record PriorityFinding(PriorityArea Priority, bool Met, IReadOnlyList<Finding> Criteria);

/// <summary>A student group's priorities, and its letter when it meets two or more.</summary>
public sealed record GroupFinding(StudentGroup Group, string? Letter, IReadOnlyList<PriorityFinding> Priorities)
{
    // Both follow from the priorities, which never change: worked out once (the rules, the findings file and the
    // pages ask for them repeatedly, for every group of a statewide run).
    public IReadOnlyList<PriorityArea> MetPriorities { get; } = MetOf(Priorities);

    /// <summary>The group has at least one Dashboard result behind its findings.</summary>
    public bool HasResults { get; } = HasEvidence(Priorities);

    private static PriorityArea[] MetOf(IReadOnlyList<PriorityFinding> priorities)
    {
        var met = 0;
        foreach (var p in priorities)
        {
            met += p.Met ? 1 : 0;
        }

        if (met == 0)
        {
            return [];
        }

        var list = new PriorityArea[met];
        var i = 0;
        foreach (var p in priorities)
        {
            if (p.Met)
            {
                list[i++] = p.Priority;
            }
        }

        return list;
    }

    private static bool HasEvidence(IReadOnlyList<PriorityFinding> priorities)
    {
        foreach (var p in priorities)
        {
            foreach (var c in p.Criteria)
            {
                if (c.Evidence.Count > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>One identification method's outcome, with its reason in words.</summary>
public sealed record MethodFinding(int Number, bool Met, string Reason);

/// <summary>One local indicator as the LEA self-assessed it, and whether it counts toward Methods 2 and 3.</summary>
public sealed record LocalIndicatorFinding(PriorityArea Priority, LocalPerformance Performance, bool Counts, SourceRef? Source);

/// <summary>The Differentiated Assistance decision for one district or county office in one Dashboard year.</summary>
public sealed record Determination(
    Lea Lea,
    int Year,
    IReadOnlyList<GroupFinding> Groups,
    int TotalStudentGroups,
    IReadOnlyList<MethodFinding> Methods,
    AssistanceStatus Status,
    string StatusReason,
    IReadOnlyList<LocalIndicatorFinding> LocalIndicators,
    Level3Finding? Level3,
    IReadOnlyList<string> Notes)
{
    /// <summary>Who provides the assistance (RULES.md §3.7).</summary>
    public Providers.Provider? Provider { get; init; }

    /// <summary>A CSI school not exited within four years: its own path to assistance (RULES.md §5), when ESSA files were given.</summary>
    public Essa.EssaLeaFinding? Essa { get; init; }

    public bool IsIdentified => Methods.Any(m => m.Met);

    public string? LetterFor(StudentGroup group) => Groups.FirstOrDefault(g => g.Group == group)?.Letter;

    public MethodFinding? Method(int number) => Methods.FirstOrDefault(m => m.Number == number);
}

/// <summary>One year's criteria for an LEA or charter school: the groups' letters and Methods 1–3.</summary>
public sealed record CriteriaFinding(
    int Year,
    IReadOnlyList<GroupFinding> Groups,
    IReadOnlyList<MethodFinding> Methods,
    IReadOnlyList<LocalIndicatorFinding> LocalIndicators,
    IReadOnlyList<string> Notes)
{
    public bool Met => Methods.Any(m => m.Met);

    public int TotalStudentGroups => Groups.Count(g => g.Letter is not null);

    public string? LetterFor(StudentGroup group) => Groups.FirstOrDefault(g => g.Group == group)?.Letter;

    public MethodFinding? Method(int number) => Methods.FirstOrDefault(m => m.Number == number);
}
