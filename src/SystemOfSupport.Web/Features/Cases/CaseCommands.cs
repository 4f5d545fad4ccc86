using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SystemOfSupport.Core.Casework;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Cases;

// Every command carries the case version the person saw: a change made on a stale view is refused (409), never applied over another.

public sealed record AdvanceCase(int Version, CaseStep To);

/// <summary>Open a case the LEA asked for (technical assistance on request), outside the import's identifications.</summary>
public sealed record OpenCase(string Cds, string Reason);

public sealed record EditCaseSummary(int Version, string? RootCauses, string? Strategies, string? PlanSummary);

public sealed record AddMeeting(int Version, DateOnly Date, string Purpose, IReadOnlyList<Participant> Participants, string? Notes);

public sealed record AddEngagement(int Version, DateOnly Date, string Partners, string Summary);

public sealed record AddNote(int Version, string Text);

public sealed record EditNote(int Version, string Text);

public sealed record AddTask(int Version, string Title, string Owner, DateOnly Due);

public sealed record SetTaskDone(int Version, bool Done);

/// <summary>An uploaded file (<paramref name="Content"/>, up to <see cref="CaseworkHandler.MaxDocumentBytes"/>) or a <paramref name="Link"/>: one of the two.</summary>
public sealed record AddDocument(int Version, string Name, string? ContentType, byte[]? Content, string? Link);

public sealed record AddLevel3Record(int Version, Level3Action Action, DateOnly Date, string Decision);

public sealed record SaveToolkitForm(int Version, ToolkitForm Form, IReadOnlyDictionary<string, string?> Fields);

/// <summary>Deleting a note, task or document.</summary>
public sealed record RemoveItem(int Version);

public enum CaseResult
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>
/// What a change did. <see cref="CaseResult.Conflict"/>: someone changed the case since <c>Version</c> was read; nothing was
/// applied, and <see cref="ChangesSince"/> shows what they did.
/// </summary>
public sealed record CaseOutcome(CaseResult Result, int? Version = null, int? EntityId = null, string? Error = null, IReadOnlyList<AuditView>? ChangesSince = null);

/// <summary>
/// Changes a case within the viewer's scope: checks the version, applies the change, raises the version and writes the
/// audit entry in one transaction. Level 3 records are state staff's.
/// </summary>
public sealed class CaseworkHandler(SosDb db, Viewer viewer, TimeProvider clock)
{
    public const int MaxDocumentBytes = 5 * 1024 * 1024;

