using System.Globalization;
using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Providers;

namespace SystemOfSupport.Core.Funding;

/// <summary>
/// County office funding for differentiated assistance (EC 2575.2; RULES.md §7). For each county office of a county
/// the LEA directory covers: the base, plus the average over the counted reports of its identified districts'
/// allowances (by ADA band) and of its identified charter schools' allowances. A charter its county office authorized,
/// and a district of a single-district county, fund the region's Geographic Lead Agency instead (unless that office
/// is the lead). Pure: the answer depends only on the arguments.
/// </summary>
public static class CountyOfficeFunding
{
    /// <param name="reports">At most one report per kind and year; the years the fiscal year counts must be there (charter years per <c>funding.missing-charter-report</c>).</param>
    /// <param name="directory">ADA and charter authorizers; its counties are the ones computed.</param>
    /// <exception cref="ArgumentException">A fiscal year before 2018-19, two reports for one kind and year, or a counted report missing.</exception>
    /// <exception cref="InputFileException">An identified LEA missing from the directory (<c>funding.lea-not-in-directory</c> = <c>error</c>): names the report row.</exception>
    public static FundingResult Calculate(
        SchoolYear fiscalYear, IReadOnlyList<AssistanceReport> reports, IReadOnlyDictionary<CdsCode, LeaFundingFacts> directory, DeterminationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(settings);
        var rules = FundingRuleBook.For(fiscalYear);
        var byKey = new Dictionary<(ReportKind, int), AssistanceReport>();
        foreach (var report in reports)
        {
            if (!byKey.TryAdd((report.Kind, report.Year), report))
            {
                throw new ArgumentException($"two {Kind(report.Kind)} reports for {Text(report.Year)}: {byKey[(report.Kind, report.Year)].Source} and {report.Source}", nameof(reports));
            }
        }

        var rule = settings.FundingEarlierReports();
        var districtReports = FundingRuleBook.ReportsFor(fiscalYear, rules.DistrictReports, rule, charter: false);
        var charterReports = FundingRuleBook.ReportsFor(fiscalYear, rules.CharterReports, rule, charter: true);
        var scope = directory.Keys.Select(Counties.Of).Distinct().OrderBy(c => c.Code).ToList();
        var context = new Context(rules, directory, settings, scope);
        var warnings = new List<string>();

        var lines = new List<FundingLine>();
        lines.AddRange(scope.Select(c => new FundingLine(c, FundingLineKind.Base, null, null, null, null, null, null, null, rules.Base,
            $"Base for {fiscalYear.Label}: {Dollars.Format(rules.Base)} ({rules.Rule}).", null)));

        foreach (var counted in districtReports.Where(r => r.StatusYear is not null))
        {
            var report = byKey.GetValueOrDefault((ReportKind.DistrictAndCoe, counted.StatusYear!.Value))
                ?? throw new ArgumentException(
                    $"{fiscalYear.Label} averages {counted.Basis}, but no district and county office report for {Text(counted.StatusYear.Value)} was given: "
                    + $"give that year's assistance-status workbook, or a later one with an {StatusColumn(counted.StatusYear.Value)} column", nameof(reports));
            lines.AddRange(context.DistrictLines(counted, report));
        }

        foreach (var counted in charterReports.Where(r => r.StatusYear is not null))
        {
            if (byKey.GetValueOrDefault((ReportKind.Charter, counted.StatusYear!.Value)) is { } report)
            {
                lines.AddRange(context.CharterLines(counted, report));
                continue;
            }

            var missing = $"{fiscalYear.Label} averages the {Text(counted.StatusYear.Value)} charter report, but none was given (charterassistance{counted.StatusYear.Value % 100:00}.csv or .xlsx)";
            if (settings.MissingCharterReportIsError())
            {
                throw new ArgumentException($"{missing} ({DeterminationSettings.FundingMissingCharterReport} = {FundingSettings.Error})", nameof(reports));
            }

            warnings.Add($"{missing}: no charter school counted for {Text(counted.Year)} ({DeterminationSettings.FundingMissingCharterReport} = {FundingSettings.NoneIdentified}).");
        }

        var offices = Allocate(rules, districtReports, charterReports, lines, scope);
        var ordered = lines.OrderBy(l => l.Recipient.Code).ThenBy(l => l.Kind).ThenByDescending(l => l.ReportYear).ThenBy(l => l.Lea).ToList();
        return new FundingResult(fiscalYear, rules, districtReports, charterReports, ordered, offices, offices.Sum(o => o.Total), warnings,
            [.. settings.Applied().Where(a => a.Key.StartsWith("funding.", StringComparison.Ordinal) || a.Key == DeterminationSettings.LeadAgencyMapKey)]);
    }

