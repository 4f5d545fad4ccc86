using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Import;

[Authorize(Policy = Roles.StateStaffPolicy)]
public sealed class ImportModel(ImportYearHandler handler, IOptions<SosOptions> options) : PageModel
{
    [BindProperty]
    [Required]
    [Range(2017, 2100)]
    public int? Year { get; set; }

    [BindProperty]
    [Required]
    public string Folder { get; set; } = string.Empty;

    [BindProperty]
    public bool Publish { get; set; }

    public ImportResult? Result { get; private set; }

    public string ImportRoot => options.Value.ImportRoot;

    /// <summary>The folders the page can import from (those with a <c>dashboard/</c> or <c>history/</c> folder), for the list beside the form.</summary>
    public IReadOnlyList<string> Folders { get; private set; } = [];

    public void OnGet() => Folders = FindFolders();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Folders = FindFolders();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Result = await handler.Handle(new ImportYear(Year!.Value, Folder, Publish), cancellationToken);
        return Page();
    }

    private string[] FindFolders() => Directory.Exists(ImportRoot)
        ? [.. Directory.EnumerateDirectories(ImportRoot, "*", SearchOption.AllDirectories)
            .Where(d => Directory.Exists(Path.Combine(d, ImportFolder.Dashboard)) || Directory.Exists(Path.Combine(d, ImportFolder.History)))
            .Select(d => Path.GetRelativePath(ImportRoot, d)).Order(StringComparer.Ordinal)]
        : [];
}
