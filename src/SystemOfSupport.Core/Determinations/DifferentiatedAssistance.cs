using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;

namespace SystemOfSupport.Core.Determinations;

/// <summary>Decides Differentiated Assistance for districts and county offices (RULES.md §3.1–3.5).</summary>
public static class DifferentiatedAssistance
{
    public static Determination Determine(DaRuleSet rules, LeaEvidence evidence, DeterminationSettings settings)
    {
        if (evidence.Lea.Kind == LeaKind.CharterSchool)
        {
            throw new ArgumentException("charter schools follow the two-consecutive-years rule (RULES.md §3.6), not this one", nameof(evidence));
        }

        var criteria = Criteria(rules, evidence, settings);
        var (groups, local, notes) = (criteria.Groups, criteria.LocalIndicators, criteria.Notes);
        var methods = criteria.Methods.ToList();
        if (rules.HasMethod4)
        {
            methods.Add(evidence.Method4 ?? new MethodFinding(4, false,
                "Not evaluated: no CALPADS certification records were given (--certifications), so MetMethod4 is N (RULES.md §6; no LEA met Method 4 in 2024)."));
        }

        var (status, reason) = Status(rules, evidence, methods, settings);
        var leaLevel = evidence.Lea.Kind != LeaKind.CharterSchool;
        var level3 = rules.HasLevel3Flag
            ? Level3.Evaluate(
                rules.Year,
                evidence.Lea.Cds,
                groups.Where(g => g.Letter is not null).ToDictionary(g => g.Group, g => g.Letter!),
                rules.Groups.Where(g => rules.IndicatorsUsed.Any(i => evidence.Results.Find(i, g) is { } r && rules.IsSignificant(r, leaLevel))).ToHashSet(),
                evidence.History)
            : null;
        return new Determination(
            evidence.Lea,
            rules.Year,
            groups,
            groups.Count(g => g.Letter is not null),
            methods,
            status,
            reason,
            local,
            level3,
            notes);
    }

    /// <summary>
    /// The year's criteria for one LEA or charter school: each group's priorities and letter, and Methods 1–3
    /// (RULES.md §3.1–3.4). Districts, COEs and charters share them; what follows from them differs.
    /// </summary>
    public static CriteriaFinding Criteria(DaRuleSet rules, LeaEvidence evidence, DeterminationSettings settings)
    {
        var notes = new List<string>();
        if (!evidence.HasDashboardResults)
        {
            notes.Add($"No Dashboard rows for this {(evidence.Lea.Kind == LeaKind.CharterSchool ? "charter school" : "LEA")} in {rules.Year}: no student group can meet a state-indicator priority.");
        }

        var groups = rules.Groups.Select(g => EvaluateGroup(rules, g, evidence.Results, evidence.Lea.Kind != LeaKind.CharterSchool)).ToList();
        var local = LocalFindings(rules, evidence);
        if (rules.UsesLocalIndicators && !evidence.HasLocalIndicatorData)
        {
            if (settings[DeterminationSettings.MissingLocalIndicators] == "error")
            {
                throw new InvalidOperationException($"{evidence.Lea.Cds} {evidence.Lea.Name}: no local-indicator results (setting {DeterminationSettings.MissingLocalIndicators}=error)");
            }

            notes.Add($"No local-indicator results: taken as none Not Met for Two or More Years ({DeterminationSettings.MissingLocalIndicators}=none-not-met).");
        }

        var methods = new List<MethodFinding> { Method1(groups) };
        if (rules.UsesLocalIndicators)
        {
            methods.Add(Method2(rules, local));
            methods.Add(Method3(groups, local, methods[0].Met || methods[1].Met));
        }

        return new CriteriaFinding(rules.Year, groups, methods, local, notes);
    }

