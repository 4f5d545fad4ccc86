using System.Net;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Pages;

/// <summary>Every page on the embedded sample: 200 and its key content; 404 for what is not there.</summary>
[Collection(WebServers.Name)]
public class PageTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    private async Task<string> Page(string database, string url)
    {
        var response = await servers.For(database).CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_state_page_counts_the_latest_year_and_shades_each_county_with_its_share_in_words(string database)
    {
        var html = await Page(database, "/");
        html.ShouldContain("Differentiated Assistance in California, 2024");
        html.ShouldContain("25</strong> districts and county offices decided");
        html.ShouldContain("Differentiated Assistance, Year 2");
        html.ShouldContain("Method 1");
        html.ShouldContain("Monterey: 10 of 25 in assistance (40%)");
        html.ShouldContain("Alameda: no LEAs decided");
        html.ShouldContain("/downloads/assistancestatus24.xlsx");
        foreach (var year in new[] { "2018", "2022", "2023", "2024" })
        {
            html.ShouldContain($"<a href=\"/?year={year}\">{year}</a>");
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_state_page_takes_the_year_as_a_query_parameter(string database) =>
        (await Page(database, "/?year=2023")).ShouldContain("Differentiated Assistance in California, 2023");

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_county_page_lists_its_districts_county_office_and_charter_schools(string database)
    {
        foreach (var url in new[] { "/counties/monterey", "/counties/Monterey?year=2024", "/counties/27" })
        {
            var html = await Page(database, url);
            html.ShouldContain("Monterey County, 2024");
            html.ShouldContain("Monterey County Office of Education");
            html.ShouldContain("Alisal Union");
            html.ShouldContain("Charter schools");
            html.ShouldContain("California Department of Education");
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_LEA_page_shows_the_grid_with_color_names_each_methods_reason_Level_3_provider_ESSA_and_the_explanation(string database)
    {
        var html = await Page(database, "/leas/27102720000000");
        html.ShouldContain("Monterey County Office of Education, 2024");
        html.ShouldContain("Differentiated Assistance, Year 1");
        html.ShouldContain("<span class=\"color color-Red\">Red</span>");
        html.ShouldContain("Status 61.8, level 1");
        html.ShouldContain("Method 1: met");
        html.ShouldContain("Method 2: not met");
        html.ShouldContain("Level 3 (EC 52072)");
        html.ShouldContain("Provider: California Department of Education");
        html.ShouldContain("Salinas Community");
        html.ShouldContain("Monterey County Office of Education (27102720000000, county office of education, Monterey County) — 2024: Differentiated Assistance, Year 1.");
        html.ShouldContain("<a href=\"/leas/27102720000000?year=2018\">2018</a>");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_LEA_is_found_by_its_CD_code_and_a_charter_school_by_its_CDS_code(string database)
    {
        (await Page(database, "/leas/2765961?year=2023")).ShouldContain("Alisal Union, 2023");
        var county = await servers.For(database).CreateClient().GetStringAsync(new Uri("/api/counties/monterey", UriKind.Relative));
        var charter = System.Text.Json.JsonDocument.Parse(county).RootElement.GetProperty("charterSchools")[0].GetProperty("cds").GetString();
        (await Page(database, "/leas/" + charter)).ShouldContain("charter school, Monterey County");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_import_page_lists_the_folders_it_can_read(string database)
    {
        var client = await servers.For(database).SignedInAs(Roles.State);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/import", UriKind.Relative)));
        html.ShouldContain("sample-monterey/2024");
        html.ShouldContain("__RequestVerificationToken");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task What_is_not_there_is_404(string database)
    {
        var client = servers.For(database).CreateClient();
        foreach (var url in new[] { "/?year=2019", "/counties/atlantis", "/counties/monterey?year=2017", "/leas/27999990000000", "/leas/not-a-code", "/downloads/assistancestatus19.xlsx" })
        {
            (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
    }
}
