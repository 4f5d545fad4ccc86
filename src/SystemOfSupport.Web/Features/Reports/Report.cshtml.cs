using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SystemOfSupport.Web.Features.Reports;

/// <summary><c>/reports/{cds}</c>: the one-pager on screen (prints as one page); the PDF is <c>/reports/{cds}.pdf</c>.</summary>
public sealed class ReportModel(OnePagerHandler handler) : PageModel
{
    public OnePager View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string cds, int? year, CancellationToken cancellationToken)
    {
        if (await handler.Handle(new OnePagerQuery(cds, year), cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
