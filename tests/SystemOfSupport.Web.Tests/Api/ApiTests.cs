using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Tests;
using SystemOfSupport.Web.Features.CountyPage;
using SystemOfSupport.Web.Features.LeaPage;
using SystemOfSupport.Web.Features.StatePage;
using SystemOfSupport.Web.Features.Years;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Api;

/// <summary>Every endpoint of the JSON API, the OpenAPI document and the downloads, on each database.</summary>
[Collection(WebServers.Name)]
public class ApiTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    private async Task<T> Get<T>(string database, string url)
    {
        var response = await servers.For(database).CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Years_lists_the_imported_sample_newest_first(string database)
    {
        var years = await Get<YearList>(database, "/api/years");
        years.Years.ShouldBe([2024, 2023, 2022, 2018]);
        years.Latest.ShouldBe(2024);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task State_counts_by_status_and_method_as_sos_determine_does(string database)
    {
        var state = await Get<StateOverview>(database, "/api/state");
        state.Year.ShouldBe(2024);
        state.Leas.ShouldBe(25);
        state.InAssistance.ShouldBe(10);
        state.ByStatus.ShouldBe([new("Differentiated Assistance, Year 1", 7), new("Differentiated Assistance, Year 2", 3), new("General Assistance", 15)]);
        state.ByMethod.ShouldBe([new MethodCount(1, 7)]);
        state.CharterSchools.ShouldBe(8);
        state.Counties.Count.ShouldBe(58);
        state.Trend.Select(t => t.Year).ShouldBe([2018, 2022, 2023, 2024]);
        state.Downloads.Select(d => d.Name).ShouldContain("assistancestatus24.xlsx");

        var earlier = await Get<StateOverview>(database, "/api/state?year=2023");
        earlier.Year.ShouldBe(2023);
        earlier.InAssistance.ShouldBe(10);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Counties_gives_each_countys_share_in_assistance(string database)
    {
        var counties = await Get<List<CountyShare>>(database, "/api/counties?year=2024");
        counties.Count.ShouldBe(58);
        counties.Single(c => c.Code == "27").ShouldBe(new CountyShare("27", "Monterey", "monterey", 25, 10, 40, "25–49%"));
        counties.Single(c => c.Code == "40").ShouldBe(new CountyShare("40", "San Luis Obispo", "san-luis-obispo", 0, 0, null, StateOverviewHandler.NoLeas));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task County_lists_every_LEA_with_status_letters_methods_Level_3_and_provider(string database)
    {
        var county = await Get<CountyView>(database, "/api/counties/monterey");
        county.Name.ShouldBe("Monterey");
        county.DistrictsAndCountyOffice.Count.ShouldBe(25);
        county.CharterSchools.Count.ShouldBe(8);
        var coe = county.DistrictsAndCountyOffice.Single(l => l.Cds == "27102720000000");
        (coe.Name, coe.Kind, coe.Status, coe.InAssistance, coe.Letters, coe.Level3, coe.Provider).ShouldBe(
            ("Monterey County Office of Education", "County office of education", "Differentiated Assistance, Year 1", true, "HI=F HOM=F LTEL=F SED=F", "Y", "California Department of Education"));
        coe.MetMethods.ShouldBe([1]);
        county.CharterSchools.ShouldAllBe(c => c.Level3 == null && c.Kind == "Charter school");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Lea_gives_the_grid_reasons_Level_3_provider_ESSA_explanation_timeline_and_findings(string database)
    {
        var lea = await Get<LeaView>(database, "/api/leas/27102720000000?year=2024");
        lea.Status.ShouldBe("Differentiated Assistance, Year 1");
        lea.Grid.Indicators.ShouldContain("Graduation Rate");
        var hispanic = lea.Grid.Groups.Single(g => g.Group == "HI");
        hispanic.Letter.ShouldBe("F");
        hispanic.PrioritiesMet.ShouldBe([5, 8]);
        hispanic.Cells[lea.Grid.Indicators.ToList().IndexOf("Graduation Rate")]!.Color.ShouldBe("Red");
        lea.Methods.Select(m => (m.Number, m.Met)).ShouldBe([(1, true), (2, false), (3, false), (4, false)]);
        lea.Level3!.Flag.ShouldBe("Y");
        lea.Provider!.Name.ShouldBe("California Department of Education");
        lea.Essa!.Schools.ShouldContain(s => s.Name == "Salinas Community" && s.NotExitedWithinFourYears);
        lea.Explanation[0].ShouldStartWith("Monterey County Office of Education (27102720000000");
        lea.Timeline.Select(t => t.Year).ShouldBe([2018, 2022, 2023, 2024]);
        lea.Findings.GetProperty("lea").GetProperty("cds").GetString().ShouldBe("27102720000000");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Unknown_years_counties_and_LEAs_are_404(string database)
    {
        var client = servers.For(database).CreateClient();
        foreach (var url in new[] { "/api/state?year=2019", "/api/counties?year=2019", "/api/counties/atlantis", "/api/leas/27999990000000", "/api/leas/27102720000000?year=2019" })
        {
            (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_OpenAPI_document_describes_every_endpoint(string database)
    {
        var document = await Get<JsonElement>(database, "/openapi/v1.json");
        // The casework API (/api/cases…) is checked by Cases/CaseworkTests.
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Where(p => !p.StartsWith("/api/cases", StringComparison.Ordinal)).ToList();
        paths.ShouldBe(
            [
                "/api/years", "/api/years/{year}/publish", "/api/state", "/api/counties", "/api/counties/{county}", "/api/leas/{cds}", "/api/funding", "/api/calpads",
                "/api/import", "/api/import/jobs", "/api/import/upload", "/api/import/jobs/{id}", "/api/import/token",
                "/api/accounts", "/api/accounts/{id}/role", "/api/accounts/{id}/lock", "/api/accounts/{id}/password",
                "/downloads/{name}", "/counties/{county}.{format}", "/leas/{cds}.{format}", "/funding.{format}",
                "/api/resources", "/api/resources/{id}", "/api/resources/for/{cds}", "/api/reports/{cds}", "/reports/{cds}.pdf",
            ],
            ignoreOrder: true);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var schema in new[] { "LeaView", "FundingView", "CalpadsView", "CountyFunding" })
        {
            schemas.TryGetProperty(schema, out _).ShouldBeTrue(schema);
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_downloads_are_the_runs_workbook_and_csv_and_agree_with_the_states_2024_workbook(string database)
    {
        using var tmp = RepoPaths.NewTempDir();
        var client = servers.For(database).CreateClient();
        foreach (var name in new[] { "assistancestatus24.xlsx", "assistancestatus24.csv" })
        {
            var response = await client.GetAsync(new Uri("/downloads/" + name, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            await File.WriteAllBytesAsync(tmp.File(name), await response.Content.ReadAsByteArrayAsync());
        }

        var state = AssistanceStatusWorkbookReader.Read(RepoPaths.StatusWorkbook("assistancestatus24.xlsx")).Rows.Where(r => r.Cds.CountyCode == "27").ToDictionary(r => r.Cds);
        foreach (var ours in new[] { "assistancestatus24.xlsx", "assistancestatus24.csv" }.Select(n => AssistanceStatusWorkbookReader.Read(tmp.File(n))))
        {
            ours.Rows.Count.ShouldBe(25);
            ours.Rows.ShouldAllBe(r => r.StatusByYear[2024] == state[r.Cds].StatusByYear[2024] && r.TotalStudentGroups == state[r.Cds].TotalStudentGroups);
        }

        var findings = await client.GetAsync(new Uri("/downloads/findings24.json", UriKind.Relative));
        findings.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }
}
