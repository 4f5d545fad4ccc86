using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SystemOfSupport.Web.Storage;

/// <summary>
/// One LEA's assistance work for one term (the Dashboard year it was identified in Differentiated Assistance, Year 1).
/// Every change to the case or anything on it raises <see cref="Version"/>, the concurrency token a client sends back
/// with its change, so an edit made on a stale page is refused rather than lost.
/// </summary>
public sealed class AssistanceCase
{
    public int Id { get; set; }

    public string Cds { get; set; } = string.Empty;

    public string CountyCode { get; set; } = string.Empty;

    public string LeaName { get; set; } = string.Empty;

    /// <summary>The Dashboard year of the identification that opened the term.</summary>
    public int TermYear { get; set; }

    /// <summary>A <see cref="Core.Casework.CaseStep"/> name.</summary>
    public string Step { get; set; } = string.Empty;

    /// <summary>The LEA met Method 4 (CALPADS): the toolkit forms apply.</summary>
    public bool Method4 { get; set; }

    /// <summary>The LEA met EC 52072 (Level 3): Level 3 records apply.</summary>
    public bool Level3 { get; set; }

    public string? RootCauses { get; set; }

    public string? Strategies { get; set; }

    /// <summary>The summary of the assistance work written into the LEA's LCAP.</summary>
    public string? PlanSummary { get; set; }

    /// <summary>The earlier term's case this one continues.</summary>
    public int? ContinuesCaseId { get; set; }

    public DateTime OpenedUtc { get; set; }

    public int Version { get; set; }
}

/// <summary>A dated meeting; <see cref="Participants"/> is a JSON array of <c>{ name, role }</c>.</summary>
public sealed class CaseMeeting
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public DateOnly Date { get; set; }

    public string Purpose { get; set; } = string.Empty;

    public string Participants { get; set; } = "[]";

    public string? Notes { get; set; }
}

/// <summary>Engagement with educational partners (parents, students, staff, bargaining units, tribes, …).</summary>
public sealed class CaseEngagement
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public DateOnly Date { get; set; }

    public string Partners { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;
}

public sealed class CaseNote
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public DateTime WrittenUtc { get; set; }

    public string Author { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;
}

public sealed class CaseTask
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Owner { get; set; } = string.Empty;

    public DateOnly Due { get; set; }

    public bool Done { get; set; }
}

/// <summary>An uploaded file (its bytes, up to the size limit) or a link.</summary>
public sealed class CaseDocument
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? ContentType { get; set; }

    public byte[]? Content { get; set; }

    public string? Link { get; set; }

    public DateTime AddedUtc { get; set; }

    public string AddedBy { get; set; } = string.Empty;
}

/// <summary>A <see cref="Core.Casework.Level3Record"/>.</summary>
public sealed class CaseLevel3Record
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    /// <summary>A <see cref="Core.Casework.Level3Action"/> name.</summary>
    public string Action { get; set; } = string.Empty;

    public DateOnly Date { get; set; }

    public string Decision { get; set; } = string.Empty;
}

/// <summary>One CALPADS toolkit form on a case; <see cref="Fields"/> is a JSON object of field name → value.</summary>
public sealed class CaseToolkitForm
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    /// <summary>A <see cref="Core.Casework.ToolkitForm"/> name.</summary>
    public string Form { get; set; } = string.Empty;

    public string Fields { get; set; } = "{}";

    public DateTime SavedUtc { get; set; }
}

/// <summary>One change to a case: who, when, what, and the record before and after as JSON (null when created or deleted).</summary>
public sealed class CaseAuditEntry
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    /// <summary>The case's version this change produced.</summary>
    public int Version { get; set; }

    public DateTime AtUtc { get; set; }

    public string Who { get; set; } = string.Empty;

    public string Entity { get; set; } = string.Empty;

    public int? EntityId { get; set; }

    public string Action { get; set; } = string.Empty;

    public string? Before { get; set; }

    public string? After { get; set; }
}

internal sealed class AssistanceCaseConfiguration : IEntityTypeConfiguration<AssistanceCase>
{
    public void Configure(EntityTypeBuilder<AssistanceCase> e)
    {
        e.ToTable("Cases");
        e.Property(c => c.Cds).HasMaxLength(14).IsRequired();
        e.Property(c => c.CountyCode).HasMaxLength(2).IsRequired();
        e.Property(c => c.LeaName).IsRequired();
        e.Property(c => c.Step).HasMaxLength(30).IsRequired();
        e.Property(c => c.Version).IsConcurrencyToken();
        e.HasIndex(c => new { c.Cds, c.TermYear }).IsUnique();
        e.HasIndex(c => c.CountyCode);
    }
}

internal sealed class CaseMeetingConfiguration : IEntityTypeConfiguration<CaseMeeting>
{
    public void Configure(EntityTypeBuilder<CaseMeeting> e)
    {
        e.ToTable("CaseMeetings");
        e.Property(m => m.Purpose).IsRequired();
        e.Property(m => m.Participants).IsRequired();
        e.HasOne<AssistanceCase>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseEngagementConfiguration : IEntityTypeConfiguration<CaseEngagement>
{
    public void Configure(EntityTypeBuilder<CaseEngagement> e)
    {
        e.ToTable("CaseEngagements");
        e.Property(m => m.Partners).IsRequired();
        e.Property(m => m.Summary).IsRequired();
        e.HasOne<AssistanceCase>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> e)
    {
        e.ToTable("CaseNotes");
        e.Property(n => n.Author).IsRequired();
        e.Property(n => n.Text).IsRequired();
        e.HasOne<AssistanceCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseTaskConfiguration : IEntityTypeConfiguration<CaseTask>
{
    public void Configure(EntityTypeBuilder<CaseTask> e)
    {
        e.ToTable("CaseTasks");
        e.Property(t => t.Title).IsRequired();
        e.Property(t => t.Owner).IsRequired();
        e.HasOne<AssistanceCase>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> e)
    {
        e.ToTable("CaseDocuments");
        e.Property(d => d.Name).HasMaxLength(200).IsRequired();
        e.Property(d => d.ContentType).HasMaxLength(100);
        e.Property(d => d.AddedBy).IsRequired();
        e.HasOne<AssistanceCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseLevel3RecordConfiguration : IEntityTypeConfiguration<CaseLevel3Record>
{
    public void Configure(EntityTypeBuilder<CaseLevel3Record> e)
    {
        e.ToTable("CaseLevel3Records");
        e.Property(r => r.Action).HasMaxLength(30).IsRequired();
        e.Property(r => r.Decision).IsRequired();
        e.HasOne<AssistanceCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseToolkitFormConfiguration : IEntityTypeConfiguration<CaseToolkitForm>
{
    public void Configure(EntityTypeBuilder<CaseToolkitForm> e)
    {
        e.ToTable("CaseToolkitForms");
        e.Property(f => f.Form).HasMaxLength(40).IsRequired();
        e.Property(f => f.Fields).IsRequired();
        e.HasIndex(f => new { f.CaseId, f.Form }).IsUnique();
        e.HasOne<AssistanceCase>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseAuditEntryConfiguration : IEntityTypeConfiguration<CaseAuditEntry>
{
    public void Configure(EntityTypeBuilder<CaseAuditEntry> e)
    {
        e.ToTable("CaseAuditEntries");
        e.Property(a => a.Who).IsRequired();
        e.Property(a => a.Entity).HasMaxLength(40).IsRequired();
        e.Property(a => a.Action).IsRequired();
        e.HasIndex(a => new { a.CaseId, a.Version });
        e.HasOne<AssistanceCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
