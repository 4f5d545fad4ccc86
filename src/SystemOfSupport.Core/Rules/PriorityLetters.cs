using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Rules;

/// <summary>The state's letter for each combination of two or more of priorities 4, 5, 6 and 8 (RULES.md §3.2).</summary>
public static class PriorityLetters
{
    private static readonly (string Letter, PriorityArea[] Priorities)[] Table =
    [
        ("A", [PriorityArea.PupilAchievement, PriorityArea.PupilEngagement, PriorityArea.SchoolClimate]),
        ("B", [PriorityArea.PupilAchievement, PriorityArea.PupilEngagement]),
        ("C", [PriorityArea.PupilEngagement, PriorityArea.SchoolClimate]),
        ("D", [PriorityArea.PupilAchievement, PriorityArea.SchoolClimate]),
        ("E", [PriorityArea.PupilAchievement, PriorityArea.PupilOutcomes]),
        ("F", [PriorityArea.PupilEngagement, PriorityArea.PupilOutcomes]),
        ("G", [PriorityArea.SchoolClimate, PriorityArea.PupilOutcomes]),
        ("H", [PriorityArea.PupilAchievement, PriorityArea.PupilEngagement, PriorityArea.PupilOutcomes]),
        ("I", [PriorityArea.PupilAchievement, PriorityArea.SchoolClimate, PriorityArea.PupilOutcomes]),
        ("J", [PriorityArea.PupilEngagement, PriorityArea.SchoolClimate, PriorityArea.PupilOutcomes]),
        ("K", [PriorityArea.PupilAchievement, PriorityArea.PupilEngagement, PriorityArea.SchoolClimate, PriorityArea.PupilOutcomes]),
    ];

    /// <summary>The letter for a set of met state-indicator priorities, or null when fewer than two are met.</summary>
    public static string? For(IEnumerable<PriorityArea> met)
    {
        var set = MaskOf(met);
        foreach (var (letter, mask) in Masks)
        {
            if (set == mask)
            {
                return letter;
            }
        }

        return null;
    }

    // Each letter's priorities as bits, so a group's set is matched without building a set per group.
    private static readonly (string Letter, long Mask)[] Masks = [.. Table.Select(t => (t.Letter, MaskOf(t.Priorities)))];

    private static long MaskOf(IEnumerable<PriorityArea> priorities)
    {
        var mask = 0L;
        foreach (var p in priorities)
        {
            mask |= 1L << (int)p;
        }

        return mask;
    }

    public static IReadOnlyList<PriorityArea> PrioritiesOf(string letter) =>
        Table.FirstOrDefault(t => t.Letter == letter).Priorities ?? [];

    public static IEnumerable<string> Letters => Table.Select(t => t.Letter);
}