    /// <summary>
    /// Replays a year from the state's published row: its letters and methods stand as published, and what depends
    /// on history (the status wording, Year 2, Level 3) is decided afresh.
    /// </summary>
    public static Determination Replay(DaRuleSet rules, Lea lea, AssistanceHistoryRow published, AssistanceHistory history, DeterminationSettings settings)
    {
        var source = $"{Path.GetFileName(published.Source.File)} row {published.Source.Line}";
        var groups = rules.Groups.Select(g =>
        {
            var letter = published.PriorityLetters.GetValueOrDefault(g);
            var met = letter is null ? [] : PriorityLetters.PrioritiesOf(letter);
            return new GroupFinding(g, letter, [.. rules.StateIndicatorPriorities.Select(p => new PriorityFinding(p.Priority, met.Contains(p.Priority),
                [new Finding("as published", applies: true, met.Contains(p.Priority), letter is null ? $"no letter in {source}" : $"letter {letter} in {source}", [])]))]);
        }).ToList();
        var methods = rules.Methods.Order()
            .Select(n => new MethodFinding(n, published.MetMethods.GetValueOrDefault(n), $"{(published.MetMethods.GetValueOrDefault(n) ? "Y" : "N")} as published in {source}"))
            .ToList();
        var notes = new List<string> { $"Replayed from {source}: letters and methods as the state published them; status and Level 3 decided afresh." };
        var total = groups.Count(g => g.Letter is not null);
        if (published.TotalStudentGroups is int t && t != total)
        {
            notes.Add($"The published TotalStudentGroups is {t}, but {total} groups have a letter.");
        }

        var (status, reason) = Status(rules, lea, history, methods, settings);
        var level3 = rules.HasLevel3Flag
            ? Level3.Evaluate(rules.Year, lea.Cds, groups.Where(g => g.Letter is not null).ToDictionary(g => g.Group, g => g.Letter!), null, history)
            : null;
        return new Determination(lea, rules.Year, groups, total, methods, status, reason, [], level3, notes);
    }

    // Every finding of a criterion carries the same description, and every inapplicable one the same words for its
    // group: made once and shared, not once per LEA and group (a statewide run has half a million findings).
    private static readonly ConditionalWeakTable<Criterion, string> Descriptions = [];
    private static readonly FrozenDictionary<StudentGroup, string> NotApplicable =
        Enum.GetValues<StudentGroup>().ToFrozenDictionary(g => g, g => $"does not apply to {g.DisplayName()}");

    private static string DescriptionOf(Criterion criterion) => Descriptions.GetValue(criterion, static c => c.Description);

    // A criterion that does not apply to a group says the same for every LEA: one finding per criterion and group, shared.
    private static readonly ConditionalWeakTable<Criterion, Finding[]> NotApplicableFindings = [];

    private static Finding NotApplicableFinding(Criterion criterion, StudentGroup group) =>
        NotApplicableFindings.GetValue(criterion, static c =>
            [.. Enum.GetValues<StudentGroup>().Select(g => new Finding(DescriptionOf(c), applies: false, met: false, NotApplicable[g], []))])[(int)group];

    private static GroupFinding EvaluateGroup(DaRuleSet rules, StudentGroup group, IIndicatorResults results, bool leaLevel)
    {
        // Loops, not LINQ: this runs for every group of every LEA and charter of a statewide run.
        var priorities = new PriorityFinding[rules.StateIndicatorPriorities.Count];
        for (var p = 0; p < priorities.Length; p++)
        {
            var rule = rules.StateIndicatorPriorities[p];
            var criteria = new Finding[rule.AnyOf.Count];
            var met = false;
            for (var c = 0; c < criteria.Length; c++)
            {
                var criterion = rule.AnyOf[c];
                if (!criterion.Scope.Includes(group))
                {
                    criteria[c] = NotApplicableFinding(criterion, group);
                    continue;
                }

                var outcome = criterion.Evaluate(group, results, leaLevel);
                criteria[c] = new Finding(DescriptionOf(criterion), outcome);
                met |= outcome.Met;
            }

            priorities[p] = new PriorityFinding(rule.Priority, met, criteria);
        }

        var finding = new GroupFinding(group, null, priorities);
        return finding.MetPriorities.Count < 2 ? finding : finding with { Letter = PriorityLetters.For(finding.MetPriorities) };
    }

    private static List<LocalIndicatorFinding> LocalFindings(DaRuleSet rules, LeaEvidence evidence)
    {
        var applicable = rules.LocalPrioritiesFor(evidence.Lea.Kind);
        return
        [
            .. evidence.LocalIndicators
                .Where(l => applicable.Contains(l.Priority))
                .OrderBy(l => l.Priority)
                .Select(l => new LocalIndicatorFinding(l.Priority, l.Performance, l.Performance == LocalPerformance.NotMetForTwoOrMoreYears, l.Source)),
        ];
    }

    private static MethodFinding Method1(IReadOnlyList<GroupFinding> groups)
    {
        var lettered = groups.Where(g => g.Letter is not null).ToList();
        if (lettered.Count > 0)
        {
            return new MethodFinding(1, true, string.Join("; ", lettered.Select(g =>
                $"{g.Group.DisplayName()} ({g.Group}) meets {Priorities(g.MetPriorities)} (letter {g.Letter})")));
        }

        var single = groups.Where(g => g.MetPriorities.Count > 0).ToList();
        return new MethodFinding(1, false, single.Count == 0
            ? "No student group meets any priority area on the state indicators."
            : "No student group meets two or more priority areas; " + string.Join("; ", single.Select(g => $"{g.Group} meets only {Priorities(g.MetPriorities)}")) + ".");
    }

