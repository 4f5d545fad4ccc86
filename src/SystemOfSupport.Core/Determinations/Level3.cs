using System.Globalization;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;

namespace SystemOfSupport.Core.Determinations;

/// <summary>One student group's letters across the Level 3 window.</summary>
public sealed record GroupRecurrence(StudentGroup Group, IReadOnlyList<int> YearsWithLetter, bool Qualifies);

/// <summary>
/// The EC 52072 / 52072.5 criterion for one LEA and year: <see cref="Flag"/> is null when a window year's letters
/// are unknown and the known years cannot settle it.
/// </summary>
public sealed record Level3Finding(int Year, IReadOnlyList<int> Window, bool? Flag, IReadOnlyList<GroupRecurrence> Groups, IReadOnlyList<StudentGroup>? SignificantGroups, IReadOnlyList<int> MissingYears, string Reason);

/// <summary>The Level 3 trigger (RULES.md §4): the same student group lettered in at least three of the last four Dashboard years.</summary>
public static class Level3
{
    public const int WindowYears = 4;
    public const int YearsNeeded = 3;
    public const int GroupsNeeded = 3;

    /// <summary>The last four Dashboard years through <paramref name="year"/>, skipping 2020 and 2021.</summary>
    public static IReadOnlyList<int> Window(int year) => [.. DashboardYears.Through(year).TakeLast(WindowYears)];

    /// <param name="current">This year's letters, by group.</param>
    /// <param name="significant">Groups numerically significant this year (with a color); null when unknown (a replay from a workbook).</param>
    public static Level3Finding Evaluate(int year, CdsCode cds, IReadOnlyDictionary<StudentGroup, string> current, IReadOnlySet<StudentGroup>? significant, AssistanceHistory history)
    {
        var significantGroups = significant?.Order().ToList();
        var window = Window(year);
        var lettered = new Dictionary<StudentGroup, List<int>>();
        var missing = new List<int>();
        foreach (var y in window)
        {
            IReadOnlyDictionary<StudentGroup, string> letters;
            if (y == year)
            {
                letters = current;
            }
            else if (!history.TryGetLetters(cds, y, out letters))
            {
                missing.Add(y);
                continue;
            }

            foreach (var group in letters.Keys.Where(g => g.IsAccountabilityGroup()))
            {
                if (!lettered.TryGetValue(group, out var years))
                {
                    lettered[group] = years = [];
                }

                years.Add(y);
            }
        }

        var groups = lettered.OrderBy(g => g.Key)
            .Select(g => new GroupRecurrence(g.Key, g.Value, g.Value.Count >= YearsNeeded))
            .ToList();
        var qualifying = groups.Where(g => g.Qualifies).ToList();
        var windowText = string.Join(", ", window.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        var qualifyingText = qualifying.Count == 0 ? "no group" : string.Join(", ", qualifying.Select(g => $"{g.Group} ({string.Join(", ", g.YearsWithLetter)})"));

        if (qualifying.Count >= GroupsNeeded)
        {
            return new(year, window, true, groups, significantGroups, missing,
                $"{qualifying.Count} student groups had a priority letter in at least three of {windowText}: {qualifyingText}.");
        }

        // A missing year could still add a qualifying group, unless no group could reach three years with it.
        var couldStillQualify = missing.Count >= YearsNeeded || groups.Any(g => !g.Qualifies && g.YearsWithLetter.Count + missing.Count >= YearsNeeded);
        if (missing.Count > 0 && couldStillQualify)
        {
            return new(year, window, null, groups, significantGroups, missing,
                $"Not decided: the letters of {string.Join(", ", missing)} are unknown; give those years' assistance-status workbooks (or this tool's output for them) with --history.");
        }

        if (significantGroups is null)
        {
            return new(year, window, false, groups, null, missing,
                $"{qualifyingText} recurred in three of {windowText}; the fewer-than-three-groups clause needs this year's Dashboard colors and was not checked.");
        }

        var fewGroups = significantGroups.Count is > 0 and < GroupsNeeded && significantGroups.All(g => qualifying.Any(q => q.Group == g));
        return fewGroups
            ? new(year, window, true, groups, significantGroups, missing,
                $"The LEA has {significantGroups.Count} numerically significant group(s) ({string.Join(", ", significantGroups)}), fewer than three, and all of them qualify: {qualifyingText}.")
            : new(year, window, false, groups, significantGroups, missing,
                $"{(qualifying.Count == 0 ? "No student group" : $"Only {qualifyingText}")} had a letter in at least three of {windowText}; three groups are needed (or all of fewer than three numerically significant groups; it has {significantGroups.Count}).");
    }
}
