using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Funding;
using SystemOfSupport.Core.Providers;

namespace SystemOfSupport.Core.Tests.Funding;

/// <summary>County office funding (EC 2575.2; RULES.md §7), each case computed by hand in its comment.</summary>
public class CountyOfficeFundingTests
{
    // Monterey (27): a small and a large district, a charter its district authorized, one its county office authorized.
    private const string Small = "27999010000000";    // ADA 1,000.50 → $100,000
    private const string Large = "27999020000000";    // ADA 12,000 → $300,000
    private const string Medium = "27999030000000";   // ADA 2,500 (the band's first value) → $200,000
    private const string CharterByDistrict = "27999016000001";
    private const string CharterByCoe = "27102726000002";

    // Tulare (54) is the lead of Monterey's region; Del Norte (08) and Alpine (02) are single-district counties.
    private const string TulareCharterByTulareCoe = "54105466000003";
    private const string DelNorteDistrict = "08999010000000";  // ADA 3,500 → $200,000, to Shasta
    private const string AlpineDistrict = "02999010000000";    // ADA 80 → $100,000, to Placer and Sacramento (co-leads)
    private const string PlacerDistrict = "31999010000000";

    private static readonly SchoolYear Fy1819 = SchoolYear.Parse("2018-19");
    private static readonly SchoolYear Fy2223 = SchoolYear.Parse("2022-23");
    private static readonly SchoolYear Fy2324 = SchoolYear.Parse("2023-24");
    private static readonly SchoolYear Fy2425 = SchoolYear.Parse("2024-25");

    private static readonly Dictionary<CdsCode, LeaFundingFacts> Directory = new[]
    {
        Facts(Small, 1_000.50m), Facts(Large, 12_000m), Facts(Medium, 2_500m),
        Facts(CharterByDistrict, 300m, "27999010000000"), Facts(CharterByCoe, 200m, "27102720000000"),
        Facts("54105460000000", 900m), Facts(TulareCharterByTulareCoe, 150m, "54105460000000"),
        Facts(DelNorteDistrict, 3_500m), Facts(AlpineDistrict, 80m), Facts(PlacerDistrict, 500m),
    }.ToDictionary(f => f.Cds);

    private static LeaFundingFacts Facts(string cds, decimal ada, string? authorizer = null) =>
        new(CdsCode.Parse(cds), "LEA " + cds, ada, authorizer is null ? null : CdsCode.Parse(authorizer), null);

    private static AssistanceReport Districts(int year, params (string Cds, AssistanceStatus Status)[] rows) =>
        Report(ReportKind.DistrictAndCoe, year, rows);

    private static AssistanceReport Charters(int year, params (string Cds, AssistanceStatus Status)[] rows) =>
        Report(ReportKind.Charter, year, rows);

    private static AssistanceReport Report(ReportKind kind, int year, (string Cds, AssistanceStatus Status)[] rows) =>
        new(kind, year, [.. rows.Select((r, i) => new ReportedStatus(CdsCode.Parse(r.Cds), "LEA " + r.Cds, r.Status, new SourceRef($"report{year}", i + 7)))], $"report{year}");

    private const AssistanceStatus Y1 = AssistanceStatus.DifferentiatedAssistanceYear1;
    private const AssistanceStatus Y2 = AssistanceStatus.DifferentiatedAssistanceYear2;
    private const AssistanceStatus Da = AssistanceStatus.DifferentiatedAssistance;
    private const AssistanceStatus General = AssistanceStatus.GeneralAssistance;

    private static FundingResult Calculate(SchoolYear fy, DeterminationSettings? settings, params AssistanceReport[] reports) =>
        CountyOfficeFunding.Calculate(fy, reports, Directory, settings ?? DeterminationSettings.Defaults);

    private static CountyOfficeAllocation Office(FundingResult result, string county) => result.CountyOffices.Single(o => o.County.Name == county);

