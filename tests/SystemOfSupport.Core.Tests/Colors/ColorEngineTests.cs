using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Domain;
using static SystemOfSupport.Core.Domain.StudentGroup;
using I = SystemOfSupport.Core.Domain.Indicator;

namespace SystemOfSupport.Core.Tests.Colors;

/// <summary>RULES.md §2.4–2.6 as the color engine applies them, and the years whose files showed other tables.</summary>
public class ColorEngineTests
{
    private static IndicatorMeasure Measure(
        I indicator,
        decimal? current,
        decimal? prior = null,
        int year = 2024,
        StudentGroup group = ALL,
        bool lea = true,
        int n = 200,
        int? priorN = null,
        string? type = null,
        bool hs = false,
        bool? small = null) =>
        new(year, indicator, group, lea, current, n, prior, prior is null ? null : priorN ?? n, type, hs, small);

    private static int Status(I indicator, decimal value, int year = 2024, string? type = null, bool hs = false) =>
        ColorEngine.Compute(Measure(indicator, value, year: year, type: type, hs: hs)).StatusLevel;

    // The change is given as the file gives it; the statuses only need to exist.
    private static int Change(I indicator, decimal change, int year = 2024, string? type = null) =>
        ColorEngine.Compute(Measure(indicator, 50m, 50m, year, type: type) with { Change = change }).ChangeLevel;

    /// <summary>
    /// The rulebook's bands, transcribed: "≤a | b–c | d–e | f–g | ≥h", lowest values first, and the level of the
    /// lowest band (1 where higher is better, 5 where lower is). Each inner bound is checked on both sides.
    /// </summary>
    private static IEnumerable<(decimal Value, int Level)> Boundaries(string bands, int lowestLevel)
    {
        var step = lowestLevel == 1 ? 1 : -1;
        var parts = bands.Split('|', StringSplitOptions.TrimEntries);
        parts.Length.ShouldBe(5);
        for (var band = 0; band < 4; band++)
        {
            var max = decimal.Parse(parts[band].Split('…').Last().TrimStart('≤'), System.Globalization.CultureInfo.InvariantCulture);
            var nextMin = decimal.Parse(parts[band + 1].Split('…').First().TrimStart('≥'), System.Globalization.CultureInfo.InvariantCulture);
            (nextMin - max).ShouldBe(0.1m, $"bands '{bands}' leave a gap or overlap");
            yield return (max, lowestLevel + (step * band));
            yield return (nextMin, lowestLevel + (step * (band + 1)));
        }
    }

    public static TheoryData<I, string?, bool, string, int> StatusBands() => new()
    {
        { I.Chronic, null, false, "≤2.5 | 2.6…5.0 | 5.1…10.0 | 10.1…20.0 | ≥20.1", 5 },
        { I.Grad, null, false, "≤67.9 | 68.0…79.9 | 80.0…90.4 | 90.5…94.9 | ≥95.0", 1 },
        { I.Cci, null, false, "≤9.9 | 10.0…34.9 | 35.0…54.9 | 55.0…69.9 | ≥70.0", 1 },
        { I.Elpi, null, false, "≤34.9 | 35.0…44.9 | 45.0…54.9 | 55.0…64.9 | ≥65.0", 1 },
        { I.Ela, null, false, "≤-70.1 | -70.0…-5.1 | -5.0…9.9 | 10.0…44.9 | ≥45.0", 1 },
        { I.Ela, null, true, "≤-45.1 | -45.0…-0.1 | 0.0…29.9 | 30.0…74.9 | ≥75.0", 1 },
        { I.Math, null, false, "≤-95.1 | -95.0…-25.1 | -25.0…-0.1 | 0.0…34.9 | ≥35.0", 1 },
        { I.Math, null, true, "≤-115.1 | -115.0…-60.1 | -60.0…-0.1 | 0.0…24.9 | ≥25.0", 1 },
        { I.Susp, "ED", false, "≤0.5 | 0.6…1.5 | 1.6…3.0 | 3.1…6.0 | ≥6.1", 5 },
        { I.Susp, "HD", false, "≤1.5 | 1.6…3.5 | 3.6…6.0 | 6.1…9.0 | ≥9.1", 5 },
        { I.Susp, "UD", false, "≤1.0 | 1.1…2.5 | 2.6…4.5 | 4.6…8.0 | ≥8.1", 5 },
        { I.Susp, "ES", false, "≤0.5 | 0.6…1.0 | 1.1…3.0 | 3.1…6.0 | ≥6.1", 5 },
        { I.Susp, "MS", false, "≤0.5 | 0.6…2.0 | 2.1…8.0 | 8.1…12.0 | ≥12.1", 5 },
        { I.Susp, "HS", false, "≤0.5 | 0.6…1.5 | 1.6…6.0 | 6.1…10.0 | ≥10.1", 5 },
    };

