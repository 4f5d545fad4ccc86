using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SystemOfSupport.Core.Casework;
using SystemOfSupport.Web.Features.Accounts;

namespace SystemOfSupport.Web.Features.Cases;

[Authorize]
public sealed class CaseListModel(CasesHandler handler, CaseworkHandler work, Viewer viewer) : PageModel
{
    public CaseList List { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Why the last request to open a case was refused.</summary>
    public string? Refusal { get; private set; }

    /// <summary>One LEA is shown, it has no open case, and the viewer may open one (state staff, county office staff).</summary>
    public bool CanOpen => List.Filter.Lea is not null && (viewer.IsState || viewer.County is not null) && !List.Cases.Any(c => c.Step.IsOpen());

    public async Task OnGetAsync(string? county, CaseStep? step, int? year, string? lea, CancellationToken cancellationToken) =>
        List = await handler.List(new CaseFilter(county, step, year, lea), cancellationToken);

    public async Task<IActionResult> OnPostOpenAsync(string lea, CancellationToken cancellationToken)
    {
        var outcome = await work.Handle(new OpenCase(lea, Reason ?? string.Empty), cancellationToken);
        switch (outcome.Result)
        {
            case CaseResult.Done:
                return Redirect($"/cases/{outcome.EntityId}");
            case CaseResult.NotFound:
                return NotFound();
            case CaseResult.Forbidden:
                return Forbid();
            default:
                Refusal = outcome.Error;
                List = await handler.List(new CaseFilter(null, null, null, lea), cancellationToken);
                return Page();
        }
    }
}
