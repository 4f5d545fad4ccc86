using System.Collections.Frozen;
using SystemOfSupport.Core.Domain;
using static SystemOfSupport.Core.Colors.CutPoints;

namespace SystemOfSupport.Core.Colors;

/// <summary>
/// Each Dashboard year's color tables (RULES.md §2.4–2.6), checked against the state's files where the files exist:
/// every published level, color and box of Monterey 2018, 2023 and 2024 and of the statewide 2017 ELPI, and the
/// status levels of Monterey 2022 and the statewide 2017 CCI. Where the files showed other cut points than the
/// rulebook, the year's entry says so; the evidence is in color-tables.md beside this file.
/// </summary>
internal static class ColorTableBook
{
    private const string Ed = "ED", Hd = "HD", Ud = "UD", Es = "ES", Ms = "MS", Hs = "HS";

    // Chronic absenteeism, ELPI, CCI (and suspension, less its no-color cells).
    private static readonly ColorGrid Standard = new(
        "B B B G Y",
        "B G G Y O",
        "G G Y O O",
        "Y Y O O R",
        "Y O R R R");

    // Suspension: Very Low and Declined Significantly gets no color; ED, ES, MS and HS also leave Low × Declined Significantly blank.
    private static readonly ColorGrid SuspensionUnifiedAndHigh = new(
        "B B B G -",
        "B G G Y O",
        "G G Y O O",
        "Y Y O O R",
        "Y O R R R");

    private static readonly ColorGrid SuspensionOther = new(
        "B B B G -",
        "B G G Y -",
        "G G Y O O",
        "Y Y O O R",
        "Y O R R R");

    private static readonly ColorGrid Graduation = new(
        "B B B B -",
        "B G G Y O",
        "G G Y O O",
        "Y Y O O R",
        "R R R R R");

    private static readonly ColorGrid Academic = new(
        "B B B G G",
        "B G G G G",
        "G G Y Y Y",
        "Y Y O O O",
        "O O R R R");

    private static readonly NSizeRule NSize = new(11, 30, 15, new[] { StudentGroup.FOS, StudentGroup.HOM, StudentGroup.LTEL }.ToFrozenSet());

    private static readonly StudentGroup[] Informational =
        [StudentGroup.ELO, StudentGroup.RFP, StudentGroup.EO, StudentGroup.SBA, StudentGroup.CAA, StudentGroup.CAST, StudentGroup.EVEREL];

    // The status cut points held from 2019 on (RULES.md §2.5).
    private static readonly Dictionary<CutPointKey, CutPoints> Status2019 = new()
    {
        [new(Indicator.Ela)] = Higher(-70.1m, -5.1m, 9.9m, 44.9m),
        [new(Indicator.Ela, CutPointKey.GradeEleven)] = Higher(-45.1m, -0.1m, 29.9m, 74.9m),
        [new(Indicator.Math)] = Higher(-95.1m, -25.1m, -0.1m, 34.9m),
        [new(Indicator.Math, CutPointKey.GradeEleven)] = Higher(-115.1m, -60.1m, -0.1m, 24.9m),
        [new(Indicator.Elpi)] = Higher(34.9m, 44.9m, 54.9m, 64.9m),
        [new(Indicator.Chronic)] = Lower(2.5m, 5.0m, 10.0m, 20.0m),
        [new(Indicator.Grad)] = Higher(67.9m, 79.9m, 90.4m, 94.9m),
        [new(Indicator.Cci)] = Higher(9.9m, 34.9m, 54.9m, 69.9m),
        [new(Indicator.Susp, Ed)] = Lower(0.5m, 1.5m, 3.0m, 6.0m),
        [new(Indicator.Susp, Hd)] = Lower(1.5m, 3.5m, 6.0m, 9.0m),
        [new(Indicator.Susp, Ud)] = Lower(1.0m, 2.5m, 4.5m, 8.0m),
        [new(Indicator.Susp, Es)] = Lower(0.5m, 1.0m, 3.0m, 6.0m),
        [new(Indicator.Susp, Ms)] = Lower(0.5m, 2.0m, 8.0m, 12.0m),
        [new(Indicator.Susp, Hs)] = Lower(0.5m, 1.5m, 6.0m, 10.0m),
    };

