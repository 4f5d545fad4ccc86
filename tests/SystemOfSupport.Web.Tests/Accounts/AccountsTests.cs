using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.CountyPage;
using SystemOfSupport.Web.Features.Import;
using SystemOfSupport.Web.Features.StatePage;
using SystemOfSupport.Web.Features.Years;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Accounts;

/// <summary>
/// Who sees what: the public the published years; staff an unpublished year within their scope (state staff all, a
/// county office's staff their county, an LEA's staff their LEA) until state staff publish it.
/// </summary>
[Collection(WebServers.Name)]
public class AccountsTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    private static async Task<HttpStatusCode> Status(HttpClient client, string url) => (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode;

    private static async Task<T> Json<T>(HttpClient client, string url) => (await client.GetFromJsonAsync<T>(new Uri(url, UriKind.Relative)))!;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_unpublished_year_is_seen_by_staff_within_their_scope_until_it_is_published(string database)
    {
        var server = servers.For(database, "publishing");
        var state = await server.SignedInAs(Roles.State);
        var imported = await state.PostAsJsonAsync(new Uri("/api/import", UriKind.Relative), new ImportYear(2024, SampleData.FolderName + "/2024"));
        (await imported.Content.ReadFromJsonAsync<ImportResult>())!.Published.ShouldBeFalse();

        var anonymous = server.CreateClient();
        (await Json<YearList>(anonymous, "/api/years")).Years.ShouldBe([2023, 2022, 2018], "the public");
        foreach (var url in new[] { "/api/state?year=2024", "/api/leas/27102720000000?year=2024", "/downloads/assistancestatus24.xlsx", "/?year=2024" })
        {
            (await Status(anonymous, url)).ShouldBe(HttpStatusCode.NotFound, url);
        }

        var monterey = await server.SignedInAs(Roles.County, county: "Monterey");
        (await Json<YearList>(monterey, "/api/years")).Unpublished.ShouldBe([2024]);
        (await Json<CountyView>(monterey, "/api/counties/monterey?year=2024")).DistrictsAndCountyOffice.Count.ShouldBe(25);
        (await Status(monterey, "/downloads/assistancestatus24.xlsx")).ShouldBe(HttpStatusCode.NotFound);

        var alameda = await server.SignedInAs(Roles.County, county: "01");
        (await Json<YearList>(alameda, "/api/years")).Latest.ShouldBe(2023);

        var alisal = await server.SignedInAs(Roles.Lea, lea: "2765961");
        (await Status(alisal, "/api/leas/27659610000000?year=2024")).ShouldBe(HttpStatusCode.OK);
        (await Status(alisal, "/api/leas/27102720000000?year=2024")).ShouldBe(HttpStatusCode.NotFound);
        (await Json<StateOverview>(alisal, "/api/state?year=2024")).Leas.ShouldBe(1);

        (await Status(state, "/downloads/assistancestatus24.xlsx")).ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await state.GetStringAsync(new Uri("/?year=2024", UriKind.Relative)));
        page.ShouldContain("Not published:");
        page.ShouldContain("Publish 2024");
        var refused = await Forms.PostAsync(monterey, "/?year=2024", [], handler: "Publish");
        (refused.StatusCode, refused.Headers.Location!.OriginalString).ShouldBe((HttpStatusCode.Redirect, "http://localhost/signin?ReturnUrl=%2F%3Fyear%3D2024%26handler%3DPublish"));
        (await Json<YearList>(anonymous, "/api/years")).Latest.ShouldBe(2023, "still unpublished");
        (await Forms.PostAsync(state, "/?year=2024", [], handler: "Publish")).Headers.Location!.OriginalString.ShouldBe("/?year=2024");

        (await Json<YearList>(anonymous, "/api/years")).Years.ShouldBe([2024, 2023, 2022, 2018], "the public, once published");
        (await Status(anonymous, "/downloads/assistancestatus24.xlsx")).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task State_staff_publish_through_the_API_and_others_may_not(string database)
    {
        var server = servers.For(database);
        var anonymous = server.CreateClient();
        (await anonymous.PostAsync(new Uri("/api/years/2024/publish", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var lea = await server.SignedInAs(Roles.Lea, lea: "27102720000000");
        (await lea.PostAsync(new Uri("/api/years/2024/publish", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var state = await server.SignedInAs(Roles.State);
        (await state.PostAsync(new Uri("/api/years/2024/publish", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await state.PostAsync(new Uri("/api/years/2019/publish", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Signing_in_names_the_account_in_the_header_and_a_wrong_password_says_so(string database)
    {
        var server = servers.For(database);
        var county = await server.SignedInAs(Roles.County, county: "27");
        WebUtility.HtmlDecode(await county.GetStringAsync(new Uri("/", UriKind.Relative))).ShouldContain("(county office staff, county 27)");

        var client = server.CreateClient();
        var response = await Forms.PostAsync(client, "/signin", new() { ["Email"] = "nobody@example.org", ["Password"] = "Wrong-passw0rd" });
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("Wrong email or password.");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_account_needs_a_known_role_and_the_scope_that_goes_with_it(string database)
    {
        using var scope = servers.For(database).Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<AddAccountHandler>();
        foreach (var (account, message) in new[]
        {
            (new AddAccount("a@example.org", "Sample-passw0rd", "admin"), "--role must be one of state, county, lea"),
            (new AddAccount("b@example.org", "Sample-passw0rd", "county"), "needs --county"),
            (new AddAccount("c@example.org", "Sample-passw0rd", "county", County: "Atlantis"), "not 'Atlantis'"),
            (new AddAccount("d@example.org", "Sample-passw0rd", "lea", Lea: "123"), "needs --lea"),
            (new AddAccount("e@example.org", "Sample-passw0rd", "state", County: "27"), "neither --county nor --lea"),
            (new AddAccount("f@example.org", "short", "state"), "Passwords must be at least 6 characters"),
        })
        {
            (await Should.ThrowAsync<ArgumentException>(() => handler.Handle(account))).Message.ShouldContain(message);
        }
    }
}
