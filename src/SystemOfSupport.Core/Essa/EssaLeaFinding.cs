using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Essa;

/// <summary>
/// One of an LEA's schools in Comprehensive Support and Improvement (CSI) in the decision year, or leaving it that year.
/// </summary>
/// <param name="Status">The school's designation in the decision year (for a school that exited, what it has now).</param>
/// <param name="FirstCsiYear">The first status year of the school's unbroken run of CSI years.</param>
/// <param name="YearsInCsi">How many counted status years the run lasts (see <see cref="EssaSettings.CsiYears"/>).</param>
/// <param name="CsiYears">Those status years, ascending.</param>
/// <param name="Exited">The school was in CSI in the previous counted status year and is not in the decision year.</param>
/// <param name="NotExitedWithinFourYears">Still in CSI in the decision year after four or more counted years: the finding.</param>
/// <param name="Reason">The school's part in plain words.</param>
public sealed record CsiSchool(
    CdsCode School,
    string SchoolName,
    EssaStatus Status,
    int FirstCsiYear,
    int YearsInCsi,
    IReadOnlyList<int> CsiYears,
    bool Exited,
    bool NotExitedWithinFourYears,
    string Reason,
    SourceRef Source);

/// <summary>
/// An LEA made eligible for differentiated assistance because one of its schools, identified for CSI, has not met the
/// exit criteria within four years (RULES.md §5). A finding of its own, separate from the LCFF methods.
/// </summary>
/// <param name="Schools">The LEA's schools in CSI in <paramref name="Year"/> or leaving it that year, in CDS order.</param>
public sealed record EssaLeaFinding(
    CdsCode Lea,
    string LeaName,
    LeaKind Kind,
    string? County,
    int Year,
    IReadOnlyList<CsiSchool> Schools,
    string Reason)
{
    /// <summary>The schools behind the finding.</summary>
    public IReadOnlyList<CsiSchool> SchoolsNotExited => [.. Schools.Where(s => s.NotExitedWithinFourYears)];
}

/// <summary>How many schools had each designation in a year, and each <c>Exit</c> value where the year's file gives one.</summary>
public sealed record EssaCounts(int Schools, IReadOnlyDictionary<EssaStatus, int> ByStatus, IReadOnlyDictionary<EssaExit, int> ByExit)
{
    public static EssaCounts Of(IEnumerable<SchoolDesignation> designations)
    {
        ArgumentNullException.ThrowIfNull(designations);
        var list = designations.ToList();
        var byStatus = EssaStatuses.All.ToDictionary(s => s, s => list.Count(d => d.Status == s));
        var byExit = list.Where(d => d.Exit is not null).GroupBy(d => d.Exit!.Value).ToDictionary(g => g.Key, g => g.Count());
        return new EssaCounts(list.Count, byStatus, byExit);
    }
}

/// <summary>The CSI four-year rule applied to every school with a designation in one year.</summary>
/// <param name="StatusYears">The status years counted, 2018 through <paramref name="Year"/>.</param>
/// <param name="Findings">One per LEA with a school in CSI for four or more counted years, in CDS order.</param>
/// <param name="Designations">Every school's designation for <paramref name="Year"/>, in CDS order.</param>
public sealed record EssaAssessment(
    int Year,
    IReadOnlyList<int> StatusYears,
    IReadOnlyList<AppliedSetting> Settings,
    IReadOnlyList<EssaLeaFinding> Findings,
    IReadOnlyList<SchoolDesignation> Designations);
