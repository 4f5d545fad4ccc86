using System.Runtime.CompilerServices;
using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;

namespace SystemOfSupport.Core.Forecast;

/// <summary>
/// Monte Carlo forecast of next year's Differentiated Assistance (docs/forecast.md). Each simulation moves every
/// base-year result by a change drawn from its indicator × status-level bucket, colors it with
/// <see cref="ColorEngine"/> under the forecast year's tables, and decides the LEA with the year's criteria
/// (<see cref="DifferentiatedAssistance.Criteria"/>, <see cref="DifferentiatedAssistance.Determine"/>).
/// Nothing is re-read or recomputed inside the loop: every possible draw of a result is colored beforehand (by runs of equal levels), a
/// group's priorities are decided once per distinct combination of its colors, and the LEA once per distinct set of
/// its groups' priorities; the simulations themselves draw, look up and count.
/// </summary>
public static class IdentificationForecaster
{
    // Probing the criteria is done once per rule set, not once per LEA.
    private static readonly ConditionalWeakTable<DaRuleSet, IReadOnlyDictionary<Indicator, int[]>> ColorClassCache = [];

    public static IdentificationForecast Run(ForecastModel model, IReadOnlyList<ForecastLea> leas, Action<int>? leaDone = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(leas);
        // Each LEA is forecast alone, with its own seed: side by side, in order, the same whatever the scheduling.
        var forecasts = InOrder.Map(leas, lea => Forecast(model, lea), leaDone);

        var baseGroups = RuleBook.TryGet(model.BaseYear, out var baseRules) && baseRules is not null ? baseRules.Groups : [];
        return new IdentificationForecast(model.Year, model.BaseYear, model.Simulations, model.Seed, forecasts, [.. model.Rules.Groups.Except(baseGroups)]);
    }

    public static LeaForecast Forecast(ForecastModel model, ForecastLea lea)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(lea);
        if (model.Simulations < 1)
        {
            throw new ArgumentException($"the number of simulations must be at least 1, not {model.Simulations}");
        }

        var (cells, fixedResults, simulated) = Cells(model, lea);
        var groups = GroupSpans(cells);
        var random = new Random(SeedFor(model.Seed, lea.Lea.Cds));
        var drawn = new int[cells.Length];
        var signature = new char[cells.Length];

        // A group's priorities depend only on its own results: one memo per group, keyed by its cells' signatures,
        // pointing at the group's distinct outcomes and how often each came up.
        var groupLookups = groups.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();
        var groupOutcomes = groups.Select(_ => new List<GroupOutcome>()).ToArray();
        var groupOutcomeCounts = groups.Select(_ => new List<int>()).ToArray();

        // The methods ask whether *some* group meets two priorities, or one unlike the local indicator's: the decision
        // depends on the set of the groups' priority masks, not on which group holds which.
        var decisions = new Dictionary<string, int>(StringComparer.Ordinal);
        var decisionLookup = decisions.GetAlternateLookup<ReadOnlySpan<char>>();
        var decisionOutcomes = new List<Decision>();
        var decisionCounts = new List<int>();
        var masks = new char[groups.Length];

