using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Providers;
using SystemOfSupport.Formats.LeaDirectories;

namespace SystemOfSupport.Web.Storage;

/// <summary>One LEA of the directory imported with a Dashboard year (the import folder's <c>directory/</c> CSV).</summary>
public sealed class StoredDirectoryEntry
{
    /// <summary>The Dashboard year it was imported with.</summary>
    public int Year { get; set; }

    public string Cds { get; set; } = string.Empty;

    public string CountyCode { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? City { get; set; }

    public string? GradeSpan { get; set; }

    public decimal Ada { get; set; }

    public string? CharterAuthorizer { get; set; }

    /// <summary>The line of the directory file it was read from: funding's bases cite it, as <c>sos funding</c>'s do.</summary>
    public int Line { get; set; }

    public static StoredDirectoryEntry Of(int year, LeaDirectoryEntry e) => new()
    {
        Year = year,
        Cds = e.Cds.Value,
        CountyCode = e.Cds.CountyCode,
        Name = e.Name,
        City = e.City,
        GradeSpan = e.GradeSpan,
        Ada = e.Ada,
        CharterAuthorizer = e.CharterAuthorizer?.Value,
        Line = e.Source.Line,
    };

    /// <summary>Back to the reader's entry; its source names the stored year and the file's line.</summary>
    public LeaDirectoryEntry ToEntry() => new(
        CdsCode.Parse(Cds),
        Name,
        City,
        Counties.Of(CdsCode.Parse(Cds)),
        GradeSpan,
        Ada,
        CharterAuthorizer is null ? null : CdsCode.Parse(CharterAuthorizer),
        new SourceRef($"LEA directory stored with {Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}", Line));
}

/// <summary>One CALPADS certification record imported with a Dashboard year (the import folder's <c>certifications/</c> CSV).</summary>
public sealed class StoredCertification
{
    /// <summary>The Dashboard year it was imported with.</summary>
    public int Year { get; set; }

    public string Cds { get; set; } = string.Empty;

    public string CountyCode { get; set; } = string.Empty;

    /// <summary>As the files write it: <c>2024-25</c>.</summary>
    public string SchoolYear { get; set; } = string.Empty;

    /// <summary>A <see cref="CalpadsSubmission"/> code (<c>Fall1</c>, <c>EOY3</c>).</summary>
    public string Submission { get; set; } = string.Empty;

    public DateOnly? CertifiedOn { get; set; }

    public DateOnly? AmendedOn { get; set; }

    public bool DataQualityIssue { get; set; }

    public static StoredCertification Of(int year, CertificationRecord r) => new()
    {
        Year = year,
        Cds = r.Cds.Value,
        CountyCode = r.Cds.CountyCode,
        SchoolYear = r.SchoolYear.Label,
        Submission = r.Submission.Code(),
        CertifiedOn = r.CertifiedOn,
        AmendedOn = r.AmendedOn,
        DataQualityIssue = r.DataQualityIssue,
    };

    public CertificationRecord ToRecord() => new(
        CdsCode.Parse(Cds),
        Core.Calpads.SchoolYear.Parse(SchoolYear),
        CalpadsSubmissions.TryParse(Submission, out var submission) ? submission : throw new InvalidOperationException($"stored submission '{Submission}' is unknown"),
        CertifiedOn,
        AmendedOn,
        DataQualityIssue);
}

internal sealed class StoredDirectoryEntryConfiguration : IEntityTypeConfiguration<StoredDirectoryEntry>
{
    public void Configure(EntityTypeBuilder<StoredDirectoryEntry> e)
    {
        e.ToTable("LeaDirectoryEntries");
        e.HasKey(d => new { d.Year, d.Cds });
        e.Property(d => d.Cds).HasMaxLength(14);
        e.Property(d => d.CountyCode).HasMaxLength(2).IsRequired();
        e.Property(d => d.Name).IsRequired();
        e.Property(d => d.CharterAuthorizer).HasMaxLength(14);
    }
}

internal sealed class StoredCertificationConfiguration : IEntityTypeConfiguration<StoredCertification>
{
    public void Configure(EntityTypeBuilder<StoredCertification> e)
    {
        e.ToTable("CalpadsCertifications");
        e.HasKey(c => new { c.Year, c.Cds, c.SchoolYear, c.Submission });
        e.Property(c => c.Cds).HasMaxLength(14);
        e.Property(c => c.CountyCode).HasMaxLength(2).IsRequired();
        e.Property(c => c.SchoolYear).HasMaxLength(7);
        e.Property(c => c.Submission).HasMaxLength(10);
        e.HasIndex(c => new { c.SchoolYear, c.CountyCode });
    }
}