    private static MethodFinding Method2(DaRuleSet rules, IReadOnlyList<LocalIndicatorFinding> local)
    {
        var counting = local.Where(l => l.Counts).Select(l => l.Priority).Distinct().ToList();
        var met = counting.Count >= rules.Method2Threshold;
        var list = counting.Count == 0 ? "none" : Priorities(counting);
        return new MethodFinding(2, met,
            $"{counting.Count} local indicator(s) Not Met for Two or More Years ({list}); Method 2 needs at least {rules.Method2Threshold}.");
    }

    private static MethodFinding Method3(IReadOnlyList<GroupFinding> groups, IReadOnlyList<LocalIndicatorFinding> local, bool identifiedByMethod1Or2)
    {
        if (identifiedByMethod1Or2)
        {
            return new MethodFinding(3, false, "Not considered: Method 3 applies only to LEAs not identified by Method 1 or 2.");
        }

        var localNotMet = local.Where(l => l.Counts).Select(l => l.Priority).Distinct().ToList();
        if (localNotMet.Count != 1)
        {
            return new MethodFinding(3, false, "No local indicator is Not Met for Two or More Years, so Method 3 cannot apply.");
        }

        var localPriority = localNotMet[0];
        var singles = groups.Where(g => g.MetPriorities.Count == 1).ToList();
        var qualifying = singles.Where(g => g.MetPriorities[0] != localPriority).ToList();
        if (qualifying.Count > 0)
        {
            return new MethodFinding(3, true,
                $"{string.Join("; ", qualifying.Select(g => $"{g.Group} meets {Priorities(g.MetPriorities)}"))}, and the local indicator for {localPriority.Label()} is Not Met for Two or More Years: a different priority area.");
        }

        return new MethodFinding(3, false, singles.Count == 0
            ? $"The local indicator for {localPriority.Label()} is Not Met for Two or More Years, but no student group meets a state-indicator priority."
            : $"The only student-group priority met ({Priorities([localPriority])}) is the same priority area as the local indicator Not Met for Two or More Years; Method 3 needs a different one.");
    }

    private static (AssistanceStatus Status, string Reason) Status(DaRuleSet rules, LeaEvidence evidence, List<MethodFinding> methods, DeterminationSettings settings) =>
        Status(rules, evidence.Lea, evidence.History, methods, settings);

    private static (AssistanceStatus Status, string Reason) Status(DaRuleSet rules, Lea lea, AssistanceHistory history, IReadOnlyList<MethodFinding> methods, DeterminationSettings settings)
    {
        var year = rules.Year.ToString(CultureInfo.InvariantCulture);
        var prior = DashboardYears.Previous(rules.Year);
        if (methods.Any(m => m.Met))
        {
            var by = string.Join(" and ", methods.Where(m => m.Met).Select(m => $"Method {m.Number}"));
            return (rules.Status.Identified, $"Identified in {year} by {by}: {rules.Status.Identified.Label()}; support lasts at least two years (a new identification restarts them).");
        }

        var hasHistory = history.Latest(lea.Cds) is not null;
        if (!hasHistory && settings[DeterminationSettings.MissingHistory] == "error")
        {
            throw new InvalidOperationException($"{lea.Cds} {lea.Name}: no history row for {prior} (setting {DeterminationSettings.MissingHistory}=error)");
        }

        var priorStatus = prior is int py ? history.Status(lea.Cds, py) : null;
        if (rules.Status.CarriedOverFrom is { } from && rules.Status.CarriedOver is { } carried && priorStatus == from)
        {
            return (carried, $"Not identified in {year}, but in {prior} the LEA was in {from.Label()}: support lasts at least two years, so this is {carried.Label()}.");
        }

        var why = priorStatus is { } p
            ? $"in {prior} it was {p.Label()}{(rules.Status.CarriedOverFrom is null ? $" ({prior} identifications do not carry into {year})" : string.Empty)}"
            : hasHistory ? $"no {prior} status in the history" : $"no history row for {prior} ({DeterminationSettings.MissingHistory}=general)";
        return (rules.Status.General, $"Not identified in {year}, and no carry-over: {why}.");
    }

    private static string Priorities(IEnumerable<PriorityArea> priorities)
    {
        var list = priorities.Order().Select(p => ((int)p).ToString(CultureInfo.InvariantCulture)).ToList();
        return list.Count == 1 ? $"priority {list[0]}" : $"priorities {string.Join(", ", list.SkipLast(1))} and {list[^1]}";
    }
}
