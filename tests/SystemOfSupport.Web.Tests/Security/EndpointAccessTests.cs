using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Import;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps × every kind of viewer, against a declared table, with 2024 imported but not published:
/// the public, an LEA's staff (Alisal, in Monterey), Monterey's county office staff, another county's (Alameda) and state
/// staff. An endpoint the table does not list fails the test: whoever adds one must say here who may use it.
/// </summary>
[Collection(WebServers.Name)]
public partial class EndpointAccessTests(Servers servers)
{
    private const int Ok = 200;
    private const int NoContent = 204;
    private const int Redirect = 302;
    private const int Unauthorized = 401;
    private const int Forbidden = 403;
    private const int NotFound = 404;
    private const int Unprocessable = 422;

    public static TheoryData<string> Databases => SosServer.Databases;

    /// <summary>What each viewer gets from one request to an endpoint.</summary>
    /// <param name="Endpoint">The endpoint as mapped: its methods (PAGE for a Razor page) and route.</param>
    private sealed record Expectation(string Endpoint, string Method, string Url, int Public, int Lea, int OwnCounty, int OtherCounty, int State, object? Json = null, Dictionary<string, string>? Form = null);

    /// <summary>The table. Sign-out comes last: it ends the session the rows before it use.</summary>
    private static readonly Expectation[] Table =
    [
        new("PAGE /", "GET", "/?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("PAGE /", "POST", "/?year=2018&handler=Publish", Redirect, Redirect, Redirect, Redirect, Redirect, Form: []),
        new("PAGE /counties/{county}", "GET", "/counties/monterey?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("PAGE /leas/{cds}", "GET", "/leas/27102720000000?year=2024", NotFound, NotFound, Ok, NotFound, Ok),
        new("PAGE /leas/{cds}", "GET", "/leas/27659610000000?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("PAGE /import", "GET", "/import", Redirect, Redirect, Redirect, Redirect, Ok),
        new("PAGE /import", "POST", "/import", Redirect, Redirect, Redirect, Redirect, Ok, Form: new() { ["Year"] = "2024", ["Folder"] = "no-such-folder" }),
        new("PAGE /signin", "GET", "/signin", Ok, Ok, Ok, Ok, Ok),
        new("PAGE /signin", "POST", "/signin", Ok, Ok, Ok, Ok, Ok, Form: new() { ["Email"] = "nobody@example.org", ["Password"] = "Wrong-passw0rd" }),
        new("GET /api/years", "GET", "/api/years", Ok, Ok, Ok, Ok, Ok),
        new("GET /api/state", "GET", "/api/state?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("GET /api/counties", "GET", "/api/counties?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("GET /api/counties/{county}", "GET", "/api/counties/monterey?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("GET /api/leas/{cds}", "GET", "/api/leas/27102720000000?year=2024", NotFound, NotFound, Ok, NotFound, Ok),
        new("POST /api/years/{year:int}/publish", "POST", "/api/years/2018/publish", Unauthorized, Forbidden, Forbidden, Forbidden, NoContent),
        new("POST /api/import", "POST", "/api/import", Unauthorized, Forbidden, Forbidden, Forbidden, Unprocessable, Json: new ImportYear(2024, "no-such-folder")),
        new("GET /downloads/{name}", "GET", "/downloads/assistancestatus24.xlsx", NotFound, NotFound, NotFound, NotFound, Ok),
        new("GET /downloads/{name}", "GET", "/downloads/assistancestatus23.xlsx", Ok, Ok, Ok, Ok, Ok),
        new("GET /openapi/{documentName}.json", "GET", "/openapi/v1.json", Ok, Ok, Ok, Ok, Ok),
        new("GET /site.css", "GET", "/site.css", Ok, Ok, Ok, Ok, Ok),
        new("PAGE /signout", "POST", "/signout", Redirect, Redirect, Redirect, Redirect, Redirect, Form: []),
    ];

    [Theory]
    [MemberData(nameof(Databases))]
    public void Every_mapped_endpoint_is_in_the_access_table(string database)
    {
        var mapped = Endpoints(servers.For(database));
        mapped.Except(Table.Select(e => e.Endpoint)).ShouldBeEmpty("endpoints with no declared access: add them to EndpointAccessTests.Table");
        Table.Select(e => e.Endpoint).Distinct().Except(mapped).ShouldBeEmpty("the table lists endpoints the app no longer maps");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Each_viewer_gets_what_the_table_says_from_every_endpoint(string database)
    {
        var server = servers.For(database, "access");
        var state = await server.SignedInAs(Roles.State);
        var imported = await state.PostAsJsonAsync(new Uri("/api/import", UriKind.Relative), new ImportYear(2024, SampleData.FolderName + "/2024"));
        imported.StatusCode.ShouldBe(HttpStatusCode.OK);

        var viewers = new (string Name, HttpClient Client, Func<Expectation, int> Expected)[]
        {
            ("public", server.CreateClient(new() { AllowAutoRedirect = false }), e => e.Public),
            ("LEA staff (Alisal)", await server.SignedInAs(Roles.Lea, lea: "2765961"), e => e.Lea),
            ("Monterey county staff", await server.SignedInAs(Roles.County, county: "Monterey"), e => e.OwnCounty),
            ("Alameda county staff", await server.SignedInAs(Roles.County, county: "01"), e => e.OtherCounty),
            ("state staff", state, e => e.State),
        };
        var failures = new List<string>();
        foreach (var (name, client, expected) in viewers)
        {
            var token = TokenField().Match(await client.GetStringAsync(new Uri("/signin", UriKind.Relative))).Groups[1].Value;
            foreach (var row in Table)
            {
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(row.Url, UriKind.Relative));
                if (row.Json is not null)
                {
                    request.Content = JsonContent.Create(row.Json);
                }
                else if (row.Form is not null)
                {
                    request.Content = new FormUrlEncodedContent(new Dictionary<string, string>(row.Form) { ["__RequestVerificationToken"] = token });
                }

                var status = (int)(await client.SendAsync(request)).StatusCode;
                if (status != expected(row))
                {
                    failures.Add($"{name}: {row.Method} {row.Url} gave {status}, expected {expected(row)}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    /// <summary>Each endpoint as "METHODS route" (PAGE for a Razor page, which takes GET and its POST handlers).</summary>
    private static string[] Endpoints(SosServer server) =>
    [
        .. server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (e.Metadata.GetMetadata<PageActionDescriptor>() is not null ? "PAGE"
                    : string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]))
                + " /" + e.RoutePattern.RawText?.TrimStart('/'))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
