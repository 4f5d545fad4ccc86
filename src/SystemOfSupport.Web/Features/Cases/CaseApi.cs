using SystemOfSupport.Core.Casework;

namespace SystemOfSupport.Web.Features.Cases;

public sealed record CaseChanged(int Version, int? EntityId);

/// <summary>A 409's body: the case's version now and the changes made since the version sent.</summary>
public sealed record CaseConflict(int Version, string Message, IReadOnlyList<AuditView> ChangesSince);

/// <summary>The casework API under <c>/api/cases</c> (any signed-in account, each within its scope), and document downloads.</summary>
public static class CaseApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").RequireAuthorization().WithTags("Cases")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        cases.MapGet("/", (string? county, CaseStep? step, int? year, string? lea, CasesHandler handler, CancellationToken ct) =>
                handler.List(new CaseFilter(county, step, year, lea), ct))
            .WithName("Cases").WithSummary("The cases you may see, filtered by county (name or code), step, term year or LEA (CDS).");
        cases.MapGet("/{id:int}", async (int id, CasesHandler handler, CancellationToken ct) => await handler.Get(id, ct) is { } view ? Results.Ok(view) : Results.NotFound())
            .WithName("Case").WithSummary("One case: its step and the next steps allowed or refused, meetings, engagement, notes, tasks, documents, Level 3 records, toolkit forms, audit trail.")
            .Produces<CaseView>().Produces(StatusCodes.Status404NotFound);
        cases.MapGet("/progress/{cds}", async (string cds, CaseProgressHandler handler, CancellationToken ct) => await handler.ForLea(cds, ct) is { } progress ? Results.Ok(progress) : Results.NotFound())
            .WithName("CaseProgress").WithSummary("An LEA's latest case in brief: step, term, next meeting, open tasks, last change.")
            .Produces<CaseProgress>().Produces(StatusCodes.Status404NotFound);

        cases.MapPost("/", async (OpenCase c, CaseworkHandler h, CancellationToken ct) =>
            {
                var outcome = await h.Handle(c, ct);
                return outcome.Result == CaseResult.Done
                    ? Results.Created($"/cases/{outcome.EntityId}", new CaseChanged(outcome.Version!.Value, outcome.EntityId))
                    : Result(outcome);
            })
            .WithName("OpenCase").WithSummary("Open a case an LEA asked for (state staff; county office staff in their county): 201 with its id; 422 when the LEA has an open case.")
            .Produces<CaseChanged>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        Change(cases.MapPost("/{id:int}/advance", async (int id, AdvanceCase c, CaseworkHandler h, CancellationToken ct) => Result(await h.Handle(id, c, ct))),
            "AdvanceCase", "Move the case to a next step; 422 with the reason when the lifecycle refuses.");
        Change(cases.MapPut("/{id:int}/summary", async (int id, EditCaseSummary c, CaseworkHandler h, CancellationToken ct) => Result(await h.Handle(id, c, ct))),
            "EditCaseSummary", "Set the root causes, the strategies chosen and the LCAP plan summary.");
        Change(cases.MapPost("/{id:int}/meetings", async (int id, AddMeeting c, CaseworkHandler h, CancellationToken ct) => Result(await h.Handle(id, c, ct))),
            "AddMeeting", "Record a dated meeting with its participants and their roles.");
        Change(cases.MapPost("/{id:int}/engagements", async (int id, AddEngagement c, CaseworkHandler h, CancellationToken ct) => Result(await h.Handle(id, c, ct))),
            "AddEngagement", "Record an engagement with educational partners.");
        Change(cases.MapPost("/{id:int}/notes", async (int id, AddNote c, CaseworkHandler h, CancellationToken ct) => Result(await h.Handle(id, c, ct))),
            "AddNote", "Add a note.");
        Change(cases.MapPut("/{id:int}/notes/{noteId:int}", async (int id, int noteId, EditNote c, CaseworkHandler h, CancellationToken ct) => Result(await h.Handle(id, noteId, c, ct))),
            "EditNote", "Change a note's text.");
        Change(cases.MapDelete("/{id:int}/notes/{noteId:int}", async (int id, int noteId, int version, CaseworkHandler h, CancellationToken ct) => Result(await h.RemoveNote(id, noteId, new RemoveItem(version), ct))),
            "DeleteNote", "Delete a note (the audit keeps it).");
        Change(cases.MapPost("/{id:int}/tasks", async (int id, AddTask c, CaseworkHandler h, CancellationToken ct) => Result(await h.Handle(id, c, ct))),
            "AddTask", "Add a task with its owner and due date.");
        Change(cases.MapPut("/{id:int}/tasks/{taskId:int}/done", async (int id, int taskId, SetTaskDone c, CaseworkHandler h, CancellationToken ct) => Result(await h.Handle(id, taskId, c, ct))),
            "SetTaskDone", "Mark a task done or not done.");
        Change(cases.MapDelete("/{id:int}/tasks/{taskId:int}", async (int id, int taskId, int version, CaseworkHandler h, CancellationToken ct) => Result(await h.RemoveTask(id, taskId, new RemoveItem(version), ct))),
            "DeleteTask", "Delete a task (the audit keeps it).");
        Change(cases.MapPost("/{id:int}/documents", async (int id, AddDocument c, CaseworkHandler h, CancellationToken ct) => Result(await h.Handle(id, c, ct))),
            "AddDocument", $"Add a document: a file (content in base64, at most {CaseworkHandler.MaxDocumentBytes / 1024 / 1024} MB) or a link.");
        Change(cases.MapDelete("/{id:int}/documents/{documentId:int}", async (int id, int documentId, int version, CaseworkHandler h, CancellationToken ct) => Result(await h.RemoveDocument(id, documentId, new RemoveItem(version), ct))),
            "DeleteDocument", "Delete a document (the audit keeps its name and size).");
        Change(cases.MapPost("/{id:int}/level3", async (int id, AddLevel3Record c, CaseworkHandler h, CancellationToken ct) => Result(await h.Handle(id, c, ct))),
            "AddLevel3Record", "Record the CCEE's decision, the State Board's approval or state intervention, in that order (state staff).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        Change(cases.MapPut("/{id:int}/toolkit", async (int id, SaveToolkitForm c, CaseworkHandler h, CancellationToken ct) => Result(await h.Handle(id, c, ct))),
            "SaveToolkitForm", "Save one CALPADS toolkit form on the case of an LEA that met Method 4.");

        app.MapGet("/cases/{id:int}/documents/{documentId:int}", async (int id, int documentId, CasesHandler handler, CancellationToken ct) =>
                await handler.Document(id, documentId, ct) is { } file ? Results.File(file.Content, file.ContentType, file.Name) : Results.NotFound())
            .RequireAuthorization().ExcludeFromDescription();
    }

    private static RouteHandlerBuilder Change(RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.WithName(name).WithSummary(summary + " Send the case version you read; 409 with the changes since when it is stale.")
            .Produces<CaseChanged>().Produces<CaseConflict>(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static IResult Result(CaseOutcome outcome) => outcome.Result switch
    {
        CaseResult.Done => Results.Ok(new CaseChanged(outcome.Version!.Value, outcome.EntityId)),
        CaseResult.NotFound => Results.NotFound(),
        CaseResult.Forbidden => Results.Problem(outcome.Error, statusCode: StatusCodes.Status403Forbidden),
        CaseResult.Invalid => Results.Problem(outcome.Error, statusCode: StatusCodes.Status422UnprocessableEntity),
        _ => Results.Conflict(new CaseConflict(outcome.Version!.Value, outcome.Error!, outcome.ChangesSince ?? [])),
    };
}
