using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SystemOfSupport.Web.Storage;

/// <summary>
/// The decided years: one row per year, one per district, county office or charter school decided that year (its
/// findings as JSON beside the columns the pages filter on), and the year's output files as written by <c>sos determine</c>;
/// and the accounts (ASP.NET Core Identity's tables).
/// </summary>
public sealed class SosDb(DbContextOptions<SosDb> options) : IdentityDbContext(options)
{
    public DbSet<DecidedYear> Years => Set<DecidedYear>();

    public DbSet<LeaDecision> Leas => Set<LeaDecision>();

    public DbSet<OutputFile> Files => Set<OutputFile>();

    /// <remarks>
    /// A change here, or in a feature's own <see cref="IEntityTypeConfiguration{TEntity}"/> (applied from this assembly),
    /// needs a migration (Storage/Migrations): the tests fail on a model the snapshot does not match.
    /// </remarks>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SosDb).Assembly);
        builder.Entity<DecidedYear>(e =>
        {
            e.ToTable("DecidedYears");
            e.HasKey(y => y.Year);
            e.Property(y => y.Year).ValueGeneratedNever();
            e.Property(y => y.Source).IsRequired();
            e.Property(y => y.Summary).IsRequired();
            e.Property(y => y.Warnings).IsRequired();
        });
        builder.Entity<LeaDecision>(e =>
        {
            e.ToTable("LeaDecisions");
            e.HasKey(l => new { l.Year, l.Cds });
            e.Property(l => l.Cds).HasMaxLength(14);
            e.Property(l => l.CountyCode).HasMaxLength(2).IsRequired();
            e.Property(l => l.Name).IsRequired();
            e.Property(l => l.Kind).HasMaxLength(20).IsRequired();
            e.Property(l => l.Status).HasMaxLength(60).IsRequired();
            e.Property(l => l.MetMethods).HasMaxLength(20).IsRequired();
            e.Property(l => l.Letters).IsRequired();
            e.Property(l => l.Findings).IsRequired();
            e.HasIndex(l => new { l.Year, l.CountyCode });
            e.HasIndex(l => new { l.Year, l.Status });
            e.HasIndex(l => l.Cds);
        });
        builder.Entity<OutputFile>(e =>
        {
            e.ToTable("OutputFiles");
            e.HasKey(f => f.Name);
            e.Property(f => f.Name).HasMaxLength(100);
            e.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
            e.Property(f => f.Content).IsRequired();
            e.HasIndex(f => f.Year);
        });
    }
}

/// <summary>A Dashboard year whose decisions are stored: where they came from, the counts, and the run's warnings.</summary>
public sealed class DecidedYear
{
    public int Year { get; set; }

    public DateTime ImportedUtc { get; set; }

    /// <summary>Shown to the public; an unpublished year only to staff, each within their scope (<see cref="Features.Accounts.Viewer"/>).</summary>
    public bool Published { get; set; }

    /// <summary>The files read, in words.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>The run's <see cref="Formats.Runs.RunSummary"/> as JSON.</summary>
    public string Summary { get; set; } = string.Empty;

    /// <summary>The run's warnings, a JSON array of strings.</summary>
    public string Warnings { get; set; } = string.Empty;
}

/// <summary>One district's, county office's or charter school's decision for one year.</summary>
public sealed class LeaDecision
{
    public int Year { get; set; }

    public string Cds { get; set; } = string.Empty;

    public string CountyCode { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>A <see cref="Core.Domain.LeaKind"/> name.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The status as the state's files word it (<c>Differentiated Assistance, Year 1</c>).</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>Any differentiated status, Year 2 carry-over included.</summary>
    public bool InAssistance { get; set; }

    /// <summary>The methods met, by number, comma-separated (<c>1,3</c>); empty when none.</summary>
    public string MetMethods { get; set; } = string.Empty;

    /// <summary>The groups with a letter, as <c>sos determine</c> prints them (<c>EL=B SWD=A</c>).</summary>
    public string Letters { get; set; } = string.Empty;

    /// <summary>EC 52072 (Level 3): null when undecided or not applicable (charter schools).</summary>
    public bool? Level3 { get; set; }

    public string? Provider { get; set; }

    /// <summary>The LEA's entry of <c>findingsYY.json</c>: a <see cref="Core.Determinations.Determination"/>, or a <see cref="Core.Determinations.CharterDetermination"/>.</summary>
    public string Findings { get; set; } = string.Empty;
}

/// <summary>A file a year's run wrote (<c>assistancestatus24.xlsx</c>, …), kept byte for byte for download.</summary>
public sealed class OutputFile
{
    public string Name { get; set; } = string.Empty;

    public int Year { get; set; }

    public string ContentType { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];
}
