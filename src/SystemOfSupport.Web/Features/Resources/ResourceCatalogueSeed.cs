using Microsoft.EntityFrameworkCore;
using SystemOfSupport.Core.Resources;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Resources;

/// <summary>The shipped catalogue (<c>data/resources/catalogue.json</c>, embedded), stored on the first start; after that state staff own it.</summary>
public static class ResourceCatalogueSeed
{
    public const string FileName = "catalogue.json";

    public static IReadOnlyList<Resource> Shipped()
    {
        using var stream = typeof(ResourceCatalogueSeed).Assembly.GetManifestResourceStream("resources/" + FileName)
            ?? throw new InvalidOperationException("the resource catalogue is not embedded");
        using var reader = new StreamReader(stream);
        return ResourceCatalogue.Parse(reader.ReadToEnd(), "data/resources/" + FileName);
    }

    /// <summary>Stores the shipped catalogue when the hub is empty; returns how many entries it stored.</summary>
    public static async Task<int> SeedIfEmptyAsync(IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SosDb>();
        var hub = db.Set<HubResource>();
        if (await hub.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var resource in Shipped())
        {
            var row = new HubResource { UpdatedUtc = now, Version = 1 };
            row.Set(resource);
            hub.Add(row);
        }

        return await db.SaveChangesAsync(cancellationToken);
    }
}
