using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SystemOfSupport.Core.Casework;
using SystemOfSupport.Core.Providers;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.CountyPage;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Cases;

/// <summary>A document's bytes for download.</summary>
public sealed record DocumentFile(string Name, string ContentType, byte[] Content);

/// <summary>Reads cases within the viewer's scope (<see cref="CaseAccess"/>): the list, one case, a document.</summary>
public sealed class CasesHandler(SosDb db, Viewer viewer, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<CaseList> List(CaseFilter filter, CancellationToken cancellationToken)
    {
        var cases = viewer.Cases(db);
        var termYears = await cases.Select(c => c.TermYear).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        if (filter.County is { Length: > 0 } name)
        {
            var code = CountyHandler.TryFind(name, out var county) ? county.Code : name;
            cases = cases.Where(c => c.CountyCode == code);
        }

        if (filter.Step is { } step)
        {
            var stepName = step.ToString();
            cases = cases.Where(c => c.Step == stepName);
        }

        if (filter.Year is { } year)
        {
            cases = cases.Where(c => c.TermYear == year);
        }

        if (filter.Lea is { Length: > 0 } lea)
        {
            cases = cases.Where(c => c.Cds == lea);
        }

        var today = Today;
        var rows = await cases.OrderBy(c => c.CountyCode).ThenBy(c => c.LeaName).ThenByDescending(c => c.TermYear)
            .Select(c => new
            {
                Case = c,
                OpenTasks = db.Set<CaseTask>().Count(t => t.CaseId == c.Id && !t.Done),
                NextMeeting = db.Set<CaseMeeting>().Where(m => m.CaseId == c.Id && m.Date >= today).OrderBy(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new CaseList(filter, [.. rows.Select(r => Row(r.Case, r.OpenTasks, r.NextMeeting))], termYears);
    }

    public async Task<CaseView?> Get(int id, CancellationToken cancellationToken)
    {
        if (await viewer.Cases(db).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } c)
        {
            return null;
        }

        var step = Enum.Parse<CaseStep>(c.Step);
        var evidence = await Evidence(db, c, Today, cancellationToken);
        var meetings = await db.Set<CaseMeeting>().Where(m => m.CaseId == id).OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var engagements = await db.Set<CaseEngagement>().Where(m => m.CaseId == id).OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var notes = await db.Set<CaseNote>().Where(n => n.CaseId == id).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        var tasks = await db.Set<CaseTask>().Where(t => t.CaseId == id).OrderBy(t => t.Done).ThenBy(t => t.Due).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var documents = await db.Set<CaseDocument>().Where(d => d.CaseId == id).OrderBy(d => d.Id)
            .Select(d => new DocumentView(d.Id, d.Name, d.ContentType, d.Content == null ? null : d.Content.Length, d.Link, d.AddedUtc, d.AddedBy)).ToListAsync(cancellationToken);
        var level3 = await db.Set<CaseLevel3Record>().Where(r => r.CaseId == id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var forms = await db.Set<CaseToolkitForm>().Where(f => f.CaseId == id).ToListAsync(cancellationToken);
        var audit = await db.Set<CaseAuditEntry>().Where(a => a.CaseId == id).OrderByDescending(a => a.Version).ThenByDescending(a => a.Id).Select(Audit).ToListAsync(cancellationToken);
        var continuedBy = await db.Set<AssistanceCase>().Where(x => x.ContinuesCaseId == id).Select(x => (int?)x.Id).FirstOrDefaultAsync(cancellationToken);
        return new CaseView(
            c.Id, c.Cds, c.LeaName, c.CountyCode, CountyName(c.CountyCode), c.TermYear, step, step.Label(), c.Version, c.Method4, c.Level3,
            c.RootCauses, c.Strategies, c.PlanSummary, c.ContinuesCaseId, continuedBy,
            [.. CaseLifecycle.From(step).Select(t => Next(t, evidence))],
            [.. meetings.Select(m => new MeetingView(m.Id, m.Date, m.Purpose, JsonSerializer.Deserialize<List<Participant>>(m.Participants, Json) ?? [], m.Notes))],
            [.. engagements.Select(e => new EngagementView(e.Id, e.Date, e.Partners, e.Summary))],
            [.. notes.Select(n => new NoteView(n.Id, n.WrittenUtc, n.Author, n.Text))],
            [.. tasks.Select(t => new TaskView(t.Id, t.Title, t.Owner, t.Due, t.Done))],
            documents,
            [.. level3.Select(Level3)],
            c.Method4 ? [.. ToolkitForms.All.Select(d => Form(d, forms.SingleOrDefault(f => f.Form == d.Form.ToString())))] : [],
            audit);
    }

    public async Task<DocumentFile?> Document(int id, int documentId, CancellationToken cancellationToken)
    {
        var inScope = viewer.Cases(db).Where(c => c.Id == id).Select(c => c.Id);
        var document = await db.Set<CaseDocument>().SingleOrDefaultAsync(d => d.Id == documentId && d.CaseId == id && inScope.Contains(d.CaseId), cancellationToken);
        return document?.Content is { } content ? new DocumentFile(document.Name, document.ContentType ?? "application/octet-stream", content) : null;
    }

    /// <summary>What the lifecycle's guards look at, as the case's record shows it on <paramref name="today"/>.</summary>
    internal static async Task<CaseEvidence> Evidence(SosDb db, AssistanceCase c, DateOnly today, CancellationToken cancellationToken)
    {
        var latest = await db.Leas.Where(l => l.Cds == c.Cds).OrderByDescending(l => l.Year).Select(l => new { l.Year, l.InAssistance }).FirstOrDefaultAsync(cancellationToken);
        return new CaseEvidence(
            await db.Set<CaseMeeting>().CountAsync(m => m.CaseId == c.Id && m.Date <= today, cancellationToken),
            !string.IsNullOrWhiteSpace(c.RootCauses),
            !string.IsNullOrWhiteSpace(c.Strategies),
            !string.IsNullOrWhiteSpace(c.PlanSummary),
            await db.Set<CaseEngagement>().CountAsync(e => e.CaseId == c.Id, cancellationToken),
            latest is { InAssistance: false } && latest.Year > c.TermYear);
    }

    internal static readonly System.Linq.Expressions.Expression<Func<CaseAuditEntry, AuditView>> Audit =
        a => new AuditView(a.Version, a.AtUtc, a.Who, a.Entity, a.EntityId, a.Action, a.Before, a.After);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static CaseRow Row(AssistanceCase c, int openTasks, DateOnly? nextMeeting)
    {
        var step = Enum.Parse<CaseStep>(c.Step);
        return new CaseRow(c.Id, c.Cds, c.LeaName, c.CountyCode, CountyName(c.CountyCode), c.TermYear, step, step.Label(), openTasks, nextMeeting);
    }

    private static NextStep Next(CaseTransition transition, CaseEvidence evidence)
    {
        var check = CaseLifecycle.Check(transition.From, transition.To, evidence);
        return new NextStep(transition.To, transition.Action, check.Allowed, check.Refusal);
    }

    private static Level3View Level3(CaseLevel3Record record)
    {
        var action = Enum.Parse<Level3Action>(record.Action);
        return new Level3View(record.Id, action, action.Label(), record.Date, record.Decision);
    }

    private static string CountyName(string code) => Counties.TryGetByCode(code, out var county) ? county.Name : code;

    private static ToolkitFormView Form(ToolkitFormDefinition definition, CaseToolkitForm? saved) => new(
        definition.Form,
        definition.Title,
        definition.Fields,
        saved is null ? new Dictionary<string, string?>() : JsonSerializer.Deserialize<Dictionary<string, string?>>(saved.Fields, Json) ?? [],
        saved?.SavedUtc);
}
