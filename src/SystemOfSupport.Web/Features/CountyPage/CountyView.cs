using Microsoft.EntityFrameworkCore;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Providers;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Caching;
using SystemOfSupport.Web.Features.Exports;
using SystemOfSupport.Web.Features.Funding;
using SystemOfSupport.Web.Features.StatePage;
using SystemOfSupport.Web.Features.Years;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.CountyPage;

/// <param name="County">The county's name (<c>Monterey</c>, <c>san-luis-obispo</c>) or 2-digit code (<c>27</c>).</param>
public sealed record CountyQuery(string County, int? Year);

/// <summary>One district, county office or charter school of the county, as its row in the county's table.</summary>
/// <param name="Level3">EC 52072: <c>Y</c>, <c>N</c>, <c>not decided</c>, or null for a charter school.</param>
/// <param name="FundingAllowances">
/// The EC 2575.2 allowances the LEA earns its provider's county office across the reports the fiscal year counts, before
/// they are averaged (<see cref="CountyFunding"/>); null when the year's funding is not computed.
/// </param>
public sealed record LeaRow(
    string Cds, string Name, string Kind, string Status, bool InAssistance, string Letters, IReadOnlyList<int> MetMethods, string? Level3, string? Provider,
    decimal? FundingAllowances = null);

public sealed record CountyView(
    int Year,
    IReadOnlyList<int> Years,
    string Code,
    string Name,
    string Slug,
    int Leas,
    int InAssistance,
    IReadOnlyList<LeaRow> DistrictsAndCountyOffice,
    IReadOnlyList<LeaRow> CharterSchools,
    CountyFunding? Funding);

/// <summary>
/// The county office's EC 2575.2 funding in the fiscal year the page's year funds (2024 → 2024-25), and what each LEA of
/// the county contributes (an LEA moved to a Geographic Lead Agency funds that office instead); null when the year is not published.
/// </summary>
/// <param name="Office">Null when the county office receives nothing (not computed: no directory lists the county).</param>
/// <param name="Error">Why the fiscal year could not be computed.</param>
public sealed record CountyFunding(string FiscalYear, CountyOfficeFundingRow? Office, IReadOnlyList<FundingLineRow> Contributions, string? Error);

public sealed class CountyHandler(SosDb db, YearsHandler years, Viewer viewer, FundingHandler funding, DecidedViews views)
{
    public static bool TryFind(string county, out County found)
    {
        var name = county.Replace('-', ' ');
        return Counties.TryGetByCode(county, out found!) || Counties.TryGetByName(name, out found!);
    }

    public async Task<CountyView?> Handle(CountyQuery query, CancellationToken cancellationToken)
    {
        if (!TryFind(query.County, out var county) || await years.Choose(query.Year, cancellationToken) is not { } choice)
        {
            return null;
        }

        // The county's rows and its funding (which reads the published years' files) change only with an import or publish.
        return await views.GetOrCreate((nameof(CountyView), choice.Year, county.Code, viewer.ScopeKey), () => View(county, choice, cancellationToken), Size);
    }

    /// <summary>A view's approximate size in memory: a few hundred bytes a row.</summary>
    private static long Size(CountyView view) => 4096 + (512L * (view.DistrictsAndCountyOffice.Count + view.CharterSchools.Count));

