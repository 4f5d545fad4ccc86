using SystemOfSupport.Web.Features.Accounts;

namespace SystemOfSupport.Web.Features.Resources;

/// <summary>The hub under <c>/api/resources</c>: everyone reads, state staff create and change (a retired entry is changed, not deleted).</summary>
public static class ResourceApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/resources").WithTags("Resources");
        api.MapGet("/", async (string? q, int? priority, string? group, string? indicator, string? audience, int? level, bool? retired, ResourceHubHandler hub, CancellationToken ct) =>
                await hub.Search(new ResourceSearch(q, priority, group, indicator, audience, level, retired ?? false), ct) is var list && list.Errors.Count > 0 ? Results.BadRequest(list) : Results.Ok(list))
            .WithName("Resources").WithSummary("Search the resource hub: words in the name or summary (q), priority 1–10, group code, indicator, audience, level; retired=true includes retired entries. 400 names a bad filter.")
            .Produces<ResourceList>().Produces<ResourceList>(StatusCodes.Status400BadRequest);
        api.MapGet("/{id}", async (string id, ResourceHubHandler hub, CancellationToken ct) => await hub.Find(id, ct) is { } r ? Results.Ok(r) : Results.NotFound())
            .WithName("Resource").WithSummary("One hub entry with its tags as codes, its version and who changed it last.")
            .Produces<ResourceView>().Produces(StatusCodes.Status404NotFound);
        api.MapGet("/for/{cds}", async (string cds, int? year, ResourceHubHandler hub, CancellationToken ct) =>
                await hub.ForLea(new LeaResourcesQuery(cds, year), ct) is { } r ? Results.Ok(r) : Results.NotFound())
            .WithName("LeaResources").WithSummary("The hub's resources ranked for an LEA's decision (group and priority first, then priority, then group, then support for all), each with why; 404 when the LEA is not visible to you.")
            .Produces<LeaResources>().Produces(StatusCodes.Status404NotFound);
        api.MapPost("/", async (SaveResource command, SaveResourceHandler save, CancellationToken ct) =>
                Result(await save.Handle(command with { Version = null }, ct)))
            .WithName("CreateResource").WithSummary("Add a hub entry (state staff): 201, or 422 with what is wrong.")
            .Produces<ResourceView>(StatusCodes.Status201Created).Produces<SaveResult>(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Roles.StateStaffPolicy);
        api.MapPut("/{id}", async (string id, SaveResource command, SaveResourceHandler save, CancellationToken ct) =>
                command.Version is null
                    ? Results.UnprocessableEntity(new SaveResult(SaveOutcome.Invalid, null, ["version: the version being changed is required"]))
                    : Result(await save.Handle(command with { Id = id }, ct)))
            .WithName("SaveResource").WithSummary("Change or retire a hub entry (state staff), naming the version it was read at: 200; 409 when someone saved it since; 404; 422 with what is wrong.")
            .Produces<ResourceView>().Produces<SaveResult>(StatusCodes.Status409Conflict).Produces(StatusCodes.Status404NotFound).Produces<SaveResult>(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Roles.StateStaffPolicy);
    }

    private static IResult Result(SaveResult result) => result.Outcome switch
    {
        SaveOutcome.Created => Results.Created($"/api/resources/{result.Resource!.Id}", result.Resource),
        SaveOutcome.Saved => Results.Ok(result.Resource),
        SaveOutcome.NotFound => Results.NotFound(),
        SaveOutcome.Conflict => Results.Conflict(result),
        _ => Results.UnprocessableEntity(result),
    };
}