    public static TheoryData<I, string?, string, int> ChangeBands() => new()
    {
        { I.Chronic, null, "≤-3.0 | -2.9…-0.5 | -0.4…0.4 | 0.5…3.0 | ≥3.1", 5 },
        { I.Grad, null, "≤-5.1 | -5.0…-1.0 | -0.9…0.9 | 1.0…4.9 | ≥5.0", 1 },
        { I.Cci, null, "≤-9.1 | -9.0…-2.0 | -1.9…1.9 | 2.0…8.9 | ≥9.0", 1 },
        { I.Elpi, null, "≤-10.1 | -10.0…-2.0 | -1.9…1.9 | 2.0…9.9 | ≥10.0", 1 },
        { I.Ela, null, "≤-15.1 | -15.0…-3.0 | -2.9…2.9 | 3.0…14.9 | ≥15.0", 1 },
        { I.Math, null, "≤-15.1 | -15.0…-3.0 | -2.9…2.9 | 3.0…14.9 | ≥15.0", 1 },
        { I.Susp, "ED", "≤-2.0 | -1.9…-0.3 | -0.2…0.2 | 0.3…2.0 | ≥2.1", 5 },
        { I.Susp, "HD", "≤-3.0 | -2.9…-0.5 | -0.4…0.4 | 0.5…3.0 | ≥3.1", 5 },
        { I.Susp, "UD", "≤-2.0 | -1.9…-0.3 | -0.2…0.2 | 0.3…2.0 | ≥2.1", 5 },
        { I.Susp, "ES", "≤-1.0 | -0.9…-0.3 | -0.2…0.2 | 0.3…2.0 | ≥2.1", 5 },
        { I.Susp, "MS", "≤-3.0 | -2.9…-0.3 | -0.2…0.2 | 0.3…4.0 | ≥4.1", 5 },
        { I.Susp, "HS", "≤-2.0 | -1.9…-0.3 | -0.2…0.2 | 0.3…3.0 | ≥3.1", 5 },
    };

    [Theory]
    [MemberData(nameof(StatusBands))]
    public void Rule_2_5_status_cut_points_on_both_sides_of_each_bound(I indicator, string? type, bool hs, string bands, int lowestLevel)
    {
        foreach (var (value, level) in Boundaries(bands, lowestLevel))
        {
            Status(indicator, value, type: type, hs: hs).ShouldBe(level, $"{indicator} {type} status {value}");
        }
    }

    [Theory]
    [MemberData(nameof(ChangeBands))]
    public void Rule_2_5_change_cut_points_on_both_sides_of_each_bound(I indicator, string? type, string bands, int lowestLevel)
    {
        foreach (var (value, level) in Boundaries(bands, lowestLevel))
        {
            Change(indicator, value, type: type).ShouldBe(level, $"{indicator} {type} change {value}");
        }
    }

