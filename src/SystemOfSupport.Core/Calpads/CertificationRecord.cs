using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Calpads;

/// <summary>
/// One LEA's record of one CALPADS submission in one school year (layout: data/calpads/README.md).
/// </summary>
/// <param name="CertifiedOn">The day the LEA first certified the submission; null when it has not (yet).</param>
/// <param name="AmendedOn">
/// The day it certified the submission again after amending it (decertifying in the amendment window); null when it
/// did not amend. Never before <paramref name="CertifiedOn"/>.
/// </param>
/// <param name="DataQualityIssue">CDE identified a data-quality issue in this submission (counts from the 2026 Dashboard).</param>
/// <param name="Source">The file and line it was read from; null when made in code.</param>
public sealed record CertificationRecord(
    CdsCode Cds,
    SchoolYear SchoolYear,
    CalpadsSubmission Submission,
    DateOnly? CertifiedOn,
    DateOnly? AmendedOn,
    bool DataQualityIssue,
    SourceRef? Source = null)
{
    /// <summary>
    /// How far from a school year a certification date may lie: from the year's first day (July 1) through this many
    /// days after its last (June 30), so a certification a year late is still read, but a date meant for another year is not.
    /// </summary>
    public const int DaysAfterYearEndAllowed = 366;

    /// <summary>The earliest certification date a record for <paramref name="year"/> may carry.</summary>
    public static DateOnly EarliestDate(SchoolYear year) => year.FirstDay;

    /// <summary>The latest certification date a record for <paramref name="year"/> may carry.</summary>
    public static DateOnly LatestDate(SchoolYear year) => year.LastDay.AddDays(DaysAfterYearEndAllowed);

    /// <summary>The record as it stood at the end of <paramref name="asOf"/>: certifications after that day have not happened yet.</summary>
    public CertificationRecord AsOf(DateOnly? asOf) => asOf is not { } day ? this : this with
    {
        CertifiedOn = CertifiedOn <= day ? CertifiedOn : null,
        AmendedOn = CertifiedOn <= day && AmendedOn <= day ? AmendedOn : null,
    };
}
