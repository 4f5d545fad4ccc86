using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace SystemOfSupport.Web.Features.Reports;

/// <summary>The one-pager as a standalone HTML document (for the PDF and <c>sos report onepager</c>), from the same component the page shows.</summary>
public sealed class OnePagerHtml(IServiceProvider services, ILoggerFactory loggers)
{
    /// <summary>The one-pager's rules (<c>onepager.css</c>), inlined: the document stands alone.</summary>
    private static readonly Lazy<string> Stylesheet = new(() =>
    {
        using var reader = new StreamReader(typeof(OnePagerHtml).Assembly.GetManifestResourceStream("onepager.css")!);
        return reader.ReadToEnd();
    });

    public async Task<string> RenderAsync(OnePager report)
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        var body = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<OnePagerDocument>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(OnePagerDocument.Report)] = report }));
            return output.ToHtmlString();
        });
        var title = WebUtility.HtmlEncode($"{report.Lea.Name} {report.Lea.Year} — one-page report");
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8" /><title>{{title}}</title><style>body { font-family: system-ui, sans-serif; margin: 0; } {{Stylesheet.Value}}</style></head>
            <body>{{body}}</body>
            </html>
            """;
    }
}
