using System.Net;
using System.Net.Http.Json;
using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Formats.Calpads;
using SystemOfSupport.Formats.LeaDirectories;
using SystemOfSupport.Tests;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Calpads;
using SystemOfSupport.Web.Features.Import;
using SystemOfSupport.Web.Features.LeaPage;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Calpads;

/// <summary>
/// The CALPADS page and API on a server of its own: the sample's 2024 imported again, unpublished, with the shipped
/// (synthetic) certification records, so only staff in scope see them until 2024 is published.
/// </summary>
[Collection(WebServers.Name)]
public class CalpadsTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    private const string SanArdo = "27661750000000";
    private const string Graves = "27660270000000";
    private const string AsOf = "2025-07-15";

    private static string Certifications => RepoPaths.Data("calpads", "certifications-example.csv");

    /// <summary>The server, with 2024 re-imported unpublished from the sample's folder plus <c>certifications/</c>.</summary>
    private async Task<SosServer> Server(string database, string name)
    {
        var server = servers.For(database, name);
        var state = await server.SignedInAs(Roles.State);
        var folder = Path.Combine(server.ImportRoot, SampleData.FolderName, "2024");
        Directory.CreateDirectory(Path.Combine(folder, ImportFolder.Certifications));
        File.Copy(Certifications, Path.Combine(folder, ImportFolder.Certifications, "certifications.csv"), overwrite: true);
        var response = await state.PostAsJsonAsync(new Uri("/api/import", UriKind.Relative), new ImportYear(2024, SampleData.FolderName + "/2024"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return server;
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Each_LEAs_status_and_Method_4_equal_sos_calpads_status_on_the_same_records(string database)
    {
        var server = await Server(database, "calpads-status");
        var state = await server.SignedInAs(Roles.State);
        var view = (await state.GetFromJsonAsync<CalpadsView>(new Uri($"/api/calpads?schoolYear=2024-25&asOf={AsOf}", UriKind.Relative)))!;
        (view.SchoolYear, view.DashboardYear, view.ImportedWith, view.Error).ShouldBe(("2024-25", 2025, 2024, (string?)null));
        view.SchoolYears.ShouldBe(["2024-25", "2023-24"]);

        var directory = LeaDirectory.Read(RepoPaths.Data("directory", "monterey-lea-directory.csv"));
        var cli = CalpadsStatus.Leas(SchoolYear.Parse("2024-25"), CertificationReader.Read(Certifications, directory), directory, CalpadsCalendar.BuiltIn,
            DeterminationSettings.Defaults, DateOnly.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture));
        view.Leas.Select(l => l.Cds).ShouldBe(cli.Select(l => l.Cds.Value));
        view.Leas.Select(l => l.Method4Reason).ShouldBe(cli.Select(l => l.Outlook.Reason));
        view.Leas.Select(l => l.Submissions.Count(s => s.State is "certified late" or "missing"))
            .ShouldBe(cli.Select(l => l.Checks.Count(c => c.Missed)));

        var sanArdo = view.Leas.Single(l => l.Cds == SanArdo);
        (sanArdo.Name, sanArdo.Method4).ShouldBe(("San Ardo Union Elementary", "met"));
        sanArdo.Submissions.Single(s => s.Submission == "Fall 2").ShouldBe(new SubmissionView("Fall 2", "certified late", new DateOnly(2025, 3, 3), new DateOnly(2025, 2, 28), 3, sanArdo.Submissions.Single(s => s.Submission == "Fall 2").Reason));
        view.Leas.Single(l => l.Cds == "27751500118349").Method4.ShouldBe("not applicable");

        var html = WebUtility.HtmlDecode(await state.GetStringAsync(new Uri($"/calpads?schoolYear=2023-24&asOf={AsOf}", UriKind.Relative)));
        html.ShouldContain("CALPADS certifications, 2023-24");
        html.ShouldContain("Method 4 for the 2024 Dashboard");
        html.ShouldContain("Graves Elementary");
        (await state.GetAsync(new Uri("/api/calpads?schoolYear=2019-20", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Records_of_an_unpublished_year_are_seen_only_by_staff_in_scope_until_it_is_published(string database)
    {
        var server = await Server(database, "calpads-scope");
        var anonymous = server.CreateClient();
        (await anonymous.GetAsync(new Uri("/api/calpads", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(new Uri("/calpads", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var county = await server.SignedInAs(Roles.County, county: "27");
        (await county.GetFromJsonAsync<CalpadsView>(new Uri("/api/calpads", UriKind.Relative)))!.Leas.Count.ShouldBe(33);

        // The downloads follow the same scoping as their pages; funding never counts the unpublished year.
        (await anonymous.GetAsync(new Uri("/counties/monterey.csv?year=2024", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await county.GetAsync(new Uri("/counties/monterey.xlsx?year=2024", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync(new Uri($"/leas/{Graves}.csv?year=2024", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await county.GetFromJsonAsync<Features.Funding.FundingView>(new Uri("/api/funding", UriKind.Relative)))!.FiscalYear.ShouldBe("2023-24");
        var otherCounty = await server.SignedInAs(Roles.County, county: "01");
        (await otherCounty.GetAsync(new Uri("/api/calpads", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var lea = await server.SignedInAs(Roles.Lea, lea: Graves);
        var own = (await lea.GetFromJsonAsync<CalpadsView>(new Uri("/api/calpads?schoolYear=2023-24&asOf=" + AsOf, UriKind.Relative)))!;
        own.Leas.Select(l => (l.Cds, l.Method4)).ShouldBe([(Graves, "met")]);
        (await lea.GetAsync(new Uri($"/leas/{Graves}.csv?year=2024", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await lea.GetAsync(new Uri($"/leas/{SanArdo}.csv?year=2024", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = (await lea.GetFromJsonAsync<LeaView>(new Uri($"/api/leas/{Graves}?year=2024", UriKind.Relative)))!;
        page.Calpads!.Leas.Single().Cds.ShouldBe(Graves);
        var html = WebUtility.HtmlDecode(await lea.GetStringAsync(new Uri($"/leas/{Graves}?year=2024", UriKind.Relative)));
        html.ShouldContain("CALPADS certifications");
        html.ShouldContain("missing");

        var state = await server.SignedInAs(Roles.State);
        (await state.PostAsync(new Uri("/api/years/2024/publish", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anonymous.GetFromJsonAsync<CalpadsView>(new Uri("/api/calpads", UriKind.Relative)))!.Leas.Count.ShouldBe(33);
    }
}
