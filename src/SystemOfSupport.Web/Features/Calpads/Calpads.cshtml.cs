using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SystemOfSupport.Web.Features.Calpads;

public sealed class CalpadsModel(CalpadsHandler handler) : PageModel
{
    public CalpadsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? schoolYear, DateOnly? asOf, CancellationToken cancellationToken)
    {
        if (await handler.Handle(new CalpadsQuery(schoolYear, asOf), cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
