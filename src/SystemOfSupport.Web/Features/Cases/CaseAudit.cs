using System.Text.Encodings.Web;
using System.Text.Json;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Cases;

/// <summary>The audit entries every change to a case writes: the record before and after, as JSON.</summary>
public static class CaseAudit
{
    // Relaxed: the trail is read by people (and HTML-encoded where shown), so apostrophes and dashes stay as written.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A record as the audit keeps it: a document's bytes are kept as their size.</summary>
    public static string Json(object record) => record switch
    {
        CaseDocument d => JsonSerializer.Serialize(new { d.Id, d.CaseId, d.Name, d.ContentType, Bytes = d.Content?.Length, d.Link, d.AddedUtc, d.AddedBy }, Options),
        _ => JsonSerializer.Serialize(record, record.GetType(), Options),
    };

    public static CaseAuditEntry Entry(AssistanceCase c, DateTime now, string who, string entity, int? entityId, string action, string? before, string? after) => new()
    {
        CaseId = c.Id,
        Version = c.Version,
        AtUtc = now,
        Who = who,
        Entity = entity,
        EntityId = entityId,
        Action = action,
        Before = before,
        After = after,
    };
}
