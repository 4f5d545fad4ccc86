using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Years;

namespace SystemOfSupport.Web.Features.StatePage;

public sealed class OverviewModel(StateOverviewHandler handler, PublishYearHandler publish) : PageModel
{
    public StateOverview View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        if (await handler.Handle(new StateQuery(year), cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    /// <summary>State staff publish the year shown.</summary>
    public async Task<IActionResult> OnPostPublishAsync(int year, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.State))
        {
            return Forbid();
        }

        return await publish.Handle(new PublishYear(year), cancellationToken) ? RedirectToPage(new { year }) : NotFound();
    }

    /// <summary>A county's share in words, as its map outline's title and label.</summary>
    public static string MapLabel(CountyShare c) => c.Percent is int p
        ? $"{c.Name}: {c.InAssistance} of {c.Leas} in assistance ({p}%)"
        : $"{c.Name}: {StateOverviewHandler.NoLeas}";

    /// <summary>The CSS class of a band (<c>band-2</c>), by its place in <see cref="StateOverviewHandler.Bands"/>.</summary>
    public static string BandClass(string band)
    {
        for (var i = 0; i < StateOverviewHandler.Bands.Count; i++)
        {
            if (StateOverviewHandler.Bands[i].Band == band)
            {
                return "band-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return "band-none";
    }
}
