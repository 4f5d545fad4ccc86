using Microsoft.EntityFrameworkCore;
using SystemOfSupport.Core.Casework;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Cases;

/// <summary>
/// Opens cases when a year is imported: one per LEA per assistance term. An LEA in Differentiated Assistance, Year 1
/// (or the older single-year wording) starts a term that year; one in Year 2 stays in the term that began the year
/// before, keeping its case (one is opened for that term if none exists, as when the first year imported is a Year 2).
/// An open case of an earlier term is continued into the new one. Cases of LEAs no longer identified are left as they
/// are: people move them to monitoring or close them (the lifecycle lets them close early once the LEA has left
/// assistance). Cases are never deleted, and importing a year again opens nothing new.
/// </summary>
public static class CaseOpening
{
    public static async Task<int> ForYear(SosDb db, int year, TimeProvider clock, CancellationToken cancellationToken)
    {
        var identified = await db.Leas.AsNoTracking().Where(l => l.Year == year && l.InAssistance).OrderBy(l => l.Cds)
            .Select(l => new { l.Cds, l.CountyCode, l.Name, l.Status, l.MetMethods, l.Level3 }).ToListAsync(cancellationToken);
        var codes = identified.Select(l => l.Cds).ToList();
        var cases = await db.Set<AssistanceCase>().Where(c => codes.Contains(c.Cds)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var who = $"import of {year}";
        var opened = new List<AssistanceCase>();
        // Inside the import's transaction when there is one (the year's decisions and its cases commit together).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var lea in identified)
        {
            var own = cases.Where(c => c.Cds == lea.Cds).ToList();
            var secondYear = AssistanceStatuses.TryParse(lea.Status, out var status) && status == AssistanceStatus.DifferentiatedAssistanceYear2;
            var term = secondYear ? year - 1 : year;
            if (own.Any(c => c.TermYear == term) || (secondYear && own.Any(c => c.TermYear < year && Step(c).IsOpen())))
            {
                continue;
            }

            var earlier = own.Where(c => c.TermYear < term && Step(c).IsOpen()).MaxBy(c => c.TermYear);
            var opening = new AssistanceCase
            {
                Cds = lea.Cds,
                CountyCode = lea.CountyCode,
                LeaName = lea.Name,
                TermYear = term,
                Step = nameof(CaseStep.Identified),
                Method4 = lea.MetMethods.Split(',').Contains("4"),
                Level3 = lea.Level3 == true,
                ContinuesCaseId = earlier?.Id,
                OpenedUtc = now,
                Version = 1,
            };
            db.Add(opening);
            opened.Add(opening);
            if (earlier is not null)
            {
                var before = CaseAudit.Json(earlier);
                earlier.Step = nameof(CaseStep.Continued);
                earlier.Version++;
                db.Add(CaseAudit.Entry(earlier, now, who, nameof(AssistanceCase), earlier.Id, "Continued into a new term", before, CaseAudit.Json(earlier)));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(opened.Select(c => CaseAudit.Entry(c, now, who, nameof(AssistanceCase), c.Id, "Opened", null, CaseAudit.Json(c))));
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return opened.Count;
    }

    private static CaseStep Step(AssistanceCase c) => Enum.Parse<CaseStep>(c.Step);
}
