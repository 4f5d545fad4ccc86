using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Resources;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Resources;

/// <summary>The resource hub's pages and API on each database: search, filters, an LEA's matches, and state staff's edits.</summary>
[Collection(WebServers.Name)]
public class ResourceHubTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    private const string Coe = "27102720000000";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static async Task<string> Html(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<T> Api<T>(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(expected, url);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    private static SaveResource Command(string id, int? version, bool retired = false) => new(
        id, "Foster youth attendance network", "StatewideInitiative", "County offices share what keeps foster youth coming to school.", null,
        [5], ["FOS"], ["chronic"], ["CountyOffice"], [1], retired, version);

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_hub_lists_the_shipped_catalogue_and_filters_by_words_and_tags(string database)
    {
        var client = servers.For(database).CreateClient();
        var all = await Html(client, "/resources");
        all.ShouldContain("Resource hub");
        all.ShouldContain("26 resources.");
        all.ShouldContain("Title III Regional English Learner Specialists");
        all.ShouldNotContain("Add a resource", Case.Sensitive, "the public may not edit");

        var literacy = await Html(client, "/resources?q=literacy+coaches");
        literacy.ShouldContain("Literacy Coaches and Reading Specialists Educator Training");
        literacy.ShouldNotContain("Universal Prekindergarten");

        var foster = await Api<ResourceList>(client, "/api/resources?group=FOS&priority=5");
        foster.Resources.Select(r => r.Id).ShouldBe(["foster-youth-coordination", "community-schools", "equity-leads", "mtss-sums", "expanded-learning"], ignoreOrder: true);
        (await Api<ResourceList>(client, "/api/resources?indicator=elpi&audience=Educator&level=1")).Resources.Select(r => r.Id).ShouldBe(["educator-workforce-investment"]);
        (await Api<ResourceList>(client, "/api/resources?level=3")).Resources.Select(r => r.Id).ShouldBe(["ccee", "lcap", "state-board"], ignoreOrder: true);

        var bad = await Api<ResourceList>(client, "/api/resources?group=XYZ&level=4", HttpStatusCode.BadRequest);
        bad.Errors.ShouldBe(["group 'XYZ' is not a student group code", "level 4 is not 1, 2 or 3"]);
        (await Html(client, "/resources?priority=11")).ShouldContain("priority 11 is not 1–10");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_resource_has_its_own_page_and_API_entry_with_its_tags_in_words(string database)
    {
        var client = servers.For(database).CreateClient();
        var html = await Html(client, "/resources/title-iii-rels");
        html.ShouldContain("<h1>Title III Regional English Learner Specialists</h1>");
        html.ShouldContain("English Learners, Long-Term English Learners");
        html.ShouldContain("English Learner Progress, English Language Arts");
        html.ShouldContain("(shipped catalogue)");
        var view = await Api<ResourceView>(client, "/api/resources/title-iii-rels");
        (view.Kind, view.Version, string.Join(' ', view.Groups), string.Join(' ', view.Levels)).ShouldBe(("LeadAgency", 1, "EL LTEL", "1 2"));
        (await client.GetAsync(new Uri("/resources/no-such-thing", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri("/api/resources/no-such-thing", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_LEA_is_shown_the_resources_for_its_identified_groups_and_priorities_first_with_why(string database)
    {
        var client = servers.For(database).CreateClient();
        var matches = await Api<LeaResources>(client, $"/api/resources/for/{Coe}");
        (matches.Year, matches.Level).ShouldBe((2024, 3));
        matches.Needs.ShouldContain("Hispanic: Priority 5 (Pupil Engagement) on Graduation Rate");
        matches.Matches[0].Tier.ShouldBe(1);
        matches.Matches.Select(m => m.Tier).ShouldBeInOrder();
        matches.Matches.Where(m => m.Tier == 1).ShouldAllBe(m => m.Why[0].StartsWith("For ", StringComparison.Ordinal));
        matches.Matches.ShouldNotContain(m => m.Resource.Id == "dyslexia-initiative", "tagged for students with disabilities and ELA, which the county office was not identified on");

        var html = await Html(client, $"/resources?lea={Coe}");
        html.ShouldContain("Resources for Monterey County Office of Education, 2024");
        html.ShouldContain("For the identified group and priority");
        html.ShouldContain("the LEA was identified there for that group.");
        (await client.GetAsync(new Uri("/resources?lea=99999999999999", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri("/api/resources/for/99999999999999", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Only_state_staff_edit_the_catalogue(string database)
    {
        var server = servers.For(database);
        var anonymous = server.CreateClient(new() { AllowAutoRedirect = false });
        (await anonymous.GetAsync(new Uri("/resources/edit", UriKind.Relative))).Headers.Location!.OriginalString.ShouldStartWith("http://localhost/signin");
        (await anonymous.PostAsJsonAsync(new Uri("/api/resources", UriKind.Relative), Command("x", null), Json)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var county = await server.SignedInAs(Roles.County, county: "27");
        (await county.GetAsync(new Uri("/resources/edit/lcap", UriKind.Relative))).Headers.Location!.OriginalString.ShouldStartWith("http://localhost/signin");
        (await county.PutAsJsonAsync(new Uri("/api/resources/lcap", UriKind.Relative), Command("lcap", 1), Json)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Html(county, "/resources/lcap")).ShouldNotContain("/resources/edit/lcap");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task State_staff_add_edit_and_retire_an_entry_through_the_forms_and_a_stale_edit_is_refused(string database)
    {
        var server = servers.For(database, "hub-forms");
        var state = await server.SignedInAs(Roles.State);
        (await Html(state, "/resources")).ShouldContain("Add a resource");

        var created = await PostForm(state, "/resources/edit", Fields("Foster youth attendance network", id: "fy-network"));
        (created.StatusCode, created.Headers.Location!.OriginalString).ShouldBe((HttpStatusCode.Redirect, "/resources/fy-network"));
        var page = await Html(state, "/resources/fy-network");
        page.ShouldContain("Version 1");
        page.ShouldContain("Foster Youth");

        // Two editors open version 1; the first save wins, the second is told and loses nothing silently.
        (await PostForm(state, "/resources/edit/fy-network", Fields("Foster youth attendance network (renamed)", version: 1))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await PostForm(state, "/resources/edit/fy-network", Fields("Foster youth attendance network", version: 1));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()).ShouldContain("was changed by state-");
        (await Html(state, "/resources/fy-network")).ShouldContain("Foster youth attendance network (renamed)");

        var invalid = await PostForm(state, "/resources/edit/fy-network", Fields("Foster youth attendance network", version: 2, levels: false));
        invalid.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync()).ShouldContain("levels: needs one or more of 1, 2, 3");

        (await PostForm(state, "/resources/edit/fy-network", Fields("Foster youth attendance network (renamed)", version: 2, retired: true))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Html(state, "/resources")).ShouldNotContain("Foster youth attendance network");
        (await Html(state, "/resources?retired=true")).ShouldContain("Foster youth attendance network (renamed)</a> (retired)");
        (await Api<LeaResources>(state, $"/api/resources/for/{Coe}")).Matches.ShouldNotContain(m => m.Resource.Id == "fy-network");
    }

    /// <summary>The edit form's fields as a browser posts them: a checkbox list repeats its name.</summary>
    private static List<KeyValuePair<string, string>> Fields(string name, string? id = null, int? version = null, bool retired = false, bool levels = true)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Name", name), new("Form.Kind", "LeadAgency"), new("Form.Summary", "County offices share what keeps foster youth coming to school."),
            new("Form.Priorities", "5"), new("Form.Priorities", "6"), new("Form.Groups", "FOS"), new("Form.Indicators", "chronic"), new("Form.Audiences", "CountyOffice"),
        };
        if (id is not null)
        {
            fields.Add(new("Form.Id", id));
        }

        if (version is int v)
        {
            fields.Add(new("Form.Version", v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (levels)
        {
            fields.Add(new("Form.Levels", "1"));
        }

        if (retired)
        {
            fields.Add(new("Form.Retired", "true"));
        }

        return fields;
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task State_staff_create_and_change_entries_through_the_API_with_the_version_they_read(string database)
    {
        var server = servers.For(database, "hub-api");
        var state = await server.SignedInAs(Roles.State);
        var created = await state.PostAsJsonAsync(new Uri("/api/resources", UriKind.Relative), Command("fy-api", null), Json);
        (created.StatusCode, created.Headers.Location!.OriginalString).ShouldBe((HttpStatusCode.Created, "/api/resources/fy-api"));
        (await state.PostAsJsonAsync(new Uri("/api/resources", UriKind.Relative), Command("fy-api", null), Json)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var saved = await state.PutAsJsonAsync(new Uri("/api/resources/fy-api", UriKind.Relative), Command("fy-api", 1) with { Levels = [1, 2] }, Json);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = (await saved.Content.ReadFromJsonAsync<ResourceView>(Json))!;
        (view.Version, string.Join(' ', view.Levels), view.UpdatedBy!.StartsWith("state-", StringComparison.Ordinal)).ShouldBe((2, "1 2", true));

        var conflict = await state.PutAsJsonAsync(new Uri("/api/resources/fy-api", UriKind.Relative), Command("fy-api", 1), Json);
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await conflict.Content.ReadFromJsonAsync<SaveResult>(Json))!.Resource!.Version.ShouldBe(2);

        var bad = await state.PutAsJsonAsync(new Uri("/api/resources/fy-api", UriKind.Relative), Command("fy-api", 2) with { Groups = ["ALL"] }, Json);
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bad.Content.ReadFromJsonAsync<SaveResult>(Json))!.Errors.ShouldBe(["groups: 'ALL' is not a student group code (EL, FOS, SWD, …)"]);
        (await state.PutAsJsonAsync(new Uri("/api/resources/nothing", UriKind.Relative), Command("nothing", 1), Json)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await state.PutAsJsonAsync(new Uri("/api/resources/fy-api", UriKind.Relative), Command("fy-api", null), Json)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    private static async Task<HttpResponseMessage> PostForm(HttpClient client, string page, List<KeyValuePair<string, string>> fields)
    {
        // Forms.PostAsync takes a dictionary, which cannot repeat a name: the token is fetched the same way.
        var form = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }
}
