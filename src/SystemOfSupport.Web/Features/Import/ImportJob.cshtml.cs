using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SystemOfSupport.Web.Features.Accounts;

namespace SystemOfSupport.Web.Features.Import;

/// <summary>An import job's progress; the page reloads itself every second (a <c>Refresh</c> header, no script) until the job ends.</summary>
[Authorize(Policy = Roles.StateStaffPolicy)]
public sealed class ImportJobModel(ImportJobs jobs) : PageModel
{
    public ImportJobStatus Job { get; private set; } = null!;

    public IActionResult OnGet(Guid id)
    {
        if (jobs.Find(id) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        if (!job.Finished)
        {
            Response.Headers.Append("Refresh", "1");
        }

        return Page();
    }
}
