using System.Globalization;
using Microsoft.Playwright;
using SystemOfSupport.Tests;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SystemOfSupport.Web.Tests.Browser;

/// <summary>
/// Casework in a real browser, as <see cref="BrowserTests"/> runs it: county office staff open the case the import
/// created for the county office, record a meeting and advance it two steps, then open a case by hand for a district that asked. Screenshots under <c>TestResults/browser/</c>.
/// </summary>
public class CaseworkBrowserTests
{
    [BrowserFact]
    public async Task County_staff_open_a_case_record_a_meeting_and_advance_it()
    {
        using var data = RepoPaths.NewTempDir();
        const string Email = "coe-lead@example.org", Password = "Sample-passw0rd";
        await SosWebApp.AddAccountAsync(["--Sos:Data", data.Path], new AddAccount(Email, Password, "county", County: "Monterey"));
        await using var app = await SosWebApp.StartAsync(["--urls", "http://127.0.0.1:0", "--Sos:Data", data.Path], CancellationToken.None);
        var site = app.Urls.Single();
        Directory.CreateDirectory(BrowserTests.Screenshots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.Launch(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });

        await page.GotoAsync(site + "/signin");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Assistance cases" })).ToBeVisibleAsync();
        await page.GetByLabel("Term").SelectOptionAsync("2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await BrowserTests.Shot(page, "case-0-list");

        await page.GetByRole(AriaRole.Link, new() { Name = "Monterey County Office of Education", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Monterey County Office of Education: assistance case, term 2024" })).ToBeVisibleAsync();
        await Expect(page.Locator("#step")).ToHaveTextAsync("identified");
        await BrowserTests.Shot(page, "case-1-opened");

        var meetings = page.Locator("#meetings");
        await meetings.GetByLabel("Meeting date").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await meetings.GetByLabel("Purpose").FillAsync("Management consultation");
        await meetings.GetByLabel("Participant 1 name").FillAsync("Ana Ruiz");
        await meetings.GetByLabel("Participant 1 role").FillAsync("Superintendent");
        await meetings.GetByLabel("Participant 2 name").FillAsync("Lee Park");
        await meetings.GetByLabel("Participant 2 role").FillAsync("Differentiated assistance lead");
        await meetings.GetByRole(AriaRole.Button, new() { Name = "Record meeting" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Meeting recorded.");
        await Expect(meetings.GetByText("Management consultation — Ana Ruiz (Superintendent); Lee Park (Differentiated assistance lead)")).ToBeVisibleAsync();
        await BrowserTests.Shot(page, "case-2-meeting");

        await page.GetByRole(AriaRole.Button, new() { Name = "Begin the management consultation" }).ClickAsync();
        await Expect(page.Locator("#step")).ToHaveTextAsync("management consultation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the data review and root-cause analysis" }).ClickAsync();
        await Expect(page.Locator("#step")).ToHaveTextAsync("data review and root-cause analysis");
        await Expect(page.GetByText("first record the root causes found")).ToBeVisibleAsync();
        await Expect(page.Locator("#audit").GetByText("Moved from management consultation to data review and root-cause analysis")).ToBeVisibleAsync();
        await BrowserTests.Shot(page, "case-3-advanced");

        // A district the state did not identify asks for help: the county lead opens its case by hand.
        var asking = await SampleLeas.DistrictWithoutCase(app.Services);
        await page.GotoAsync(site + "/cases?lea=" + asking);
        await Expect(page.GetByText("No case matches.")).ToBeVisibleAsync();
        await page.GetByLabel("Why (the LEA's request)").FillAsync("The district asked for help with chronic absenteeism.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open a case" }).ClickAsync();
        await Expect(page.Locator("#step")).ToHaveTextAsync("identified");
        await Expect(page.Locator("#audit").GetByText("Opened on request: The district asked for help with chronic absenteeism.")).ToBeVisibleAsync();
        await BrowserTests.Shot(page, "case-4-opened-on-request");
    }

}
