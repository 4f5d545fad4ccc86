using SystemOfSupport.Web.Features.CountyPage;
using SystemOfSupport.Web.Features.Funding;
using SystemOfSupport.Web.Features.LeaPage;

namespace SystemOfSupport.Web.Features.Exports;

/// <summary>
/// The pages' tables as CSV or xlsx, beside the pages' own addresses and with the same viewer scoping:
/// <c>/counties/{county}.csv</c>, <c>/leas/{cds}.xlsx</c>, <c>/funding.csv</c> (see <see cref="TableExport"/>).
/// </summary>
public static class ExportEndpoints
{
    private const string Format = "{format:regex(^(csv|xlsx)$)}";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/counties/{county}." + Format, async (string county, string format, int? year, CountyHandler handler, CancellationToken ct) =>
                await handler.Handle(new CountyQuery(county, year), ct) is { } view ? TableExport.Result(CountyHandler.Export(view), format) : Results.NotFound())
            .WithName("CountyExport").WithSummary("A county's table (districts, county office, charter schools) as csv or xlsx.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").Produces(StatusCodes.Status404NotFound);
        app.MapGet("/leas/{cds}." + Format, async (string cds, string format, int? year, LeaHandler handler, CancellationToken ct) =>
                await handler.Handle(new LeaQuery(cds, year), ct) is { } view ? TableExport.Result(LeaHandler.Export(view), format) : Results.NotFound())
            .WithName("LeaExport").WithSummary("An LEA's indicator × student group grid (colors by name, values) as csv or xlsx.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").Produces(StatusCodes.Status404NotFound);
        app.MapGet("/funding." + Format, async (string format, string? fiscalYear, FundingHandler handler, CancellationToken ct) =>
                await handler.Export(new FundingQuery(fiscalYear), ct) is { } table ? TableExport.Result(table, format) : Results.NotFound())
            .WithName("FundingExport").WithSummary("The fiscal year's funding lines as sos funding's CSV has them, as csv or xlsx.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").Produces(StatusCodes.Status404NotFound);
    }
}
