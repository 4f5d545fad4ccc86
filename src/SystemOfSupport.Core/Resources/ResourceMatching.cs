using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Resources;

/// <summary>One student group's identified priority area, and the indicators whose results met it.</summary>
public sealed record GroupNeed(StudentGroup Group, PriorityArea Priority, IReadOnlyList<Indicator> Indicators);

/// <summary>
/// What an LEA's decision says it needs: each group's met priorities (with the indicators behind them), the priorities
/// its local indicators were Not Met for two or more years, and the level of support it is in.
/// </summary>
public sealed record LeaNeeds(LeaKind Kind, IReadOnlyList<GroupNeed> GroupNeeds, IReadOnlyList<PriorityArea> LocalPriorities, int Level)
{
    public static LeaNeeds Of(Determination d)
    {
        var needs = d.Groups
            .Where(g => g.Group.IsAccountabilityGroup())
            .SelectMany(g => g.Priorities.Where(p => p.Met).Select(p => new GroupNeed(
                g.Group,
                p.Priority,
                [.. p.Criteria.Where(c => c.Met).SelectMany(c => c.Evidence).Select(r => r.Indicator).Distinct().Order()])))
            .ToList();
        var level = d.Level3?.Flag == true ? 3 : d.IsIdentified || d.Status.IsDifferentiated() ? 2 : 1;
        return new LeaNeeds(d.Lea.Kind, needs, [.. d.LocalIndicators.Where(l => l.Counts).Select(l => l.Priority).Distinct().Order()], level);
    }

    public IEnumerable<PriorityArea> Priorities => GroupNeeds.Select(n => n.Priority).Concat(LocalPriorities).Distinct();

    public IEnumerable<StudentGroup> Groups => GroupNeeds.Select(n => n.Group).Distinct();

    public IEnumerable<Indicator> Indicators => GroupNeeds.SelectMany(n => n.Indicators).Distinct();
}

/// <summary>How closely a resource fits an LEA's needs, best first.</summary>
public enum MatchTier
{
    /// <summary>Tagged for a group and for a priority area or indicator that group was identified on.</summary>
    GroupAndPriority = 1,

    /// <summary>Tagged for an identified priority area or indicator, not for the group.</summary>
    PriorityOnly = 2,

    /// <summary>Tagged for an identified group, not for its priorities.</summary>
    GroupOnly = 3,

    /// <summary>Support for all: tagged for no priority, indicator or group.</summary>
    General = 4,
}

/// <summary>A resource matched to an LEA, with the reasons in words.</summary>
/// <param name="Score">The order within a tier: matching tags, then the level of support, then the audience.</param>
public sealed record ResourceMatch(Resource Resource, MatchTier Tier, int Score, IReadOnlyList<string> Why);

/// <summary>
/// The hub's matching rules (RULES.md has none: this is the product's own ordering). Resources tagged for both an
/// identified group and a priority area or indicator it was identified on come first, then those for the priority
/// only, then for the group only, then support for all. Within a tier, more matching tags first, then a resource for
/// the LEA's level of support and audience, then by name. Retired resources and those matching nothing are left out.
/// </summary>
public static class ResourceMatching
{
    public static IReadOnlyList<ResourceMatch> Rank(LeaNeeds needs, IEnumerable<Resource> resources) =>
        [
            .. resources.Where(r => !r.Retired)
                .Select(r => Match(needs, r))
                .OfType<ResourceMatch>()
                .OrderBy(m => m.Tier)
                .ThenByDescending(m => m.Score)
                .ThenBy(m => m.Resource.Name, StringComparer.Ordinal),
        ];

    public static ResourceMatch? Match(LeaNeeds needs, Resource r)
    {
        var why = new List<string>();
        var score = 0;
        var pairs = needs.GroupNeeds
            .Where(n => r.Groups.Contains(n.Group) && (r.Priorities.Contains(n.Priority) || n.Indicators.Any(r.Indicators.Contains)))
            .ToList();
        foreach (var n in pairs)
        {
            var on = n.Indicators.Where(r.Indicators.Contains).Select(i => i.DisplayName()).ToList();
            why.Add($"For {n.Group.DisplayName()} in {n.Priority.Label()}{(on.Count > 0 ? $" ({string.Join(", ", on)})" : string.Empty)}: the LEA was identified there for that group.");
            score += 2 + on.Count;
        }

        var priorities = needs.Priorities.Where(r.Priorities.Contains).Where(p => pairs.All(n => n.Priority != p)).ToList();
        var indicators = needs.Indicators.Where(r.Indicators.Contains).Where(i => pairs.All(n => !n.Indicators.Contains(i))).ToList();
        if (priorities.Count > 0 || indicators.Count > 0)
        {
            var named = priorities.Select(p => p.Label()).Concat(indicators.Select(i => i.DisplayName() + " indicator"));
            why.Add($"For {string.Join(", ", named)}, where the LEA was identified.");
            score += priorities.Count + indicators.Count;
        }

        var groups = needs.Groups.Where(r.Groups.Contains).Where(g => pairs.All(n => n.Group != g)).ToList();
        if (groups.Count > 0)
        {
            why.Add($"For {string.Join(", ", groups.Select(g => g.DisplayName()))}, a group the LEA was identified for.");
            score += groups.Count;
        }

        MatchTier tier;
        if (pairs.Count > 0)
        {
            tier = MatchTier.GroupAndPriority;
        }
        else if (priorities.Count > 0 || indicators.Count > 0)
        {
            tier = MatchTier.PriorityOnly;
        }
        else if (groups.Count > 0)
        {
            tier = MatchTier.GroupOnly;
        }
        else if (r.IsGeneral)
        {
            tier = MatchTier.General;
            why.Add("Support for all LEAs.");
        }
        else
        {
            return null;
        }

        // Tags weigh most; the level of support, then the audience, only break ties (together less than one tag).
        score *= 4;
        if (r.Levels.Contains(needs.Level))
        {
            why.Add($"Serves Level {needs.Level}, the LEA's level of support.");
            score += 2;
        }

        if (r.Audiences.Contains(Audiences.Of(needs.Kind)))
        {
            score++;
        }

        return new ResourceMatch(r, tier, score, why);
    }
}