    [Theory]
    [InlineData(5.049, 4)]
    [InlineData(5.05, 3)] // half away from zero: 5.1, Medium (to even would give 5.0, Low)
    [InlineData(2.549, 5)]
    public void Values_are_rounded_to_one_decimal_half_away_from_zero_before_cutting(decimal chronicRate, int level) =>
        Status(I.Chronic, chronicRate).ShouldBe(level);

    [Fact]
    public void Negative_values_round_away_from_zero_too() =>
        Status(I.Ela, -5.05m).ShouldBe(2); // -5.1 is Low; -5.0 would be Medium

    [Fact]
    public void Change_is_the_files_when_given_and_current_minus_prior_otherwise()
    {
        // Current − prior of the rounded rates is +2.9 (Maintained); the state's change from the unrounded rates is +3.0.
        var measure = Measure(I.Ela, 12.9m, 10.0m);
        ColorEngine.Compute(measure).ChangeLevel.ShouldBe(3);
        ColorEngine.Compute(measure with { Change = 3.0m }).ChangeLevel.ShouldBe(4);
    }

    public static TheoryData<I, string?, string[]> Grids() => new()
    {
        // Rows: status 5 … 1; columns: change 5 … 1, as RULES.md §2.6 prints them.
        { I.Chronic, null, ["B B B G Y", "B G G Y O", "G G Y O O", "Y Y O O R", "Y O R R R"] },
        { I.Elpi, null, ["B B B G Y", "B G G Y O", "G G Y O O", "Y Y O O R", "Y O R R R"] },
        { I.Cci, null, ["B B B G Y", "B G G Y O", "G G Y O O", "Y Y O O R", "Y O R R R"] },
        { I.Susp, "UD", ["B B B G -", "B G G Y O", "G G Y O O", "Y Y O O R", "Y O R R R"] },
        { I.Susp, "HD", ["B B B G -", "B G G Y O", "G G Y O O", "Y Y O O R", "Y O R R R"] },
        { I.Susp, "ED", ["B B B G -", "B G G Y -", "G G Y O O", "Y Y O O R", "Y O R R R"] },
        { I.Susp, "ES", ["B B B G -", "B G G Y -", "G G Y O O", "Y Y O O R", "Y O R R R"] },
        { I.Susp, "MS", ["B B B G -", "B G G Y -", "G G Y O O", "Y Y O O R", "Y O R R R"] },
        { I.Susp, "HS", ["B B B G -", "B G G Y -", "G G Y O O", "Y Y O O R", "Y O R R R"] },
        { I.Grad, null, ["B B B B -", "B G G Y O", "G G Y O O", "Y Y O O R", "R R R R R"] },
        { I.Ela, null, ["B B B G G", "B G G G G", "G G Y Y Y", "Y Y O O O", "O O R R R"] },
        { I.Math, null, ["B B B G G", "B G G G G", "G G Y Y Y", "Y Y O O O", "O O R R R"] },
    };

    [Theory]
    [MemberData(nameof(Grids))]
    public void Rule_2_6_every_cell_of_each_grid_with_its_box(I indicator, string? type, string[] expected)
    {
        var tables = ColorEngine.For(2024);
        var key = new CutPointKey(indicator, type);
        var status = tables.StatusCutPoints(key)!;
        var change = tables.ChangeCutPoints(key)!;
        for (var s = 5; s >= 1; s--)
        {
            var cells = expected[5 - s].Split(' ');
            for (var c = 5; c >= 1; c--)
            {
                var measure = Measure(indicator, Inside(status, s), 0m, type: type) with { Change = Inside(change, c) };
                var result = ColorEngine.Compute(measure);
                (result.StatusLevel, result.ChangeLevel).ShouldBe((s, c));
                var color = cells[5 - c] switch
                {
                    "B" => DashboardColor.Blue,
                    "G" => DashboardColor.Green,
                    "Y" => DashboardColor.Yellow,
                    "O" => DashboardColor.Orange,
                    "R" => DashboardColor.Red,
                    _ => DashboardColor.None,
                };
                result.Color.ShouldBe(color, $"{indicator} {type} status {s} change {c}");
                result.Box.ShouldBe(color == DashboardColor.None ? 0 : (50 * (5 - s)) + (10 * c));
                result.Explanation.ShouldContain(color == DashboardColor.None ? "no color in this cell" : $"box {result.Box}");
            }
        }
    }

