using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Calpads;
using SystemOfSupport.Formats.LeaDirectories;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.CountyPage;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Calpads;

/// <param name="SchoolYear">Such as <c>2024-25</c>; null for the latest with records.</param>
/// <param name="AsOf">The day to stand on; null for today.</param>
/// <param name="Cds">Only this LEA (the LEA page's section); null for all.</param>
public sealed record CalpadsQuery(string? SchoolYear, DateOnly? AsOf, string? Cds = null);

/// <summary>One submission of one LEA.</summary>
/// <param name="State"><c>certified on time</c>, <c>certified late</c>, <c>missing</c> or <c>open</c>: in words, never a color alone.</param>
/// <param name="CertifiedOn">The certification that counts (a re-certification after an amendment, if any).</param>
public sealed record SubmissionView(string Submission, string State, DateOnly? CertifiedOn, DateOnly Deadline, int DaysLate, string Reason);

/// <param name="Method4"><c>met</c>, <c>on course</c>, <c>not met</c> or <c>not applicable</c> (charter schools, or a Dashboard without Method 4).</param>
/// <param name="DaysToNext">Days from the as-of day to <paramref name="Next"/>; null when nothing is ahead.</param>
public sealed record LeaCalpadsRow(
    string Cds, string Name, string Kind, string CountyCode, IReadOnlyList<SubmissionView> Submissions, string? Next, int? DaysToNext, string Method4, string Method4Reason);

/// <summary>
/// The <c>/calpads</c> page: each LEA's CALPADS certifications for a school year, as <c>sos calpads status</c> reports them,
/// from the certification records stored with the latest imported year holding that school year.
/// </summary>
/// <param name="Method4">How Method 4 reads this school year's data, for the Dashboard it feeds.</param>
/// <param name="Error">Why the records could not be checked (a school year the built-in calendar lacks).</param>
public sealed record CalpadsView(
    string SchoolYear, IReadOnlyList<string> SchoolYears, DateOnly AsOf, int DashboardYear, string Method4, int ImportedWith, IReadOnlyList<LeaCalpadsRow> Leas, string? Error);

/// <summary>
/// Records imported with a published year are public; those of an unpublished year only staff in scope see (state
/// staff all, county office staff their county's LEAs, LEA staff their own).
/// </summary>
public sealed class CalpadsHandler(SosDb db, Viewer viewer, TimeProvider clock)
{
    /// <summary>Null when no visible record is stored, or none for <paramref name="query"/>'s school year.</summary>
    public async Task<CalpadsView?> Handle(CalpadsQuery query, CancellationToken cancellationToken)
    {
        var visible = Visible(db.Set<StoredCertification>());
        if (query.Cds is { } only)
        {
            visible = visible.Where(c => c.Cds == only);
        }

        var years = await visible.Select(c => c.SchoolYear).Distinct().ToListAsync(cancellationToken);
        var schoolYears = years.Select(Core.Calpads.SchoolYear.Parse).OrderDescending().ToList();
        if (schoolYears.Count == 0)
        {
            return null;
        }

        SchoolYear year;
        if (query.SchoolYear is null)
        {
            year = schoolYears[0];
        }
        else if (!Core.Calpads.SchoolYear.TryParse(query.SchoolYear, out year) || !schoolYears.Contains(year))
        {
            return null;
        }

        var label = year.Label;
        var importedWith = await visible.Where(c => c.SchoolYear == label).MaxAsync(c => c.Year, cancellationToken);
        var records = (await visible.Where(c => c.Year == importedWith).ToListAsync(cancellationToken)).Select(c => c.ToRecord()).ToList();
        // One LEA's section reads that LEA's rows only (the LEA page asks on every request).
        var stored = Visible(db.Set<StoredDirectoryEntry>().Where(d => d.Year == importedWith));
        var entries = await stored.Where(d => query.Cds == null || d.Cds == query.Cds).ToListAsync(cancellationToken);
        var directory = entries.Count == 0 && !await stored.AnyAsync(cancellationToken) ? null : new LeaDirectory(entries.Select(e => e.ToEntry()));
        var asOf = query.AsOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var phase = Method4PhaseIn.For(year.DashboardYear);
        var method4 = phase is null
            ? $"Method 4 does not apply to {label} data (it begins with the {Method4PhaseIn.FirstDashboardYear.ToString(CultureInfo.InvariantCulture)} Dashboard)."
            : $"Method 4 for the {year.DashboardYear.ToString(CultureInfo.InvariantCulture)} Dashboard: {phase.Description}.";
        var names = await viewer.Leas(db).Where(l => l.Year == importedWith && (query.Cds == null || l.Cds == query.Cds)).Select(l => new { l.Cds, l.Name }).ToDictionaryAsync(l => l.Cds, l => l.Name, cancellationToken);
        if (!CalpadsCalendar.BuiltIn.Covers(year))
        {
            return new CalpadsView(label, [.. schoolYears.Select(y => y.Label)], asOf, year.DashboardYear, method4, importedWith, [],
                $"the built-in CALPADS calendar has no deadlines for {label}; `sos calpads status --calendar` takes them from a file");
        }

        var leas = CalpadsStatus.Leas(year, records, directory, CalpadsCalendar.BuiltIn, DeterminationSettings.Defaults, asOf);
        return new CalpadsView(label, [.. schoolYears.Select(y => y.Label)], asOf, year.DashboardYear, method4, importedWith,
            [.. leas.Select(l => Row(l, asOf, names))], null);
    }

    private IQueryable<StoredCertification> Visible(IQueryable<StoredCertification> records)
    {
        if (viewer.IsState)
        {
            return records;
        }

        var published = db.Years.Where(y => y.Published).Select(y => y.Year);
        return records.Where(c => published.Contains(c.Year) || c.CountyCode == viewer.County || c.Cds == viewer.Lea);
    }

    private IQueryable<StoredDirectoryEntry> Visible(IQueryable<StoredDirectoryEntry> entries)
    {
        if (viewer.IsState)
        {
            return entries;
        }

        var published = db.Years.Where(y => y.Published).Select(y => y.Year);
        return entries.Where(c => published.Contains(c.Year) || c.CountyCode == viewer.County || c.Cds == viewer.Lea);
    }

    private static LeaCalpadsRow Row(LeaCalpadsStatus lea, DateOnly asOf, Dictionary<string, string> names)
    {
        var next = CertificationChecks.NextDate(lea.Checks, asOf);
        return new LeaCalpadsRow(
            lea.Cds.Value,
            lea.Name.Length > 0 ? lea.Name : names.GetValueOrDefault(lea.Cds.Value, string.Empty),
            CountyHandler.KindName(lea.Kind),
            lea.Cds.CountyCode,
            [.. lea.Checks.Select(Submission)],
            next is { } n ? $"{n.Submission.Label()} {n.Name}, {n.Date:yyyy-MM-dd}" : null,
            next is { } d ? d.Date.DayNumber - asOf.DayNumber : null,
            lea.Outlook.Course switch
            {
                Method4Course.Met => "met",
                Method4Course.OnCourse => "on course",
                Method4Course.NotMet => "not met",
                _ => "not applicable",
            },
            lea.Outlook.Reason);
    }

    private static SubmissionView Submission(SubmissionCheck check) => new(
        check.Submission.Label(),
        check.State switch
        {
            SubmissionState.OnTime => "certified on time",
            SubmissionState.Late => "certified late",
            SubmissionState.NotCertified => "missing",
            _ => "open",
        },
        check.Record?.AmendedOn ?? check.Record?.CertifiedOn,
        check.CountedDeadline,
        check.DaysLate,
        check.Reason);
}