    private static readonly Dictionary<CutPointKey, CutPoints> Change2019 = new()
    {
        [new(Indicator.Ela)] = Higher(-15.1m, -3.0m, 2.9m, 14.9m),
        [new(Indicator.Math)] = Higher(-15.1m, -3.0m, 2.9m, 14.9m),
        [new(Indicator.Elpi)] = Higher(-10.1m, -2.0m, 1.9m, 9.9m),
        [new(Indicator.Chronic)] = Lower(-3.0m, -0.5m, 0.4m, 3.0m),
        [new(Indicator.Grad)] = Higher(-5.1m, -1.0m, 0.9m, 4.9m),
        [new(Indicator.Cci)] = Higher(-9.1m, -2.0m, 1.9m, 8.9m),
        [new(Indicator.Susp, Ed)] = Lower(-2.0m, -0.3m, 0.2m, 2.0m),
        [new(Indicator.Susp, Hd)] = Lower(-3.0m, -0.5m, 0.4m, 3.0m),
        [new(Indicator.Susp, Ud)] = Lower(-2.0m, -0.3m, 0.2m, 2.0m),
        [new(Indicator.Susp, Es)] = Lower(-1.0m, -0.3m, 0.2m, 2.0m),
        [new(Indicator.Susp, Ms)] = Lower(-3.0m, -0.3m, 0.2m, 4.0m),
        [new(Indicator.Susp, Hs)] = Lower(-2.0m, -0.3m, 0.2m, 3.0m),
    };

    private static readonly Dictionary<CutPointKey, ColorGrid> Grids2019 = new()
    {
        [new(Indicator.Ela)] = Academic,
        [new(Indicator.Math)] = Academic,
        [new(Indicator.Elpi)] = Standard,
        [new(Indicator.Chronic)] = Standard,
        [new(Indicator.Grad)] = Graduation,
        [new(Indicator.Cci)] = Standard,
        [new(Indicator.Susp, Ed)] = SuspensionOther,
        [new(Indicator.Susp, Hd)] = SuspensionUnifiedAndHigh,
        [new(Indicator.Susp, Ud)] = SuspensionUnifiedAndHigh,
        [new(Indicator.Susp, Es)] = SuspensionOther,
        [new(Indicator.Susp, Ms)] = SuspensionOther,
        [new(Indicator.Susp, Hs)] = SuspensionOther,
    };

    // Before 2019, graduation used 67/80/90/95 (Monterey 2018: 90.2 and 90.4 are High, 89.9 Medium; the data only
    // bracket the lowest bound between 66.8 and 68.1).
    private static readonly Dictionary<CutPointKey, CutPoints> StatusBefore2019 = With(Status2019, new()
    {
        [new(Indicator.Grad)] = Higher(66.9m, 79.9m, 89.9m, 94.9m),
    });

    // DASS one-year graduation rate, 2018. Data: 64.5 Very Low, 75.0–78.6 Medium, 82.4–88.0 High, 90.9 Very High; no Low row.
    private static readonly Dictionary<CutPointKey, CutPoints> Status2018 = With(StatusBefore2019, new()
    {
        [new(Indicator.Grad, CutPointKey.AlternativeSchools)] = Higher(66.9m, 69.9m, 79.9m, 89.9m),
    });

    // DASS graduation change. Data: −2.2…+2.4 Maintained, −3.2 and −3.7 Declined, +4.5 at least Increased.
    private static readonly Dictionary<CutPointKey, CutPoints> Change2018 = With(Change2019, new()
    {
        [new(Indicator.Grad, CutPointKey.AlternativeSchools)] = Higher(-10.1m, -3.0m, 2.9m, 9.9m),
    });

    // 2017 ELPI (statewide 2017 file, 9,512 rows): CELDT-based, status 60/67/75/85 and change ±1.5/±10.
    private static readonly Dictionary<CutPointKey, CutPoints> Elpi2017Status = new() { [new(Indicator.Elpi)] = Higher(59.9m, 66.9m, 74.9m, 84.9m) };

    private static readonly Dictionary<CutPointKey, CutPoints> Elpi2017Change = new() { [new(Indicator.Elpi)] = Higher(-10.1m, -1.5m, 1.4m, 9.9m) };

    // Before 2023 the graduation file published the clamped change level as well (2018: `safetynet` rows never show 1 or 5).
    private static readonly Dictionary<Indicator, SmallDenominatorClamp> ClampsThrough2019 = new()
    {
        [Indicator.Chronic] = SmallDenominatorClamp.ChangeLevel,
        [Indicator.Susp] = SmallDenominatorClamp.ChangeLevel,
        [Indicator.Grad] = SmallDenominatorClamp.ChangeLevel,
    };

    // From 2023: graduation publishes five change bands and colors as if clamped (box too); CCI joins the clamp.
    private static readonly Dictionary<Indicator, SmallDenominatorClamp> ClampsFrom2023 = new()
    {
        [Indicator.Chronic] = SmallDenominatorClamp.ChangeLevel,
        [Indicator.Susp] = SmallDenominatorClamp.ChangeLevel,
        [Indicator.Cci] = SmallDenominatorClamp.ChangeLevel,
        [Indicator.Grad] = SmallDenominatorClamp.ColorOnly,
    };

