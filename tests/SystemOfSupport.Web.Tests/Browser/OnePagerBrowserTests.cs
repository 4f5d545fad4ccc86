using System.Text;
using Microsoft.Playwright;
using SystemOfSupport.Tests;
using SystemOfSupport.Web.Tests.Reports;
using static Microsoft.Playwright.Assertions;

namespace SystemOfSupport.Web.Tests.Browser;

/// <summary>
/// The resource hub and a one-pager in a real browser, against the app as <c>sos serve</c> starts it: filter the hub,
/// open an LEA's matches, open its one-pager and download the PDF. Screenshots kept under <c>TestResults/browser/</c>.
/// </summary>
public class OnePagerBrowserTests
{
    [BrowserFact]
    public async Task The_public_filters_the_hub_sees_an_LEAs_matches_and_produces_its_one_pager()
    {
        using var data = RepoPaths.NewTempDir();
        await using var app = await SosWebApp.StartAsync(["--urls", "http://127.0.0.1:0", "--Sos:Data", data.Path], CancellationToken.None);
        var site = app.Urls.Single();
        Directory.CreateDirectory(BrowserTests.Screenshots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.Launch(playwright);
        var context = await browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(site);
        await page.GetByRole(AriaRole.Link, new() { Name = "Resources", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resource hub" })).ToBeVisibleAsync();
        await page.GetByLabel("Student group").SelectOptionAsync(new SelectOptionValue { Label = "Foster Youth" });
        await page.GetByLabel("Priority").SelectOptionAsync(new SelectOptionValue { Label = "Priority 5 (Pupil Engagement)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.GetByText("5 resources.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "County coordination of services for foster youth (Priority 10)" })).ToBeVisibleAsync();
        await BrowserTests.Shot(page, "onepager-0-hub-filtered");

        await page.GotoAsync(site + "/resources?lea=27102720000000");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resources for Monterey County Office of Education, 2024" })).ToBeVisibleAsync();
        await Expect(page.GetByText("For the identified group and priority").First).ToBeVisibleAsync();
        await BrowserTests.Shot(page, "onepager-1-lea-matches");

        await page.GotoAsync(site + "/reports/27102720000000");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Monterey County Office of Education — 2024" })).ToBeVisibleAsync();
        await Expect(page.GetByText("No case recorded")).ToBeVisibleAsync();
        await BrowserTests.Shot(page, "onepager-2-report");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download PDF" }).ClickAsync());
        var pdf = Path.Combine(BrowserTests.Screenshots, download.SuggestedFilename);
        await download.SaveAsAsync(pdf);
        download.SuggestedFilename.ShouldBe("27102720000000-2024-onepager.pdf");
        var bytes = await File.ReadAllBytesAsync(pdf);
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        OnePagerTests.PageCount(bytes).ShouldBe(1);

        // Printed, the site's header and links drop away and only the report remains.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download PDF" })).ToBeHiddenAsync();
        await BrowserTests.Shot(page, "onepager-3-report-print");
    }

}
