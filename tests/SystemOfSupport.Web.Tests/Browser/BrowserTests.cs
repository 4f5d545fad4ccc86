using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Tests;
using SystemOfSupport.Web.Features.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SystemOfSupport.Web.Tests.Browser;

/// <summary>Runs only where Debian's chromium is installed (<c>.ci/run</c> installs it as root); Playwright never downloads one.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserTests.Chromium))
        {
            Skip = $"no browser at {BrowserTests.Chromium} (apt-get install chromium, or set {BrowserTests.ChromiumVariable})";
        }
    }
}

/// <summary>
/// The main flow in a real browser against the app as <c>sos serve</c> starts it (Kestrel on a free loopback port,
/// SQLite, the embedded sample, an account added as <c>sos users add</c> does): sign in, the state map, a county, an
/// LEA's reasons, the year picker, the workbook download, the import page, sign out, and a phone-sized view. Each
/// step's screenshot is kept under <c>TestResults/browser/</c>.
/// </summary>
public class BrowserTests
{
    public const string ChromiumVariable = "SOS_TEST_CHROMIUM";

    public static string Chromium => Environment.GetEnvironmentVariable(ChromiumVariable) ?? "/usr/bin/chromium";

    /// <summary>Where every browser test keeps its screenshots and downloads (a CI artifact).</summary>
    public static readonly string Screenshots = Path.Combine(RepoPaths.Root, "TestResults", "browser");

    /// <summary>Debian's Chromium, headless, as every browser test drives it (Playwright never downloads a browser).</summary>
    public static Task<IBrowser> Launch(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    [BrowserFact]
    public async Task State_staff_sign_in_find_an_LEA_read_its_reasons_and_download_the_workbook()
    {
        using var data = RepoPaths.NewTempDir();
        const string Email = "analyst@example.org", Password = "Sample-passw0rd";
        await SosWebApp.AddAccountAsync(["--Sos:Data", data.Path], new AddAccount(Email, Password, "state"));
        await using var app = await SosWebApp.StartAsync(["--urls", "http://127.0.0.1:0", "--Sos:Data", data.Path], CancellationToken.None);
        var site = app.Urls.Single();
        Directory.CreateDirectory(Screenshots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.Launch(playwright);
        var context = await browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(site);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await Shot(page, "0-sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByText($"Signed in as {Email} (state staff)")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Differentiated Assistance in California, 2024" })).ToBeVisibleAsync();
        await Shot(page, "1-state");

        await page.GetByRole(AriaRole.Link, new() { Name = "Monterey: 10 of 25 in assistance (40%)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Monterey County, 2024" })).ToBeVisibleAsync();
        await Shot(page, "2-county");

        await page.GetByRole(AriaRole.Link, new() { Name = "Monterey County Office of Education", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Monterey County Office of Education, 2024" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Method 1: met")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell).Filter(new() { HasText = "Red" }).First).ToBeVisibleAsync();
        await Shot(page, "3-lea");

        await page.GetByLabel("Dashboard year").SelectOptionAsync("2023");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Monterey County Office of Education, 2023" })).ToBeVisibleAsync();
        await Shot(page, "4-lea-2023");

        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "State", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Differentiated Assistance in California, 2023" })).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "assistancestatus23.xlsx" }).ClickAsync());
        var workbook = Path.Combine(Screenshots, download.SuggestedFilename);
        await download.SaveAsAsync(workbook);
        var rows = AssistanceStatusWorkbookReader.Read(workbook).Rows;
        rows.Count.ShouldBe(25);
        rows.Single(r => r.Cds.Value == "27102720000000").StatusByYear[2023].ShouldBe(Core.Domain.AssistanceStatus.DifferentiatedAssistanceYear1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Import" }).ClickAsync();
        await Expect(page.GetByText("sample-monterey/2024").First).ToBeVisibleAsync();
        await Shot(page, "5-import");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        var phone = await context.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync(site + "/leas/27102720000000");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Monterey County Office of Education, 2024" })).ToBeVisibleAsync();
        await Shot(phone, "6-lea-phone");
    }

    public static async Task Shot(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }
}