    private async Task<CountyView> View(County county, YearChoice choice, CancellationToken cancellationToken)
    {
        // The table's columns only: never the findings.
        var rows = await viewer.Leas(db).Where(l => l.Year == choice.Year && l.CountyCode == county.Code).OrderBy(l => l.Cds)
            .Select(l => new LeaColumns(l.Cds, l.Name, l.Kind, l.Status, l.InAssistance, l.Letters, l.MetMethods, l.Level3, l.Provider))
            .ToListAsync(cancellationToken);
        var charter = nameof(LeaKind.CharterSchool);
        var countyFunding = await Funding(county, choice, cancellationToken);
        var allowances = countyFunding is { Error: null } f ? f.Contributions.Where(l => l.Lea is not null).ToLookup(l => l.Lea!, l => l.Amount) : null;
        LeaRow WithFunding(LeaRow row) => allowances is null ? row : row with { FundingAllowances = allowances[row.Cds].Sum() };
        var leas = rows.Where(r => r.Kind != charter).Select(Row).Select(WithFunding).ToList();
        return new CountyView(
            choice.Year,
            choice.Years,
            county.Code,
            county.Name,
            StateOverviewHandler.Slug(county),
            leas.Count,
            leas.Count(l => l.InAssistance),
            leas,
            [.. rows.Where(r => r.Kind == charter).Select(Row).Select(WithFunding)],
            countyFunding);
    }

    private async Task<CountyFunding?> Funding(County county, YearChoice choice, CancellationToken cancellationToken)
    {
        if (!choice.Published)
        {
            return null;
        }

        // Statewide and published only, so the same for every viewer and county: computed once a fiscal year.
        var fiscalYear = FundingHandler.FiscalYearOf(choice.Year);
        if (await views.GetOrCreate((nameof(FundingView), fiscalYear), () => funding.Handle(new FundingQuery(fiscalYear), cancellationToken), FundingSize) is not { } view)
        {
            return null;
        }

        return new CountyFunding(
            view.FiscalYear,
            view.CountyOffices.SingleOrDefault(o => o.CountyCode == county.Code),
            [.. view.Lines.Where(l => l.RecipientCountyCode == county.Code || l.LeaCountyCode == county.Code)],
            view.Error);
    }

    private static long FundingSize(FundingView? view) => 4096 + (512L * ((view?.Lines.Count ?? 0) + (view?.CountyOffices.Count ?? 0)));

    /// <summary>The table as the page shows it, to download.</summary>
    public static ExportTable Export(CountyView view) => new(
        $"{view.Slug}-{view.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        ["CDS", "LEA", "Kind", "Status", "Groups with a letter", "Methods met", "Level 3 (EC 52072)", "Provider", "Funding allowances (reports counted)"],
        [.. view.DistrictsAndCountyOffice.Concat(view.CharterSchools).Select(l => (IReadOnlyList<string>)
        [
            l.Cds, l.Name, l.Kind, l.Status, l.Letters, string.Join(",", l.MetMethods), l.Level3 ?? string.Empty, l.Provider ?? string.Empty,
            l.FundingAllowances?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        ])]);

    /// <summary>The stored columns a row shows.</summary>
    private sealed record LeaColumns(string Cds, string Name, string Kind, string Status, bool InAssistance, string Letters, string MetMethods, bool? Level3, string? Provider);

    private static LeaRow Row(LeaColumns l) => new(
        l.Cds,
        l.Name,
        KindName(l.Kind),
        l.Status,
        l.InAssistance,
        l.Letters,
        MethodNumbers(l.MetMethods),
        Level3Words(l.Kind, l.Level3),
        l.Provider);

    /// <summary>The stored <c>1,3</c> as numbers.</summary>
    public static IReadOnlyList<int> MethodNumbers(string metMethods) =>
        [.. metMethods.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(m => int.Parse(m, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Null for a charter school, which Level 3 does not apply to.</summary>
    public static string? Level3Words(string kind, bool? flag) => kind == nameof(LeaKind.CharterSchool) ? null : Level3Words(flag);

    public static string Level3Words(bool? flag) => flag switch
    {
        true => "Y",
        false => "N",
        null => "not decided",
    };

    public static string KindName(string kind) => Enum.TryParse<LeaKind>(kind, out var k) ? KindName(k) : kind;

    public static string KindName(LeaKind kind) => kind switch
    {
        LeaKind.CountyOffice => "County office of education",
        LeaKind.CharterSchool => "Charter school",
        _ => "School district",
    };
}
