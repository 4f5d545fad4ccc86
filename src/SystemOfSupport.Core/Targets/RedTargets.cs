using System.Globalization;
using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;

namespace SystemOfSupport.Core.Targets;

/// <summary>
/// What it takes for a Red result to leave Red next year at the same denominator: <see cref="Students"/> for rates
/// (fewer absent or suspended, more graduating, prepared or progressing), <see cref="Points"/> for ELA and Math. Zero
/// means holding steady is enough: a Red that came from a large decline turns Orange when next year's change is none.
/// </summary>
public sealed record Target(Lea Lea, StudentGroup Group, Indicator Indicator, IndicatorMeasure Now, IndicatorMeasure Next, ColorResult NextColor, int? Students, decimal Points, string Description);

/// <summary>The fewest targets that, met, leave the LEA with no identification method met.</summary>
public sealed record EligibilityExit(bool Possible, IReadOnlyList<Target> Targets, string Reason);

/// <summary>Targets to leave Red (issue "targets"): searched through the color engine, so they hold exactly as the Dashboard computes.</summary>
public static class RedTargets
{
    /// <summary>Largest ELA/Math improvement searched, in points.</summary>
    public const decimal MaxPoints = 300m;

    /// <summary>Subsets of targets tried for an exit, at most this many at once.</summary>
    public const int MaxExitTargets = 5;

    /// <summary>
    /// The smallest improvement that leaves Red next year, with this year's status as next year's prior and the same
    /// denominator; null when <paramref name="now"/> is not Red or no improvement at that denominator does it.
    /// </summary>
    public static Target? For(Lea lea, IndicatorMeasure now)
    {
        if (ColorEngine.Levels(now).Color != DashboardColor.Red || now.CurrentStatus is not decimal status || now.CurrentDenominator is not int den)
        {
            return null;
        }

        var nextYear = DashboardYears.Through(now.Year + 3).First(y => y > now.Year);
        var exact = now.ExactCurrentStatus ?? status;
        // The Dashboard's change comes from the unrounded rates.
        IndicatorMeasure Next(decimal nextExact) =>
            NextYear.Measure(now, nextYear, Math.Round(nextExact, 1, MidpointRounding.AwayFromZero) - status) with
            {
                Change = Math.Round(nextExact - exact, 1, MidpointRounding.AwayFromZero),
            };

        if (now.Indicator is Indicator.Ela or Indicator.Math)
        {
            for (var points = 0m; points <= MaxPoints; points += 0.1m)
            {
                var next = Next(exact + points);
                if (ColorEngine.Levels(next).Color is not (DashboardColor.Red or DashboardColor.None))
                {
                    var color = ColorEngine.Compute(next);
                    return new Target(lea, now.Group, now.Indicator, now, next, color, null, points, points == 0
                        ? $"holding at {Text(status)} leaves Red ({color.Color}: next year's change would be none)"
                        : $"+{points.ToString("0.0", CultureInfo.InvariantCulture)} points ({Text(status)} → {Text(next.CurrentStatus!.Value)}): {color.Color}");
                }
            }

            return null;
        }

        var lowerIsBetter = now.Indicator is Indicator.Chronic or Indicator.Susp;
        var numerator = now.CurrentNumerator ?? (int)Math.Round(exact * den / 100m, MidpointRounding.AwayFromZero);
        var room = lowerIsBetter ? numerator : den - numerator;
        for (var students = 0; students <= room; students++)
        {
            var nextExact = 100m * (numerator + (lowerIsBetter ? -students : students)) / den;
            var next = Next(nextExact);
            if (ColorEngine.Levels(next).Color is not (DashboardColor.Red or DashboardColor.None))
            {
                var color = ColorEngine.Compute(next);
                return new Target(lea, now.Group, now.Indicator, now, next, color, students, Math.Abs(next.CurrentStatus!.Value - status), students == 0
                    ? $"holding at {Text(status)}% of {den} leaves Red ({color.Color}: next year's change would be none)"
                    : $"{students} {Words(now.Indicator, students)} ({Text(status)}% → {Text(next.CurrentStatus.Value)}% of {den}): {color.Color}");
            }
        }

        return null;
    }

    /// <summary>
    /// The fewest of <paramref name="targets"/> that, all met, would leave the LEA meeting no method this year: each
    /// met target turns its Red result into the color it reaches. Smaller improvements are tried first.
    /// </summary>
    public static EligibilityExit SmallestExit(DaRuleSet rules, LeaEvidence evidence, IReadOnlyList<Target> targets, DeterminationSettings settings)
    {
        var now = DifferentiatedAssistance.Criteria(rules, evidence, settings);
        if (!now.Met)
        {
            return new EligibilityExit(true, [], "Not identified by Methods 1–3: nothing to leave.");
        }

        if (now.Method(2)?.Met == true)
        {
            return new EligibilityExit(false, [], "Method 2 is met by the local indicators (Not Met for Two or More Years): no Dashboard result can end it.");
        }

        var candidates = targets.OrderBy(t => t.Points).ThenBy(t => t.Students ?? 0).ToList();
        for (var size = 1; size <= Math.Min(MaxExitTargets, candidates.Count); size++)
        {
            foreach (var subset in Subsets(candidates, size))
            {
                var results = new LeaResults();
                foreach (var r in AllResults(evidence.Results, rules))
                {
                    var target = subset.FirstOrDefault(t => t.Indicator == r.Indicator && t.Group == r.Group);
                    results.TryAdd(target is null ? r : r with { Color = target.NextColor.Color, StatusLevel = target.NextColor.StatusLevel, ChangeLevel = target.NextColor.ChangeLevel });
                }

                if (!DifferentiatedAssistance.Criteria(rules, evidence with { Results = results }, settings).Met)
                {
                    return new EligibilityExit(true, subset, $"Meeting these {size} target(s) leaves no group with two or more priorities and no Method 3.");
                }
            }
        }

        return new EligibilityExit(false, [], $"No set of up to {MaxExitTargets} targets to leave Red ends the identification.");
    }

    private static IEnumerable<IndicatorResult> AllResults(IIndicatorResults results, DaRuleSet rules) =>
        results is LeaResults all ? all.All
        : rules.Groups.SelectMany(g => rules.IndicatorsUsed.Select(i => results.Find(i, g))).OfType<IndicatorResult>();

    private static IEnumerable<IReadOnlyList<Target>> Subsets(List<Target> items, int size)
    {
        var index = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            yield return [.. index.Select(i => items[i])];
            var k = size - 1;
            while (k >= 0 && index[k] == items.Count - size + k)
            {
                k--;
            }

            if (k < 0)
            {
                yield break;
            }

            index[k]++;
            for (var j = k + 1; j < size; j++)
            {
                index[j] = index[j - 1] + 1;
            }
        }
    }

    private static string Words(Indicator indicator, int n) => (indicator, n == 1) switch
    {
        (Indicator.Chronic, true) => "fewer chronically absent student",
        (Indicator.Chronic, false) => "fewer chronically absent students",
        (Indicator.Susp, true) => "fewer student suspended",
        (Indicator.Susp, false) => "fewer students suspended",
        (Indicator.Grad, true) => "more graduate",
        (Indicator.Grad, false) => "more graduates",
        (Indicator.Cci, true) => "more student prepared",
        (Indicator.Cci, false) => "more students prepared",
        (_, true) => "more English learner progressing",
        _ => "more English learners progressing",
    };

    private static string Text(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
