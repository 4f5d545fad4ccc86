using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SystemOfSupport.Web.Features.Funding;

public sealed class FundingModel(FundingHandler handler) : PageModel
{
    public FundingView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? fiscalYear, CancellationToken cancellationToken)
    {
        if (await handler.Handle(new FundingQuery(fiscalYear), cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public static string Money(decimal amount) => Core.Funding.Dollars.Format(amount);
}