    // A value inside a level's band: one decimal past the band's lower edge (or the band's max for the lowest band).
    private static decimal Inside(CutPoints cuts, int level)
    {
        var bounds = new[] { cuts.LowestBandMax, cuts.SecondBandMax, cuts.MiddleBandMax, cuts.FourthBandMax };
        var band = cuts.HigherIsBetter ? level - 1 : 5 - level;
        return band == 0 ? bounds[0] : bounds[band - 1] + 0.1m;
    }

    [Fact]
    public void Suspension_cut_points_depend_on_the_type()
    {
        // 1.0% suspended is Very Low in a unified district but Low in an elementary one.
        Status(I.Susp, 1.0m, type: "UD").ShouldBe(5);
        Status(I.Susp, 1.0m, type: "ED").ShouldBe(4);
        Status(I.Susp, 1.5m, type: "HD").ShouldBe(5);
        Status(I.Susp, 1.5m, type: "HS").ShouldBe(4);
        // +4.0 points is Increased in a middle school, Increased Significantly elsewhere.
        Change(I.Susp, 4.0m, type: "MS").ShouldBe(2);
        Change(I.Susp, 4.0m, type: "ED").ShouldBe(1);
    }

    [Fact]
    public void A_suspension_row_without_a_known_type_gets_nothing_and_says_why()
    {
        var result = ColorEngine.Compute(Measure(I.Susp, 1.0m, 1.0m, type: "XX"));
        (result.StatusLevel, result.Color).ShouldBe((0, DashboardColor.None));
        result.Explanation.ShouldContain("'XX'");
        ColorEngine.Compute(Measure(I.Susp, 1.0m, type: "ud")).StatusLevel.ShouldBe(5, "the type is matched whatever its case");
    }

    [Fact]
    public void Hscutpoints_use_the_grade_eleven_cut_points()
    {
        Status(I.Ela, 20.0m).ShouldBe(4);
        Status(I.Ela, 20.0m, hs: true).ShouldBe(3);
        Status(I.Math, -50.0m).ShouldBe(2);
        Status(I.Math, -50.0m, hs: true).ShouldBe(3);
        Change(I.Ela, 3.0m).ShouldBe(4, "change cut points do not depend on hscutpoints");
    }

    [Fact]
    public void Small_denominators_hold_chronic_suspension_and_CCI_change_within_2_to_4_and_publish_the_held_level()
    {
        // Chronic absenteeism up 5 points (Increased Significantly) to High: Red, or Orange when held at Increased.
        var measure = Measure(I.Chronic, 15.0m, 10.0m);
        (ColorEngine.Compute(measure).ChangeLevel, ColorEngine.Compute(measure).Color).ShouldBe((1, DashboardColor.Red));
        var small = ColorEngine.Compute(measure with { SmallDenominator = true });
        (small.ChangeLevel, small.Color, small.Box).ShouldBe((2, DashboardColor.Orange, 170));
        small.Explanation.ShouldContain("small denominator, so held at Increased");

        ColorEngine.Compute(Measure(I.Susp, 3.0m, 9.0m, type: "UD", small: true)).ChangeLevel.ShouldBe(4, "Declined Significantly held at Declined");
        ColorEngine.Compute(Measure(I.Cci, 50.0m, 30.0m, small: true)).ChangeLevel.ShouldBe(4);
        ColorEngine.Compute(Measure(I.Ela, 0m, -30m, small: true)).ChangeLevel.ShouldBe(5, "ELA has no small-denominator rule");
    }

