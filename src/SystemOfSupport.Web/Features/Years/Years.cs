using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Caching;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Years;

/// <summary>The Dashboard years the viewer may see, newest first, the latest, and which of them are not published yet.</summary>
public sealed record YearList(IReadOnlyList<int> Years, int? Latest, IReadOnlyList<int> Unpublished);

/// <summary>The year a page shows: the one asked for (<c>?year=</c>) or the latest, with every visible year for the picker.</summary>
public sealed record YearChoice(int Year, IReadOnlyList<int> Years, bool Published);

public sealed class YearsHandler(SosDb db, Viewer viewer, DecidedViews views)
{
    /// <summary>Every page asks first which years there are: kept per scope until the next import or publish.</summary>
    public Task<YearList> All(CancellationToken cancellationToken) => views.GetOrCreate(
        (nameof(YearList), viewer.ScopeKey),
        async () =>
        {
            var years = await viewer.Years(db).OrderByDescending(y => y.Year).Select(y => new { y.Year, y.Published }).ToListAsync(cancellationToken);
            return new YearList([.. years.Select(y => y.Year)], years.Count > 0 ? years[0].Year : null, [.. years.Where(y => !y.Published).Select(y => y.Year)]);
        },
        _ => 256);

    /// <summary>Null when <paramref name="year"/> is not stored, or not visible to the viewer, or nothing is.</summary>
    public async Task<YearChoice?> Choose(int? year, CancellationToken cancellationToken)
    {
        var all = await All(cancellationToken);
        return (year ?? all.Latest) is int chosen && all.Years.Contains(chosen) ? new YearChoice(chosen, all.Years, !all.Unpublished.Contains(chosen)) : null;
    }
}

/// <summary>Make a stored year public (state staff).</summary>
public sealed record PublishYear(int Year);

public sealed class PublishYearHandler(SosDb db, IOutputCacheStore cache, DecidedViews views)
{
    /// <summary>False when the year is not stored.</summary>
    public async Task<bool> Handle(PublishYear command, CancellationToken cancellationToken)
    {
        var published = await db.Years.Where(y => y.Year == command.Year).ExecuteUpdateAsync(s => s.SetProperty(y => y.Published, true), cancellationToken) == 1;
        await PublicViews.Changed(cache, views, cancellationToken);
        return published;
    }
}
