using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SystemOfSupport.Core.Casework;

namespace SystemOfSupport.Web.Features.Cases;

/// <summary>
/// One case and its forms. Each form posts the version the page showed; when someone else changed the case meanwhile
/// the page comes back with their changes and the person's own input still in the form.
/// </summary>
[Authorize]
public sealed class CasePageModel(CasesHandler cases, CaseworkHandler work) : PageModel
{
    public CaseView View { get; private set; } = null!;

    public CaseOutcome? Refused { get; private set; }

    /// <summary>The form whose change was refused (<c>Summary</c>, <c>Toolkit</c>, …).</summary>
    public string? RefusedHandler => Refused is null ? null : (string?)Request.Query["handler"];

    [TempData]
    public string? Saved { get; set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public CaseStep To { get; set; }
    [BindProperty] public string? RootCauses { get; set; }
    [BindProperty] public string? Strategies { get; set; }
    [BindProperty] public string? PlanSummary { get; set; }
    [BindProperty] public DateOnly? MeetingDate { get; set; }
    [BindProperty] public string? MeetingPurpose { get; set; }
    [BindProperty] public List<string?> ParticipantNames { get; set; } = [];
    [BindProperty] public List<string?> ParticipantRoles { get; set; } = [];
    [BindProperty] public string? MeetingNotes { get; set; }
    [BindProperty] public DateOnly? EngagementDate { get; set; }
    [BindProperty] public string? Partners { get; set; }
    [BindProperty] public string? EngagementSummary { get; set; }
    [BindProperty] public string? NoteText { get; set; }
    [BindProperty] public string? TaskTitle { get; set; }
    [BindProperty] public string? TaskOwner { get; set; }
    [BindProperty] public DateOnly? TaskDue { get; set; }
    [BindProperty] public int ItemId { get; set; }
    [BindProperty] public bool Done { get; set; }
    [BindProperty] public string? DocumentName { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? DocumentLink { get; set; }
    [BindProperty] public Level3Action Level3Action { get; set; }
    [BindProperty] public DateOnly? Level3Date { get; set; }
    [BindProperty] public string? Level3Decision { get; set; }
    [BindProperty] public ToolkitForm Form { get; set; }
    [BindProperty] public Dictionary<string, string?> Fields { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await cases.Get(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public Task<IActionResult> OnPostAdvanceAsync(int id, CancellationToken ct) =>
        Apply(id, $"Moved to {To.Label()}.", work.Handle(id, new AdvanceCase(Version, To), ct), ct);

    public Task<IActionResult> OnPostSummaryAsync(int id, CancellationToken ct) =>
        Apply(id, "Root causes, strategies and plan summary saved.", work.Handle(id, new EditCaseSummary(Version, RootCauses, Strategies, PlanSummary), ct), ct);

    public Task<IActionResult> OnPostMeetingAsync(int id, CancellationToken ct)
    {
        var participants = ParticipantNames.Zip(ParticipantRoles, (n, r) => new Participant(n ?? string.Empty, r ?? string.Empty)).ToList();
        return MeetingDate is { } date
            ? Apply(id, "Meeting recorded.", work.Handle(id, new AddMeeting(Version, date, MeetingPurpose ?? string.Empty, participants, MeetingNotes), ct), ct)
            : Invalid(id, "A meeting's date is required.", ct);
    }

    public Task<IActionResult> OnPostEngagementAsync(int id, CancellationToken ct) => EngagementDate is { } date
        ? Apply(id, "Engagement recorded.", work.Handle(id, new AddEngagement(Version, date, Partners ?? string.Empty, EngagementSummary ?? string.Empty), ct), ct)
        : Invalid(id, "An engagement's date is required.", ct);

    public Task<IActionResult> OnPostNoteAsync(int id, CancellationToken ct) =>
        Apply(id, "Note added.", work.Handle(id, new AddNote(Version, NoteText ?? string.Empty), ct), ct);

    public Task<IActionResult> OnPostDeleteNoteAsync(int id, CancellationToken ct) =>
        Apply(id, "Note deleted.", work.RemoveNote(id, ItemId, new RemoveItem(Version), ct), ct);

    public Task<IActionResult> OnPostTaskAsync(int id, CancellationToken ct) => TaskDue is { } due
        ? Apply(id, "Task added.", work.Handle(id, new AddTask(Version, TaskTitle ?? string.Empty, TaskOwner ?? string.Empty, due), ct), ct)
        : Invalid(id, "A task's due date is required.", ct);

    public Task<IActionResult> OnPostTaskDoneAsync(int id, CancellationToken ct) =>
        Apply(id, Done ? "Task done." : "Task reopened.", work.Handle(id, ItemId, new SetTaskDone(Version, Done), ct), ct);

    public Task<IActionResult> OnPostDeleteTaskAsync(int id, CancellationToken ct) =>
        Apply(id, "Task deleted.", work.RemoveTask(id, ItemId, new RemoveItem(Version), ct), ct);

    public async Task<IActionResult> OnPostDocumentAsync(int id, CancellationToken ct)
    {
        if (Upload is { Length: > CaseworkHandler.MaxDocumentBytes })
        {
            return await Invalid(id, $"A document may be at most {CaseworkHandler.MaxDocumentBytes / 1024 / 1024} MB; link to larger ones.", ct);
        }

        byte[]? content = null;
        if (Upload is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        var name = string.IsNullOrWhiteSpace(DocumentName) ? Upload?.FileName : DocumentName;
        return await Apply(id, "Document added.", work.Handle(id, new AddDocument(Version, name ?? string.Empty, Upload?.ContentType, content, DocumentLink), ct), ct);
    }

    public Task<IActionResult> OnPostDeleteDocumentAsync(int id, CancellationToken ct) =>
        Apply(id, "Document deleted.", work.RemoveDocument(id, ItemId, new RemoveItem(Version), ct), ct);

    public Task<IActionResult> OnPostLevel3Async(int id, CancellationToken ct) => Level3Date is { } date
        ? Apply(id, "Level 3 record added.", work.Handle(id, new AddLevel3Record(Version, Level3Action, date, Level3Decision ?? string.Empty), ct), ct)
        : Invalid(id, "A Level 3 record's date is required.", ct);

    public Task<IActionResult> OnPostToolkitAsync(int id, CancellationToken ct) =>
        Apply(id, ToolkitForms.Of(Form).Title + " saved.", work.Handle(id, new SaveToolkitForm(Version, Form, Fields), ct), ct);

    /// <summary>After a change, back to the page (a reload does not post again); otherwise the page with the reason and the input kept.</summary>
    private async Task<IActionResult> Apply(int id, string message, Task<CaseOutcome> change, CancellationToken cancellationToken)
    {
        var outcome = await change;
        switch (outcome.Result)
        {
            case CaseResult.Done:
                Saved = message;
                return RedirectToPage(new { id });
            case CaseResult.NotFound:
                return NotFound();
            case CaseResult.Forbidden:
                return Forbid();
            default:
                Refused = outcome;
                return await OnGetAsync(id, cancellationToken) is PageResult page ? Status(page, outcome) : NotFound();
        }
    }

    private Task<IActionResult> Invalid(int id, string reason, CancellationToken cancellationToken) =>
        Apply(id, string.Empty, Task.FromResult(new CaseOutcome(CaseResult.Invalid, Version, Error: reason)), cancellationToken);

    private static PageResult Status(PageResult page, CaseOutcome outcome)
    {
        page.StatusCode = outcome.Result == CaseResult.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return page;
    }
}
