using System.Text.Json;
using System.Text.Json.Serialization;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Resources;

/// <summary>
/// Reads the hub's catalogue (<c>data/resources/catalogue.json</c>): an array of entries whose tags are written as the
/// product writes them — priorities by number, groups by their Dashboard codes (<c>FOS</c>), indicators by file stem
/// (<c>chronic</c>), audiences and kinds by name, levels 1–3. A bad entry is an error naming the file, line and column.
/// </summary>
public static class ResourceCatalogue
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IReadOnlyList<Resource> Parse(string json, string file)
    {
        var document = ParseDocument(json, file);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InputFileException(file, 1, 1, "the catalogue must be a JSON array of resources");
        }

        var resources = new List<Resource>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var searchFrom = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var (line, column) = Position(json, element, ref searchFrom);
            var entry = Deserialize(element, file, line, column);
            var resource = ToResource(entry, (field, message) => new InputFileException(file, line, column, $"{entry.Id ?? "entry"}: {field}: {message}"));
            if (!ids.Add(resource.Id))
            {
                throw new InputFileException(file, line, column, $"id '{resource.Id}' appears twice");
            }

            resources.Add(resource);
        }

        return resources;
    }

    /// <summary>Builds a resource from tag codes (the catalogue's and the edit form's spelling); <paramref name="error"/> makes the exception for a bad field.</summary>
    public static Resource ToResource(ResourceEntry entry, Func<string, string, Exception> error)
    {
        static bool IsSlug(string id) => id.Length is > 0 and <= 60 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

        if (entry.Id is not { } id || !IsSlug(id))
        {
            throw error("id", "needs lower-case letters, digits and dashes (at most 60)");
        }

        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            throw error("name", "is required");
        }

        if (string.IsNullOrWhiteSpace(entry.Summary))
        {
            throw error("summary", "is required");
        }

        if (!Enum.TryParse<ResourceKind>(entry.Kind, ignoreCase: true, out var kind) || int.TryParse(entry.Kind, out _))
        {
            throw error("kind", $"'{entry.Kind}' is not one of {string.Join(", ", Enum.GetNames<ResourceKind>())}");
        }

        if (entry.Url is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            throw error("url", $"'{url}' is not an http(s) address");
        }

        var levels = entry.Levels ?? [];
        if (levels.Count == 0 || levels.Any(l => l is < 1 or > 3))
        {
            throw error("levels", "needs one or more of 1, 2, 3");
        }

        return new Resource(
            id,
            entry.Name.Trim(),
            kind,
            entry.Summary.Trim(),
            entry.Url,
            Codes(entry.Priorities ?? [], "priorities", error, (int n, out PriorityArea p) => PriorityAreas.TryFromNumber(n, out p), "1–10"),
            Codes(entry.Groups ?? [], "groups", error, (string c, out StudentGroup g) => StudentGroups.TryParse(c, out g) && g.IsAccountabilityGroup(), "a student group code (EL, FOS, SWD, …)"),
            Codes(entry.Indicators ?? [], "indicators", error, (string c, out Indicator i) => Indicators.TryParse(c, out i), "an indicator (ela, math, elpi, chronic, grad, susp, cci, science)"),
            Codes(entry.Audiences ?? [], "audiences", error, (string c, out Audience a) => Enum.TryParse(c, ignoreCase: true, out a) && !int.TryParse(c, out _), string.Join(", ", Enum.GetNames<Audience>())),
            [.. levels.Distinct().Order()])
        {
            Retired = entry.Retired,
        };
    }

    /// <summary>The entry as the catalogue file spells it (the inverse of <see cref="ToResource"/>).</summary>
    public static ResourceEntry ToEntry(Resource r) => new(
        r.Id,
        r.Name,
        r.Kind.ToString(),
        r.Summary,
        r.Url,
        [.. r.Priorities.Select(p => p.Number())],
        [.. r.Groups.Select(g => g.ToString())],
        [.. r.Indicators.Select(i => i.FileStem())],
        [.. r.Audiences.Select(a => a.ToString())],
        r.Levels,
        r.Retired);

    private delegate bool TryParse<TIn, TOut>(TIn code, out TOut value);

    private static List<TOut> Codes<TIn, TOut>(IReadOnlyList<TIn> codes, string field, Func<string, string, Exception> error, TryParse<TIn, TOut> parse, string expected)
    {
        var values = new List<TOut>();
        foreach (var code in codes)
        {
            if (!parse(code, out var value))
            {
                throw error(field, $"'{code}' is not {expected}");
            }

            if (!values.Contains(value))
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static JsonDocument ParseDocument(string json, string file)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InputFileException(file, (int?)ex.LineNumber + 1, (int?)ex.BytePositionInLine + 1, ex.Message);
        }
    }

    private static ResourceEntry Deserialize(JsonElement element, string file, int line, int column)
    {
        try
        {
            return element.Deserialize<ResourceEntry>(Options) ?? throw new InputFileException(file, line, column, "an entry is null");
        }
        catch (JsonException ex)
        {
            throw new InputFileException(file, line, column, $"{ex.Path}: {ex.Message}");
        }
    }

    // JsonElement keeps no position: find the entry's opening brace by its raw text, from where the previous one ended.
    private static (int Line, int Column) Position(string json, JsonElement element, ref int searchFrom)
    {
        var raw = element.GetRawText();
        var at = json.IndexOf(raw, searchFrom, StringComparison.Ordinal);
        if (at < 0)
        {
            return (1, 1);
        }

        searchFrom = at + raw.Length;
        var before = json.AsSpan(0, at);
        var line = before.Count('\n') + 1;
        return (line, at - before.LastIndexOf('\n'));
    }
}

/// <summary>A catalogue entry as written: tag codes as strings and numbers (see <see cref="ResourceCatalogue"/>).</summary>
public sealed record ResourceEntry(
    string? Id,
    string? Name,
    string? Kind,
    string? Summary,
    string? Url,
    IReadOnlyList<int>? Priorities,
    IReadOnlyList<string>? Groups,
    IReadOnlyList<string>? Indicators,
    IReadOnlyList<string>? Audiences,
    IReadOnlyList<int>? Levels,
    bool Retired = false);