    /// <summary>As stored (<c>CaseDocuments.Name</c>).</summary>
    public const int MaxDocumentName = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One change's audit: what it touched, the record before (JSON), and the record after (null when deleted).</summary>
    private sealed record Edit(string Entity, string Action, string? Before, object? After, int? RemovedId = null, string? Refusal = null)
    {
        public static Edit Refused(string reason) => new(string.Empty, string.Empty, null, null, Refusal: reason);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Opens a case by hand for an LEA with no open case: an LEA may ask its county office for assistance without being
    /// identified (EC 52071). The term is the LEA's latest decided year; county office staff open cases in their county,
    /// state staff anywhere; LEA staff ask their county office.
    /// </summary>
    public async Task<CaseOutcome> Handle(OpenCase command, CancellationToken cancellationToken)
    {
        if (viewer.Name is null || !(viewer.IsState || viewer.County is not null))
        {
            return new CaseOutcome(CaseResult.Forbidden, Error: "Only state and county office staff open cases.");
        }

        var cds = command.Cds?.Trim() ?? string.Empty;
        var lea = await db.Leas.AsNoTracking().Where(l => l.Cds == cds).OrderByDescending(l => l.Year).FirstOrDefaultAsync(cancellationToken);
        if (lea is null || !(viewer.IsState || lea.CountyCode == viewer.County))
        {
            return new CaseOutcome(CaseResult.NotFound);
        }

        if (Required(command.Reason, "The reason for opening the case") is { } refusal)
        {
            return new CaseOutcome(CaseResult.Invalid, Error: refusal);
        }

        var own = await db.Set<AssistanceCase>().AsNoTracking().Where(c => c.Cds == cds).ToListAsync(cancellationToken);
        if (own.FirstOrDefault(c => Enum.Parse<CaseStep>(c.Step).IsOpen()) is { } open)
        {
            return new CaseOutcome(CaseResult.Invalid, Error: $"{lea.Name} has an open case already (term {open.TermYear}, case {open.Id}).");
        }

        if (own.Any(c => c.TermYear == lea.Year))
        {
            return new CaseOutcome(CaseResult.Invalid, Error: $"{lea.Name} had a case for the {lea.Year} term; it is closed.");
        }

        var opened = new AssistanceCase
        {
            Cds = lea.Cds,
            CountyCode = lea.CountyCode,
            LeaName = lea.Name,
            TermYear = lea.Year,
            Step = nameof(CaseStep.Identified),
            Method4 = lea.MetMethods.Split(',').Contains("4"),
            Level3 = lea.Level3 == true,
            OpenedUtc = Now,
            Version = 1,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(opened);
        await db.SaveChangesAsync(cancellationToken);
        db.Add(CaseAudit.Entry(opened, Now, viewer.Name, nameof(AssistanceCase), opened.Id, $"Opened on request: {command.Reason.Trim()}", null, CaseAudit.Json(opened)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CaseOutcome(CaseResult.Done, opened.Version, opened.Id);
    }

    public Task<CaseOutcome> Handle(int id, AdvanceCase command, CancellationToken cancellationToken) =>
        Change(id, command.Version, async c =>
        {
            var from = Enum.Parse<CaseStep>(c.Step);
            var check = CaseLifecycle.Check(from, command.To, await CasesHandler.Evidence(db, c, DateOnly.FromDateTime(Now), cancellationToken));
            if (!check.Allowed || command.To == CaseStep.Continued)
            {
                return Edit.Refused(check.Refusal ?? "Only an import continues a case into a new term.");
            }

            var before = CaseAudit.Json(c);
            c.Step = command.To.ToString();
            return new Edit(nameof(AssistanceCase), $"Moved from {from.Label()} to {command.To.Label()}", before, c);
        }, cancellationToken);

    public Task<CaseOutcome> Handle(int id, EditCaseSummary command, CancellationToken cancellationToken) =>
        Change(id, command.Version, c =>
        {
            var before = CaseAudit.Json(c);
            (c.RootCauses, c.Strategies, c.PlanSummary) = (Trimmed(command.RootCauses), Trimmed(command.Strategies), Trimmed(command.PlanSummary));
            return Task.FromResult(new Edit(nameof(AssistanceCase), "Edited root causes, strategies and plan summary", before, c));
        }, cancellationToken);

    public Task<CaseOutcome> Handle(int id, AddMeeting command, CancellationToken cancellationToken) =>
        Change(id, command.Version, c =>
        {
            var participants = command.Participants.Where(p => !string.IsNullOrWhiteSpace(p.Name) || !string.IsNullOrWhiteSpace(p.Role)).ToList();
            var refusal = Required(command.Purpose, "A meeting's purpose")
                ?? (participants.Count == 0 ? "Name at least one participant." : null)
                ?? (participants.Any(p => string.IsNullOrWhiteSpace(p.Name) || string.IsNullOrWhiteSpace(p.Role)) ? "Give every participant a name and a role." : null);
            return Added(refusal, new CaseMeeting
            {
                CaseId = c.Id,
                Date = command.Date,
                Purpose = command.Purpose?.Trim() ?? string.Empty,
                Participants = JsonSerializer.Serialize(participants.Select(p => new Participant(p.Name.Trim(), p.Role.Trim())), Json),
                Notes = Trimmed(command.Notes),
            });
        }, cancellationToken);

    public Task<CaseOutcome> Handle(int id, AddEngagement command, CancellationToken cancellationToken) =>
        Change(id, command.Version, c => Added(
            Required(command.Partners, "The educational partners engaged") ?? Required(command.Summary, "A summary of the engagement"),
            new CaseEngagement { CaseId = c.Id, Date = command.Date, Partners = command.Partners?.Trim() ?? string.Empty, Summary = command.Summary?.Trim() ?? string.Empty }),
            cancellationToken);

    public Task<CaseOutcome> Handle(int id, AddNote command, CancellationToken cancellationToken) =>
        Change(id, command.Version, c => Added(
            Required(command.Text, "A note"),
            new CaseNote { CaseId = c.Id, WrittenUtc = Now, Author = viewer.Name!, Text = command.Text?.Trim() ?? string.Empty }),
            cancellationToken);

    public Task<CaseOutcome> Handle(int id, int noteId, EditNote command, CancellationToken cancellationToken) =>
        Change(id, command.Version, async c =>
        {
            if (await db.Set<CaseNote>().SingleOrDefaultAsync(n => n.Id == noteId && n.CaseId == c.Id, cancellationToken) is not { } note)
            {
                return Edit.Refused($"The case has no note {noteId}.");
            }

            if (Required(command.Text, "A note") is { } refusal)
            {
                return Edit.Refused(refusal);
            }

            var before = CaseAudit.Json(note);
            note.Text = command.Text.Trim();
            return new Edit(nameof(CaseNote), "Edited", before, note);
        }, cancellationToken);

    public Task<CaseOutcome> Handle(int id, AddTask command, CancellationToken cancellationToken) =>
        Change(id, command.Version, c => Added(
            Required(command.Title, "A task") ?? Required(command.Owner, "A task's owner"),
            new CaseTask { CaseId = c.Id, Title = command.Title?.Trim() ?? string.Empty, Owner = command.Owner?.Trim() ?? string.Empty, Due = command.Due }),
            cancellationToken);

    public Task<CaseOutcome> Handle(int id, int taskId, SetTaskDone command, CancellationToken cancellationToken) =>
        Change(id, command.Version, async c =>
        {
            if (await db.Set<CaseTask>().SingleOrDefaultAsync(t => t.Id == taskId && t.CaseId == c.Id, cancellationToken) is not { } task)
            {
                return Edit.Refused($"The case has no task {taskId}.");
            }

            var before = CaseAudit.Json(task);
            task.Done = command.Done;
            return new Edit(nameof(CaseTask), command.Done ? "Done" : "Reopened", before, task);
        }, cancellationToken);

    public Task<CaseOutcome> Handle(int id, AddDocument command, CancellationToken cancellationToken) =>
        Change(id, command.Version, c =>
        {
            var hasFile = command.Content is { Length: > 0 };
            var hasLink = !string.IsNullOrWhiteSpace(command.Link);
            var refusal = Required(command.Name, "A document's name")
                ?? (command.Name.Trim().Length > MaxDocumentName ? $"A document's name may be at most {MaxDocumentName} characters." : null)
                ?? (hasFile == hasLink ? "Upload a file or give a link (one of the two)." : null)
                ?? (command.Content?.Length > MaxDocumentBytes ? $"A document may be at most {MaxDocumentBytes / 1024 / 1024} MB; link to larger ones." : null)
                ?? (hasLink && !(Uri.TryCreate(command.Link!.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http") ? "A link must be an http or https address." : null);
            return Added(refusal, new CaseDocument
            {
                CaseId = c.Id,
                Name = command.Name?.Trim() ?? string.Empty,
                ContentType = hasFile ? (command.ContentType is { Length: > 0 and <= 100 } type ? type : "application/octet-stream") : null,
                Content = hasFile ? command.Content : null,
                Link = hasLink ? command.Link!.Trim() : null,
                AddedUtc = Now,
                AddedBy = viewer.Name!,
            });
        }, cancellationToken);

    public Task<CaseOutcome> Handle(int id, AddLevel3Record command, CancellationToken cancellationToken) =>
        Change(id, command.Version, async c =>
        {
            var recorded = await db.Set<CaseLevel3Record>().Where(r => r.CaseId == c.Id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
            var next = new Level3Record(command.Action, command.Date, command.Decision?.Trim() ?? string.Empty);
            var refusal = Level3Records.Refusal(c.Level3, [.. recorded.Select(r => new Level3Record(Enum.Parse<Level3Action>(r.Action), r.Date, r.Decision))], next);
            return await Added(refusal, new CaseLevel3Record { CaseId = c.Id, Action = next.Action.ToString(), Date = next.Date, Decision = next.Decision });
        }, cancellationToken, stateStaffOnly: true);

    public Task<CaseOutcome> Handle(int id, SaveToolkitForm command, CancellationToken cancellationToken) =>
        Change(id, command.Version, async c =>
        {
            if (!c.Method4)
            {
                return Edit.Refused("The CALPADS toolkit forms are for the case of an LEA that met Method 4.");
            }

            var errors = ToolkitForms.Validate(command.Form, command.Fields);
            if (errors.Count > 0)
            {
                return Edit.Refused(string.Join(" ", errors.Values));
            }

            var name = command.Form.ToString();
            var fields = JsonSerializer.Serialize(command.Fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value!.Trim()), Json);
            if (await db.Set<CaseToolkitForm>().SingleOrDefaultAsync(f => f.CaseId == c.Id && f.Form == name, cancellationToken) is { } form)
            {
                var before = CaseAudit.Json(form);
                (form.Fields, form.SavedUtc) = (fields, Now);
                return new Edit(nameof(CaseToolkitForm), "Edited " + ToolkitForms.Of(command.Form).Title, before, form);
            }

            form = new CaseToolkitForm { CaseId = c.Id, Form = name, Fields = fields, SavedUtc = Now };
            db.Add(form);
            return new Edit(nameof(CaseToolkitForm), "Added " + ToolkitForms.Of(command.Form).Title, null, form);
        }, cancellationToken);

    public Task<CaseOutcome> RemoveNote(int id, int noteId, RemoveItem command, CancellationToken cancellationToken) =>
        Remove<CaseNote>(id, noteId, command.Version, n => n.Id == noteId, cancellationToken);

    public Task<CaseOutcome> RemoveTask(int id, int taskId, RemoveItem command, CancellationToken cancellationToken) =>
        Remove<CaseTask>(id, taskId, command.Version, t => t.Id == taskId, cancellationToken);

    public Task<CaseOutcome> RemoveDocument(int id, int documentId, RemoveItem command, CancellationToken cancellationToken) =>
        Remove<CaseDocument>(id, documentId, command.Version, d => d.Id == documentId, cancellationToken);

    private Task<CaseOutcome> Remove<T>(int id, int itemId, int version, System.Linq.Expressions.Expression<Func<T, bool>> match, CancellationToken cancellationToken)
        where T : class =>
        Change(id, version, async c =>
        {
            var item = await db.Set<T>().Where(match).SingleOrDefaultAsync(cancellationToken);
            if (item is null || db.Entry(item).Property<int>("CaseId").CurrentValue != c.Id)
            {
                return Edit.Refused($"The case has no {typeof(T).Name[4..].ToLowerInvariant()} {itemId}.");
            }

            var before = CaseAudit.Json(item);
            db.Remove(item);
            return new Edit(typeof(T).Name, "Deleted", before, null, itemId);
        }, cancellationToken);

    private Task<Edit> Added(string? refusal, object record)
    {
        if (refusal is not null)
        {
            return Task.FromResult(Edit.Refused(refusal));
        }

        db.Add(record);
        return Task.FromResult(new Edit(record.GetType().Name, "Added", null, record));
    }

    private async Task<CaseOutcome> Change(int id, int version, Func<AssistanceCase, Task<Edit>> apply, CancellationToken cancellationToken, bool stateStaffOnly = false)
    {
        if (viewer.Name is null || await viewer.Cases(db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } c)
        {
            return new CaseOutcome(CaseResult.NotFound);
        }

        if (stateStaffOnly && !viewer.IsState)
        {
            return new CaseOutcome(CaseResult.Forbidden, c.Version, Error: "Only state staff record Level 3 actions.");
        }

        if (c.Version != version)
        {
            return await Conflict(id, version, c.Version, cancellationToken);
        }

        var edit = await apply(c);
        if (edit.Refusal is not null)
        {
            return new CaseOutcome(CaseResult.Invalid, c.Version, Error: edit.Refusal);
        }

        c.Version++;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: theirs stands, ours is returned unapplied.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var current = await db.Set<AssistanceCase>().Where(x => x.Id == id).Select(x => x.Version).SingleAsync(cancellationToken);
            return await Conflict(id, version, current, cancellationToken);
        }

        var entityId = edit.After is null ? edit.RemovedId : (int?)db.Entry(edit.After).Property("Id").CurrentValue;
        db.Add(CaseAudit.Entry(c, Now, viewer.Name, edit.Entity, entityId, edit.Action, edit.Before, edit.After is null ? null : CaseAudit.Json(edit.After)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CaseOutcome(CaseResult.Done, c.Version, entityId);
    }

    private async Task<CaseOutcome> Conflict(int id, int seen, int current, CancellationToken cancellationToken)
    {
        var since = await db.Set<CaseAuditEntry>().Where(a => a.CaseId == id && a.Version > seen).OrderBy(a => a.Version).ThenBy(a => a.Id)
            .Select(CasesHandler.Audit).ToListAsync(cancellationToken);
        var who = string.Join(", ", since.Select(a => a.Who).Distinct());
        return new CaseOutcome(CaseResult.Conflict, current,
            Error: $"The case changed since you opened it (version {seen}, now {current}{(who.Length > 0 ? $", by {who}" : string.Empty)}). Nothing was saved: review their change and apply yours again.",
            ChangesSince: since);
    }

    private static string? Required(string? text, string what) => string.IsNullOrWhiteSpace(text) ? $"{what} is required." : null;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
