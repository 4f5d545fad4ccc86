using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SystemOfSupport.Core.Resources;

namespace SystemOfSupport.Web.Features.Resources;

/// <summary>
/// A resource hub entry as stored: the tags as space-separated codes in the catalogue's spelling (the hub is a few
/// dozen rows, filtered in memory), who changed it last, and a version that detects a concurrent edit.
/// </summary>
public sealed class HubResource
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;

    public string? Url { get; set; }

    public string Priorities { get; set; } = string.Empty;

    public string Groups { get; set; } = string.Empty;

    public string Indicators { get; set; } = string.Empty;

    public string Audiences { get; set; } = string.Empty;

    public string Levels { get; set; } = string.Empty;

    public bool Retired { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>The account that last changed it; null for the shipped catalogue.</summary>
    public string? UpdatedBy { get; set; }

    /// <summary>Raised by every save; a save that names an older version is refused (someone else saved in between).</summary>
    public int Version { get; set; }

    public Resource ToResource() => ResourceCatalogue.ToResource(
        new ResourceEntry(Id, Name, Kind, Summary, Url, [.. Split(Priorities).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))], Split(Groups), Split(Indicators), Split(Audiences),
            [.. Split(Levels).Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture))], Retired),
        (field, message) => new InvalidOperationException($"stored resource {Id}: {field}: {message}"));

    /// <summary>Copies a checked resource's fields in.</summary>
    public void Set(Resource r)
    {
        var entry = ResourceCatalogue.ToEntry(r);
        Id = r.Id;
        Name = r.Name;
        Kind = entry.Kind!;
        Summary = r.Summary;
        Url = r.Url;
        Priorities = Join(entry.Priorities!.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Groups = Join(entry.Groups!);
        Indicators = Join(entry.Indicators!);
        Audiences = Join(entry.Audiences!);
        Levels = Join(entry.Levels!.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Retired = r.Retired;
    }

    private static string[] Split(string codes) => codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Join(IEnumerable<string> codes) => string.Join(' ', codes);
}

public sealed class HubResourceConfiguration : IEntityTypeConfiguration<HubResource>
{
    public void Configure(EntityTypeBuilder<HubResource> builder)
    {
        builder.ToTable("HubResources");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(60);
        builder.Property(r => r.Name).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Kind).HasMaxLength(30).IsRequired();
        builder.Property(r => r.Summary).IsRequired();
        builder.Property(r => r.Url).HasMaxLength(500);
        builder.Property(r => r.Priorities).HasMaxLength(40).IsRequired();
        builder.Property(r => r.Groups).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Indicators).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Audiences).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Levels).HasMaxLength(10).IsRequired();
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}
