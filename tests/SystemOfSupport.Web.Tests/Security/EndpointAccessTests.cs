using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SystemOfSupport.Core.Casework;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Cases;
using SystemOfSupport.Web.Features.Import;
using SystemOfSupport.Web.Features.Resources;
using SystemOfSupport.Web.Tests.Cases;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps × every kind of viewer, against a declared table, with 2024 imported but not published:
/// the public, an LEA's staff (a Monterey district with a 2024 case), Monterey's county office staff, another county's
/// (Alameda) and state staff. An endpoint the table does not list fails the test: whoever adds one must say here who may
/// use it. Every change to a case is checked in the store too: the case's version and audit trail grow by one for exactly
/// the viewers the row says may change it, and stay as they were for everyone else.
/// </summary>
[Collection(WebServers.Name)]
public partial class EndpointAccessTests(Servers servers)
{
    private const int Ok = 200;
    private const int Created = 201;
    private const int Accepted = 202;
    private const int NoContent = 204;
    private const int Redirect = 302;
    private const int BadRequest = 400;
    private const int Unauthorized = 401;
    private const int Forbidden = 403;
    private const int NotFound = 404;
    private const int Unprocessable = 422;
    private const int ServiceUnavailable = 503;

    private const string MontereyCoe = "27102720000000";
    private const string Password = "Sample-passw0rd";

    // A PDF in scope needs Chromium; without it the answer is 503 (after the same scope check).
    private static readonly int Pdf = File.Exists("/usr/bin/chromium") ? Ok : ServiceUnavailable;

    public static TheoryData<string> Databases => SosServer.Databases;

    [Flags]
    private enum Viewers
    {
        None = 0,
        Public = 1,
        Lea = 2,
        OwnCounty = 4,
        OtherCounty = 8,
        State = 16,
        InScope = Lea | OwnCounty | State,
    }

    /// <summary>What each viewer gets from one request to an endpoint.</summary>
    /// <param name="Endpoint">The endpoint as mapped: its methods (PAGE for a Razor page) and route.</param>
    /// <param name="Url">
    /// With placeholders filled in just before each request: <c>{lea}</c> the LEA staff's district, <c>{case}</c> its 2024
    /// case, <c>{coe}</c> the Monterey county office's 2024 case (not the LEA staff's), <c>{v}</c> the version of the case
    /// the row changes, <c>{note}</c>, <c>{task}</c>, <c>{doc}</c> an item state staff add to <c>{case}</c> for this request,
    /// <c>{resource}</c> a hub entry, <c>{job}</c> an import job, <c>{account}</c> an account for the account rows.
    /// </param>
    /// <param name="Json">The body, given the case's current version.</param>
    /// <param name="Form">Form fields (with the viewer's antiforgery token), sent url-encoded or, with <paramref name="Multipart"/>, as multipart.</param>
    /// <param name="Changes">Who changes the case the URL names: its version and audit trail grow by one for them, for no one else.</param>
    private sealed record Expectation(
        string Endpoint, string Method, string Url, int Public, int Lea, int OwnCounty, int OtherCounty, int State,
        Func<int, object>? Json = null, Dictionary<string, string>? Form = null, Viewers Changes = Viewers.None, bool Multipart = false);

    private static readonly DateOnly Day = new(2025, 1, 15);

