using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SystemOfSupport.Web.Features.CountyPage;

public sealed class CountyModel(CountyHandler handler) : PageModel
{
    public CountyView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string county, int? year, CancellationToken cancellationToken)
    {
        if (await handler.Handle(new CountyQuery(county, year), cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
