using Microsoft.EntityFrameworkCore;
using SystemOfSupport.Core.Casework;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Cases;

/// <summary>Where an LEA's latest case stands, for the one-page report.</summary>
/// <param name="NextMeeting">The earliest meeting dated today or later.</param>
/// <param name="OpenTasks">The tasks not done, soonest due first.</param>
/// <param name="LastChange">The case's latest audit entry.</param>
public sealed record CaseProgress(int CaseId, int TermYear, CaseStep Step, string StepLabel, DateOnly? NextMeeting, IReadOnlyList<TaskView> OpenTasks, AuditView? LastChange);

/// <summary>The progress of an LEA's case of the latest term, within the viewer's scope (<see cref="CaseAccess"/>).</summary>
public sealed class CaseProgressHandler(SosDb db, Viewer viewer, TimeProvider clock)
{
    /// <summary>Null when the LEA has no case, or the viewer may not see it.</summary>
    public async Task<CaseProgress?> ForLea(string cds, CancellationToken cancellationToken)
    {
        if (await viewer.Cases(db).Where(c => c.Cds == cds).OrderByDescending(c => c.TermYear).FirstOrDefaultAsync(cancellationToken) is not { } c)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var step = Enum.Parse<CaseStep>(c.Step);
        var next = await db.Set<CaseMeeting>().Where(m => m.CaseId == c.Id && m.Date >= today).OrderBy(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(cancellationToken);
        var tasks = await db.Set<CaseTask>().Where(t => t.CaseId == c.Id && !t.Done).OrderBy(t => t.Due).ThenBy(t => t.Id)
            .Select(t => new TaskView(t.Id, t.Title, t.Owner, t.Due, t.Done)).ToListAsync(cancellationToken);
        var last = await db.Set<CaseAuditEntry>().Where(a => a.CaseId == c.Id).OrderByDescending(a => a.Version).ThenByDescending(a => a.Id)
            .Select(CasesHandler.Audit).FirstOrDefaultAsync(cancellationToken);
        return new CaseProgress(c.Id, c.TermYear, step, step.Label(), next, tasks, last);
    }
}
