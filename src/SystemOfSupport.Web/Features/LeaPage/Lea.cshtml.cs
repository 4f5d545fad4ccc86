using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SystemOfSupport.Web.Features.LeaPage;

public sealed class LeaModel(LeaHandler handler) : PageModel
{
    public LeaView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string cds, int? year, CancellationToken cancellationToken)
    {
        if (await handler.Handle(new LeaQuery(cds, year), cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    /// <summary>A result's numbers in words: the status and change values with their levels (a level of 0 is none), and the students.</summary>
    public static IReadOnlyList<string> Values(GridCell cell)
    {
        static string Part(string name, decimal? value, int level) =>
            $"{name} {value?.ToString("0.0##", CultureInfo.InvariantCulture) ?? "–"}{(level > 0 ? $", level {level}" : string.Empty)}";
        return
        [
            Part("Status", cell.Status, cell.StatusLevel),
            Part("Change", cell.Change, cell.ChangeLevel),
            $"{cell.Students?.ToString(CultureInfo.InvariantCulture) ?? "–"} students",
        ];
    }
}
