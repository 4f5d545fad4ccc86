using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using SystemOfSupport.Web.Features.Accounts;

namespace SystemOfSupport.Web.Features.Import;

/// <summary>The import's background jobs in the API: start one from a server folder or an upload, and poll its status.</summary>
public static class ImportApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var import = api.MapGroup("/import").RequireAuthorization(Roles.StateStaffPolicy);
        import.MapPost("/jobs", (ImportYear command, ImportJobs jobs) => Accepted(jobs.Start(command)))
            .WithName("StartImport").WithSummary("Start importing a year from a folder inside the import folder in the background (state staff); poll the status it returns.")
            .Produces<ImportJobStatus>(StatusCodes.Status202Accepted);
        import.MapPost("/upload", async ([FromForm] int year, [FromForm] bool? publish, IFormFileCollection files, ImportUpload upload, ImportJobs jobs, CancellationToken ct) =>
            {
                var (folder, errors) = await upload.SaveAsync(files, ct);
                return folder is null
                    ? Results.UnprocessableEntity(new ImportResult(year, false, false, errors, 0, 0, [], []))
                    : Accepted(jobs.Start(new ImportYear(year, folder, publish ?? false), uploaded: true));
            })
            .WithName("UploadImport").WithSummary("Upload a year's files (multipart: a zip of an import folder under 'zip', or files under their kinds: dashboard, local, history, prior-dashboard, prior-local, essa, directory, certifications, calendar) and import them in the background (state staff). Send the antiforgery token from /api/import/token.")
            .Produces<ImportJobStatus>(StatusCodes.Status202Accepted).Produces<ImportResult>(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new RequestSizeLimitAttribute(UploadOptions.MaxRequestBytes));
        import.MapGet("/jobs/{id:guid}", (Guid id, ImportJobs jobs) => jobs.Find(id) is { } status ? Results.Ok(status) : Results.NotFound())
            .WithName("ImportStatus").WithSummary("An import job's step, progress and, once finished, its result (every error with file, line and column).")
            .Produces<ImportJobStatus>().Produces(StatusCodes.Status404NotFound);
        import.MapGet("/token", (HttpContext context, IAntiforgery antiforgery) =>
                Results.Ok(new AntiforgeryToken(antiforgery.GetAndStoreTokens(context).RequestToken!, AntiforgeryToken.Header)))
            .WithName("ImportToken").WithSummary("The antiforgery token an upload sends, in the header it names (the cookie comes with this answer).")
            .Produces<AntiforgeryToken>();
    }

    private static IResult Accepted(ImportJobStatus status) => Results.Accepted($"/api/import/jobs/{status.Id}", status);
}

/// <summary>The antiforgery token for an upload and the header to send it in.</summary>
public sealed record AntiforgeryToken(string Token, string HeaderName)
{
    public const string Header = "RequestVerificationToken";
}
