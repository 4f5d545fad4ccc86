using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Funding;
using SystemOfSupport.Formats.LeaDirectories;

namespace SystemOfSupport.Formats.Funding;

/// <summary>A funding run: the result and the inputs it was computed from.</summary>
public sealed record FundingRunResult(FundingResult Result, FundingReportSet Reports, string DirectoryPath, int DirectoryEntries);

/// <summary>Reads the reports and the LEA directory and computes a fiscal year's county office funding (RULES.md §7).</summary>
public static class FundingRun
{
    public static FundingRunResult Run(SchoolYear fiscalYear, IReadOnlyList<string> reportFiles, string directoryPath, DeterminationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(reportFiles);
        ArgumentException.ThrowIfNullOrWhiteSpace(directoryPath);
        if (reportFiles.Count == 0)
        {
            throw new ArgumentException("no reports given: funding needs the assistance-status reports it averages over", nameof(reportFiles));
        }

        var directory = LeaDirectory.Read(directoryPath);
        var reports = FundingReportSet.Read(reportFiles);
        var facts = directory.Entries.ToDictionary(e => e.Cds, e => new LeaFundingFacts(e.Cds, e.Name, e.Ada, e.CharterAuthorizer, e.Source));
        var result = CountyOfficeFunding.Calculate(fiscalYear, reports.Reports, facts, settings);
        return new FundingRunResult(result, reports, directoryPath, directory.Count);
    }
}
