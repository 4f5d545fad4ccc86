using Microsoft.EntityFrameworkCore;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Resources;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.LeaPage;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Resources;

/// <summary>A hub entry with its tags as codes (priority numbers, group codes, indicator stems, audience names).</summary>
public sealed record ResourceView(
    string Id,
    string Name,
    string Kind,
    string Summary,
    string? Url,
    IReadOnlyList<int> Priorities,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Indicators,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<int> Levels,
    bool Retired,
    int Version,
    DateTime UpdatedUtc,
    string? UpdatedBy)
{
    public static ResourceView Of(HubResource row)
    {
        var e = ResourceCatalogue.ToEntry(row.ToResource());
        return new(row.Id, row.Name, row.Kind, row.Summary, row.Url, e.Priorities!, e.Groups!, e.Indicators!, e.Audiences!, e.Levels!, row.Retired, row.Version, row.UpdatedUtc, row.UpdatedBy);
    }
}

/// <summary>The hub's search: words in the name or summary, and any of the tag filters; retired entries only when asked.</summary>
public sealed record ResourceSearch(string? Q = null, int? Priority = null, string? Group = null, string? Indicator = null, string? Audience = null, int? Level = null, bool Retired = false);

/// <param name="Errors">Filters that name no priority, group, indicator, audience or level (nothing is listed then).</param>
public sealed record ResourceList(ResourceSearch Search, IReadOnlyList<ResourceView> Resources, IReadOnlyList<string> Errors);

public sealed record LeaResourcesQuery(string Cds, int? Year);

/// <summary>One matched resource: its tier (1 group and priority, 2 priority, 3 group, 4 support for all) and why.</summary>
public sealed record MatchView(ResourceView Resource, int Tier, string TierName, IReadOnlyList<string> Why);

/// <summary>An LEA's needs from its decision, in words, and the hub's resources ranked for them.</summary>
public sealed record LeaResources(string Cds, string Name, int Year, string Status, int Level, IReadOnlyList<string> Needs, IReadOnlyList<MatchView> Matches);

/// <summary>Reads the hub: search and filters, one entry, and the entries matched to an LEA's stored decision.</summary>
public sealed class ResourceHubHandler(SosDb db, LeaHandler leas)
{
    public async Task<ResourceList> Search(ResourceSearch search, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        PriorityArea? priority = search.Priority is int p ? PriorityAreas.TryFromNumber(p, out var pa) ? pa : Error<PriorityArea>($"priority {p} is not 1–10") : null;
        StudentGroup? group = search.Group is { Length: > 0 } g ? StudentGroups.TryParse(g, out var sg) && sg.IsAccountabilityGroup() ? sg : Error<StudentGroup>($"group '{g}' is not a student group code") : null;
        Indicator? indicator = search.Indicator is { Length: > 0 } i ? Indicators.TryParse(i, out var ind) ? ind : Error<Indicator>($"indicator '{i}' is not an indicator") : null;
        Audience? audience = search.Audience is { Length: > 0 } a ? Enum.TryParse<Audience>(a, true, out var au) && !int.TryParse(a, out _) ? au : Error<Audience>($"audience '{a}' is not one of {string.Join(", ", Enum.GetNames<Audience>())}") : null;
        if (search.Level is < 1 or > 3)
        {
            errors.Add($"level {search.Level} is not 1, 2 or 3");
        }

        if (errors.Count > 0)
        {
            return new ResourceList(search, [], errors);
        }

        var words = (search.Q ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rows = await db.Set<HubResource>().AsNoTracking().Where(r => search.Retired || !r.Retired).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var found = rows.Select(r => (Row: r, Resource: r.ToResource()))
            .Where(x => words.All(w => x.Resource.Name.Contains(w, StringComparison.OrdinalIgnoreCase) || x.Resource.Summary.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Where(x => priority is not { } pr || x.Resource.Priorities.Contains(pr))
            .Where(x => group is not { } gr || x.Resource.Groups.Contains(gr))
            .Where(x => indicator is not { } ir || x.Resource.Indicators.Contains(ir))
            .Where(x => audience is not { } ar || x.Resource.Audiences.Contains(ar))
            .Where(x => search.Level is not { } lv || x.Resource.Levels.Contains(lv))
            .Select(x => ResourceView.Of(x.Row))
            .ToList();
        return new ResourceList(search, found, []);

        T? Error<T>(string message)
            where T : struct
        {
            errors.Add(message);
            return null;
        }
    }

    public async Task<ResourceView?> Find(string id, CancellationToken cancellationToken) =>
        await db.Set<HubResource>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } row ? ResourceView.Of(row) : null;

    /// <summary>The resources for an LEA's decision in the year asked (the latest it may see by default); null when the viewer may not see it.</summary>
    public async Task<LeaResources?> ForLea(LeaResourcesQuery query, CancellationToken cancellationToken)
    {
        if (await leas.Handle(new LeaQuery(query.Cds, query.Year), cancellationToken) is not { } lea)
        {
            return null;
        }

        var needs = LeaNeeds.Of(LeaHandler.DeterminationOf(lea));
        var rows = await db.Set<HubResource>().AsNoTracking().Where(r => !r.Retired).ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        var matches = ResourceMatching.Rank(needs, rows.Select(r => r.ToResource()));
        return new LeaResources(
            lea.Cds,
            lea.Name,
            lea.Year,
            lea.Status,
            needs.Level,
            NeedWords(needs),
            [.. matches.Select(m => new MatchView(ResourceView.Of(byId[m.Resource.Id]), (int)m.Tier, TierName(m.Tier), m.Why))]);
    }

    public static string TierName(MatchTier tier) => tier switch
    {
        MatchTier.GroupAndPriority => "For the identified group and priority",
        MatchTier.PriorityOnly => "For an identified priority",
        MatchTier.GroupOnly => "For an identified group",
        _ => "Support for all",
    };

    private static List<string> NeedWords(LeaNeeds needs)
    {
        var words = needs.GroupNeeds
            .Select(n => $"{n.Group.DisplayName()}: {n.Priority.Label()}{(n.Indicators.Count > 0 ? $" on {string.Join(", ", n.Indicators.Select(i => i.DisplayName()))}" : string.Empty)}")
            .ToList();
        words.AddRange(needs.LocalPriorities.Select(p => $"Local indicator Not Met for two or more years: {p.Label()}"));
        if (words.Count == 0)
        {
            words.Add("No student group or local indicator identified: support for all applies.");
        }

        return words;
    }
}
