using System.Net;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Cases;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Cases;

/// <summary>The /cases pages: the filtered list, forms with antiforgery, refusals and a stale edit shown with the other person's change and the input kept.</summary>
[Collection(WebServers.Name)]
public class CasePagesTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    /// <summary>A 2023-term case nobody has moved on (the API tests work on 2024-term ones).</summary>
    private static async Task<CaseRow> EarlierCase(HttpClient client, int index) =>
        (await client.Get<CaseList>("/api/cases?year=2023&step=Identified")).Cases.OrderBy(c => c.Id).ElementAt(index);

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_list_filters_by_LEA_county_step_and_term(string database)
    {
        var county = await servers.For(database).SignedInAs(Roles.County, county: "Monterey");
        var cases = (await county.Get<CaseList>("/api/cases?year=2024")).Cases;
        var one = cases[^1];

        var page = await county.GetStringAsync(new Uri($"/cases?lea={one.Cds}", UriKind.Relative));
        page.ShouldContain($"<a href=\"/cases/{one.Id}\">{WebUtility.HtmlEncode(one.LeaName)}</a>");
        page.ShouldContain($"of LEA {one.Cds}");
        (await county.GetStringAsync(new Uri("/cases?county=Monterey&year=2024", UriKind.Relative))).ShouldContain($"{cases.Count} cases");
        (await county.GetStringAsync(new Uri("/cases?county=Alameda", UriKind.Relative))).ShouldContain("No case matches.");
        (await county.GetStringAsync(new Uri("/cases?step=Closed&year=1999", UriKind.Relative))).ShouldContain("No case matches.");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_stale_form_shows_the_other_change_keeps_the_input_and_saves_nothing(string database)
    {
        var server = servers.For(database);
        var county = await server.SignedInAs(Roles.County, county: "27");
        var state = await server.SignedInAs(Roles.State);
        var row = await EarlierCase(county, 0);
        var page = $"/cases/{row.Id}";
        var seen = (await county.Case(row.Id)).Version;

        var saved = await Forms.PostAsync(county, page, new() { ["Version"] = $"{seen}", ["NoteText"] = "First visit booked" }, handler: "Note");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await county.GetStringAsync(new Uri(page, UriKind.Relative))).ShouldContain("First visit booked");

        await state.Ok(HttpMethod.Post, $"/api/cases/{row.Id}/tasks", new AddTask(seen + 1, "Send the data pack", "State analyst", new DateOnly(2026, 2, 1)));
        await state.Ok(HttpMethod.Put, $"/api/cases/{row.Id}/summary", new EditCaseSummary(seen + 2, "Data entry is split across three offices", null, null));
        var stale = await Forms.PostAsync(county, page, new() { ["Version"] = $"{seen + 1}", ["NoteText"] = "My note written on a stale page" }, handler: "Note");
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var html = await stale.Content.ReadAsStringAsync();
        html.ShouldContain("Not saved: someone else changed this case");
        html.ShouldContain("CaseTask Added");
        html.ShouldContain("Send the data pack");
        html.ShouldContain(">My note written on a stale page</textarea>");
        html.ShouldContain(">Data entry is split across three offices</textarea>");
        (await county.Case(row.Id)).Notes.Select(n => n.Text).ShouldBe(["First visit booked"]);

        var refused = await Forms.PostAsync(county, page, new() { ["Version"] = $"{seen + 3}", ["To"] = "Monitoring" }, handler: "Advance");
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Cannot move from identified to monitoring");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_form_without_the_antiforgery_token_is_refused(string database)
    {
        var county = await servers.For(database).SignedInAs(Roles.County, county: "27");
        var row = await EarlierCase(county, 1);
        var response = await county.PostAsync(new Uri($"/cases/{row.Id}?handler=Note", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "1", ["NoteText"] = "forged" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Only_state_staff_get_the_Level_3_form_and_the_toolkit_shows_only_on_a_Method_4_case(string database)
    {
        var server = servers.For(database);
        var state = await server.SignedInAs(Roles.State);
        var county = await server.SignedInAs(Roles.County, county: "27");
        var coe = (await state.Get<CaseList>("/api/cases?lea=27102720000000&year=2024")).Cases.Single();

        var forState = await state.GetStringAsync(new Uri($"/cases/{coe.Id}", UriKind.Relative));
        var forCounty = await county.GetStringAsync(new Uri($"/cases/{coe.Id}", UriKind.Relative));
        forState.ShouldContain("Record Level 3 action");
        forCounty.ShouldContain("Level 3 (EC 52072)");
        forCounty.ShouldNotContain("Record Level 3 action");
        forCounty.ShouldNotContain("CALPADS toolkit");
    }
}