    /// <summary>Reports 2024, 2023, 2022 with only the given Monterey rows; empty charter reports for 2024 and 2023.</summary>
    private static AssistanceReport[] Fy2425Reports(AssistanceReport[] districts, params AssistanceReport[] charters) =>
        [.. districts, .. charters.Length > 0 ? charters : [Charters(2024), Charters(2023)]];

    [Fact]
    public void A_small_and_a_large_district_identified_over_three_reports()
    {
        // 2024: small + large = $400,000; 2023: large = $300,000; 2022: small = $100,000 (and a Year 2 and a General that do not count).
        // ($400,000 + $300,000 + $100,000) ÷ 3 = $266,666.67; + $300,000 base = $566,666.67.
        var result = Calculate(Fy2425, null, Fy2425Reports(
        [
            Districts(2024, (Small, Y1), (Large, Y1), (Medium, Y2)),
            Districts(2023, (Large, Y1), (Medium, General)),
            Districts(2022, (Small, Da)),
        ]));

        var monterey = Office(result, "Monterey");
        monterey.Base.ShouldBe(300_000m);
        monterey.DistrictReports.Select(r => (r.ReportYear, r.Amount)).ShouldBe([(2024, 400_000m), (2023, 300_000m), (2022, 100_000m)]);
        monterey.DistrictReports[0].Basis.ShouldBe("1 small $100,000, 1 large $300,000");
        monterey.DistrictSum.ShouldBe(800_000m);
        monterey.DistrictDivisor.ShouldBe(3);
        monterey.DistrictAverage.ShouldBe(266_666.67m);
        monterey.Total.ShouldBe(566_666.67m);
        var smallLine = result.Lines.Single(l => l.Lea == CdsCode.Parse(Small) && l.ReportYear == 2024);
        smallLine.Band!.Name.ShouldBe("small");
        smallLine.Basis.ShouldContain("ADA 1,000.50: small (0 to 2,499 ADA) → $100,000");
        result.DistrictReports.Select(r => r.StatusYear).ShouldBe([2024, 2023, 2022]);
    }

    [Fact]
    public void Band_edges_go_by_the_bands_minimum_ADA()
    {
        var rules = FundingRuleBook.For(Fy2425);
        rules.BandFor(2_499.99m).Name.ShouldBe("small");
        rules.BandFor(2_500m).Name.ShouldBe("medium");
        rules.BandFor(9_999.99m).Name.ShouldBe("medium");
        rules.BandFor(10_000m).Name.ShouldBe("large");
    }

    [Fact]
    public void Year_2_carry_over_counts_only_when_the_setting_says_so()
    {
        // Medium (Year 2 in 2024): $200,000 more in 2024's report → ($600,000 + $300,000 + $100,000) ÷ 3 = $333,333.33.
        var settings = DeterminationSettings.Defaults.With(DeterminationSettings.FundingIdentified, FundingSettings.Year1AndYear2);
        var result = Calculate(Fy2425, settings, Fy2425Reports(
        [
            Districts(2024, (Small, Y1), (Large, Y1), (Medium, Y2)),
            Districts(2023, (Large, Y1)),
            Districts(2022, (Small, Da)),
        ]));

        Office(result, "Monterey").DistrictAverage.ShouldBe(333_333.33m);
        result.Settings.Single(s => s.Key == DeterminationSettings.FundingIdentified).Value.ShouldBe(FundingSettings.Year1AndYear2);
    }

