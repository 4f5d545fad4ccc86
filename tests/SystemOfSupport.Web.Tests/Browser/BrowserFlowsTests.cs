using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using SystemOfSupport.Tests;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Import;
using static Microsoft.Playwright.Assertions;

namespace SystemOfSupport.Web.Tests.Browser;

/// <summary>
/// State staff's work in a real browser (Debian's chromium, headless) against the app as <c>sos serve</c> starts it:
/// import a year by upload and watch its progress, read the error report for a broken file, add an account and sign in
/// with it; and an accessibility check of the main pages. Screenshots go to <c>TestResults/browser/</c>, named by flow.
/// </summary>
public class BrowserFlowsTests
{
    private const string Email = "importer@example.org", Password = "Sample-passw0rd";

    /// <summary>
    /// Checks evaluated in the page; each returns the problems found: the page's language, a label for every form
    /// control, a name for every image and svg, headings that start at h1 and never skip a level, and every color cell
    /// naming its color in its text.
    /// </summary>
    private const string AccessibilityChecks = """
        () => {
          const problems = [];
          if (!document.documentElement.lang) problems.push('html has no lang');
          const named = el => el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.getAttribute('title');
          for (const el of document.querySelectorAll('input, select, textarea')) {
            if (['hidden', 'submit', 'button'].includes(el.type)) continue;
            if (!(el.labels && el.labels.length) && !named(el)) problems.push(`unlabelled ${el.tagName.toLowerCase()} ${el.name || el.id}`);
          }
          for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push(`img without alt ${img.src}`);
          for (const svg of document.querySelectorAll('svg')) {
            if (svg.getAttribute('aria-hidden') === 'true') continue;
            if (!named(svg) && !svg.querySelector(':scope > title')) problems.push('svg without a title or label');
          }
          let last = 0;
          for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
            const level = Number(h.tagName[1]);
            if ((last === 0 && level !== 1) || level > last + 1) problems.push(`heading h${level} after h${last}: ${h.textContent.trim()}`);
            last = level;
          }
          if (document.querySelectorAll('h1').length !== 1) problems.push(`${document.querySelectorAll('h1').length} h1 elements`);
          for (const cell of document.querySelectorAll('[class*="color-"]')) {
            const color = [...cell.classList].find(c => c.startsWith('color-')).slice(6).replace(/-/g, ' ');
            if (!cell.textContent.toLowerCase().includes(color.toLowerCase())) problems.push(`color cell ${color} does not say ${color}`);
          }
          return problems;
        }
        """;