    private static List<CountyOfficeAllocation> Allocate(
        FundingYearRules rules, IReadOnlyList<CountedReport> districtReports, IReadOnlyList<CountedReport> charterReports, List<FundingLine> lines, List<County> scope)
    {
        var recipients = scope.Concat(lines.Select(l => l.Recipient)).Distinct().OrderBy(c => c.Code).ToList();
        var offices = new List<CountyOfficeAllocation>();
        foreach (var county in recipients)
        {
            var mine = lines.Where(l => l.Recipient == county).ToList();
            var inScope = scope.Contains(county);
            var baseAmount = mine.Where(l => l.Kind == FundingLineKind.Base).Sum(l => l.Amount);
            var (districts, districtSum, districtAverage) = Average(mine, FundingLineKind.DistrictAllowance, districtReports, rules.DistrictReports);
            var (charters, charterSum, charterAverage) = Average(mine, FundingLineKind.CharterAllowance, charterReports, rules.CharterReports);
            var movedIn = Share(mine.Where(l => l.IsMove), rules);
            var movedOut = Share(lines.Where(l => l.IsMove && l.LeaCounty == county), rules);
            var total = baseAmount + districtAverage + charterAverage;
            var basis = $"{Dollars.Format(baseAmount)} base + {Dollars.Format(districtAverage)} district average + {Dollars.Format(charterAverage)} charter average = {Dollars.Format(total)}";
            if (!inScope)
            {
                basis += $"; {county.Name} is not in the LEA directory, so only the allowances moved in from the counties computed are shown (no base, none of its own LEAs)";
            }

            offices.Add(new CountyOfficeAllocation(county, inScope, baseAmount, districts, districtSum, rules.DistrictReports, districtAverage,
                charters, charterSum, rules.CharterReports, charterAverage, movedIn, movedOut, total, basis + "."));
        }

        return offices;
    }

    /// <summary>The report-by-report allowances of one kind, their sum, and the sum ÷ divisor rounded to the cent.</summary>
    private static (IReadOnlyList<ReportAllowance> Reports, decimal Sum, decimal Average) Average(
        List<FundingLine> lines, FundingLineKind kind, IReadOnlyList<CountedReport> counted, int divisor)
    {
        var reports = counted.Select(r =>
        {
            var these = lines.Where(l => l.Kind == kind && l.ReportYear == r.Year).ToList();
            var parts = these.GroupBy(l => l.Band).OrderBy(g => g.Key?.MinimumAda)
                .Select(g => $"{Text(g.Count())} {g.Key?.Name ?? "charter"} {Dollars.Format(g.Sum(l => l.Amount))}");
            var basis = r.StatusYear is null ? r.Why! : these.Count == 0 ? "none identified" : string.Join(", ", parts);
            return new ReportAllowance(r.Year, r.Basis, these.Count, these.Sum(l => l.Amount), basis);
        }).ToList();
        var sum = reports.Sum(r => r.Amount);
        return (reports, sum, divisor == 0 ? 0m : Round(sum / divisor));
    }

    private static decimal Share(IEnumerable<FundingLine> moves, FundingYearRules rules) =>
        Round(moves.Sum(l => l.Amount / (l.Kind == FundingLineKind.CharterAllowance ? rules.CharterReports : rules.DistrictReports)));

