using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Import;

/// <summary>Starts an import (from a server folder, or from uploaded files) as a background job and shows its page.</summary>
[Authorize(Policy = Roles.StateStaffPolicy)]
[RequestSizeLimit(UploadOptions.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadOptions.MaxRequestBytes)]
public sealed class ImportModel(ImportJobs jobs, ImportUpload upload, IOptions<SosOptions> options) : PageModel
{
    [BindProperty]
    [Required]
    [Range(2017, 2100)]
    public int? Year { get; set; }

    [BindProperty]
    public string? Folder { get; set; }

    [BindProperty]
    public bool Publish { get; set; }

    /// <summary>Why an upload was refused before any import began.</summary>
    public ImportResult? Refused { get; private set; }

    public string ImportRoot => options.Value.ImportRoot;

    public UploadOptions Limits => upload.Limits;

    /// <summary>The folders the page can import from (those with a <c>dashboard/</c> or <c>history/</c> folder), for the list beside the form.</summary>
    public IReadOnlyList<string> Folders { get; private set; } = [];

    public void OnGet() => Folders = FindFolders();

    public IActionResult OnPost()
    {
        if (string.IsNullOrWhiteSpace(Folder))
        {
            ModelState.AddModelError(nameof(Folder), "Give a folder inside the import folder.");
        }

        return ModelState.IsValid ? Started(new ImportYear(Year!.Value, Folder!, Publish)) : WithFolders();
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return WithFolders();
        }

        var (folder, errors) = await upload.SaveAsync(Request.Form.Files, cancellationToken);
        if (folder is null)
        {
            Refused = new ImportResult(Year!.Value, false, false, errors, 0, 0, [], []);
            return WithFolders();
        }

        return Started(new ImportYear(Year!.Value, folder, Publish), uploaded: true);
    }

    private RedirectToPageResult Started(ImportYear command, bool uploaded = false) => RedirectToPage("ImportJob", new { id = jobs.Start(command, uploaded).Id });

    private PageResult WithFolders()
    {
        Folders = FindFolders();
        return Page();
    }

    private string[] FindFolders() => Directory.Exists(ImportRoot)
        ? [.. Directory.EnumerateDirectories(ImportRoot, "*", SearchOption.AllDirectories)
            .Where(d => Directory.Exists(Path.Combine(d, ImportFolder.Dashboard)) || Directory.Exists(Path.Combine(d, ImportFolder.History)))
            .Select(d => Path.GetRelativePath(ImportRoot, d)).Order(StringComparer.Ordinal)]
        : [];
}