    [BrowserFact]
    public async Task State_staff_import_by_upload_with_progress_read_the_error_report_and_add_an_account()
    {
        await using var session = await Session.StartAsync();
        var page = session.Page;
        await SignIn(page, session.Site, Email, Password);

        // A broken file, uploaded by kind: the job's page lists it with file, line and column, and nothing is stored.
        var sample = Path.Combine(session.Data, "import", SampleData.FolderName, "2024");
        var broken = Path.Combine(session.Data, "broken");
        Directory.CreateDirectory(broken);
        foreach (var file in Directory.GetFiles(Path.Combine(sample, ImportFolder.Dashboard)))
        {
            File.Copy(file, Path.Combine(broken, Path.GetFileName(file)));
        }

        var grad = Path.Combine(broken, "graddownload2024.txt");
        File.WriteAllText(grad, File.ReadAllText(grad).Replace("\tALL\t48\t75\t", "\tALL\t48\tseventy-five\t", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Link, new() { Name = "Import" }).ClickAsync();
        await page.GetByLabel("Dashboard year").First.FillAsync("2024");
        await page.GetByLabel("dashboard", new() { Exact = true }).SetInputFilesAsync(Directory.GetFiles(broken));
        await BrowserTests.Shot(page, "upload-0-broken-file-chosen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2024 was not imported: nothing was stored" })).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "dashboard/graddownload2024.txt" });
        await Expect(row).ToContainTextAsync("seventy-five");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("3");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("11");
        await BrowserTests.Shot(page, "upload-1-error-report");

        // The whole folder as a zip: the job page shows its progress bar until the year is stored.
        var zip = Path.Combine(session.Data, "monterey-2024.zip");
        ZipFile.CreateFromDirectory(sample, zip);
        await page.GotoAsync(session.Site + "/import");
        await page.GetByLabel("Dashboard year").First.FillAsync("2024");
        await page.GetByLabel("A zip of an import folder").SetInputFilesAsync(zip);
        await page.GetByLabel("Publish at once").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importing 2024" })).ToBeVisibleAsync();
        if (await page.Locator("progress").IsVisibleAsync())
        {
            await BrowserTests.Shot(page, "upload-2-progress");
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Imported 2024" })).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Expect(page.GetByText("25 districts and county offices and 8 charter schools stored, and published")).ToBeVisibleAsync();
        await BrowserTests.Shot(page, "upload-3-imported");
        await page.GetByRole(AriaRole.Link, new() { Name = "See 2024" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Differentiated Assistance in California, 2024" })).ToBeVisibleAsync();

        // An account for an LEA's staff, who then signs in with it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("lea-staff@example.org");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "LEA staff" });
        await page.GetByLabel("LEA (LEA staff)").FillAsync("27102720000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();
        await Expect(page.GetByText("Added lea-staff@example.org.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "lea-staff@example.org" })).ToContainTextAsync("LEA 27102720000000");
        await BrowserTests.Shot(page, "accounts-0-added");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignIn(page, session.Site, "lea-staff@example.org", Password);
        await Expect(page.GetByText("Signed in as lea-staff@example.org (LEA staff, 27102720000000)")).ToBeVisibleAsync();
        await BrowserTests.Shot(page, "accounts-1-signed-in-as-lea-staff");
    }

    [BrowserFact]
    public async Task The_main_pages_pass_the_accessibility_checks()
    {
        await using var session = await Session.StartAsync();
        var page = session.Page;
        var problems = new List<string>();
        async Task Check(string name)
        {
            var found = await page.EvaluateAsync<string[]>(AccessibilityChecks);
            problems.AddRange(found.Select(p => $"{page.Url}: {p}"));
            await BrowserTests.Shot(page, "a11y-" + name);
        }

        await page.GotoAsync(session.Site + "/signin");
        await Check("sign-in");
        await SignIn(page, session.Site, Email, Password);
        foreach (var (name, path) in new[] { ("state", "/"), ("county", "/counties/27"), ("lea", "/leas/27102720000000"), ("lea-2023", "/leas/27102720000000?year=2023"), ("import", "/import"), ("accounts", "/accounts") })
        {
            await page.GotoAsync(session.Site + path);
            await Check(name);
        }

        await page.GotoAsync(session.Site + "/import");
        await page.GetByLabel("Folder, inside the import folder").FillAsync(SampleData.FolderName + "/2023");
        await page.GetByLabel("Dashboard year").Nth(1).FillAsync("2023");
        await page.GetByRole(AriaRole.Button, new() { Name = "Validate and import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Imported 2023" })).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Check("import-job");

        // The checks can fail: a page without lang, with an unlabelled control, an untitled svg, a skipped heading level and a mute color cell.
        await page.SetContentAsync("<html><body><h1>x</h1><h3>y</h3><input name=q><svg></svg><span class=\"color-Red\">&nbsp;</span></body></html>");
        (await page.EvaluateAsync<string[]>(AccessibilityChecks)).Length.ShouldBe(5);

        problems.ShouldBeEmpty(JsonSerializer.Serialize(problems));
    }

    private static async Task SignIn(IPage page, string site, string email, string password)
    {
        await page.GotoAsync(site + "/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByText($"Signed in as {email}")).ToBeVisibleAsync();
    }

    /// <summary>The app (a fresh data folder, a state account as <c>sos users add</c> makes it) and a headless chromium page.</summary>
    private sealed class Session : IAsyncDisposable
    {
        private TempDir data = null!;
        private WebApplication app = null!;
        private IPlaywright playwright = null!;
        private IBrowser browser = null!;

        public string Data => data.Path;

        public string Site => app.Urls.Single();

        public IPage Page { get; private set; } = null!;

        public static async Task<Session> StartAsync()
        {
            var session = new Session { data = RepoPaths.NewTempDir() };
            await SosWebApp.AddAccountAsync(["--Sos:Data", session.Data], new AddAccount(Email, Password, "state"));
            session.app = await SosWebApp.StartAsync(["--urls", "http://127.0.0.1:0", "--Sos:Data", session.Data], CancellationToken.None);
            session.playwright = await Playwright.CreateAsync();
            session.browser = await BrowserTests.Launch(session.playwright);
            var context = await session.browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
            session.Page = await context.NewPageAsync();
            return session;
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            await app.DisposeAsync();
            data.Dispose();
        }
    }
}
