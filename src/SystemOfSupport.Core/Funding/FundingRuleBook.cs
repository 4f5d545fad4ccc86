using System.Globalization;
using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Rules;

namespace SystemOfSupport.Core.Funding;

/// <summary>A district size band and its yearly allowance (EC 2575.2(b)).</summary>
/// <param name="MinimumAda">The band starts here; it runs up to the next band's minimum (so ADA 2,499.6 is still small).</param>
public sealed record AdaBand(string Name, decimal MinimumAda, decimal Allowance)
{
    public string Label(AdaBand? next) => next is null
        ? $"{Name} ({MinimumAda.ToString("N0", CultureInfo.InvariantCulture)} ADA or more)"
        : $"{Name} ({MinimumAda.ToString("N0", CultureInfo.InvariantCulture)} to {(next.MinimumAda - 1).ToString("N0", CultureInfo.InvariantCulture)} ADA)";
}

/// <summary>
/// One fiscal year's funding rules, in force from <paramref name="FirstFiscalYear"/> until the next entry (RULES.md §7).
/// </summary>
/// <param name="Base">Every county office's base.</param>
/// <param name="DistrictReports">How many reports the district allowances are averaged over (the divisor).</param>
/// <param name="CharterReports">How many reports the charter allowances are averaged over; 0 before charter allowances began.</param>
/// <param name="CharterAllowance">Per identified charter school, per report.</param>
public sealed record FundingYearRules(
    SchoolYear FirstFiscalYear,
    decimal Base,
    int DistrictReports,
    int CharterReports,
    decimal CharterAllowance,
    IReadOnlyList<AdaBand> Bands,
    string Rule)
{
    public AdaBand BandFor(decimal ada) => Bands.Last(b => ada >= b.MinimumAda);

    public AdaBand Band(string name) =>
        Bands.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentOutOfRangeException(nameof(name), name, $"no ADA band '{name}'; bands: {string.Join(", ", Bands.Select(b => b.Name))}");

    public string BandLabel(AdaBand band)
    {
        var i = Bands.ToList().IndexOf(band);
        return band.Label(i + 1 < Bands.Count ? Bands[i + 1] : null);
    }
}

/// <summary>County office funding for differentiated assistance (EC 2575.2; RULES.md §7) as data, by fiscal year.</summary>
public static class FundingRuleBook
{
    /// <summary>The state's charter assistance file begins with the 2023 Dashboard (RULES.md §8): no charter report before it.</summary>
    public const int FirstCharterReportYear = 2023;

    private static readonly AdaBand[] DistrictBands =
    [
        new("small", 0m, 100_000m),
        new("medium", 2_500m, 200_000m),
        new("large", 10_000m, 300_000m),
    ];

    public static IReadOnlyList<FundingYearRules> Years { get; } =
    [
        new(new SchoolYear(2018), 200_000m, 2, 0, 0m, DistrictBands,
            "EC 2575.2; RULES.md §7 [published]: base $200,000; 2018-19 averages two reports"),
        new(new SchoolYear(2019), 200_000m, 3, 0, 0m, DistrictBands,
            "EC 2575.2; RULES.md §7 [published]: base $200,000; three-report average"),
        new(new SchoolYear(2023), 300_000m, 3, 2, 100_000m, DistrictBands,
            "EC 2575.2; RULES.md §7 [published]: base $300,000 (single-district counties included); charter allowances begin, two-report average"),
        new(new SchoolYear(2024), 300_000m, 3, 3, 100_000m, DistrictBands,
            "EC 2575.2; RULES.md §7 [published]: base $300,000; three-report averages for districts and charters"),
    ];

    public static SchoolYear FirstFiscalYear => Years[0].FirstFiscalYear;

    /// <exception cref="ArgumentException">Before 2018-19, when the funding began.</exception>
    public static FundingYearRules For(SchoolYear fiscalYear) =>
        Years.LastOrDefault(r => r.FirstFiscalYear <= fiscalYear)
        ?? throw new ArgumentException(
            $"county office funding for differentiated assistance (EC 2575.2) begins in {FirstFiscalYear.Label}; {fiscalYear.Label} has none", nameof(fiscalYear));

    /// <summary>
    /// The reports a fiscal year averages over, current first: the report of Dashboard year Y is the current report of
    /// fiscal year Y-(Y+1) (the 2024 Dashboard's report funds 2024-25; 2018-19 averages the 2018 and 2017 reports).
    /// </summary>
    /// <param name="count">How many reports (the divisor).</param>
    /// <param name="charter">Charter reports: years before <see cref="FirstCharterReportYear"/> count none.</param>
    public static IReadOnlyList<CountedReport> ReportsFor(SchoolYear fiscalYear, int count, EarlierReportsRule rule, bool charter)
    {
        var current = fiscalYear.StartYear;
        IEnumerable<int> years = rule == EarlierReportsRule.PrecedingPublished
            ? Enumerable.Range(0, current - 2016).Select(i => current - i).Where(DashboardYears.Exists).Take(count)
            : Enumerable.Range(0, count).Select(i => current - i);
        return [.. years.Select(y => Counted(y, rule, charter))];
    }

    private static CountedReport Counted(int year, EarlierReportsRule rule, bool charter)
    {
        var (statusYear, why) = DashboardYears.Exists(year)
            ? ((int?)year, (string?)null)
            : rule == EarlierReportsRule.Carry2019
                ? (2019, $"no Dashboard; the 2019 report carried over ({FundingSettings.Carry2019})")
                : ((int?)null, $"no Dashboard, no one identified ({FundingSettings.Zero2020And2021})");
        return charter && statusYear < FirstCharterReportYear
            ? new CountedReport(year, null, $"no charter report before {FirstCharterReportYear.ToString(CultureInfo.InvariantCulture)}, no charter school identified")
            : new CountedReport(year, statusYear, why);
    }
}

/// <summary>One report a fiscal year's average counts.</summary>
/// <param name="Year">The report year it stands for in the average.</param>
/// <param name="StatusYear">The report whose statuses are read (2019 for a carried-over 2020); null when it identifies no one.</param>
/// <param name="Why">Why it is not simply that year's own report; null when it is.</param>
public sealed record CountedReport(int Year, int? StatusYear, string? Why)
{
    /// <summary>"the 2024 report", or "2021: no Dashboard; …".</summary>
    public string Basis => Why is null
        ? $"the {Year.ToString(CultureInfo.InvariantCulture)} report"
        : $"{Year.ToString(CultureInfo.InvariantCulture)}: {Why}";
}
