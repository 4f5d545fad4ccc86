namespace SystemOfSupport.Core.Casework;

/// <summary>Where an LEA's assistance work for one term stands.</summary>
public enum CaseStep
{
    Identified,
    ManagementConsultation,
    DataReview,
    StrategiesChosen,
    LcapPlanSummary,
    Monitoring,
    Closed,

    /// <summary>The LEA was identified again before the case closed: the work goes on in the new term's case.</summary>
    Continued,
}

/// <summary>What a step needs before a case may enter it.</summary>
[Flags]
public enum CaseRequirement
{
    None = 0,
    MeetingHeld = 1,
    RootCausesRecorded = 2,
    StrategiesRecorded = 4,
    PlanSummaryWritten = 8,
    PartnersEngaged = 16,

    /// <summary>The LEA's latest decision no longer has it in differentiated assistance.</summary>
    NoLongerIdentified = 32,

    /// <summary>A later term's case was opened for the LEA (only an import does this).</summary>
    IdentifiedAgain = 64,
}

/// <summary>What the case's record shows, for the guards.</summary>
public sealed record CaseEvidence(
    int MeetingsHeld,
    bool RootCausesRecorded,
    bool StrategiesRecorded,
    bool PlanSummaryWritten,
    int EngagementRecords,
    bool NoLongerIdentified,
    bool IdentifiedAgain = false)
{
    public bool Meets(CaseRequirement requirement) => requirement switch
    {
        CaseRequirement.None => true,
        CaseRequirement.MeetingHeld => MeetingsHeld > 0,
        CaseRequirement.RootCausesRecorded => RootCausesRecorded,
        CaseRequirement.StrategiesRecorded => StrategiesRecorded,
        CaseRequirement.PlanSummaryWritten => PlanSummaryWritten,
        CaseRequirement.PartnersEngaged => EngagementRecords > 0,
        CaseRequirement.NoLongerIdentified => NoLongerIdentified,
        CaseRequirement.IdentifiedAgain => IdentifiedAgain,
        _ => throw new ArgumentOutOfRangeException(nameof(requirement), requirement, "one requirement at a time"),
    };
}

/// <summary>One allowed move: the button's words and what must be on record first.</summary>
public sealed record CaseTransition(CaseStep From, CaseStep To, string Action, CaseRequirement Requires);

/// <summary>A transition's outcome: allowed, or refused with the reason in words.</summary>
public sealed record TransitionCheck(CaseStep From, CaseStep To, bool Allowed, string? Refusal);

/// <summary>
/// The case lifecycle as data: identified → management consultation → data review and root-cause analysis →
/// strategies chosen → LCAP plan summary → monitoring → closed. An LEA that leaves assistance early may be closed
/// from any open step; an LEA identified again is continued into the new term's case. Nothing else is allowed.
/// </summary>
public static class CaseLifecycle
{
    // Declared before Transitions, which is built from it.
    /// <summary>The steps in which work goes on.</summary>
    public static IReadOnlyList<CaseStep> Open { get; } =
        [CaseStep.Identified, CaseStep.ManagementConsultation, CaseStep.DataReview, CaseStep.StrategiesChosen, CaseStep.LcapPlanSummary, CaseStep.Monitoring];

    public static IReadOnlyList<CaseTransition> Transitions { get; } =
    [
        new(CaseStep.Identified, CaseStep.ManagementConsultation, "Begin the management consultation", CaseRequirement.None),
        new(CaseStep.ManagementConsultation, CaseStep.DataReview, "Start the data review and root-cause analysis", CaseRequirement.MeetingHeld),
        new(CaseStep.DataReview, CaseStep.StrategiesChosen, "Choose strategies", CaseRequirement.RootCausesRecorded),
        new(CaseStep.StrategiesChosen, CaseStep.LcapPlanSummary, "Write the LCAP plan summary", CaseRequirement.StrategiesRecorded),
        new(CaseStep.LcapPlanSummary, CaseStep.Monitoring, "Begin monitoring", CaseRequirement.PlanSummaryWritten | CaseRequirement.PartnersEngaged),
        new(CaseStep.Monitoring, CaseStep.Closed, "Close the case", CaseRequirement.None),
        .. Open.Where(s => s != CaseStep.Monitoring).Select(s => new CaseTransition(s, CaseStep.Closed, "Close: no longer identified", CaseRequirement.NoLongerIdentified)),
        .. Open.Select(s => new CaseTransition(s, CaseStep.Continued, "Continue into the new term", CaseRequirement.IdentifiedAgain)),
    ];

    public static bool IsOpen(this CaseStep step) => step is not (CaseStep.Closed or CaseStep.Continued);

    /// <summary>The moves out of <paramref name="step"/> a person may choose (continuing is the import's).</summary>
    public static IEnumerable<CaseTransition> From(CaseStep step) =>
        Transitions.Where(t => t.From == step && t.Requires != CaseRequirement.IdentifiedAgain);

    public static TransitionCheck Check(CaseStep from, CaseStep to, CaseEvidence evidence)
    {
        if (Transitions.SingleOrDefault(t => t.From == from && t.To == to) is not { } transition)
        {
            var allowed = Transitions.Where(t => t.From == from).Select(t => Label(t.To)).Distinct().ToList();
            return Refused(from, to, allowed.Count == 0
                ? $"a case that is {Label(from)} takes no further steps"
                : $"from {Label(from)} a case may only move to {string.Join(" or ", allowed)}");
        }

        var missing = Enum.GetValues<CaseRequirement>().Where(r => r != CaseRequirement.None && transition.Requires.HasFlag(r) && !evidence.Meets(r)).ToList();
        return missing.Count == 0
            ? new TransitionCheck(from, to, true, null)
            : Refused(from, to, "first " + string.Join(" and ", missing.Select(Needed)));
    }

    private static TransitionCheck Refused(CaseStep from, CaseStep to, string reason) =>
        new(from, to, false, $"Cannot move from {Label(from)} to {Label(to)}: {reason}.");

    public static string Label(this CaseStep step) => step switch
    {
        CaseStep.Identified => "identified",
        CaseStep.ManagementConsultation => "management consultation",
        CaseStep.DataReview => "data review and root-cause analysis",
        CaseStep.StrategiesChosen => "strategies chosen",
        CaseStep.LcapPlanSummary => "LCAP plan summary",
        CaseStep.Monitoring => "monitoring",
        CaseStep.Closed => "closed",
        CaseStep.Continued => "continued into a new term",
        _ => step.ToString(),
    };

    private static string Needed(CaseRequirement requirement) => requirement switch
    {
        CaseRequirement.MeetingHeld => "hold and record a meeting",
        CaseRequirement.RootCausesRecorded => "record the root causes found",
        CaseRequirement.StrategiesRecorded => "record the strategies chosen",
        CaseRequirement.PlanSummaryWritten => "write the LCAP plan summary of the assistance work",
        CaseRequirement.PartnersEngaged => "record an engagement with educational partners",
        CaseRequirement.NoLongerIdentified => "the LEA must have left differentiated assistance (close from monitoring otherwise)",
        CaseRequirement.IdentifiedAgain => "the LEA must be identified again in a later year",
        _ => requirement.ToString(),
    };
}