    [Fact]
    public void Charters_average_two_reports_in_2023_24_and_three_from_2024_25()
    {
        // The district-authorized charter is identified in 2023 and 2024. 2023-24: (2023 $100,000 + 2022 none) ÷ 2 = $50,000.
        var fy2324 = Calculate(Fy2324, null,
            Districts(2023), Districts(2022), Districts(2019), Charters(2023, (CharterByDistrict, Da)));
        var monterey2324 = Office(fy2324, "Monterey");
        fy2324.CharterReports.Select(r => (r.Year, r.StatusYear)).ShouldBe([(2023, (int?)2023), (2022, null)]);
        monterey2324.CharterDivisor.ShouldBe(2);
        monterey2324.CharterAverage.ShouldBe(50_000m);
        monterey2324.Total.ShouldBe(350_000m);
        fy2324.DistrictReports.Select(r => r.Year).ShouldBe([2023, 2022, 2019]);

        // 2024-25: (2024 $100,000 + 2023 $100,000 + 2022 none) ÷ 3 = $66,666.67.
        var fy2425 = Calculate(Fy2425, null,
            Districts(2024), Districts(2023), Districts(2022), Charters(2024, (CharterByDistrict, Da)), Charters(2023, (CharterByDistrict, Da)));
        var monterey2425 = Office(fy2425, "Monterey");
        monterey2425.CharterDivisor.ShouldBe(3);
        monterey2425.CharterReports.Select(r => r.Amount).ShouldBe([100_000m, 100_000m, 0m]);
        monterey2425.CharterReports[2].Basis.ShouldContain("no charter report before 2023");
        monterey2425.CharterAverage.ShouldBe(66_666.67m);
        monterey2425.Total.ShouldBe(366_666.67m);
    }

    [Fact]
    public void A_charter_its_county_office_authorized_funds_the_Geographic_Lead_Agency()
    {
        // Monterey's COE-authorized charter (2024): $100,000 ÷ 3 = $33,333.33 to Tulare, the region's lead, not Monterey.
        // Tulare's own COE-authorized charter (2024): Tulare is the lead, so it keeps it: another $33,333.33.
        var result = Calculate(Fy2425, null, Fy2425Reports(
            [Districts(2024), Districts(2023), Districts(2022)],
            Charters(2024, (CharterByCoe, Da), (TulareCharterByTulareCoe, Da)), Charters(2023)));

        var monterey = Office(result, "Monterey");
        monterey.CharterSum.ShouldBe(0m);
        monterey.MovedOut.ShouldBe(33_333.33m);
        monterey.Total.ShouldBe(300_000m);
        var tulare = Office(result, "Tulare");
        tulare.InScope.ShouldBeTrue();
        tulare.CharterSum.ShouldBe(200_000m);
        tulare.CharterAverage.ShouldBe(66_666.67m);
        tulare.MovedIn.ShouldBe(33_333.33m);
        tulare.Total.ShouldBe(366_666.67m);
        var moved = result.Lines.Single(l => l.Lea == CdsCode.Parse(CharterByCoe));
        moved.IsMove.ShouldBeTrue();
        moved.Basis.ShouldContain("Monterey County Office of Education authorized it, so its allowance goes to the region's Geographic Lead Agency: Tulare County Office of Education");
        result.Lines.Single(l => l.Lea == CdsCode.Parse(TulareCharterByTulareCoe)).Basis.ShouldContain("is that lead (map 2019), so it keeps it");
    }

    [Fact]
    public void A_district_of_a_single_district_county_funds_the_Geographic_Lead_Agency()
    {
        // Del Norte's district (medium, 2024): $200,000 ÷ 3 = $66,666.67 to Shasta; Del Norte keeps its $300,000 base.
        // Shasta is not in the directory: only the move in is computed, no base.
        var result = Calculate(Fy2425, null, Fy2425Reports([Districts(2024, (DelNorteDistrict, Y1)), Districts(2023), Districts(2022)]));

        var delNorte = Office(result, "Del Norte");
        delNorte.Total.ShouldBe(300_000m);
        delNorte.MovedOut.ShouldBe(66_666.67m);
        var shasta = Office(result, "Shasta");
        shasta.InScope.ShouldBeFalse();
        shasta.Base.ShouldBe(0m);
        shasta.DistrictAverage.ShouldBe(66_666.67m);
        shasta.Total.ShouldBe(66_666.67m);
        shasta.Basis.ShouldContain("not in the LEA directory");
    }

