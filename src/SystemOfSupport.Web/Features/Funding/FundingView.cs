using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Funding;
using SystemOfSupport.Formats.Funding;
using SystemOfSupport.Web.Features.Exports;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Funding;

/// <param name="FiscalYear">Such as <c>2024-25</c>; null for the one the latest published report funds.</param>
public sealed record FundingQuery(string? FiscalYear);

/// <summary>One county office's funding: base, averages, moves, total, and why.</summary>
public sealed record CountyOfficeFundingRow(
    string CountyCode, string County, string CountySlug, string CountyOffice, bool InScope, decimal Base, decimal DistrictAverage, decimal CharterAverage,
    decimal MovedIn, decimal MovedOut, decimal Total, string Basis);

/// <summary>One identified LEA's allowance in one report, paid to <paramref name="RecipientCountyCode"/>'s county office.</summary>
public sealed record FundingLineRow(
    string RecipientCountyCode, string Recipient, string Kind, int? ReportYear, string? Lea, string? LeaName, string? LeaCountyCode, string? Status,
    decimal? Ada, string? Band, decimal Amount, bool IsMove, string Basis);

/// <summary>
/// The <c>/funding</c> page: each county office's EC 2575.2 funding for a fiscal year, computed as <c>sos funding</c>
/// computes it, from the published years' stored reports and the LEA directory stored with the latest of them.
/// </summary>
/// <param name="Error">Why nothing could be computed (no directory stored, a report missing); the other lists are then empty.</param>
public sealed record FundingView(
    string FiscalYear,
    IReadOnlyList<string> FiscalYears,
    string? Rule,
    IReadOnlyList<string> Reports,
    string? Directory,
    IReadOnlyList<CountyOfficeFundingRow> CountyOffices,
    IReadOnlyList<FundingLineRow> Lines,
    decimal Total,
    IReadOnlyList<string> Warnings,
    string? Error);

/// <summary>Funding is statewide published information: only published years count, for every viewer.</summary>
public sealed class FundingHandler(SosDb db, IOptions<SosOptions> options)
{
    public const string Label = "SystemOfSupport (sos serve)";

    /// <summary>Null when no year is published or <paramref name="query"/>'s fiscal year is not one.</summary>
    public async Task<FundingView?> Handle(FundingQuery query, CancellationToken cancellationToken) =>
        await Compute(query, cancellationToken) is { } computed ? computed.View : null;

    /// <summary>The funding lines as <c>sos funding</c>'s CSV has them (<see cref="FundingTables.Lines"/>), to download.</summary>
    public async Task<ExportTable?> Export(FundingQuery query, CancellationToken cancellationToken)
    {
        if (await Compute(query, cancellationToken) is not { Result: { } result } computed)
        {
            return null;
        }

        var table = FundingTables.Lines(result, Label);
        return new ExportTable(FundingTables.FileStem(result), table.Columns, table.Rows);
    }

    private async Task<(FundingView View, FundingResult? Result)?> Compute(FundingQuery query, CancellationToken cancellationToken)
    {
        var published = await db.Years.Where(y => y.Published).OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync(cancellationToken);
        var fiscalYears = published.Where(y => y >= FundingRuleBook.FirstFiscalYear.StartYear).Select(FiscalYearOf).ToList();
        if (fiscalYears.Count == 0)
        {
            return null;
        }

        SchoolYear fiscalYear;
        if (query.FiscalYear is null)
        {
            fiscalYear = SchoolYear.Parse(fiscalYears[0]);
        }
        else if (!SchoolYear.TryParse(query.FiscalYear, out fiscalYear) || !fiscalYears.Contains(fiscalYear.Label))
        {
            return null;
        }

        var reportYear = fiscalYear.StartYear;
        var files = await db.Files.Where(f => published.Contains(f.Year) && f.Year <= reportYear && f.Name.EndsWith(".csv")
                && (f.Name.StartsWith("assistancestatus") || f.Name.StartsWith("charterassistance")))
            .OrderBy(f => f.Year).ToListAsync(cancellationToken);
        var directoryYear = await db.Set<StoredDirectoryEntry>().Where(d => published.Contains(d.Year) && d.Year <= reportYear)
            .OrderByDescending(d => d.Year).Select(d => (int?)d.Year).FirstOrDefaultAsync(cancellationToken);
        if (directoryYear is not int withDirectory)
        {
            return (Empty(fiscalYear, fiscalYears, $"no LEA directory is stored with a published year up to {reportYear.ToString(CultureInfo.InvariantCulture)}: import the year with a directory/ folder (ADA and charter authorizers)"), null);
        }

        var entries = await db.Set<StoredDirectoryEntry>().Where(d => d.Year == withDirectory).ToListAsync(cancellationToken);
        var scratch = Path.Combine(options.Value.Data, "tmp", Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(scratch);
            var paths = new List<string>();
            foreach (var file in files)
            {
                var path = Path.Combine(scratch, file.Name);
                await File.WriteAllBytesAsync(path, file.Content, cancellationToken);
                paths.Add(path);
            }

            var reports = FundingReportSet.Read(paths);
            var facts = entries.Select(e => e.ToEntry()).ToDictionary(e => e.Cds, e => new LeaFundingFacts(e.Cds, e.Name, e.Ada, e.CharterAuthorizer, e.Source));
            var result = CountyOfficeFunding.Calculate(fiscalYear, reports.Reports, facts, DeterminationSettings.Defaults);
            var view = new FundingView(
                fiscalYear.Label,
                fiscalYears,
                result.Rules.Rule,
                [.. reports.Describe(result)],
                $"the LEA directory stored with {withDirectory.ToString(CultureInfo.InvariantCulture)} ({entries.Count.ToString(CultureInfo.InvariantCulture)} LEAs)",
                [.. result.CountyOffices.Select(o => new CountyOfficeFundingRow(
                    o.County.Code, o.County.Name, StatePage.StateOverviewHandler.Slug(o.County), o.County.CountyOfficeName, o.InScope, o.Base, o.DistrictAverage,
                    o.CharterAverage, o.MovedIn, o.MovedOut, o.Total, o.Basis))],
                [.. result.Lines.Where(l => l.Kind != FundingLineKind.Base).Select(l => new FundingLineRow(
                    l.Recipient.Code, l.Recipient.CountyOfficeName, Words(l.Kind), l.ReportYear, l.Lea?.Value, l.LeaName, l.LeaCounty?.Code, l.Status?.Label(),
                    l.Ada, l.Band?.Name, l.Amount, l.IsMove, l.Basis))],
                result.Total,
                result.Warnings,
                null);
            return (view, result);
        }
        catch (Exception ex) when (ex is InputFileException or ArgumentException or InvalidOperationException)
        {
            return (Empty(fiscalYear, fiscalYears, ex.Message), null);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>The fiscal year the report of Dashboard year <paramref name="year"/> funds (2024 → 2024-25).</summary>
    public static string FiscalYearOf(int year) => SchoolYear.OfDashboard(year + 1).Label;

    public static string Words(FundingLineKind kind) => kind switch
    {
        FundingLineKind.DistrictAllowance => FundingTables.DistrictAllowance,
        FundingLineKind.CharterAllowance => FundingTables.CharterAllowance,
        _ => FundingTables.Base,
    };

    private static FundingView Empty(SchoolYear fiscalYear, IReadOnlyList<string> fiscalYears, string error) =>
        new(fiscalYear.Label, fiscalYears, null, [], null, [], [], 0, [], error);
}
