namespace SystemOfSupport.Web.Features.Reports;

/// <summary>The one-pager's PDF and its JSON, and the services the reports use.</summary>
public static class ReportEndpoints
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration("Sos");
        services.AddSingleton<ChromiumPdf>();
        services.AddScoped<OnePagerHandler>();
        services.AddScoped<OnePagerHtml>();
        return services;
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{cds:long}.pdf", async (string cds, int? year, OnePagerHandler handler, OnePagerHtml html, ChromiumPdf pdf, CancellationToken ct) =>
            {
                if (await handler.Handle(new OnePagerQuery(cds, year), ct) is not { } report)
                {
                    return Results.NotFound();
                }

                try
                {
                    var bytes = await pdf.RenderAsync(await html.RenderAsync(report), ct);
                    return Results.File(bytes, "application/pdf", $"{report.Lea.Cds}-{report.Lea.Year}-onepager.pdf");
                }
                catch (ChromiumMissingException ex)
                {
                    return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF reports are unavailable");
                }
            })
            .WithName("OnePagerPdf").WithSummary("An LEA's one-page report as a PDF (headless Chromium); 503 when Chromium is not installed.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").Produces(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/reports/{cds}", async (string cds, int? year, OnePagerHandler handler, CancellationToken ct) =>
                await handler.Handle(new OnePagerQuery(cds, year), ct) is { } report ? Results.Ok(report) : Results.NotFound())
            .WithName("OnePager").WithSummary("An LEA's one-page report: status, reasons, history, targets, top resources and case progress (null: no case recorded).")
            .Produces<OnePager>().Produces(StatusCodes.Status404NotFound);
    }
}