    [Fact]
    public void Co_leads_split_a_move_equally_or_the_first_listed_takes_it()
    {
        // Alpine's district (small, 2024) → Placer and Sacramento: $50,000 each ÷ 3 = $16,666.67 each.
        AssistanceReport[] reports = Fy2425Reports([Districts(2024, (AlpineDistrict, Y1)), Districts(2023), Districts(2022)]);
        var split = Calculate(Fy2425, null, reports);
        Office(split, "Placer").DistrictAverage.ShouldBe(16_666.67m);
        Office(split, "Placer").Total.ShouldBe(316_666.67m);
        Office(split, "Sacramento").DistrictAverage.ShouldBe(16_666.67m);
        Office(split, "Sacramento").InScope.ShouldBeFalse();

        var first = Calculate(Fy2425, DeterminationSettings.Defaults.With(DeterminationSettings.FundingCoLeadShare, FundingSettings.FirstListed), reports);
        Office(first, "Placer").DistrictAverage.ShouldBe(33_333.33m);
        first.CountyOffices.ShouldNotContain(o => o.County.Name == "Sacramento");
    }

    [Fact]
    public void In_2018_19_the_base_was_200000_and_two_reports_were_averaged()
    {
        // 2017: small (Differentiated Support) $100,000; 2018: large $300,000 → ($100,000 + $300,000) ÷ 2 = $200,000; + $200,000 base.
        var result = Calculate(Fy1819, null,
            Districts(2018, (Large, Da)), Districts(2017, (Small, AssistanceStatus.DifferentiatedSupport)));

        var monterey = Office(result, "Monterey");
        result.DistrictReports.Select(r => r.Year).ShouldBe([2018, 2017]);
        monterey.Base.ShouldBe(200_000m);
        monterey.DistrictDivisor.ShouldBe(2);
        monterey.DistrictAverage.ShouldBe(200_000m);
        monterey.CharterDivisor.ShouldBe(0);
        monterey.Total.ShouldBe(400_000m);
    }

    [Fact]
    public void Which_earlier_reports_count_across_2020_2021_is_a_setting()
    {
        // FY 2022-23 with the small district identified in 2022, the large one in 2019 and in 2018.
        AssistanceReport[] reports = [Districts(2022, (Small, Da)), Districts(2019, (Large, Da)), Districts(2018, (Large, Da))];

        // preceding-published: 2022, 2019, 2018 → ($100,000 + $300,000 + $300,000) ÷ 3 = $233,333.33.
        Office(Calculate(Fy2223, null, reports), "Monterey").DistrictAverage.ShouldBe(233_333.33m);

        // carry-2019: 2022, 2021 = 2019, 2020 = 2019 → ($100,000 + $300,000 + $300,000) ÷ 3, from other reports.
        var carry = Calculate(Fy2223, DeterminationSettings.Defaults.With(DeterminationSettings.FundingEarlierReports, FundingSettings.Carry2019), reports);
        carry.DistrictReports.Select(r => (r.Year, r.StatusYear)).ShouldBe([(2022, (int?)2022), (2021, 2019), (2020, 2019)]);
        Office(carry, "Monterey").DistrictAverage.ShouldBe(233_333.33m);

        // zero-2020-2021: 2022 + 0 + 0 → $100,000 ÷ 3 = $33,333.33.
        var zero = Calculate(Fy2223, DeterminationSettings.Defaults.With(DeterminationSettings.FundingEarlierReports, FundingSettings.Zero2020And2021), reports);
        Office(zero, "Monterey").DistrictAverage.ShouldBe(33_333.33m);
        Office(zero, "Monterey").Base.ShouldBe(200_000m);
    }