    private static readonly FrozenDictionary<int, ColorTables> Years = new[]
    {
        // 2017: ELPI and CCI status from the statewide files; the other indicators are taken as 2018's (no 2017 file
        // with their levels is available) without the DASS entries, which began in 2018. No chronic absenteeism yet.
        Year(
            2017,
            status: Without(With(StatusBefore2019, Elpi2017Status), Indicator.Chronic),
            change: Without(With(Change2019, Elpi2017Change), Indicator.Chronic, Indicator.Cci),
            grids: Without(Grids2019, Indicator.Chronic, Indicator.Cci),
            ClampsThrough2019,
            "ELPI and CCI [verified: statewide 2017 files]; ELA, Math, graduation, suspension [assumed: as 2018]"),
        // 2018: no ELPI (proficiency-level counts only).
        Year(
            2018,
            status: Without(Status2018, Indicator.Elpi),
            change: Without(Change2018, Indicator.Elpi),
            grids: Without(Grids2019, Indicator.Elpi),
            ClampsThrough2019,
            "[verified: Monterey 2018 files]"),
        // 2019: ELPI status only. DASS's modified cut points of 2019 are not known here, nor the clamps (taken as 2018's).
        Year(
            2019,
            status: Status2019,
            change: Without(Change2019, Indicator.Elpi),
            grids: Without(Grids2019, Indicator.Elpi),
            ClampsThrough2019,
            "[published; clamps assumed as 2018]"),
        // 2022: status only; an ELPI below 95% participation is reported no higher than Low.
        Year(2022, Status2019, change: [], grids: [], [], "[verified: Monterey 2022 status levels]", statusCapBelowParticipation: 2),
        // 2023: CCI status only.
        Year(
            2023,
            status: Status2019,
            change: Without(Change2019, Indicator.Cci),
            grids: Without(Grids2019, Indicator.Cci),
            ClampsFrom2023,
            "[verified: Monterey 2023 files]"),
        // 2024: the students tested on Smarter Balanced and on the CAA get ELA and Math colors; science is status only.
        Year(2024, With(Status2019, ScienceStatus()), Change2019, Grids2019, ClampsFrom2023, "[verified: Monterey 2024 files]", colored: [StudentGroup.SBA, StudentGroup.CAA]),
        Year(2025, With(Status2019, ScienceStatus()), Change2019, Grids2019, ClampsFrom2023, "[assumed: as 2024]", colored: [StudentGroup.SBA, StudentGroup.CAA]),
    }.ToFrozenDictionary(t => t.Year);

    public static IReadOnlyCollection<int> SupportedYears => Years.Keys;

    public static ColorTables For(int year) =>
        Years.TryGetValue(year, out var tables)
            ? tables
            : throw new ArgumentOutOfRangeException(nameof(year), year, $"no Dashboard color tables for {year}; known: {string.Join(", ", Years.Keys.Order())}");

    // Science (informational, 2024+): status bands as ELPI's; never colored, so no change or grid.
    private static Dictionary<CutPointKey, CutPoints> ScienceStatus() => new() { [new(Indicator.Science)] = Higher(34.9m, 44.9m, 54.9m, 64.9m) };

    private static ColorTables Year(
        int year,
        Dictionary<CutPointKey, CutPoints> status,
        Dictionary<CutPointKey, CutPoints> change,
        Dictionary<CutPointKey, ColorGrid> grids,
        Dictionary<Indicator, SmallDenominatorClamp> clamps,
        string tag,
        int? statusCapBelowParticipation = null,
        StudentGroup[]? colored = null) => new(
        year,
        status.ToFrozenDictionary(),
        change.ToFrozenDictionary(),
        grids.ToFrozenDictionary(),
        clamps.ToFrozenDictionary(),
        NSize,
        Informational.Except(colored ?? []).ToFrozenSet(),
        statusCapBelowParticipation,
        $"RULES.md §2.4–2.6 ({year}) {tag}");

    private static Dictionary<CutPointKey, T> With<T>(Dictionary<CutPointKey, T> table, Dictionary<CutPointKey, T> changes)
    {
        var copy = new Dictionary<CutPointKey, T>(table);
        foreach (var (key, value) in changes)
        {
            copy[key] = value;
        }

        return copy;
    }

    private static Dictionary<CutPointKey, T> Without<T>(Dictionary<CutPointKey, T> table, params Indicator[] dropped) =>
        table.Where(e => !dropped.Contains(e.Key.Indicator)).ToDictionary();
}