        for (var s = 0; s < model.Simulations; s++)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = cells[c];
                var k = cell.OutcomeOf(random.Next(cell.Draws));
                drawn[c] = k;
                signature[c] = cell.Signature[k];
            }

            for (var g = 0; g < groups.Length; g++)
            {
                var span = groups[g];
                var key = signature.AsSpan(span.Start, span.End - span.Start);
                var lookup = groupLookups[g];
                if (!lookup.TryGetValue(key, out var id))
                {
                    // Many color combinations give the same priorities: they share one outcome.
                    var outcome = GroupPriorities(model, lea, span, cells, fixedResults, drawn);
                    id = groupOutcomes[g].IndexOf(outcome);
                    if (id < 0)
                    {
                        id = groupOutcomes[g].Count;
                        groupOutcomes[g].Add(outcome);
                        groupOutcomeCounts[g].Add(0);
                    }

                    lookup[key] = id;
                }

                groupOutcomeCounts[g][id]++;
                masks[g] = (char)groupOutcomes[g][id].Mask;
            }

            var set = DistinctSorted(masks);
            if (!decisionLookup.TryGetValue(set, out var decisionId))
            {
                decisionId = decisionOutcomes.Count;
                decisionOutcomes.Add(Decide(model, lea, cells, fixedResults, drawn));
                decisionCounts.Add(0);
                decisionLookup[set] = decisionId;
            }

            decisionCounts[decisionId]++;
        }

        var letters = Letters(model, lea, groups, groupOutcomes, groupOutcomeCounts, fixedResults);
        return Summarize(model, lea, decisionOutcomes, decisionCounts, letters, simulated, cells.Length);
    }

    /// <summary>
    /// A stable per-LEA seed (FNV-1a of the CDS code, mixed with the run's seed by SplitMix64): an LEA's forecast
    /// does not depend on which other LEAs are in the files, nor on the process.
    /// </summary>
    internal static int SeedFor(int seed, CdsCode cds)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in cds.Value)
        {
            hash = unchecked((hash ^ ch) * 1099511628211UL);
        }

        var z = unchecked(hash + ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((int)(z ^ (z >> 31)));
    }

    /// <summary>
    /// The LEA's results in the forecast year's terms: those that come out the same whatever the draw, and the
    /// uncertain ones, each with a result per run of equal levels in its bucket (ordered by group).
    /// </summary>
    private static (Cell[] Cells, List<IndicatorResult> Fixed, int Simulated) Cells(ForecastModel model, ForecastLea lea)
    {
        var rules = model.Rules;
        var indicators = rules.IndicatorsUsed.ToHashSet();
        var groups = rules.Groups.ToHashSet();
        // A color criterion reads only the color; the status level matters only where a status criterion reads it.
        var statusRead = rules.StateIndicatorPriorities.SelectMany(p => p.AnyOf).Where(c => !c.UsesColor).SelectMany(c => c.Indicators).ToHashSet();
        var colorClasses = ColorClassCache.GetValue(rules, ColorClasses);
        var nsize = ColorEngine.For(model.Year).NSize;
        var cells = new List<Cell>();
        var fixedResults = new List<IndicatorResult>();
        var simulated = 0;
        foreach (var result in lea.Results)
        {
            var now = result.Measure;
            if (!groups.Contains(now.Group) || !indicators.Contains(now.Indicator) || now.CurrentStatus is not decimal status)
            {
                continue;
            }

            simulated++;
            var bucket = model.Changes.For(now.Indicator, NextYear.StatusLevel(now, status))
                ?? (model.Settings.MissingChangeIsMaintained()
                    ? ChangeBucket.Maintained(now.Indicator)
                    : throw new InvalidOperationException(
                        $"no observed {now.Indicator.DisplayName()} change to draw from (setting {ForecastSettings.MissingChangeKey}=error); give --change-from files with one"));

            // The bucket is sorted, and next year's status and change grow with the change drawn, so its status and change
            // levels only step up (or only down) along the bucket: a run of changes with the same levels at both ends has
            // them throughout. The runs are found by halving; one result stands for each (only its levels are read).
            var runs = LevelRuns(model.Year, now, bucket.Changes);
            var results = new List<IndicatorResult>(runs.Count);
            var signature = new List<char>(runs.Count);
            foreach (var (_, _, measure, levels) in runs)
            {
                var r = Result(lea.Lea.Cds, measure, levels, result.Source, nsize);
                results.Add(r);
                signature.Add((char)('A' + (colorClasses[r.Indicator][(int)r.Color] * 8) + (statusRead.Contains(r.Indicator) ? r.StatusLevel : 0)));
            }

            if (signature.Distinct().Count() == 1)
            {
                fixedResults.Add(results[0]);
            }
            else
            {
                cells.Add(new Cell(now.Group, [.. results], [.. signature], [.. runs.Select(r => r.Start)], bucket.Changes.Length));
            }
        }

        // A group's cells side by side, so its part of the signature is one slice.
        return ([.. cells.OrderBy(c => c.Group)], fixedResults, simulated);
    }

    /// <summary>
    /// For each indicator, the colors the year's criteria cannot tell apart, each mapped to the lowest of its class:
    /// 2024's criteria tell Red and Orange from the rest, and nothing else. Found by asking every color criterion,
    /// for every group it applies to, with every color on its other indicators, so no rule is restated here.
    /// </summary>
    public static IReadOnlyDictionary<Indicator, int[]> ColorClasses(DaRuleSet rules)
    {
        var colors = Enum.GetValues<DashboardColor>();
        var criteria = rules.StateIndicatorPriorities.SelectMany(p => p.AnyOf).Where(c => c.UsesColor).ToList();
        var classes = new Dictionary<Indicator, int[]>();
        foreach (var indicator in rules.IndicatorsUsed)
        {
            var reading = criteria.Where(c => c.Indicators.Contains(indicator)).ToList();
            bool Alike(DashboardColor x, DashboardColor y) => reading.All(c =>
                rules.Groups.Where(c.Scope.Includes).All(g =>
                    Contexts(c, indicator, colors).All(others =>
                        c.Evaluate(g, new Probe(others, indicator, x), leaLevel: true).Met == c.Evaluate(g, new Probe(others, indicator, y), leaLevel: true).Met)));
            var map = new int[colors.Max(c => (int)c) + 1];
            foreach (var color in colors)
            {
                map[(int)color] = (int)colors.First(other => other <= color && Alike(other, color));
            }

            classes[indicator] = map;
        }

        return classes;
    }

    /// <summary>Every assignment of colors to a criterion's other indicators.</summary>
    private static IEnumerable<Dictionary<Indicator, DashboardColor>> Contexts(Criterion criterion, Indicator fixedIndicator, DashboardColor[] colors)
    {
        IEnumerable<Dictionary<Indicator, DashboardColor>> contexts = [[]];
        foreach (var other in criterion.Indicators.Where(i => i != fixedIndicator).Distinct())
        {
            contexts = contexts.SelectMany(ctx => colors.Select(color => new Dictionary<Indicator, DashboardColor>(ctx) { [other] = color })).ToList();
        }

        return contexts;
    }

    /// <summary>
    /// The sorted <paramref name="changes"/> cut into runs [Start, End) of equal levels, each with the measure and levels
    /// of its first change. Exact because both levels are monotone in the change (<see cref="NextYear.Measure"/> adds it
    /// to the status, clamped for rates; the cut points are thresholds); <c>ForecastRunsTests</c> holds it to coloring
    /// every change.
    /// </summary>
    internal static List<(int Start, int End, IndicatorMeasure Measure, ColorLevels Levels)> LevelRuns(int year, IndicatorMeasure now, IReadOnlyList<decimal> changes)
    {
        // Only a few dozen of the bucket's changes are ever colored: kept by index, not in an array of the bucket's size.
        var known = new Dictionary<int, (IndicatorMeasure Measure, ColorLevels Levels)>();
        (IndicatorMeasure Measure, ColorLevels Levels) At(int i)
        {
            if (!known.TryGetValue(i, out var k))
            {
                var m = NextYear.Measure(now, year, changes[i]);
                known[i] = k = (m, ColorEngine.Levels(m));
            }

            return k;
        }

        // Run starts: index 0 and every index whose levels differ from the one before; found between lo and hi by halving.
        var starts = new List<int> { 0 };
        void Split(int lo, int hi)
        {
            if (At(lo).Levels == At(hi).Levels)
            {
                return;
            }

            if (hi - lo == 1)
            {
                starts.Add(hi);
                return;
            }

            var mid = lo + ((hi - lo) / 2);
            Split(lo, mid);
            Split(mid, hi);
        }

        if (changes.Count > 1)
        {
            Split(0, changes.Count - 1);
        }

        var runs = new List<(int, int, IndicatorMeasure, ColorLevels)>(starts.Count);
        for (var r = 0; r < starts.Count; r++)
        {
            var (measure, levels) = At(starts[r]);
            runs.Add((starts[r], r + 1 < starts.Count ? starts[r + 1] : changes.Count, measure, levels));
        }

        return runs;
    }

    private static IndicatorResult Result(CdsCode cds, IndicatorMeasure m, ColorLevels color, SourceRef source, NSizeRule nsize) => new(
        cds,
        m.Indicator,
        m.Group,
        color.Color,
        color.StatusLevel,
        color.ChangeLevel,
        m.CurrentDenominator,
        m.CurrentStatus,
        m.PriorDenominator,
        m.PriorStatus,
        m.Change,
        m.CurrentDenominator >= nsize.ForColor(m.Group, m.IsLeaLevel),
        color.AccountabilityMet,
        source);

    /// <summary>Where each group's uncertain cells lie in the (group-ordered) cells.</summary>
    private static GroupSpan[] GroupSpans(Cell[] cells)
    {
        var spans = new List<GroupSpan>();
        for (var start = 0; start < cells.Length;)
        {
            var end = start;
            while (end < cells.Length && cells[end].Group == cells[start].Group)
            {
                end++;
            }

            spans.Add(new GroupSpan(cells[start].Group, start, end));
            start = end;
        }

        return [.. spans];
    }

    /// <summary>The priorities one group meets with this draw (a bit per priority area) and its letter, from the year's criteria on its results alone.</summary>
    private static GroupOutcome GroupPriorities(ForecastModel model, ForecastLea lea, GroupSpan span, Cell[] cells, List<IndicatorResult> fixedResults, int[] drawn)
    {
        var results = new LeaResults();
        foreach (var r in fixedResults.Where(r => r.Group == span.Group))
        {
            results.TryAdd(r);
        }

        for (var c = span.Start; c < span.End; c++)
        {
            results.TryAdd(cells[c].Results[drawn[c]]);
        }

        var group = Criteria(model, lea, results).Groups.First(g => g.Group == span.Group);
        return new GroupOutcome(group.MetPriorities.Aggregate(0, (mask, p) => mask | (1 << (int)p)), group.Letter);
    }

    private static CriteriaFinding Criteria(ForecastModel model, ForecastLea lea, LeaResults results) =>
        DifferentiatedAssistance.Criteria(model.Rules, Evidence(model, lea, results), model.Settings);

    private static LeaEvidence Evidence(ForecastModel model, ForecastLea lea, LeaResults results) =>
        new(lea.Lea, results, HasDashboardResults: true, lea.LocalIndicators, lea.LocalIndicators.Count > 0, model.History);

    /// <summary>The LEA decided on this draw's results: whether it is identified, in assistance at all, and by which methods.</summary>
    private static Decision Decide(ForecastModel model, ForecastLea lea, Cell[] cells, List<IndicatorResult> fixedResults, int[] drawn)
    {
        var results = new LeaResults();
        foreach (var r in fixedResults)
        {
            results.TryAdd(r);
        }

        for (var c = 0; c < cells.Length; c++)
        {
            results.TryAdd(cells[c].Results[drawn[c]]);
        }

        var d = DifferentiatedAssistance.Determine(model.Rules, Evidence(model, lea, results), model.Settings);
        return new Decision(d.IsIdentified, d.Status.IsDifferentiated(), d.Methods.Where(m => m.Met).Aggregate(0, (mask, m) => mask | (1 << m.Number)));
    }

    /// <summary>The masks sorted with duplicates removed, in place: the set the decision depends on.</summary>
    private static ReadOnlySpan<char> DistinctSorted(char[] masks)
    {
        var span = masks.AsSpan();
        span.Sort();
        var n = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (n == 0 || span[i] != span[n - 1])
            {
                span[n++] = span[i];
            }
        }

        return span[..n];
    }

    /// <summary>How often each group gets each letter: groups with no uncertain result have the same letter every time.</summary>
    private static Dictionary<StudentGroup, Dictionary<string, int>> Letters(
        ForecastModel model, ForecastLea lea, GroupSpan[] groups, List<GroupOutcome>[] groupOutcomes, List<int>[] groupOutcomeCounts, List<IndicatorResult> fixedResults)
    {
        var fixedResultsOnly = new LeaResults();
        foreach (var r in fixedResults)
        {
            fixedResultsOnly.TryAdd(r);
        }

        var uncertain = groups.Select(g => g.Group).ToHashSet();
        var letters = Criteria(model, lea, fixedResultsOnly).Groups
            .Where(g => g.Letter is not null && !uncertain.Contains(g.Group))
            .ToDictionary(g => g.Group, g => new Dictionary<string, int>(StringComparer.Ordinal) { [g.Letter!] = model.Simulations });
        for (var g = 0; g < groups.Length; g++)
        {
            var byLetter = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < groupOutcomes[g].Count; i++)
            {
                if (groupOutcomes[g][i].Letter is { } letter)
                {
                    byLetter[letter] = byLetter.GetValueOrDefault(letter) + groupOutcomeCounts[g][i];
                }
            }

            letters[groups[g].Group] = byLetter;
        }

        return letters;
    }

    private static LeaForecast Summarize(
        ForecastModel model, ForecastLea lea, List<Decision> decisions, List<int> counts, Dictionary<StudentGroup, Dictionary<string, int>> letters, int simulated, int uncertain)
    {
        double n = model.Simulations;
        double Share(Func<Decision, bool> when)
        {
            var total = 0;
            for (var i = 0; i < decisions.Count; i++)
            {
                total += when(decisions[i]) ? counts[i] : 0;
            }

            return total / n;
        }

        int Lettered(StudentGroup g) => letters.TryGetValue(g, out var byLetter) ? byLetter.Values.Sum() : 0;
        var likely = new List<LikelyLetter>();
        foreach (var g in model.Rules.Groups.Where(g => Lettered(g) > 0 && 2 * Lettered(g) >= model.Simulations))
        {
            var (letter, count) = letters[g].OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).First();
            likely.Add(new LikelyLetter(g, letter, count / n));
        }

        return new LeaForecast(
            lea.Lea,
            lea.BaseStatus,
            model.Simulations,
            Share(d => d.Identified),
            Share(d => d.InAssistance),
            model.Rules.Methods.Order().ToDictionary(m => m, m => Share(d => (d.Methods & (1 << m)) != 0)),
            model.Rules.Groups.ToDictionary(g => g, g => Lettered(g) / n),
            likely,
            simulated,
            uncertain);
    }

    /// <summary>
    /// One result whose color (or, where a status criterion reads it, status level) varies: a result for each run of
    /// the bucket's changes with equal levels, its signature character, and where each run starts.
    /// </summary>
    /// <param name="RunStarts">Where each result's run of draws starts in the sorted bucket (a statewide bucket holds tens of thousands of changes; a result a handful of runs).</param>
    /// <param name="Draws">The bucket's size: a draw is an index into it.</param>
    private sealed record Cell(StudentGroup Group, IndicatorResult[] Results, char[] Signature, int[] RunStarts, int Draws)
    {
        /// <summary>The result a draw gives: the run its index falls in.</summary>
        public int OutcomeOf(int draw)
        {
            var k = Array.BinarySearch(RunStarts, draw);
            return k >= 0 ? k : ~k - 1;
        }
    }

    /// <summary>A result per indicator with just a color, for <see cref="ColorClasses"/>.</summary>
    private sealed class Probe(Dictionary<Indicator, DashboardColor> others, Indicator indicator, DashboardColor color) : IIndicatorResults
    {
        public IndicatorResult? Find(Indicator wanted, StudentGroup group)
        {
            var c = wanted == indicator ? color : others.TryGetValue(wanted, out var o) ? o : (DashboardColor?)null;
            return c is DashboardColor value
                ? new IndicatorResult(CdsCode.Parse("00000000000000"), wanted, group, value, 1, 3, 100, 0m, 100, 0m, 0m, true, true, new SourceRef("(probe)", 0))
                : null;
        }
    }

    /// <summary>A group's uncertain cells: [<see cref="Start"/>, <see cref="End"/>) of the cells.</summary>
    private readonly record struct GroupSpan(StudentGroup Group, int Start, int End);

    /// <summary>The priorities a group meets (a bit per priority area) and its letter.</summary>
    private readonly record struct GroupOutcome(int Mask, string? Letter);

    /// <summary>What one set of group priorities decides.</summary>
    private readonly record struct Decision(bool Identified, bool InAssistance, int Methods);
}
