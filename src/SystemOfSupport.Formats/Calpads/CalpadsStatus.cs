using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.LeaDirectories;

namespace SystemOfSupport.Formats.Calpads;

/// <summary>One LEA's CALPADS submissions for a school year and its Method 4 outlook (<c>sos calpads status</c>, the CALPADS page).</summary>
public sealed record LeaCalpadsStatus(CdsCode Cds, string Name, LeaKind Kind, Method4Outlook Outlook, IReadOnlyList<SubmissionCheck> Checks);

public static class CalpadsStatus
{
    /// <summary>The LEAs with records for the year, and with a directory its other LEAs too, in CDS order.</summary>
    public static IReadOnlyList<LeaCalpadsStatus> Leas(
        SchoolYear year, IReadOnlyList<CertificationRecord> records, LeaDirectory? directory, CalpadsCalendar calendar, DeterminationSettings settings, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(settings);
        var codes = records.Where(r => r.SchoolYear == year).Select(r => r.Cds).Concat(directory?.Entries.Select(e => e.Cds) ?? []).Distinct().Order();
        var rule = settings.CalpadsDeadlineRule();
        return [.. codes.Select(cds =>
        {
            var entry = directory?.TryGet(cds, out var e) == true ? e : null;
            var kind = entry?.Kind ?? Lea.KindOf(cds, coeFlag: false, charterFlag: !cds.IsLeaLevel);
            var outlook = CalpadsAssistance.Outlook(year.DashboardYear, cds, kind, records, calendar, settings, asOf);
            var checks = CertificationChecks.Check(cds, year, records, calendar, rule, asOf);
            return new LeaCalpadsStatus(cds, entry?.Name ?? string.Empty, kind, outlook, checks);
        })];
    }
}