    private static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private sealed class Context(FundingYearRules rules, IReadOnlyDictionary<CdsCode, LeaFundingFacts> directory, DeterminationSettings settings, List<County> scope)
    {
        private readonly GeographicLeadAgencyMap map = settings.LeadAgencyMap;

        public IEnumerable<FundingLine> DistrictLines(CountedReport counted, AssistanceReport report)
        {
            foreach (var row in Identified(report, r => r.Cds.IsLeaLevel && !r.Cds.IsCountyOfficeCode))
            {
                var county = Counties.Of(row.Cds);
                var (ada, band, sizeBasis) = Size(row, counted);
                var basis = $"{row.Name}: {row.Status!.Value.Label()} in {Describe(counted, report)}; {sizeBasis} → {Dollars.Format(band.Allowance)}.";
                var recipients = county.IsSingleDistrict
                    ? LeadAgencies(county, $"{county.Name} is a single-district county, so the district's allowance goes to the region's Geographic Lead Agency")
                    : [(county, 1m, string.Empty)];
                foreach (var (recipient, share, moveBasis) in recipients)
                {
                    yield return new FundingLine(recipient, FundingLineKind.DistrictAllowance, counted.Year, row.Cds, row.Name, county, row.Status, ada, band,
                        band.Allowance * share, basis + moveBasis, row.Source);
                }
            }
        }

        public IEnumerable<FundingLine> CharterLines(CountedReport counted, AssistanceReport report)
        {
            foreach (var row in Identified(report, r => !r.Cds.IsLeaLevel))
            {
                var county = Counties.Of(row.Cds);
                var basis = $"{row.Name} (charter school): {row.Status!.Value.Label()} in {Describe(counted, report)} → {Dollars.Format(rules.CharterAllowance)}.";
                CdsCode? authorizer;
                if (directory.TryGetValue(row.Cds, out var facts))
                {
                    authorizer = facts.CharterAuthorizer;
                }
                else if (settings.BandForLeaNotInDirectory() is { } band)
                {
                    authorizer = null;
                    basis += $" Not in the LEA directory: taken as not authorized by its county office ({DeterminationSettings.FundingLeaNotInDirectory} = {band}).";
                }
                else
                {
                    throw NotInDirectory(row, counted, "its authorizer decides which county office its allowance funds");
                }

                var recipients = authorizer is { } a && a.CdCode == county.CountyOfficeCds.CdCode
                    ? LeadAgencies(county, $"{county.CountyOfficeName} authorized it, so its allowance goes to the region's Geographic Lead Agency")
                    : [(county, 1m, string.Empty)];
                foreach (var (recipient, share, moveBasis) in recipients)
                {
                    yield return new FundingLine(recipient, FundingLineKind.CharterAllowance, counted.Year, row.Cds, row.Name, county, row.Status, null, null,
                        rules.CharterAllowance * share, basis + moveBasis, row.Source);
                }
            }
        }

        private IEnumerable<ReportedStatus> Identified(AssistanceReport report, Func<ReportedStatus, bool> kind) =>
            report.Rows.Where(r => Counties.TryGetOf(r.Cds, out var c) && scope.Contains(c) && kind(r) && settings.CountsAsIdentified(r.Status));

        private (decimal? Ada, AdaBand Band, string Basis) Size(ReportedStatus row, CountedReport counted)
        {
            if (directory.TryGetValue(row.Cds, out var facts))
            {
                var band = rules.BandFor(facts.Ada);
                var where = facts.Source is { } s ? $" (LEA directory line {Text(s.Line)})" : string.Empty;
                return (facts.Ada, band, $"ADA {facts.Ada.ToString("N2", CultureInfo.InvariantCulture)}{where}: {rules.BandLabel(band)}");
            }

            if (settings.BandForLeaNotInDirectory() is { } name)
            {
                var band = rules.Band(name);
                return (null, band, $"not in the LEA directory: sized {rules.BandLabel(band)} ({DeterminationSettings.FundingLeaNotInDirectory} = {name})");
            }

            throw NotInDirectory(row, counted, "its ADA decides its allowance");
        }

        private static InputFileException NotInDirectory(ReportedStatus row, CountedReport counted, string why) =>
            new(row.Source.File, row.Source.Line, null,
                $"{row.Cds} {row.Name}, identified in {counted.Basis}, is not in the LEA directory: {why} "
                + $"({DeterminationSettings.FundingLeaNotInDirectory} = {FundingSettings.Error}; add it to the directory, or set a default ADA band)");

        /// <summary>Who receives an allowance that goes to the county's Geographic Lead Agency, with each one's share.</summary>
        private List<(County Recipient, decimal Share, string Basis)> LeadAgencies(County county, string why)
        {
            var region = map.RegionOf(county);
            if (region.IsLead(county))
            {
                return [(county, 1m, $" {why}, and {county.CountyOfficeName} is that lead (map {map.Key}), so it keeps it.")];
            }

            if (!region.HasCoLeads)
            {
                return [(region.Leads[0], 1m, $" {why}: {region.LeadNames} (map {map.Key}).")];
            }

            if (!settings.SplitsBetweenCoLeads())
            {
                return [(region.Leads[0], 1m, $" {why}: the co-leads {region.LeadNames} (map {map.Key}); all of it to the first listed, {region.Leads[0].CountyOfficeName} ({DeterminationSettings.FundingCoLeadShare} = {FundingSettings.FirstListed}).")];
            }

            var share = 1m / region.Leads.Count;
            return [.. region.Leads.Select(l => (l, share,
                $" {why}: the co-leads {region.LeadNames} (map {map.Key}), an equal share each ({DeterminationSettings.FundingCoLeadShare} = {FundingSettings.SplitEqually})."))];
        }
    }

    private static string Describe(CountedReport counted, AssistanceReport report) =>
        counted.StatusYear == counted.Year ? $"the {Text(counted.Year)} report ({report.Source})" : $"{counted.Basis} ({report.Source})";

    private static string Kind(ReportKind kind) => kind == ReportKind.Charter ? "charter" : "district and county office";

    private static string StatusColumn(int year) => "AssistanceStatus" + Text(year);

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
