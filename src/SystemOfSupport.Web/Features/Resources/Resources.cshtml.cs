using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Resources;
using SystemOfSupport.Web.Features.Accounts;

namespace SystemOfSupport.Web.Features.Resources;

/// <summary><c>/resources</c>: the hub with search and filters; with <c>?lea=CDS</c>, the resources matched to that LEA and why.</summary>
public sealed class ResourcesModel(ResourceHubHandler hub, Viewer viewer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Priority { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Group { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Indicator { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Audience { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Retired { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lea { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ResourceList? List { get; private set; }

    public LeaResources? ForLea { get; private set; }

    public bool CanEdit => viewer.IsState;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Lea is { Length: > 0 } cds)
        {
            ForLea = await hub.ForLea(new LeaResourcesQuery(cds, Year), cancellationToken);
            return ForLea is null ? NotFound() : Page();
        }

        List = await hub.Search(new ResourceSearch(Q, Priority, Group, Indicator, Audience, Level, Retired), cancellationToken);
        return Page();
    }
}

/// <summary>The tag codes in words, for the hub's pages and forms.</summary>
public static class ResourceTags
{
    public static IReadOnlyList<(string Code, string Label)> PriorityOptions { get; } =
        [.. Enum.GetValues<PriorityArea>().Select(p => (p.Number().ToString(System.Globalization.CultureInfo.InvariantCulture), p.Label()))];

    public static IReadOnlyList<(string Code, string Label)> GroupOptions { get; } =
        [.. Enum.GetValues<StudentGroup>().Where(g => g.IsAccountabilityGroup()).Select(g => (g.ToString(), g.DisplayName()))];

    public static IReadOnlyList<(string Code, string Label)> IndicatorOptions { get; } =
        [.. Indicators.All.Select(i => (i.FileStem(), i.DisplayName()))];

    public static IReadOnlyList<(string Code, string Label)> AudienceOptions { get; } =
        [.. Enum.GetValues<Audience>().Select(a => (a.ToString(), a.Label()))];

    public static IReadOnlyList<(string Code, string Label)> LevelOptions { get; } =
        [("1", "Level 1 (support for all)"), ("2", "Level 2 (differentiated assistance)"), ("3", "Level 3 (intensive)")];

    public static IReadOnlyList<string> KindOptions { get; } = Enum.GetNames<ResourceKind>();

    public static string KindLabel(string kind) => kind switch
    {
        nameof(ResourceKind.LeadAgency) => "Lead agency",
        nameof(ResourceKind.StateAgency) => "State agency",
        _ => "Statewide initiative",
    };

    /// <summary>A resource's tags as one line of words per kind of tag (empty kinds left out).</summary>
    public static IEnumerable<(string Kind, string Words)> Lines(ResourceView r)
    {
        static string Words(IEnumerable<string> codes, IReadOnlyList<(string Code, string Label)> options) =>
            string.Join(", ", codes.Select(c => options.FirstOrDefault(o => o.Code == c).Label ?? c));

        var lines = new (string Kind, string Words)[]
        {
            ("Priorities", Words(r.Priorities.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)), PriorityOptions)),
            ("Student groups", Words(r.Groups, GroupOptions)),
            ("Indicators", Words(r.Indicators, IndicatorOptions)),
            ("Audiences", Words(r.Audiences, AudienceOptions)),
            ("Levels", string.Join(", ", r.Levels.Select(l => $"Level {l}"))),
        };
        return lines.Where(l => l.Words.Length > 0);
    }
}
