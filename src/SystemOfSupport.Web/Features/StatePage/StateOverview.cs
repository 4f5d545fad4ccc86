using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Providers;
using SystemOfSupport.Formats.Runs;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Caching;
using SystemOfSupport.Web.Features.Years;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.StatePage;

public sealed record StateQuery(int? Year);

public sealed record StatusCount(string Status, int Leas);

public sealed record MethodCount(int Method, int Leas);

/// <summary>A county's districts and county office in a year: how many were decided and how many are in assistance.</summary>
/// <param name="Band">The map's shading band, in words (<c>25–49%</c>, <c>no LEAs decided</c>): the map never relies on the shade alone.</param>
public sealed record CountyShare(string Code, string Name, string Slug, int Leas, int InAssistance, int? Percent, string Band);

public sealed record YearTrend(int Year, int Leas, int InAssistance, IReadOnlyList<StatusCount> ByStatus);

public sealed record Download(string Name, string Url);

/// <summary>The state page: counts by status and method, each county's share in assistance, the trend, the files.</summary>
/// <param name="Published">False: only staff see this year, each within their scope, and the counts are of what they may see.</param>
public sealed record StateOverview(
    int Year,
    IReadOnlyList<int> Years,
    bool Published,
    int Leas,
    int InAssistance,
    IReadOnlyList<StatusCount> ByStatus,
    IReadOnlyList<MethodCount> ByMethod,
    int CharterSchools,
    int CharterSchoolsInAssistance,
    IReadOnlyList<CountyShare> Counties,
    IReadOnlyList<YearTrend> Trend,
    IReadOnlyList<Download> Downloads,
    string Source,
    IReadOnlyList<string> Warnings);

public sealed class StateOverviewHandler(SosDb db, YearsHandler years, Viewer viewer, DecidedViews views)
{
    private static readonly string Charter = nameof(LeaKind.CharterSchool);

    /// <summary>The shading bands, lowest first, with the share each starts at.</summary>
    public static IReadOnlyList<(int From, string Band)> Bands { get; } = [(0, "0%"), (1, "1–24%"), (25, "25–49%"), (50, "50–74%"), (75, "75–100%")];

    public const string NoLeas = "no LEAs decided";

    public async Task<StateOverview?> Handle(StateQuery query, CancellationToken cancellationToken)
    {
        if (await years.Choose(query.Year, cancellationToken) is not { } choice)
        {
            return null;
        }

        // Every LEA row of the year is counted (and every year's for the trend): once per year and scope until the next import or publish.
        return await views.GetOrCreate((nameof(StateOverview), choice.Year, viewer.ScopeKey), () => Overview(choice, cancellationToken), _ => ViewSize);
    }

    /// <summary>An overview's approximate size in memory: 58 counties, a few years, a few files.</summary>
    private const long ViewSize = 64 * 1024;

    private async Task<StateOverview> Overview(YearChoice choice, CancellationToken cancellationToken)
    {
        var year = await db.Years.Where(y => y.Year == choice.Year).Select(y => new { y.Source, y.Warnings }).SingleAsync(cancellationToken);
        var rows = await viewer.Leas(db).Where(l => l.Year == choice.Year)
            .Select(l => new { l.CountyCode, l.Kind, l.Status, l.InAssistance, l.MetMethods })
            .ToListAsync(cancellationToken);
        var leas = rows.Where(r => r.Kind != Charter).ToList();
        var charters = rows.Where(r => r.Kind == Charter).ToList();
        var byCounty = leas.ToLookup(r => r.CountyCode);
        var counties = Counties.All.Select(c => Share(c, byCounty[c.Code].Count(), byCounty[c.Code].Count(r => r.InAssistance))).ToList();
        var byMethod = leas.SelectMany(r => r.MetMethods.Split(',', StringSplitOptions.RemoveEmptyEntries)).GroupBy(m => m)
            .Select(g => new MethodCount(int.Parse(g.Key, System.Globalization.CultureInfo.InvariantCulture), g.Count())).OrderBy(m => m.Method).ToList();
        var trend = await viewer.Leas(db).Where(l => l.Kind != Charter).GroupBy(l => new { l.Year, l.Status, l.InAssistance })
            .Select(g => new { g.Key.Year, g.Key.Status, g.Key.InAssistance, Leas = g.Count() })
            .ToListAsync(cancellationToken);
        var files = await viewer.Files(db).Where(f => f.Year == choice.Year).Select(f => f.Name).OrderBy(n => n).ToListAsync(cancellationToken);
        return new StateOverview(
            choice.Year,
            choice.Years,
            choice.Published,
            leas.Count,
            leas.Count(r => r.InAssistance),
            [.. leas.GroupBy(r => r.Status).Select(g => new StatusCount(g.Key, g.Count())).OrderBy(s => s.Status, StringComparer.Ordinal)],
            byMethod,
            charters.Count,
            charters.Count(r => r.InAssistance),
            counties,
            [.. trend.GroupBy(t => t.Year).OrderBy(g => g.Key).Select(g => new YearTrend(
                g.Key,
                g.Sum(t => t.Leas),
                g.Where(t => t.InAssistance).Sum(t => t.Leas),
                [.. g.Select(t => new StatusCount(t.Status, t.Leas)).OrderBy(s => s.Status, StringComparer.Ordinal)]))],
            [.. files.Select(f => new Download(f, "/downloads/" + f))],
            year.Source,
            JsonSerializer.Deserialize<string[]>(year.Warnings, FindingsJson.Options) ?? []);
    }

    /// <summary>The county's address segment: its name, lower case, spaces as hyphens (<c>san-luis-obispo</c>).</summary>
    public static string Slug(County county) => county.Name.ToLowerInvariant().Replace(' ', '-');

    private static CountyShare Share(County county, int leas, int inAssistance)
    {
        int? percent = leas == 0 ? null : (int)Math.Round(100.0 * inAssistance / leas, MidpointRounding.AwayFromZero);
        var band = leas == 0 ? NoLeas
            : inAssistance == 0 ? Bands[0].Band
            : Bands.Skip(1).Last(b => b.From == 1 || 100 * inAssistance >= b.From * leas).Band;
        return new CountyShare(county.Code, county.Name, Slug(county), leas, inAssistance, percent, band);
    }
}
