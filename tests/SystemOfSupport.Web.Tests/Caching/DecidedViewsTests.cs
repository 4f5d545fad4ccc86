using System.Net;
using System.Net.Http.Json;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Import;
using SystemOfSupport.Web.Features.StatePage;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Caching;

/// <summary>
/// Signed-in staff are served views the handlers keep in memory (Features/Caching/DecidedViews): each viewer still sees
/// only their scope, and an import or publish drops what was kept.
/// </summary>
[Collection(WebServers.Name)]
public class DecidedViewsTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    private static async Task<T> Json<T>(HttpClient client, string url) => (await client.GetFromJsonAsync<T>(new Uri(url, UriKind.Relative)))!;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Kept_views_follow_the_viewers_scope_and_are_dropped_when_the_year_is_published(string database)
    {
        const string Coe = "27102720000000";
        var server = servers.For(database, "decided-views");
        var state = await server.SignedInAs(Roles.State);
        (await state.PostAsJsonAsync(new Uri("/api/import", UriKind.Relative), new ImportYear(2024, SampleData.FolderName + "/2024"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var alisal = await server.SignedInAs(Roles.Lea, lea: "27659610000000");

        var statewide = await Json<StateOverview>(state, "/api/state?year=2024");
        (statewide.Leas, statewide.Published).ShouldBe((25, false));
        (await Json<StateOverview>(alisal, "/api/state?year=2024")).Leas.ShouldBe(1, "the LEA's own scope, not the view kept for state staff");
        (await state.GetAsync(new Uri($"/api/leas/{Coe}?year=2024", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await alisal.GetAsync(new Uri($"/api/leas/{Coe}?year=2024", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "kept findings are no way round the scope");

        (await state.PostAsync(new Uri("/api/years/2024/publish", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await Json<StateOverview>(state, "/api/state?year=2024")).Published.ShouldBeTrue("publishing drops the kept views");
        (await Json<StateOverview>(alisal, "/api/state?year=2024")).Leas.ShouldBe(25, "published: every LEA");
        (await alisal.GetAsync(new Uri($"/api/leas/{Coe}?year=2024", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
