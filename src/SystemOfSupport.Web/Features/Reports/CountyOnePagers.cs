using Microsoft.EntityFrameworkCore;
using SystemOfSupport.Core.Providers;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Cases;
using SystemOfSupport.Web.Features.Import;
using SystemOfSupport.Web.Features.LeaPage;
using SystemOfSupport.Web.Features.Resources;
using SystemOfSupport.Web.Features.Years;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Reports;

/// <summary>One written one-pager: the LEA and its two files.</summary>
public sealed record OnePagerFiles(string Cds, string Name, string Pdf, string Html);

/// <summary>A step of a county's one-pagers, for a progress bar.</summary>
public sealed record OnePagerProgress(int Done, int Total, string Lea);

/// <summary>
/// <c>sos report onepager</c>: every district's, county office's and charter school's one-pager in a county, as PDF
/// and HTML, from the store the arguments name (migrated, with the sample imported and the hub stored when empty, as
/// <c>sos serve</c> starts). The operator holds the store itself, so every stored year is theirs to report on.
/// </summary>
public static class CountyOnePagers
{
    public static async Task<IReadOnlyList<OnePagerFiles>> WriteAsync(string[] hostArgs, County county, int? year, string outDirectory, IProgress<OnePagerProgress>? progress, CancellationToken cancellationToken)
    {
        await using var app = SosWebApp.Build(hostArgs);
        var pdf = app.Services.GetRequiredService<ChromiumPdf>();
        if (!pdf.Available)
        {
            throw new ChromiumMissingException(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReportOptions>>().Value.Chromium);
        }

        await StorageSetup.MigrateAsync(app.Services, cancellationToken);
        await SampleData.ImportIfEmptyAsync(app.Services, cancellationToken);
        await ResourceCatalogueSeed.SeedIfEmptyAsync(app.Services, app.Services.GetRequiredService<TimeProvider>(), cancellationToken);

        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var operatorViewer = new Viewer("sos report", IsState: true, County: null, Lea: null);
        var years = ActivatorUtilities.CreateInstance<YearsHandler>(services, operatorViewer);
        var leas = ActivatorUtilities.CreateInstance<LeaHandler>(services, years, operatorViewer);
        var hub = ActivatorUtilities.CreateInstance<ResourceHubHandler>(services, leas);
        // The operator sees every case too: the report's case section is asked as state staff, not as the (absent) web user.
        ICaseProgress[] cases = [new CaseOnePagerProgress(ActivatorUtilities.CreateInstance<CaseProgressHandler>(services, operatorViewer))];
        var handler = ActivatorUtilities.CreateInstance<OnePagerHandler>(services, leas, hub, cases);
        var html = services.GetRequiredService<OnePagerHtml>();

        var chosen = await years.Choose(year, cancellationToken)
            ?? throw new ArgumentException(year is int y ? $"--year {y} is not stored (stored: {string.Join(", ", (await years.All(cancellationToken)).Years)})" : "no year is stored");
        var db = services.GetRequiredService<SosDb>();
        var codes = await db.Leas.Where(l => l.Year == chosen.Year && l.CountyCode == county.Code).OrderBy(l => l.Kind).ThenBy(l => l.Name)
            .Select(l => new { l.Cds, l.Name }).ToListAsync(cancellationToken);

        Directory.CreateDirectory(outDirectory);
        var written = new List<OnePagerFiles>();
        foreach (var lea in codes)
        {
            progress?.Report(new OnePagerProgress(written.Count, codes.Count, lea.Name));
            var report = await handler.Handle(new OnePagerQuery(lea.Cds, chosen.Year), cancellationToken)
                ?? throw new InvalidOperationException($"{lea.Cds} is stored for {chosen.Year} but could not be read");
            var page = await html.RenderAsync(report);
            var stem = Path.Combine(outDirectory, $"{lea.Cds}-{chosen.Year}-onepager");
            await File.WriteAllTextAsync(stem + ".html", page, cancellationToken);
            await File.WriteAllBytesAsync(stem + ".pdf", await pdf.RenderAsync(page, cancellationToken), cancellationToken);
            written.Add(new OnePagerFiles(lea.Cds, lea.Name, stem + ".pdf", stem + ".html"));
        }

        progress?.Report(new OnePagerProgress(written.Count, codes.Count, "done"));
        return written;
    }
}
