using System.Net;
using System.Net.Http.Json;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Import;
using SystemOfSupport.Web.Features.StatePage;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Import;

/// <summary>Importing a year from a server folder (state staff): every error with file, line and column, and all or nothing.</summary>
[Collection(WebServers.Name)]
public class ImportTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    /// <summary>A copy of the sample's 2024 folder whose graduation file has a word where line 3 has the ALL group's denominator (column 11).</summary>
    internal static string BrokenFolder(SosServer server, bool alsoEla = false)
    {
        var name = "broken-" + Guid.NewGuid().ToString("N");
        var source = Path.Combine(server.ImportRoot, SampleData.FolderName, "2024");
        var target = Path.Combine(server.ImportRoot, name);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        Break(Path.Combine(target, ImportFolder.Dashboard, "graddownload2024.txt"), 10, "75", "seventy-five");
        if (alsoEla)
        {
            Break(Path.Combine(target, ImportFolder.Dashboard, "eladownload2024.txt"), 9, "36", "thirty-six");
        }

        return name;
    }

    /// <summary>Replaces line 3's cell <paramref name="index"/> (0-based), which must hold <paramref name="was"/>.</summary>
    private static void Break(string path, int index, string was, string now)
    {
        var lines = File.ReadAllLines(path);
        var cells = lines[2].Split('\t');
        cells[index].ShouldBe(was);
        cells[index] = now;
        lines[2] = string.Join('\t', cells);
        File.WriteAllLines(path, lines);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_good_folder_replaces_the_year_with_the_stored_earlier_years_as_history(string database)
    {
        var client = await servers.For(database).SignedInAs(Roles.State);
        var response = await client.PostAsJsonAsync(new Uri("/api/import", UriKind.Relative), new ImportYear(2024, SampleData.FolderName + "/2024", Publish: true));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = (await response.Content.ReadFromJsonAsync<ImportResult>())!;
        (result.Committed, result.Published).ShouldBe((true, true));
        (result.Leas, result.CharterSchools).ShouldBe((25, 8));
        result.History.ShouldBe(["assistancestatus18.csv", "assistancestatus22.csv", "assistancestatus23.csv", "assistancestatus19.xlsx", "assistancestatus23.xlsx"]);
        var state = (await client.GetFromJsonAsync<StateOverview>(new Uri("/api/state", UriKind.Relative)))!;
        (state.Leas, state.InAssistance).ShouldBe((25, 10));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_bad_file_is_reported_with_file_line_and_column_and_nothing_is_stored(string database)
    {
        var server = servers.For(database);
        var client = await server.SignedInAs(Roles.State);
        var before = await client.GetStringAsync(new Uri("/api/leas/27102720000000", UriKind.Relative));
        var response = await client.PostAsJsonAsync(new Uri("/api/import", UriKind.Relative), new ImportYear(2024, BrokenFolder(server)));
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var result = (await response.Content.ReadFromJsonAsync<ImportResult>())!;
        result.Committed.ShouldBeFalse();
        var error = result.Errors.ShouldHaveSingleItem();
        (error.File, error.Line, error.Column).ShouldBe(("dashboard/graddownload2024.txt", (int?)3, (int?)11));
        error.Message.ShouldContain("seventy-five");
        (await client.GetStringAsync(new Uri("/api/leas/27102720000000", UriKind.Relative))).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Every_broken_file_is_reported_not_only_the_first(string database)
    {
        var server = servers.For(database);
        var client = await server.SignedInAs(Roles.State);
        var response = await client.PostAsJsonAsync(new Uri("/api/import", UriKind.Relative), new ImportYear(2024, BrokenFolder(server, alsoEla: true)));
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = (await response.Content.ReadFromJsonAsync<ImportResult>())!.Errors;
        errors.Select(e => (e.File, e.Line, e.Column)).Order().ShouldBe(
            [("dashboard/eladownload2024.txt", (int?)3, (int?)10), ("dashboard/graddownload2024.txt", (int?)3, (int?)11)]);
        errors.ShouldContain(e => e.Message.Contains("thirty-six"));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_folder_outside_the_import_folder_or_an_unsupported_year_is_refused(string database)
    {
        var client = await servers.For(database).SignedInAs(Roles.State);
        foreach (var (command, message) in new[] { (new ImportYear(2024, "../.."), "outside the import folder"), (new ImportYear(2021, SampleData.FolderName + "/2024"), "not supported") })
        {
            var response = await client.PostAsJsonAsync(new Uri("/api/import", UriKind.Relative), command);
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await response.Content.ReadFromJsonAsync<ImportResult>())!.Errors.ShouldHaveSingleItem().Message.ShouldContain(message);
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_import_page_runs_a_job_whose_page_shows_every_error_in_a_table_and_needs_its_antiforgery_token(string database)
    {
        var server = servers.For(database);
        var client = await server.SignedInAs(Roles.State);
        var fields = new Dictionary<string, string> { ["Year"] = "2024", ["Folder"] = BrokenFolder(server) };
        (await client.PostAsync(new Uri("/import", UriKind.Relative), new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var html = await ImportJobWatch.PageAsync(client, await Forms.PostAsync(client, "/import", fields));
        html.ShouldContain("2024 was not imported: nothing was stored");
        html.ShouldContain("<td>dashboard/graddownload2024.txt</td><td>3</td><td>11</td>");

        var done = await Forms.PostAsync(client, "/import", new() { ["Year"] = "2023", ["Folder"] = SampleData.FolderName + "/2023", ["Publish"] = "true" });
        (await ImportJobWatch.PageAsync(client, done)).ShouldContain("Imported 2023");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Only_state_staff_may_import(string database)
    {
        var server = servers.For(database);
        var command = new ImportYear(2024, SampleData.FolderName + "/2024");
        var anonymous = server.CreateClient(new() { AllowAutoRedirect = false });
        (await anonymous.PostAsJsonAsync(new Uri("/api/import", UriKind.Relative), command)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await anonymous.GetAsync(new Uri("/import", UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldContain("/signin?ReturnUrl=%2Fimport");

        var county = await server.SignedInAs(Roles.County, county: "27");
        (await county.PostAsJsonAsync(new Uri("/api/import", UriKind.Relative), command)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.GetAsync(new Uri("/import", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
