using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Providers;

namespace SystemOfSupport.Core.Funding;

/// <summary>The state publishes one assistance-status report for districts and county offices, another for charter schools.</summary>
public enum ReportKind
{
    DistrictAndCoe,
    Charter,
}

/// <summary>One LEA's status in one report, and where it was read.</summary>
/// <param name="Status">Null when the report leaves the year's status blank.</param>
public sealed record ReportedStatus(CdsCode Cds, string Name, AssistanceStatus? Status, SourceRef Source);

/// <summary>
/// One report year's statuses: the year's own file, or the <c>AssistanceStatusYYYY</c> column of a later one.
/// </summary>
/// <param name="Source">Where the statuses come from, in words (file name, and the column when not the year's own file).</param>
public sealed record AssistanceReport(ReportKind Kind, int Year, IReadOnlyList<ReportedStatus> Rows, string Source);

/// <summary>What the funding needs from the LEA directory.</summary>
/// <param name="Ada">Average daily attendance; one figure serves every report year.</param>
/// <param name="CharterAuthorizer">A charter school's authorizer; null for districts and county offices.</param>
public sealed record LeaFundingFacts(CdsCode Cds, string Name, decimal Ada, CdsCode? CharterAuthorizer, SourceRef? Source);

public enum FundingLineKind
{
    Base,
    DistrictAllowance,
    CharterAllowance,
}

/// <summary>
/// One line of a county office's funding: its base, or one identified LEA's allowance in one report (before averaging).
/// A line whose <see cref="LeaCounty"/> differs from <see cref="Recipient"/> is a move to a Geographic Lead Agency.
/// </summary>
/// <param name="ReportYear">The report year it counts for; null for the base.</param>
/// <param name="Amount">The report's allowance paid to this recipient (half of it to each of two co-leads when split).</param>
/// <param name="Basis">Why, in words: status and report, ADA and band, and any move.</param>
public sealed record FundingLine(
    County Recipient,
    FundingLineKind Kind,
    int? ReportYear,
    CdsCode? Lea,
    string? LeaName,
    County? LeaCounty,
    AssistanceStatus? Status,
    decimal? Ada,
    AdaBand? Band,
    decimal Amount,
    string Basis,
    SourceRef? Source)
{
    public bool IsMove => LeaCounty is not null && LeaCounty != Recipient;
}

/// <summary>One report's allowances for one county office, of one kind (district or charter).</summary>
public sealed record ReportAllowance(int ReportYear, string ReportBasis, int Leas, decimal Amount, string Basis);

/// <summary>
/// One county office's funding for a fiscal year: base + district average + charter average. The sums include the
/// lines moved in from other counties and leave out the ones moved away; <see cref="MovedIn"/> and
/// <see cref="MovedOut"/> show those moves' share of the averages.
/// </summary>
/// <param name="InScope">The county is one the LEA directory lists; otherwise only allowances moved in from such counties are computed, and no base.</param>
public sealed record CountyOfficeAllocation(
    County County,
    bool InScope,
    decimal Base,
    IReadOnlyList<ReportAllowance> DistrictReports,
    decimal DistrictSum,
    int DistrictDivisor,
    decimal DistrictAverage,
    IReadOnlyList<ReportAllowance> CharterReports,
    decimal CharterSum,
    int CharterDivisor,
    decimal CharterAverage,
    decimal MovedIn,
    decimal MovedOut,
    decimal Total,
    string Basis);

/// <summary>A fiscal year's county office funding: every line, every county office's sums, and what the run assumed.</summary>
public sealed record FundingResult(
    SchoolYear FiscalYear,
    FundingYearRules Rules,
    IReadOnlyList<CountedReport> DistrictReports,
    IReadOnlyList<CountedReport> CharterReports,
    IReadOnlyList<FundingLine> Lines,
    IReadOnlyList<CountyOfficeAllocation> CountyOffices,
    decimal Total,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<AppliedSetting> Settings);
