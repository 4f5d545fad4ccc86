using Microsoft.EntityFrameworkCore;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Downloads;

/// <summary><c>/downloads/{name}</c>: a visible year's files (<see cref="Viewer.Files"/>), byte for byte as the run wrote them (<c>assistancestatus24.xlsx</c>, <c>.csv</c>, <c>findings24.json</c>, …).</summary>
public static class DownloadEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/downloads/{name}", async (string name, SosDb db, Viewer viewer, CancellationToken cancellationToken) =>
            await viewer.Files(db).AsNoTracking().SingleOrDefaultAsync(f => f.Name == name, cancellationToken) is { } file
                ? Results.File(file.Content, file.ContentType, file.Name)
                : Results.NotFound())
        .WithName("Download")
        .WithSummary("A stored year's output file: assistancestatusYY.xlsx or .csv, charterassistanceYY.xlsx or .csv, findingsYY.json.")
        .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
        .Produces(StatusCodes.Status404NotFound);
}
