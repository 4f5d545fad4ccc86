using System.Net;
using System.Net.Http.Json;
using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Formats.Funding;
using SystemOfSupport.Tests;
using SystemOfSupport.Web.Features.CountyPage;
using SystemOfSupport.Web.Features.Funding;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Funding;

/// <summary>The funding page, its API and downloads, and the county page's funding, on the embedded sample.</summary>
[Collection(WebServers.Name)]
public class FundingTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Funding_equals_sos_funding_on_the_same_reports_and_directory(string database)
    {
        var client = servers.For(database).CreateClient();
        var view = (await client.GetFromJsonAsync<FundingView>(new Uri("/api/funding", UriKind.Relative)))!;
        view.FiscalYear.ShouldBe("2024-25");
        view.FiscalYears.ShouldBe(["2024-25", "2023-24", "2022-23", "2018-19"]);
        view.Error.ShouldBeNull();

        // sos funding's own run on the files the app serves and the directory the sample imported.
        using var dir = RepoPaths.NewTempDir();
        var reports = new List<string>();
        foreach (var name in new[] { "assistancestatus22.csv", "assistancestatus23.csv", "assistancestatus24.csv", "charterassistance23.csv", "charterassistance24.csv" })
        {
            var path = Path.Combine(dir.Path, name);
            await File.WriteAllBytesAsync(path, await client.GetByteArrayAsync(new Uri("/downloads/" + name, UriKind.Relative)));
            reports.Add(path);
        }

        var cli = FundingRun.Run(SchoolYear.Parse("2024-25"), reports, RepoPaths.Data("directory", "monterey-lea-directory.csv"), DeterminationSettings.Defaults).Result;
        view.Total.ShouldBe(cli.Total);
        view.Total.ShouldBeGreaterThan(0m);
        view.CountyOffices.Select(o => (o.CountyCode, o.Base, o.DistrictAverage, o.CharterAverage, o.MovedIn, o.MovedOut, o.Total, o.Basis))
            .ShouldBe(cli.CountyOffices.Select(o => (o.County.Code, o.Base, o.DistrictAverage, o.CharterAverage, o.MovedIn, o.MovedOut, o.Total, o.Basis)));
        view.Lines.Select(l => (l.Lea, l.ReportYear, l.Amount, l.Basis))
            .ShouldBe(cli.Lines.Where(l => l.Kind != Core.Funding.FundingLineKind.Base).Select(l => (l.Lea?.Value, l.ReportYear, l.Amount, l.Basis)));
        view.Lines.ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_funding_page_shows_each_county_office_and_a_fiscal_year_not_stored_is_404(string database)
    {
        var client = servers.For(database).CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/funding?fiscalYear=2023-24", UriKind.Relative)));
        html.ShouldContain("County office funding for differentiated assistance, 2023-24");
        html.ShouldContain("Monterey County Office of Education");
        html.ShouldContain("Each identified LEA's allowance");
        (await client.GetAsync(new Uri("/funding?fiscalYear=2019-20", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri("/api/funding?fiscalYear=nonsense", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_funding_downloads_read_back_as_the_lines_of_sos_funding(string database)
    {
        var client = servers.For(database).CreateClient();
        var csv = SpreadsheetText.Csv(await client.GetByteArrayAsync(new Uri("/funding.csv?fiscalYear=2024-25", UriKind.Relative)));
        var xlsx = SpreadsheetText.Xlsx(await client.GetByteArrayAsync(new Uri("/funding.xlsx?fiscalYear=2024-25", UriKind.Relative)));
        csv[0].ShouldBe(FundingTables.LineColumns);
        xlsx.ShouldBe(csv);
        csv.Count.ShouldBeGreaterThan(2);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_county_page_gives_its_county_offices_funding_and_each_LEAs_contribution(string database)
    {
        var client = servers.For(database).CreateClient();
        var funding = (await client.GetFromJsonAsync<FundingView>(new Uri("/api/funding?fiscalYear=2024-25", UriKind.Relative)))!;
        var county = (await client.GetFromJsonAsync<CountyView>(new Uri("/api/counties/monterey?year=2024", UriKind.Relative)))!;
        county.Funding.ShouldNotBeNull();
        county.Funding.FiscalYear.ShouldBe("2024-25");
        county.Funding.Office.ShouldBe(funding.CountyOffices.Single(o => o.CountyCode == "27"));
        county.Funding.Contributions.ShouldBe(funding.Lines.Where(l => l.RecipientCountyCode == "27" || l.LeaCountyCode == "27").ToList());
        county.DistrictsAndCountyOffice.Sum(l => l.FundingAllowances).ShouldBe(county.Funding.Contributions.Sum(l => l.Amount));
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/counties/monterey", UriKind.Relative)));
        html.ShouldContain($"Monterey County Office of Education receives <strong>{FundingModel.Money(county.Funding.Office!.Total)}</strong> in 2024-25");
        html.ShouldContain("What each identified LEA contributes");
    }
}
