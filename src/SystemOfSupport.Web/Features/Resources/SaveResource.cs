using Microsoft.EntityFrameworkCore;
using SystemOfSupport.Core.Resources;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Resources;

/// <summary>
/// Creates (no <see cref="Version"/>) or changes a hub entry; <see cref="Retired"/> withdraws it from the hub and from
/// LEAs' matches without deleting it. Tags in the catalogue's spelling.
/// </summary>
/// <param name="Version">The version the edit started from: a save over a newer one is refused, not lost.</param>
public sealed record SaveResource(
    string Id,
    string Name,
    string Kind,
    string Summary,
    string? Url,
    IReadOnlyList<int>? Priorities,
    IReadOnlyList<string>? Groups,
    IReadOnlyList<string>? Indicators,
    IReadOnlyList<string>? Audiences,
    IReadOnlyList<int>? Levels,
    bool Retired,
    int? Version);

public enum SaveOutcome
{
    Created,
    Saved,
    NotFound,
    /// <summary>Someone else saved the entry since the edit began.</summary>
    Conflict,
    Invalid,
}

public sealed record SaveResult(SaveOutcome Outcome, ResourceView? Resource, IReadOnlyList<string> Errors);

/// <summary>State staff edit the catalogue (the page and the API check the role; this checks it again).</summary>
public sealed class SaveResourceHandler(SosDb db, Viewer viewer, TimeProvider clock)
{
    public async Task<SaveResult> Handle(SaveResource command, CancellationToken cancellationToken)
    {
        if (!viewer.IsState)
        {
            throw new UnauthorizedAccessException("only state staff edit the resource hub");
        }

        Resource resource;
        try
        {
            resource = ResourceCatalogue.ToResource(
                new ResourceEntry(command.Id?.Trim(), command.Name, command.Kind, command.Summary, string.IsNullOrWhiteSpace(command.Url) ? null : command.Url.Trim(),
                    command.Priorities, command.Groups, command.Indicators, command.Audiences, command.Levels, command.Retired),
                (field, message) => new ArgumentException($"{field}: {message}"));
        }
        catch (ArgumentException ex)
        {
            return new SaveResult(SaveOutcome.Invalid, null, [ex.Message]);
        }

        var hub = db.Set<HubResource>();
        var row = await hub.SingleOrDefaultAsync(r => r.Id == resource.Id, cancellationToken);
        var outcome = SaveOutcome.Saved;
        if (command.Version is not int version)
        {
            if (row is not null)
            {
                return new SaveResult(SaveOutcome.Invalid, ResourceView.Of(row), [$"id: '{resource.Id}' is taken"]);
            }

            row = new HubResource { Version = 0 };
            hub.Add(row);
            outcome = SaveOutcome.Created;
        }
        else if (row is null)
        {
            return new SaveResult(SaveOutcome.NotFound, null, [$"no resource '{resource.Id}'"]);
        }
        else
        {
            // The version the editor saw is the original value: the UPDATE matches no row if another save came first.
            db.Entry(row).Property(r => r.Version).OriginalValue = version;
        }

        row.Set(resource);
        row.Version++;
        row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = viewer.Name;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await hub.AsNoTracking().SingleOrDefaultAsync(r => r.Id == resource.Id, cancellationToken);
            return new SaveResult(SaveOutcome.Conflict, current is null ? null : ResourceView.Of(current),
                [$"'{resource.Name}' was changed by {current?.UpdatedBy ?? "someone else"} since you opened it (now version {current?.Version}): reload and edit again"]);
        }

        return new SaveResult(outcome, ResourceView.Of(row), []);
    }
}