    [Fact]
    public void Small_denominators_in_graduation_from_2023_publish_five_bands_but_color_and_box_as_if_held()
    {
        // Monterey 2023, graddownload2023.txt line 7: 65.0% (prior 58.4%, change +6.6) published 1 / 5 / Red / box 240.
        var result = ColorEngine.Compute(Measure(I.Grad, 65.0m, 58.4m, 2023, HI, n: 80, priorN: 77, small: true) with { Change = 6.6m });
        (result.StatusLevel, result.ChangeLevel, result.Color, result.Box).ShouldBe((1, 5, DashboardColor.Red, 240));
        // Very High and Increased Significantly would be Blue either way, but the box is the held cell's.
        ColorEngine.Compute(Measure(I.Grad, 100.0m, 94.5m, 2024, FI, n: 40, priorN: 55, small: true)).Box.ShouldBe(40);
    }

    [Fact]
    public void Small_denominators_in_2018_graduation_publish_the_held_level_and_CCI_had_no_rule()
    {
        ColorEngine.Compute(Measure(I.Grad, 97.2m, 83.8m, 2018, small: true)).ChangeLevel.ShouldBe(4);
        ColorEngine.Compute(Measure(I.Cci, 50.0m, 30.0m, 2018, small: true)).ChangeLevel.ShouldBe(5);
    }

    [Theory]
    [InlineData(FOS, true, 15, true)]
    [InlineData(FOS, false, 15, false)]
    [InlineData(HOM, true, 15, true)]
    [InlineData(HOM, false, 29, false)]
    [InlineData(LTEL, true, 15, true)]
    [InlineData(LTEL, true, 14, false)]
    [InlineData(LTEL, false, 30, true)]
    [InlineData(SED, true, 29, false)]
    [InlineData(SED, true, 30, true)]
    public void Rule_2_4_color_n_size_is_30_but_15_for_foster_homeless_and_LTEL_at_LEA_level(StudentGroup group, bool lea, int n, bool colored)
    {
        var result = ColorEngine.Compute(Measure(I.Chronic, 7.0m, 7.0m, group: group, lea: lea, n: n));
        result.AccountabilityMet.ShouldBe(colored);
        (result.Color != DashboardColor.None).ShouldBe(colored);
        if (!colored)
        {
            result.Explanation.ShouldContain($"a color needs {(lea && group is FOS or HOM or LTEL ? 15 : 30)} in both");
        }
    }

    [Fact]
    public void The_prior_year_needs_the_n_size_too()
    {
        ColorEngine.Compute(Measure(I.Chronic, 7.0m, 7.0m, n: 40, priorN: 29)).Color.ShouldBe(DashboardColor.None);
        ColorEngine.Compute(Measure(I.Chronic, 7.0m, 7.0m, n: 40, priorN: 30)).Color.ShouldBe(DashboardColor.Yellow);
    }

    [Fact]
    public void A_status_is_reported_from_11_students()
    {
        ColorEngine.Compute(Measure(I.Chronic, 7.0m, n: 10)).StatusLevel.ShouldBe(0);
        ColorEngine.Compute(Measure(I.Chronic, 7.0m, n: 10)).Explanation.ShouldContain("a status needs 11");
        ColorEngine.Compute(Measure(I.Chronic, 7.0m, n: 11)).StatusLevel.ShouldBe(3);
        ColorEngine.Compute(Measure(I.Chronic, null, n: 40)).StatusLevel.ShouldBe(0);
    }

    [Fact]
    public void Without_a_prior_result_there_is_no_change_and_no_color()
    {
        var result = ColorEngine.Compute(Measure(I.Chronic, 7.0m));
        (result.StatusLevel, result.ChangeLevel, result.Color, result.Box).ShouldBe((3, 0, DashboardColor.None, 0));
        result.Explanation.ShouldContain("no prior-year result");
    }

