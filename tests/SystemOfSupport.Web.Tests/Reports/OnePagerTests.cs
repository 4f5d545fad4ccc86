using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Reports;
using SystemOfSupport.Web.Storage;
using SystemOfSupport.Web.Tests.Browser;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Reports;

/// <summary>The one-page report on screen, as JSON and as a PDF, on each database, under the LEA page's rules of who sees what.</summary>
[Collection(WebServers.Name)]
public partial class OnePagerTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    private const string Coe = "27102720000000";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_one_pager_shows_status_reasons_history_targets_resources_and_to_the_public_no_case(string database)
    {
        var client = servers.For(database).CreateClient();
        var response = await client.GetAsync(new Uri($"/reports/{Coe}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Monterey County Office of Education — 2024");
        html.ShouldContain("Status: Differentiated Assistance, Year 1");
        html.ShouldContain("Method 1: Hispanic (HI) meets priorities 5 and 8");
        html.ShouldContain("<td>2018</td><td>Differentiated Assistance</td><td>EL=F HI=B HOM=J SED=H</td>");
        html.ShouldContain("HI Graduation Rate: 5 more graduates (61.8% → 69.1% of 68): Yellow");
        html.ShouldContain("No case recorded");
        html.ShouldContain("Equity Leads");
        html.ShouldContain("<link rel=\"stylesheet\" href=\"/onepager.css\" />");
        (await client.GetStringAsync(new Uri("/onepager.css", UriKind.Relative))).ShouldContain("@media print");
        html.ShouldContain($"/reports/{Coe}.pdf?year=2024");

        (await client.GetStringAsync(new Uri($"/reports/2710272?year=2023", UriKind.Relative))).ShouldContain("Monterey County Office of Education — 2023");

        // sos targets gives Alisal's same four; its suspension target needs the file's school type, which is not stored.
        var alisal = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/reports/27659610000000", UriKind.Relative)));
        alisal.ShouldContain("<li>EL English Learner Progress: holding at 44.5% of 3429 leaves Red (Orange: next year's change would be none)</li>");
        alisal.ShouldContain("<li>LTEL Mathematics: +3.0 points (-136.8 → -133.8): Orange</li>");
        alisal.ShouldContain("<li>TOM Suspension Rate: the suspension cut points depend on the file's school type (ED, HD, UD, …), which the store does not keep; sos targets reads it from the file</li>");
        alisal.ShouldContain("Not identified by Methods 1–3: no identification to end.");
        (await client.GetAsync(new Uri("/reports/99999999999999", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri("/reports/99999999999999.pdf", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_one_pager_API_gives_the_same_sections_with_the_case_null_for_the_public(string database)
    {
        var client = servers.For(database).CreateClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/reports/{Coe}", UriKind.Relative)));
        var root = doc.RootElement;
        root.GetProperty("lea").GetProperty("status").GetString().ShouldBe("Differentiated Assistance, Year 1");
        root.GetProperty("case").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("resources").GetArrayLength().ShouldBe(OnePagerHandler.TopResources);
        root.GetProperty("targets").GetProperty("targets").GetArrayLength().ShouldBe(8);
        root.GetProperty("reasons").GetArrayLength().ShouldBe(OnePagerHandler.MaxReasons);
        (await client.GetAsync(new Uri("/api/reports/99999999999999", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task County_staff_see_the_case_the_import_opened_and_another_county_does_not(string database)
    {
        var server = servers.For(database);
        var monterey = await server.SignedInAs(Roles.County, county: "27");
        using var doc = JsonDocument.Parse(await monterey.GetStringAsync(new Uri($"/api/reports/{Coe}", UriKind.Relative)));
        var @case = doc.RootElement.GetProperty("case");
        (@case.GetProperty("step").GetString(), @case.GetProperty("term").GetString()).ShouldBe(("identified", "2024"));
        WebUtility.HtmlDecode(await monterey.GetStringAsync(new Uri($"/reports/{Coe}", UriKind.Relative))).ShouldContain("Step: identified (term 2024)");

        var fresno = await server.SignedInAs(Roles.County, county: "10");
        using var other = JsonDocument.Parse(await fresno.GetStringAsync(new Uri($"/api/reports/{Coe}", UriKind.Relative)));
        other.RootElement.GetProperty("case").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_unpublished_year_is_reported_only_to_staff_in_scope(string database)
    {
        var server = servers.For(database, "reports-unpublished");
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SosDb>();
            await db.Years.Where(y => y.Year == 2024).ExecuteUpdateAsync(y => y.SetProperty(x => x.Published, false));
        }

        var anonymous = server.CreateClient();
        (await anonymous.GetStringAsync(new Uri($"/reports/{Coe}", UriKind.Relative))).ShouldContain("Monterey County Office of Education — 2023");
        (await anonymous.GetAsync(new Uri($"/reports/{Coe}?year=2024", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(new Uri($"/reports/{Coe}.pdf?year=2024", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await server.SignedInAs(Roles.Lea, lea: Coe);
        (await own.GetStringAsync(new Uri($"/reports/{Coe}", UriKind.Relative))).ShouldContain("Monterey County Office of Education — 2024");
        var other = await server.SignedInAs(Roles.Lea, lea: "27659610000000");
        (await other.GetAsync(new Uri($"/api/reports/{Coe}?year=2024", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [PdfTheory]
    [MemberData(nameof(Databases))]
    public async Task The_PDF_is_one_page_for_a_sample_LEA(string database)
    {
        var response = await servers.For(database).CreateClient().GetAsync(new Uri($"/reports/{Coe}.pdf", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        PageCount(pdf).ShouldBe(1);
    }

    [Fact]
    public async Task Without_Chromium_the_PDF_is_a_503_that_says_why()
    {
        // The shared server's data, started again with the browser path pointing nowhere.
        await using var missing = servers.For(SosOptions.Sqlite).WithWebHostBuilder(b => b.UseSetting("Sos:Chromium", "/nonexistent/chromium"));
        var response = await missing.CreateClient().GetAsync(new Uri($"/reports/{Coe}.pdf", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("there is none at /nonexistent/chromium");
    }

    /// <summary>Chromium writes each page's dictionary uncompressed: <c>/Type /Page</c> (not <c>/Pages</c>) once per page.</summary>
    public static int PageCount(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PageObject();
}

/// <summary>A theory that needs Debian's chromium; skipped, saying so, where it is missing.</summary>
public sealed class PdfTheoryAttribute : TheoryAttribute
{
    public PdfTheoryAttribute()
    {
        if (!File.Exists(BrowserTests.Chromium))
        {
            Skip = $"no browser at {BrowserTests.Chromium} (apt-get install chromium, or set {BrowserTests.ChromiumVariable})";
        }
    }
}
