using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SystemOfSupport.Core.Casework;

namespace SystemOfSupport.Web.Features.Cases;

[Authorize]
public sealed class CaseListModel(CasesHandler handler) : PageModel
{
    public CaseList List { get; private set; } = null!;

    public async Task OnGetAsync(string? county, CaseStep? step, int? year, string? lea, CancellationToken cancellationToken) =>
        List = await handler.List(new CaseFilter(county, step, year, lea), cancellationToken);
}
