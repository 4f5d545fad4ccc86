using Microsoft.AspNetCore.OutputCaching;

namespace SystemOfSupport.Web.Features.Caching;

/// <summary>
/// The public's views (the state, county and LEA pages and the read API, for requests without an account) are the
/// same for everyone and change only when a year is imported or published, so they are kept in the output cache
/// until then. Signed-in staff are never served from it (their views depend on their scope), and pages with
/// forms that carry antiforgery tokens are never cached; their handlers keep what they compute in <see cref="DecidedViews"/>.
/// </summary>
public static class PublicViews
{
    public const string Tag = "sos-decisions";

    private static readonly string[] Paths = ["/counties", "/leas", "/api/years", "/api/state", "/api/counties", "/api/leas"];

    public static IServiceCollection AddPublicViewCache(this IServiceCollection services) => services
        .AddSingleton<DecidedViews>()
        .AddOutputCache(o =>
        {
            o.AddBasePolicy(b => b.With(c => IsPublicView(c.HttpContext.Request.Path)).Cache().Tag(Tag).Expire(DecidedViews.Lifetime));
            // Decided years are a few MB of pages at most per year; the default 100 MB bounds it.
        });

    /// <summary>Drops every cached view, the public's pages and the handlers' views: a year was imported or published.</summary>
    public static async ValueTask Changed(IOutputCacheStore cache, DecidedViews views, CancellationToken cancellationToken)
    {
        views.Changed();
        await cache.EvictByTagAsync(Tag, cancellationToken);
    }

    private static bool IsPublicView(PathString path) =>
        path == "/" || Paths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