    [Fact]
    public void Separate_n_size_counts_decide_the_color_but_not_the_status()
    {
        // 2018's students with disabilities: 44 in the rate but 26 counted for the n-size last year.
        var measure = Measure(I.Ela, -67.3m, -30.8m, 2018, SWD, lea: false, n: 44, priorN: 34) with { CurrentNSize = 42, PriorNSize = 26 };
        var result = ColorEngine.Compute(measure);
        (result.StatusLevel, result.ChangeLevel, result.Color).ShouldBe((2, 1, DashboardColor.None));
        ColorEngine.Compute(measure with { PriorNSize = 30 }).Color.ShouldBe(DashboardColor.Orange);
    }

    [Theory]
    [InlineData(ELO, 2024)]
    [InlineData(RFP, 2024)]
    [InlineData(EO, 2024)]
    [InlineData(EVEREL, 2025)]
    [InlineData(SBA, 2023)]
    [InlineData(CAA, 2023)]
    public void Informational_groups_get_levels_but_are_not_rated(StudentGroup group, int year)
    {
        var result = ColorEngine.Compute(Measure(I.Ela, 20.0m, 10.0m, year, group));
        (result.StatusLevel, result.ChangeLevel, result.Color, result.Box).ShouldBe((4, 4, DashboardColor.None, 0));
        result.Explanation.ShouldContain("informational: not rated");
    }

    [Fact]
    public void From_2024_the_Smarter_Balanced_and_CAA_groups_get_colors()
    {
        // Monterey 2024, eladownload2024.txt: SBA 21.9 (prior 14.3, n 282/275) published 4 / 4 / Green / 90.
        ColorEngine.Compute(Measure(I.Ela, 21.9m, 14.3m, 2024, SBA, lea: false, n: 282, priorN: 275)).Color.ShouldBe(DashboardColor.Green);
        ColorEngine.Compute(Measure(I.Math, -48.5m, -46.6m, 2024, CAA, n: 49, priorN: 45)).Color.ShouldBe(DashboardColor.Orange);
    }

    [Fact]
    public void Science_has_a_status_but_never_a_color()
    {
        var result = ColorEngine.Compute(Measure(I.Science, 70.0m, 60.0m, 2024));
        (result.StatusLevel, result.Color).ShouldBe((5, DashboardColor.None));
        result.Explanation.ShouldContain("status only in 2024");
    }

    [Fact]
    public void Status_only_years_and_indicators_have_no_change_level()
    {
        var y2022 = ColorEngine.Compute(Measure(I.Chronic, 25.0m, 10.0m, 2022));
        (y2022.StatusLevel, y2022.ChangeLevel, y2022.Color).ShouldBe((1, 0, DashboardColor.None));
        ColorEngine.Compute(Measure(I.Cci, 5.0m, 20.0m, 2023)).ChangeLevel.ShouldBe(0, "CCI was status only in 2023");
        ColorEngine.Compute(Measure(I.Elpi, 50.0m, 40.0m, 2019)).ChangeLevel.ShouldBe(0, "ELPI was status only in 2019");
        ColorEngine.Compute(Measure(I.Elpi, 50.0m, 40.0m, 2018)).StatusLevel.ShouldBe(0, "2018 had no ELPI levels");
    }

    [Fact]
    public void In_2022_an_ELPI_under_95_percent_tested_is_no_higher_than_Low()
    {
        // Monterey 2022 ELPI: 58.8% (High) and 71.4% (Very High) with flag95pct published 2; 34.8% stays Very Low.
        var measure = Measure(I.Elpi, 58.8m, year: 2022, group: EL) with { BelowParticipationTarget = true };
        ColorEngine.Compute(measure).StatusLevel.ShouldBe(2);
        ColorEngine.Compute(measure with { CurrentStatus = 71.4m }).StatusLevel.ShouldBe(2);
        ColorEngine.Compute(measure with { CurrentStatus = 34.8m }).StatusLevel.ShouldBe(1);
        ColorEngine.Compute(measure with { BelowParticipationTarget = false }).StatusLevel.ShouldBe(4);
        ColorEngine.Compute(Measure(I.Elpi, 58.8m, 50m, 2024, EL) with { BelowParticipationTarget = true }).StatusLevel.ShouldBe(4, "only 2022 caps");
    }

