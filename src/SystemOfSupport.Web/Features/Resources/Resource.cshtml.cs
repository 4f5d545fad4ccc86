using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SystemOfSupport.Web.Features.Accounts;

namespace SystemOfSupport.Web.Features.Resources;

/// <summary><c>/resources/{id}</c>: one hub entry with its tags in words.</summary>
public sealed class ResourceModel(ResourceHubHandler hub, Viewer viewer) : PageModel
{
    public ResourceView View { get; private set; } = null!;

    public bool CanEdit => viewer.IsState;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await hub.Find(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
