using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SystemOfSupport.Web.Features.Accounts;

namespace SystemOfSupport.Web.Features.Resources;

/// <summary><c>/resources/edit/{id}</c> changes or retires an entry, <c>/resources/edit</c> adds one (state staff).</summary>
[Authorize(Policy = Roles.StateStaffPolicy)]
public sealed class EditResourceModel(ResourceHubHandler hub, SaveResourceHandler save) : PageModel
{
    [BindProperty]
    public ResourceForm Form { get; set; } = new();

    public bool IsNew => Form.Version is null;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            Form = new ResourceForm { Levels = ["1"] };
            return Page();
        }

        if (await hub.Find(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Form = ResourceForm.Of(view);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is not null && Form.Version is null)
        {
            return BadRequest();
        }

        var result = await save.Handle(Form.ToCommand(id), cancellationToken);
        if (result.Outcome is SaveOutcome.Created or SaveOutcome.Saved)
        {
            return Redirect($"/resources/{result.Resource!.Id}");
        }

        if (result.Outcome == SaveOutcome.NotFound)
        {
            return NotFound();
        }

        Errors = result.Errors;
        Response.StatusCode = result.Outcome == SaveOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}

/// <summary>The edit form's fields: checkbox lists hold tag codes.</summary>
public sealed class ResourceForm
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Kind { get; set; } = nameof(Core.Resources.ResourceKind.StatewideInitiative);

    public string Summary { get; set; } = string.Empty;

    public string? Url { get; set; }

    public List<string> Priorities { get; set; } = [];

    public List<string> Groups { get; set; } = [];

    public List<string> Indicators { get; set; } = [];

    public List<string> Audiences { get; set; } = [];

    public List<string> Levels { get; set; } = [];

    public bool Retired { get; set; }

    public int? Version { get; set; }

    public static ResourceForm Of(ResourceView r) => new()
    {
        Id = r.Id,
        Name = r.Name,
        Kind = r.Kind,
        Summary = r.Summary,
        Url = r.Url,
        Priorities = [.. r.Priorities.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        Groups = [.. r.Groups],
        Indicators = [.. r.Indicators],
        Audiences = [.. r.Audiences],
        Levels = [.. r.Levels.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        Retired = r.Retired,
        Version = r.Version,
    };

    /// <summary>The command; the address's id wins over the form's for an edit (the id is not editable).</summary>
    public SaveResource ToCommand(string? routeId) => new(
        routeId ?? Id,
        Name,
        Kind,
        Summary,
        Url,
        Numbers(Priorities),
        Groups,
        Indicators,
        Audiences,
        Numbers(Levels),
        Retired,
        Version);

    // A non-number becomes 0, which the catalogue's rules then name as the bad value.
    private static List<int> Numbers(List<string> codes) =>
        [.. codes.Select(c => int.TryParse(c, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)];
}