    [Fact]
    public void The_2017_ELPI_had_its_own_cut_points()
    {
        foreach (var (value, level) in Boundaries("≤59.9 | 60.0…66.9 | 67.0…74.9 | 75.0…84.9 | ≥85.0", 1))
        {
            Status(I.Elpi, value, 2017).ShouldBe(level, $"2017 ELPI status {value}");
        }

        foreach (var (value, level) in Boundaries("≤-10.1 | -10.0…-1.5 | -1.4…1.4 | 1.5…9.9 | ≥10.0", 1))
        {
            Change(I.Elpi, value, 2017).ShouldBe(level, $"2017 ELPI change {value}");
        }
    }

    [Fact]
    public void Graduation_before_2019_used_67_80_90_95()
    {
        foreach (var (value, level) in Boundaries("≤66.9 | 67.0…79.9 | 80.0…89.9 | 90.0…94.9 | ≥95.0", 1))
        {
            Status(I.Grad, value, 2018).ShouldBe(level, $"2018 graduation status {value}");
        }

        Status(I.Grad, 90.2m, 2019).ShouldBe(3, "from 2019 High starts at 90.5");
    }

    [Fact]
    public void Alternative_schools_had_their_own_graduation_cut_points_in_2018_only()
    {
        // Monterey 2018: Wellington M. Smith (DASS) 82.4% is High; Salinas Community -2.2 points is Maintained.
        var dass = Measure(I.Grad, 82.4m, 80.6m, 2018) with { Dass = true, Change = -2.2m };
        (ColorEngine.Compute(dass).StatusLevel, ColorEngine.Compute(dass).ChangeLevel).ShouldBe((4, 3));
        (ColorEngine.Compute(dass with { Dass = false }).StatusLevel, ColorEngine.Compute(dass with { Dass = false }).ChangeLevel).ShouldBe((3, 2));
        ColorEngine.Compute(dass with { Year = 2023 }).StatusLevel.ShouldBe(3, "from 2022 DASS schools use the common cut points");
        foreach (var (value, level) in Boundaries("≤66.9 | 67.0…69.9 | 70.0…79.9 | 80.0…89.9 | ≥90.0", 1))
        {
            ColorEngine.Compute(Measure(I.Grad, value, year: 2018) with { Dass = true }).StatusLevel.ShouldBe(level, $"2018 DASS graduation {value}");
        }
    }

    [Fact]
    public void Box_is_50_times_5_minus_status_plus_10_times_change()
    {
        ColorEngine.Box(5, 1).ShouldBe(10);
        ColorEngine.Box(1, 5).ShouldBe(250);
        ColorEngine.Box(3, 2).ShouldBe(120);
    }

    [Fact]
    public void The_explanation_names_the_levels_in_the_indicators_own_words()
    {
        var result = ColorEngine.Compute(Measure(I.Chronic, 22.0m, 17.0m));
        result.Explanation.ShouldBe("status 22.0: Very High (≥20.1); change +5.0: Increased Significantly; Red (box 210)");
        ColorEngine.Compute(Measure(I.Grad, 85.0m, 80.0m)).Explanation.ShouldStartWith("status 85.0: Medium (80.0–90.4); change +5.0: Increased Significantly");
    }

    [Fact]
    public void Years_without_tables_are_refused()
    {
        ColorEngine.SupportedYears.Order().ShouldBe([2017, 2018, 2019, 2022, 2023, 2024, 2025]);
        Should.Throw<ArgumentOutOfRangeException>(() => ColorEngine.For(2020));
    }
}
