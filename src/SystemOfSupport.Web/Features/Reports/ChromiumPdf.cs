using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace SystemOfSupport.Web.Features.Reports;

/// <summary>Where the one-pager PDFs' browser is: <c>Sos:Chromium</c>, Debian's chromium by default.</summary>
public sealed class ReportOptions
{
    public string Chromium { get; set; } = "/usr/bin/chromium";
}

/// <summary>No browser at the configured path: PDFs cannot be made (the web answers 503).</summary>
public sealed class ChromiumMissingException(string path)
    : Exception($"PDF reports need Chromium, and there is none at {path}: install it (apt-get install chromium) or set Sos:Chromium to its path");

/// <summary>
/// Prints HTML to a one-page Letter PDF in headless Chromium (Playwright never downloads a browser here). One
/// browser, started on first use and shared; each PDF gets its own page. Content taller than a page is scaled down
/// to fit, so a one-pager is always one page.
/// </summary>
public sealed class ChromiumPdf(IOptions<ReportOptions> options) : IAsyncDisposable
{
    // Letter at 96 px per inch with 0.4 in margins: the printable box the content is fitted into.
    private const float MarginInches = 0.4f;
    private const int PrintableWidth = (int)((8.5f - (2 * MarginInches)) * 96);
    private const int PrintableHeight = (int)((11f - (2 * MarginInches)) * 96);

    private readonly SemaphoreSlim starting = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;

    public bool Available => File.Exists(options.Value.Chromium);

    public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken)
    {
        var chromium = await Browser(cancellationToken);
        var page = await chromium.NewPageAsync(new() { ViewportSize = new() { Width = PrintableWidth, Height = PrintableHeight } });
        try
        {
            await page.SetContentAsync(html);
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
            var scale = Math.Clamp(MathF.Floor(100f * PrintableHeight / Math.Max(1, height) * 0.98f) / 100f, 0.1f, 1f);
            var margin = $"{MarginInches.ToString(System.Globalization.CultureInfo.InvariantCulture)}in";
            return await page.PdfAsync(new()
            {
                Format = "Letter",
                PrintBackground = true,
                Scale = scale,
                Margin = new() { Top = margin, Bottom = margin, Left = margin, Right = margin },
            });
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private async Task<IBrowser> Browser(CancellationToken cancellationToken)
    {
        if (browser is not null)
        {
            return browser;
        }

        await starting.WaitAsync(cancellationToken);
        try
        {
            if (!Available)
            {
                throw new ChromiumMissingException(options.Value.Chromium);
            }

            playwright ??= await Playwright.CreateAsync();
            return browser ??= await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = options.Value.Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
        }
        finally
        {
            starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        starting.Dispose();
    }
}
