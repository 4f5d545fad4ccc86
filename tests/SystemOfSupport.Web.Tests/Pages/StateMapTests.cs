using System.Net;
using System.Text.RegularExpressions;
using SystemOfSupport.Core.Providers;
using SystemOfSupport.Web.Features.StatePage;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Pages;

/// <summary>The state page's map of the 58 counties, and the LEA page's links and sections beside the decision.</summary>
[Collection(WebServers.Name)]
public partial class StateMapTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    [GeneratedRegex("<a href=\"/counties/(?<slug>[a-z-]+)\\?year=2024\" aria-label=\"(?<label>[^\"]+)\" data-county=\"(?<code>\\d\\d)\">\\s*<title>(?<title>[^<]+)</title>\\s*<path d=\"(?<d>M[^\"]+Z)\" class=\"(?<band>band-[a-z0-9]+)\"")]
    private static partial Regex CountyOutline();

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_map_draws_all_58_counties_each_a_link_with_its_share_in_words(string database)
    {
        var html = WebUtility.HtmlDecode(await servers.For(database).CreateClient().GetStringAsync(new Uri("/", UriKind.Relative)));
        var outlines = CountyOutline().Matches(html).ToList();
        outlines.Select(m => m.Groups["code"].Value).ShouldBe(Counties.All.Select(c => c.Code));
        foreach (var m in outlines)
        {
            var county = Counties.ByCode(m.Groups["code"].Value);
            m.Groups["slug"].Value.ShouldBe(StateOverviewHandler.Slug(county));
            m.Groups["title"].Value.ShouldBe(m.Groups["label"].Value);
            m.Groups["title"].Value.ShouldStartWith(county.Name + ": ");
            m.Groups["d"].Value.Length.ShouldBeGreaterThan(20);
        }

        outlines.Single(m => m.Groups["code"].Value == "27").Groups["title"].Value.ShouldBe("Monterey: 10 of 25 in assistance (40%)");
        outlines.Single(m => m.Groups["code"].Value == "27").Groups["band"].Value.ShouldBe("band-2");
        outlines.Count(m => m.Groups["band"].Value == "band-none").ShouldBe(57);
        // Counties with decided LEAs print their share on the map; the others say theirs in their title.
        Regex.Matches(html, "<tspan x=\"\\d+\" dy=\"1.1em\" class=\"pct\">(\\d+)%</tspan>").Select(m => m.Groups[1].Value).ShouldBe(["40"]);
        // The text alternative: the same figures for every county in a table.
        html.ShouldContain("The map as a table: every county, 2024");
        html.ShouldContain("<td><a href=\"/counties/monterey?year=2024\">Monterey</a></td><td class=\"num\">25</td><td class=\"num\">10</td><td>40% (25–49%)</td>");
    }

    [Fact]
    public void The_outlines_are_real_shapes_in_one_box()
    {
        CountyOutlines.ViewBox.ShouldBe("0 0 600 694");
        CountyOutlines.Paths.Count.ShouldBe(58);
        // Los Angeles lies south-east of Monterey, Del Norte at the top left.
        static (double X, double Y) Centre(string d)
        {
            var points = Regex.Matches(d, "(\\d+),(\\d+)").Select(m => (X: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Y: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
            return (points.Average(p => p.X), points.Average(p => p.Y));
        }

        var monterey = Centre(CountyOutlines.Of("27"));
        var losAngeles = Centre(CountyOutlines.Of("19"));
        var delNorte = Centre(CountyOutlines.Of("08"));
        (losAngeles.X > monterey.X && losAngeles.Y > monterey.Y).ShouldBeTrue();
        (delNorte.X < 60 && delNorte.Y < 60).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_LEA_page_links_casework_resources_report_and_downloads_and_gives_its_targets_to_leave_Red(string database)
    {
        var html = WebUtility.HtmlDecode(await servers.For(database).CreateClient().GetStringAsync(new Uri("/leas/27102720000000?year=2024", UriKind.Relative)));
        html.ShouldContain("<a href=\"/cases?lea=27102720000000\">Casework</a>");
        html.ShouldContain("<a href=\"/resources?lea=27102720000000\">Resources</a>");
        html.ShouldContain("<a href=\"/reports/27102720000000\">One-page report</a>");
        html.ShouldContain("/leas/27102720000000.xlsx?year=2024");
        // The same targets as sos targets and the one-page report, from the stored results.
        html.ShouldContain("Targets to leave Red");
        html.ShouldContain("<li>HI Graduation Rate: 5 more graduates (61.8% → 69.1% of 68): Yellow</li>");
        html.ShouldContain("sos project");
        html.ShouldContain("No CALPADS certification records of this LEA are stored");
    }
}
