using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Calpads;
using SystemOfSupport.Web.Features.CountyPage;
using SystemOfSupport.Web.Features.Funding;
using SystemOfSupport.Web.Features.Import;
using SystemOfSupport.Web.Features.LeaPage;
using SystemOfSupport.Web.Features.StatePage;
using SystemOfSupport.Web.Features.Years;

namespace SystemOfSupport.Web.Features;

/// <summary>The JSON API under <c>/api</c>: each page's view through the same handler the page uses.</summary>
public static class Api
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/years", (YearsHandler years, CancellationToken ct) => years.All(ct))
            .WithName("Years").WithSummary("The Dashboard years you may see, newest first, and which are not published yet.");
        api.MapPost("/years/{year:int}/publish", async (int year, PublishYearHandler handler, CancellationToken ct) =>
                await handler.Handle(new PublishYear(year), ct) ? Results.NoContent() : Results.NotFound())
            .WithName("Publish").WithSummary("Make a stored year public (state staff).")
            .Produces(StatusCodes.Status204NoContent).Produces(StatusCodes.Status404NotFound)
            .RequireAuthorization(Roles.StateStaffPolicy);
        api.MapGet("/state", async (int? year, StateOverviewHandler handler, CancellationToken ct) => Found(await handler.Handle(new StateQuery(year), ct)))
            .WithName("State").WithSummary("The state page: counts by status and method, each county's share in assistance, the trend, the downloads.")
            .Produces<StateOverview>().Produces(StatusCodes.Status404NotFound);
        api.MapGet("/counties", async (int? year, StateOverviewHandler handler, CancellationToken ct) => Found((await handler.Handle(new StateQuery(year), ct))?.Counties))
            .WithName("Counties").WithSummary("The 58 counties: districts and county office decided, and how many are in assistance.")
            .Produces<IReadOnlyList<CountyShare>>().Produces(StatusCodes.Status404NotFound);
        api.MapGet("/counties/{county}", async (string county, int? year, CountyHandler handler, CancellationToken ct) => Found(await handler.Handle(new CountyQuery(county, year), ct)))
            .WithName("County").WithSummary("A county's districts, county office and charter schools with status, letters, methods, Level 3 and provider.")
            .Produces<CountyView>().Produces(StatusCodes.Status404NotFound);
        api.MapGet("/leas/{cds}", async (string cds, int? year, LeaHandler handler, CancellationToken ct) => Found(await handler.Handle(new LeaQuery(cds, year), ct)))
            .WithName("Lea").WithSummary("An LEA's decision: the Dashboard grid, each method's reason, Level 3, provider, ESSA, the explanation, the years, and its findings entry.")
            .Produces<LeaView>().Produces(StatusCodes.Status404NotFound);
        api.MapGet("/funding", async (string? fiscalYear, FundingHandler handler, CancellationToken ct) => Found(await handler.Handle(new FundingQuery(fiscalYear), ct)))
            .WithName("Funding").WithSummary("Each county office's EC 2575.2 funding for a fiscal year (default: the one the latest published report funds), every line with its basis; published years only.")
            .Produces<FundingView>().Produces(StatusCodes.Status404NotFound);
        api.MapGet("/calpads", async (string? schoolYear, DateOnly? asOf, CalpadsHandler handler, CancellationToken ct) => Found(await handler.Handle(new CalpadsQuery(schoolYear, asOf), ct)))
            .WithName("Calpads").WithSummary("Each LEA's CALPADS certifications for a school year (default: the latest stored) as of a day (default: today): certified, late, missing, days to the next date, Method 4.")
            .Produces<CalpadsView>().Produces(StatusCodes.Status404NotFound);
        api.MapPost("/import", async (ImportYear command, ImportYearHandler handler, CancellationToken ct) =>
            {
                var result = await handler.Handle(command, ct);
                return result.Committed ? Results.Ok(result) : Results.UnprocessableEntity(result);
            })
            .WithName("Import").WithSummary("Decide a year from a folder inside the import folder and store it in one transaction (state staff); 422 with every error (file, line, column) and nothing stored.")
            .Produces<ImportResult>().Produces<ImportResult>(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Roles.StateStaffPolicy);
        ImportApi.Map(api);
        AccountsApi.Map(api);
    }

    private static IResult Found<T>(T? view) => view is null ? Results.NotFound() : Results.Ok(view);
}
