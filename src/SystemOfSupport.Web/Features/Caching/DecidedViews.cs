using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace SystemOfSupport.Web.Features.Caching;

/// <summary>
/// What the state, county and LEA handlers compute from the stored decisions (per-year totals, a county's table, an LEA's
/// deserialized findings), kept in memory until a year is imported or published (<see cref="PublicViews.Changed"/>).
/// Keys carry the viewer's scope where the view depends on it (<see cref="Accounts.Viewer.ScopeKey"/>), so signed-in staff,
/// whom the output cache never serves, do not recompute them on every request.
/// </summary>
public sealed class DecidedViews : IDisposable
{
    /// <summary>The sum of the entries' approximate sizes in bytes the cache holds before it evicts.</summary>
    public const long SizeLimit = 256L * 1024 * 1024;

    /// <summary>
    /// How long a view is kept at most, here and in the output cache: an import or publish through this app drops them at
    /// once, but one made by another process on the same store (<c>sos import</c>, <c>sos restore</c>, a second server)
    /// is seen within this time.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = SizeLimit });
    private CancellationTokenSource generation = new();

    /// <summary>
    /// The view under <paramref name="key"/>, created when missing. A view created while the stored years changed is
    /// returned but not kept: it is tied to the generation it started in, which <see cref="Changed"/> ends.
    /// </summary>
    /// <param name="size">Its approximate size in bytes, against <see cref="SizeLimit"/>.</param>
    public async Task<T> GetOrCreate<T>(object key, Func<Task<T>> create, Func<T, long> size)
    {
        if (cache.TryGetValue(key, out var found) && found is T view)
        {
            return view;
        }

        var started = Volatile.Read(ref generation).Token;
        var created = await create();
        if (created is not null)
        {
            using var entry = cache.CreateEntry(key);
            entry.Value = created;
            entry.Size = Math.Max(1, size(created));
            entry.AddExpirationToken(new CancellationChangeToken(started));
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
        }

        return created;
    }

    /// <summary>Ends the current generation: every view kept so far is dropped.</summary>
    public void Changed()
    {
        // Not disposed: a view being created may still read the ended generation's token.
        Interlocked.Exchange(ref generation, new CancellationTokenSource()).Cancel();
    }

    public void Dispose()
    {
        generation.Dispose();
        cache.Dispose();
    }
}