    /// <summary>The table. Sign-out comes last: it ends the session the rows before it use.</summary>
    private static readonly Expectation[] Table =
    [
        new("PAGE /", "GET", "/?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("PAGE /", "POST", "/?year=2018&handler=Publish", Redirect, Redirect, Redirect, Redirect, Redirect, Form: []),
        new("PAGE /counties/{county}", "GET", "/counties/monterey?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("PAGE /leas/{cds}", "GET", "/leas/27102720000000?year=2024", NotFound, NotFound, Ok, NotFound, Ok),
        new("PAGE /leas/{cds}", "GET", "/leas/{lea}?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("PAGE /import", "GET", "/import", Redirect, Redirect, Redirect, Redirect, Ok),
        new("PAGE /import", "POST", "/import", Redirect, Redirect, Redirect, Redirect, Redirect, Form: new() { ["Year"] = "2024", ["Folder"] = "no-such-folder" }),
        new("PAGE /import", "POST", "/import?handler=Upload", Redirect, Redirect, Redirect, Redirect, Ok, Form: new() { ["Year"] = "2024" }),
        new("PAGE /import/jobs/{id:guid}", "GET", "/import/jobs/{job}", Redirect, Redirect, Redirect, Redirect, Ok),
        new("PAGE /signin", "GET", "/signin", Ok, Ok, Ok, Ok, Ok),
        new("PAGE /signin", "POST", "/signin", Ok, Ok, Ok, Ok, Ok, Form: new() { ["Email"] = "nobody@example.org", ["Password"] = "Wrong-passw0rd" }),
        new("PAGE /funding", "GET", "/funding", Ok, Ok, Ok, Ok, Ok),

        // This server has no CALPADS records: every viewer alike is told so (the CALPADS tests read them with records).
        new("PAGE /calpads", "GET", "/calpads", NotFound, NotFound, NotFound, NotFound, NotFound),
        new("PAGE /reports/{cds:long}", "GET", "/reports/{lea}?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("PAGE /reports/{cds:long}", "GET", "/reports/27102720000000?year=2024", NotFound, NotFound, Ok, NotFound, Ok),
        new("PAGE /resources", "GET", "/resources", Ok, Ok, Ok, Ok, Ok),
        new("PAGE /resources/{id}", "GET", "/resources/{resource}", Ok, Ok, Ok, Ok, Ok),
        new("PAGE /resources/edit/{id?}", "GET", "/resources/edit", Redirect, Redirect, Redirect, Redirect, Ok),
        new("PAGE /resources/edit/{id?}", "POST", "/resources/edit/{resource}", Redirect, Redirect, Redirect, Redirect, Unprocessable, Form: new() { ["Form.Version"] = "1", ["Form.Name"] = string.Empty }),
        new("PAGE /accounts", "GET", "/accounts", Redirect, Redirect, Redirect, Redirect, Ok),
        new("PAGE /accounts", "POST", "/accounts?handler=Lock", Redirect, Redirect, Redirect, Redirect, Ok, Form: new() { ["id"] = "{account}", ["locked"] = "false" }),
        new("PAGE /cases", "GET", "/cases", Redirect, Ok, Ok, Ok, Ok),

        // Opening a case by hand: LEA staff may not; the county office (which has an open case) is refused with the reason.
        new("PAGE /cases", "POST", "/cases?handler=Open&lea=27102720000000", Redirect, Redirect, Ok, NotFound, Ok, Form: new() { ["Reason"] = "asked" }),
        new("PAGE /cases/{id:int}", "GET", "/cases/{case}", Redirect, Ok, Ok, NotFound, Ok),
        new("PAGE /cases/{id:int}", "GET", "/cases/{coe}", Redirect, NotFound, Ok, NotFound, Ok),
        new("PAGE /cases/{id:int}", "POST", "/cases/{case}?handler=Note", Redirect, Redirect, Redirect, NotFound, Redirect,
            Form: new() { ["Version"] = "{v}", ["NoteText"] = "a note from the page" }, Changes: Viewers.InScope),
        new("PAGE /cases/{id:int}", "POST", "/cases/{coe}?handler=Note", Redirect, NotFound, Redirect, NotFound, Redirect,
            Form: new() { ["Version"] = "{v}", ["NoteText"] = "a note from the page" }, Changes: Viewers.OwnCounty | Viewers.State),
        new("PAGE /cases/{id:int}", "POST", "/cases/{case}?handler=DeleteNote", Redirect, Redirect, Redirect, NotFound, Redirect,
            Form: new() { ["Version"] = "{v}", ["ItemId"] = "{note}" }, Changes: Viewers.InScope),
        new("GET /api/years", "GET", "/api/years", Ok, Ok, Ok, Ok, Ok),
        new("GET /api/state", "GET", "/api/state?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("GET /api/counties", "GET", "/api/counties?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("GET /api/counties/{county}", "GET", "/api/counties/monterey?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("GET /api/leas/{cds}", "GET", "/api/leas/27102720000000?year=2024", NotFound, NotFound, Ok, NotFound, Ok),
        new("GET /api/funding", "GET", "/api/funding", Ok, Ok, Ok, Ok, Ok),
        new("GET /api/calpads", "GET", "/api/calpads", NotFound, NotFound, NotFound, NotFound, NotFound),
        new("GET /api/reports/{cds}", "GET", "/api/reports/{lea}?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("GET /api/reports/{cds}", "GET", "/api/reports/27102720000000?year=2024", NotFound, NotFound, Ok, NotFound, Ok),
        new("GET /reports/{cds:long}.pdf", "GET", "/reports/27102720000000.pdf?year=2024", NotFound, NotFound, Pdf, NotFound, Pdf),
        new("POST /api/years/{year:int}/publish", "POST", "/api/years/2018/publish", Unauthorized, Forbidden, Forbidden, Forbidden, NoContent),
        new("POST /api/import", "POST", "/api/import", Unauthorized, Forbidden, Forbidden, Forbidden, Unprocessable, Json: _ => new ImportYear(2024, "no-such-folder")),
        new("POST /api/import/jobs", "POST", "/api/import/jobs", Unauthorized, Forbidden, Forbidden, Forbidden, Accepted, Json: _ => new ImportYear(2024, "no-such-folder")),
        new("POST /api/import/upload", "POST", "/api/import/upload", Unauthorized, Forbidden, Forbidden, Forbidden, Unprocessable, Form: new() { ["year"] = "2024" }, Multipart: true),
        new("GET /api/import/jobs/{id:guid}", "GET", "/api/import/jobs/{job}", Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        new("GET /api/import/token", "GET", "/api/import/token", Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        new("GET /api/accounts/", "GET", "/api/accounts", Unauthorized, Forbidden, Forbidden, Forbidden, Ok),
        new("POST /api/accounts/", "POST", "/api/accounts", Unauthorized, Forbidden, Forbidden, Forbidden, Unprocessable, Json: _ => new AddAccount("not-an-email", Password, Roles.State)),
        new("PUT /api/accounts/{id}/role", "PUT", "/api/accounts/{account}/role", Unauthorized, Forbidden, Forbidden, Forbidden, NoContent, Json: _ => new ChangeRole(Roles.County, County: "Alameda")),
        new("PUT /api/accounts/{id}/lock", "PUT", "/api/accounts/{account}/lock", Unauthorized, Forbidden, Forbidden, Forbidden, NoContent, Json: _ => new LockAccount(true)),
        new("PUT /api/accounts/{id}/password", "PUT", "/api/accounts/{account}/password", Unauthorized, Forbidden, Forbidden, Forbidden, NoContent, Json: _ => new ResetPassword("Other-passw0rd")),
        new("GET /api/resources/", "GET", "/api/resources", Ok, Ok, Ok, Ok, Ok),
        new("GET /api/resources/{id}", "GET", "/api/resources/{resource}", Ok, Ok, Ok, Ok, Ok),
        new("GET /api/resources/for/{cds}", "GET", "/api/resources/for/{lea}?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("POST /api/resources/", "POST", "/api/resources", Unauthorized, Forbidden, Forbidden, Forbidden, Unprocessable, Json: _ => new SaveResource(string.Empty, string.Empty, string.Empty, string.Empty, null, null, null, null, null, null, false, null)),
        new("PUT /api/resources/{id}", "PUT", "/api/resources/{resource}", Unauthorized, Forbidden, Forbidden, Forbidden, Unprocessable, Json: _ => new SaveResource(string.Empty, string.Empty, string.Empty, string.Empty, null, null, null, null, null, null, false, null)),
        new("GET /api/cases/", "GET", "/api/cases", Unauthorized, Ok, Ok, Ok, Ok),
        new("POST /api/cases/", "POST", "/api/cases", Unauthorized, Forbidden, Unprocessable, NotFound, Unprocessable, Json: _ => new OpenCase(MontereyCoe, "asked")),
        new("GET /api/cases/{id:int}", "GET", "/api/cases/{case}", Unauthorized, Ok, Ok, NotFound, Ok),
        new("GET /api/cases/{id:int}", "GET", "/api/cases/{coe}", Unauthorized, NotFound, Ok, NotFound, Ok),
        new("GET /api/cases/progress/{cds}", "GET", "/api/cases/progress/{lea}", Unauthorized, Ok, Ok, NotFound, Ok),
        new("GET /api/cases/progress/{cds}", "GET", "/api/cases/progress/27102720000000", Unauthorized, NotFound, Ok, NotFound, Ok),
        new("POST /api/cases/{id:int}/advance", "POST", "/api/cases/{case}/advance", Unauthorized, Unprocessable, Unprocessable, NotFound, Unprocessable, Json: v => new AdvanceCase(v, CaseStep.Closed)),
        new("PUT /api/cases/{id:int}/summary", "PUT", "/api/cases/{case}/summary", Unauthorized, Ok, Ok, NotFound, Ok, Json: v => new EditCaseSummary(v, "causes", "strategies", "plan"), Changes: Viewers.InScope),
        new("POST /api/cases/{id:int}/meetings", "POST", "/api/cases/{case}/meetings", Unauthorized, Ok, Ok, NotFound, Ok, Json: v => new AddMeeting(v, Day, "kick-off", [new("Ana", "Director")], null), Changes: Viewers.InScope),
        new("POST /api/cases/{id:int}/engagements", "POST", "/api/cases/{case}/engagements", Unauthorized, Ok, Ok, NotFound, Ok, Json: v => new AddEngagement(v, Day, "parents", "a forum"), Changes: Viewers.InScope),
        new("POST /api/cases/{id:int}/notes", "POST", "/api/cases/{case}/notes", Unauthorized, Ok, Ok, NotFound, Ok, Json: v => new AddNote(v, "a note"), Changes: Viewers.InScope),
        new("POST /api/cases/{id:int}/notes", "POST", "/api/cases/{coe}/notes", Unauthorized, NotFound, Ok, NotFound, Ok, Json: v => new AddNote(v, "a note"), Changes: Viewers.OwnCounty | Viewers.State),
        new("PUT /api/cases/{id:int}/notes/{noteId:int}", "PUT", "/api/cases/{case}/notes/{note}", Unauthorized, Ok, Ok, NotFound, Ok, Json: v => new EditNote(v, "edited"), Changes: Viewers.InScope),
        new("DELETE /api/cases/{id:int}/notes/{noteId:int}", "DELETE", "/api/cases/{case}/notes/{note}?version={v}", Unauthorized, Ok, Ok, NotFound, Ok, Changes: Viewers.InScope),
        new("POST /api/cases/{id:int}/tasks", "POST", "/api/cases/{case}/tasks", Unauthorized, Ok, Ok, NotFound, Ok, Json: v => new AddTask(v, "a task", "Ana", Day), Changes: Viewers.InScope),
        new("PUT /api/cases/{id:int}/tasks/{taskId:int}/done", "PUT", "/api/cases/{case}/tasks/{task}/done", Unauthorized, Ok, Ok, NotFound, Ok, Json: v => new SetTaskDone(v, true), Changes: Viewers.InScope),
        new("DELETE /api/cases/{id:int}/tasks/{taskId:int}", "DELETE", "/api/cases/{case}/tasks/{task}?version={v}", Unauthorized, Ok, Ok, NotFound, Ok, Changes: Viewers.InScope),
        new("POST /api/cases/{id:int}/documents", "POST", "/api/cases/{case}/documents", Unauthorized, Ok, Ok, NotFound, Ok, Json: v => new AddDocument(v, "plan.txt", "text/plain", "plan"u8.ToArray(), null), Changes: Viewers.InScope),
        new("DELETE /api/cases/{id:int}/documents/{documentId:int}", "DELETE", "/api/cases/{case}/documents/{doc}?version={v}", Unauthorized, Ok, Ok, NotFound, Ok, Changes: Viewers.InScope),
        new("GET /cases/{id:int}/documents/{documentId:int}", "GET", "/cases/{case}/documents/{doc}", Redirect, Ok, Ok, NotFound, Ok),
        new("POST /api/cases/{id:int}/level3", "POST", "/api/cases/{coe}/level3", Unauthorized, NotFound, Forbidden, NotFound, Ok, Json: v => new AddLevel3Record(v, Level3Action.CceeDecision, Day, "intensive assistance"), Changes: Viewers.State),
        new("PUT /api/cases/{id:int}/toolkit", "PUT", "/api/cases/{case}/toolkit", Unauthorized, Unprocessable, Unprocessable, NotFound, Unprocessable, Json: v => new SaveToolkitForm(v, ToolkitForm.RootCauseAnalysis, new Dictionary<string, string?>())),
        new("GET /downloads/{name}", "GET", "/downloads/assistancestatus24.xlsx", NotFound, NotFound, NotFound, NotFound, Ok),
        new("GET /downloads/{name}", "GET", "/downloads/assistancestatus23.xlsx", Ok, Ok, Ok, Ok, Ok),
        new("GET /counties/{county}.{format:regex(^(csv|xlsx)$)}", "GET", "/counties/monterey.csv?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("GET /leas/{cds}.{format:regex(^(csv|xlsx)$)}", "GET", "/leas/{lea}.xlsx?year=2024", NotFound, Ok, Ok, NotFound, Ok),
        new("GET /leas/{cds}.{format:regex(^(csv|xlsx)$)}", "GET", "/leas/27102720000000.csv?year=2024", NotFound, NotFound, Ok, NotFound, Ok),
        new("GET /funding.{format:regex(^(csv|xlsx)$)}", "GET", "/funding.csv", Ok, Ok, Ok, Ok, Ok),
        new("GET /openapi/{documentName}.json", "GET", "/openapi/v1.json", Ok, Ok, Ok, Ok, Ok),
        new("GET /site.css", "GET", "/site.css", Ok, Ok, Ok, Ok, Ok),
        new("GET /onepager.css", "GET", "/onepager.css", Ok, Ok, Ok, Ok, Ok),
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
        var places = await Places.Of(state);

        var viewers = new (Viewers Who, HttpClient Client, Func<Expectation, int> Expected)[]
        {
            (Viewers.Public, server.CreateClient(new() { AllowAutoRedirect = false }), e => e.Public),
            (Viewers.Lea, await server.SignedInAs(Roles.Lea, lea: places.Lea), e => e.Lea),
            (Viewers.OwnCounty, await server.SignedInAs(Roles.County, county: "Monterey"), e => e.OwnCounty),
            (Viewers.OtherCounty, await server.SignedInAs(Roles.County, county: "01"), e => e.OtherCounty),
            (Viewers.State, state, e => e.State),
        };
        var failures = new List<string>();
        foreach (var (who, client, expected) in viewers)
        {
            var token = TokenField().Match(await client.GetStringAsync(new Uri("/signin", UriKind.Relative))).Groups[1].Value;
            foreach (var row in Table)
            {
                var caseId = row.Url.Contains("{coe}", StringComparison.Ordinal) ? places.Coe : places.Case;
                var url = await places.Fill(state, row.Url, caseId);
                var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
                foreach (var (name, value) in (row.Form ?? []).OrderBy(f => f.Value.Contains("{v}", StringComparison.Ordinal)))
                {
                    form[name] = await places.Fill(state, value, caseId); // items first: adding one raises the version
                }

                var changesCase = row.Method != "GET" && row.Url.Contains("/cases/", StringComparison.Ordinal);
                var before = await state.Case(caseId);
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(url, UriKind.Relative));
                if (row.Json is not null)
                {
                    request.Content = JsonContent.Create(row.Json(before.Version), options: CaseClient.Json);
                }
                else if (row.Multipart)
                {
                    var multipart = new MultipartFormDataContent();
                    foreach (var (name, value) in form)
                    {
                        multipart.Add(new StringContent(value), name);
                    }

                    request.Content = multipart;
                }
                else if (row.Form is not null)
                {
                    request.Content = new FormUrlEncodedContent(form);
                }

                var status = (int)(await client.SendAsync(request)).StatusCode;
                if (status != expected(row))
                {
                    failures.Add($"{who}: {row.Method} {url} gave {status}, expected {expected(row)}");
                }

                if (changesCase)
                {
                    var after = await state.Case(caseId);
                    var grown = row.Changes.HasFlag(who) ? 1 : 0;
                    if (after.Version != before.Version + grown || after.Audit.Count != before.Audit.Count + grown)
                    {
                        failures.Add($"{who}: {row.Method} {url} took case {caseId} from version {before.Version} ({before.Audit.Count} audit entries) to {after.Version} ({after.Audit.Count}); expected {grown} change");
                    }
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_published_one_page_report_shows_the_LEAs_case_only_to_viewers_in_its_scope(string database)
    {
        var server = servers.For(database);
        var state = await server.SignedInAs(Roles.State);
        var lea = (await state.Get<CaseList>("/api/cases?county=27&year=2023")).Cases.First(c => c.Cds != MontereyCoe).Cds;
        foreach (var (viewer, client, seesCase) in new (string, HttpClient, bool)[]
        {
            ("public", server.CreateClient(), false),
            ("another county's staff", await server.SignedInAs(Roles.County, county: "Alameda"), false),
            ("another LEA's staff", await server.SignedInAs(Roles.Lea, lea: MontereyCoe), false),
            ("the LEA's staff", await server.SignedInAs(Roles.Lea, lea: lea), true),
            ("the county's staff", await server.SignedInAs(Roles.County, county: "Monterey"), true),
            ("state staff", state, true),
        })
        {
            var report = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/reports/{lea}?year=2023", UriKind.Relative));
            (report.GetProperty("case").ValueKind != JsonValueKind.Null).ShouldBe(seesCase, viewer);
        }
    }

    /// <summary>The places the table's URLs name, found or made by state staff once the year is imported.</summary>
    private sealed record Places(string Lea, int Case, int Coe, string Resource, string Job, string Account)
    {
        public static async Task<Places> Of(HttpClient state)
        {
            var cases = (await state.Get<CaseList>("/api/cases?year=2024&county=27")).Cases;
            var district = cases.Where(c => c.Cds != MontereyCoe).OrderBy(c => c.Id).First();
            var coe = cases.Single(c => c.Cds == MontereyCoe);
            var resource = (await state.Get<ResourceList>("/api/resources")).Resources[0].Id;
            var job = await state.PostAsJsonAsync(new Uri("/api/import/jobs", UriKind.Relative), new ImportYear(2024, "no-such-folder"));
            var jobId = (await job.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            var email = $"target-{Guid.NewGuid():N}@example.org";
            (await state.PostAsJsonAsync(new Uri("/api/accounts", UriKind.Relative), new AddAccount(email, Password, Roles.Lea, Lea: district.Cds))).StatusCode.ShouldBe(HttpStatusCode.Created);
            var account = (await state.Get<AccountSummary[]>("/api/accounts")).Single(a => a.Email == email).Id;
            return new Places(district.Cds, district.Id, coe.Id, resource, jobId, account);
        }

        /// <summary>Fills in the placeholders; a note, task or document named is added by state staff just now.</summary>
        public async Task<string> Fill(HttpClient state, string text, int caseId)
        {
            text = text.Replace("{lea}", Lea, StringComparison.Ordinal).Replace("{case}", $"{Case}", StringComparison.Ordinal)
                .Replace("{coe}", $"{Coe}", StringComparison.Ordinal).Replace("{resource}", Resource, StringComparison.Ordinal)
                .Replace("{job}", Job, StringComparison.Ordinal).Replace("{account}", Account, StringComparison.Ordinal);
            foreach (var (placeholder, path, body) in new (string, string, Func<int, object>)[]
            {
                ("{note}", "notes", v => new AddNote(v, "to be changed")),
                ("{task}", "tasks", v => new AddTask(v, "to be changed", "Ana", Day)),
                ("{doc}", "documents", v => new AddDocument(v, "plan.txt", "text/plain", "plan"u8.ToArray(), null)),
            })
            {
                if (text.Contains(placeholder, StringComparison.Ordinal))
                {
                    var added = await state.Ok(HttpMethod.Post, $"/api/cases/{caseId}/{path}", body((await state.Case(caseId)).Version));
                    text = text.Replace(placeholder, $"{added.EntityId}", StringComparison.Ordinal);
                }
            }

            return text.Contains("{v}", StringComparison.Ordinal)
                ? text.Replace("{v}", $"{(await state.Case(caseId)).Version}", StringComparison.Ordinal)
                : text;
        }
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
