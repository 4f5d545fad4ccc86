using System.Net;
using SystemOfSupport.Web.Features.Exports;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Exports;

/// <summary>The county table and the LEA grid as csv and xlsx: they read back, and no cell can become a formula.</summary>
[Collection(WebServers.Name)]
public class ExportTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    private static async Task<byte[]> Download(HttpClient client, string url, string mediaType)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_county_table_downloads_as_csv_and_xlsx_with_every_LEA(string database)
    {
        var client = servers.For(database).CreateClient();
        var csv = SpreadsheetText.Csv(await Download(client, "/counties/monterey.csv?year=2024", "text/csv"));
        var xlsx = SpreadsheetText.Xlsx(await Download(client, "/counties/27.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        csv[0].ShouldBe(["CDS", "LEA", "Kind", "Status", "Groups with a letter", "Methods met", "Level 3 (EC 52072)", "Provider", "Funding allowances (reports counted)"]);
        csv.Count.ShouldBe(1 + 25 + 8);
        xlsx.ShouldBe(csv);
        csv.Single(r => r[0] == "27102720000000").ShouldBe(
            ["27102720000000", "Monterey County Office of Education", "County office of education", "Differentiated Assistance, Year 1", "HI=F HOM=F LTEL=F SED=F", "1", "Y", "California Department of Education", "0.00"]);
        // Salinas Union High: large, identified in 2022, 2023 and 2024 → $300,000 in each counted report.
        csv.Single(r => r[0] == "27661590000000")[8].ShouldBe("900000.00");
        (await client.GetAsync(new Uri("/counties/monterey.pdf", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_LEA_grid_downloads_with_each_color_named(string database)
    {
        var client = servers.For(database).CreateClient();
        var csv = SpreadsheetText.Csv(await Download(client, "/leas/27102720000000.csv?year=2024", "text/csv"));
        var xlsx = SpreadsheetText.Xlsx(await Download(client, "/leas/2710272.xlsx?year=2024", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        xlsx.ShouldBe(csv);
        csv[0].Take(4).ShouldBe(["Student group", "Code", "Letter", "Priorities met"]);
        var homeless = csv.Single(r => r[1] == "HOM");
        homeless[2].ShouldBe("F");
        homeless.Skip(4).ShouldContain(c => c.StartsWith("Red; Status ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_that_starts_like_a_formula_is_written_inert()
    {
        var table = new ExportTable("t", ["=SUM(A1)", "ok"], [["+1", "-2"], ["@cmd", "\tx"], ["\rx", "plain, with comma"]]);
        var csv = SpreadsheetText.Csv(TableExport.CsvBytes(table));
        // Numbers stay numbers (a spreadsheet reads +1 and -2 as the values they are); text that starts like a formula is quoted.
        csv.ShouldBe([["'=SUM(A1)", "ok"], ["+1", "-2"], ["'@cmd", "'\tx"], ["'\rx", "plain, with comma"]]);
        // xlsx cells are inline strings (checked by the reader): the text stays as given, never a formula.
        SpreadsheetText.Xlsx(TableExport.XlsxBytes(table with { Rows = [["+1", "-2"], ["@cmd", "x"]] })).ShouldBe([["=SUM(A1)", "ok"], ["+1", "-2"], ["@cmd", "x"]]);
    }
}