    [Fact]
    public void An_identified_district_missing_from_the_directory_is_an_error_or_a_default_band()
    {
        AssistanceReport[] reports = Fy2425Reports([Districts(2024, ("27999090000000", Y1)), Districts(2023), Districts(2022)]);

        var ex = Should.Throw<InputFileException>(() => Calculate(Fy2425, null, reports));
        ex.Message.ShouldBe("report2024: line 7: 27999090000000 LEA 27999090000000, identified in the 2024 report, is not in the LEA directory: its ADA decides its allowance "
            + "(funding.lea-not-in-directory = error; add it to the directory, or set a default ADA band)");

        var medium = Calculate(Fy2425, DeterminationSettings.Defaults.With(DeterminationSettings.FundingLeaNotInDirectory, FundingSettings.Medium), reports);
        Office(medium, "Monterey").DistrictAverage.ShouldBe(66_666.67m);
        medium.Lines.Single(l => l.Kind == FundingLineKind.DistrictAllowance).Basis.ShouldContain("not in the LEA directory: sized medium");
    }

    [Fact]
    public void Counties_outside_the_directory_are_not_computed()
    {
        var result = Calculate(Fy2425, null, Fy2425Reports([Districts(2024, ("19647330000000", Y1)), Districts(2023), Districts(2022)]));

        result.CountyOffices.ShouldNotContain(o => o.County.Name == "Los Angeles");
        result.Lines.ShouldNotContain(l => l.Lea == CdsCode.Parse("19647330000000"));
    }

    [Fact]
    public void A_missing_report_is_a_clear_error_and_a_missing_charter_report_a_setting()
    {
        Should.Throw<ArgumentException>(() => Calculate(Fy2425, null, Districts(2024), Districts(2023)))
            .Message.ShouldContain("no district and county office report for 2022 was given");

        var warned = Calculate(Fy2425, null, Districts(2024), Districts(2023), Districts(2022));
        warned.Warnings.Count.ShouldBe(2);
        warned.Warnings[0].ShouldContain("averages the 2024 charter report, but none was given");

        Should.Throw<ArgumentException>(() => Calculate(Fy2425, DeterminationSettings.Defaults.With(DeterminationSettings.FundingMissingCharterReport, FundingSettings.Error),
            Districts(2024), Districts(2023), Districts(2022))).Message.ShouldContain("funding.missing-charter-report = error");
    }

    [Fact]
    public void Before_2018_19_there_is_no_funding()
    {
        Should.Throw<ArgumentException>(() => Calculate(SchoolYear.Parse("2017-18"), null)).Message.ShouldContain("begins in 2018-19");
    }

    [Fact]
    public void Every_county_office_total_is_its_base_plus_its_averages_and_the_lines_add_up()
    {
        var result = Calculate(Fy2425, null,
            Districts(2024, (Small, Y1), (Large, Y1), (DelNorteDistrict, Y1), (AlpineDistrict, Y1)), Districts(2023, (Medium, Y1)), Districts(2022, (PlacerDistrict, Da)),
            Charters(2024, (CharterByCoe, Da), (CharterByDistrict, Da)), Charters(2023, (TulareCharterByTulareCoe, Da)));

        foreach (var office in result.CountyOffices)
        {
            var mine = result.Lines.Where(l => l.Recipient == office.County).ToList();
            mine.Where(l => l.Kind == FundingLineKind.DistrictAllowance).Sum(l => l.Amount).ShouldBe(office.DistrictSum);
            mine.Where(l => l.Kind == FundingLineKind.CharterAllowance).Sum(l => l.Amount).ShouldBe(office.CharterSum);
            office.DistrictAverage.ShouldBe(Math.Round(office.DistrictSum / 3, 2, MidpointRounding.AwayFromZero));
            office.Total.ShouldBe(office.Base + office.DistrictAverage + office.CharterAverage);
        }

        result.Total.ShouldBe(result.CountyOffices.Sum(o => o.Total));
        // Every allowance lands somewhere: moves out equal moves in (each side's share rounded to the cent, so within a cent per move).
        var moves = result.Lines.Count(l => l.IsMove);
        Math.Abs(result.CountyOffices.Sum(o => o.MovedIn) - result.CountyOffices.Sum(o => o.MovedOut)).ShouldBeLessThanOrEqualTo(0.01m * moves);
    }
}
