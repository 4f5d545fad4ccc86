using System.Collections.Frozen;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Rules;

/// <summary>
/// The Differentiated Assistance rules for each Dashboard year (RULES.md §3.1–3.5). Adding a year is adding an entry.
/// </summary>
public static class RuleBook
{
    private static readonly StudentGroup[] GroupsThrough2023 =
    [
        StudentGroup.AA, StudentGroup.AI, StudentGroup.AS, StudentGroup.EL, StudentGroup.FI, StudentGroup.FOS, StudentGroup.HI,
        StudentGroup.HOM, StudentGroup.PI, StudentGroup.SED, StudentGroup.SWD, StudentGroup.TOM, StudentGroup.WH,
    ];

    private static readonly StudentGroup[] GroupsFrom2024 = [.. GroupsThrough2023.Append(StudentGroup.LTEL).Order()];

    private static readonly PriorityArea[] DistrictLocal =
        [PriorityArea.Basics, PriorityArea.StateStandards, PriorityArea.ParentalInvolvement, PriorityArea.SchoolClimate, PriorityArea.CourseAccess];

    private static readonly PriorityArea[] CountyOfficeLocal = [.. DistrictLocal, PriorityArea.ExpelledPupils, PriorityArea.FosterYouth];

    // 2022 had no prior year, so no color to carry the n-size: the current denominator alone (RULES.md §3.1).
    private static readonly StatusNSize NSize2022 = new(30, 15);

    // Declared before Years: static fields initialize in text order.
    private static readonly StatusRules DifferentiatedSupport2017 =
        new(AssistanceStatus.DifferentiatedSupport, AssistanceStatus.GeneralSupport, CarriedOver: null, CarriedOverFrom: null);

    private static readonly StatusRules DifferentiatedAssistanceOneYear =
        new(AssistanceStatus.DifferentiatedAssistance, AssistanceStatus.GeneralAssistance, CarriedOver: null, CarriedOverFrom: null);

    private static readonly FrozenDictionary<int, DaRuleSet> Years =
        new[] { Year2017(), Year2018(), Year2019(), Year2022(), Year2023(), Year2024(), Year2025() }.ToFrozenDictionary(r => r.Year);

    public static IReadOnlyCollection<int> SupportedYears => Years.Keys;

    public static bool TryGet(int year, out DaRuleSet? rules) => Years.TryGetValue(year, out rules);

    public static DaRuleSet For(int year) =>
        Years.TryGetValue(year, out var rules)
            ? rules
            : throw new ArgumentOutOfRangeException(nameof(year), year, $"no Differentiated Assistance rules for {year}; supported: {string.Join(", ", Years.Keys.Order())}");

    private static GroupScope Only(params StudentGroup[] groups) => new(Only: groups.ToFrozenSet());

    private static GroupScope Except(params StudentGroup[] groups) => new(Except: groups.ToFrozenSet());

    private static FrozenSet<DashboardColor> Colors(params DashboardColor[] colors) => colors.ToFrozenSet();

    private static PriorityRule P(PriorityArea priority, params Criterion[] anyOf) => new(priority, anyOf);

    private static ColorCriterion Red(Indicator indicator, GroupScope? scope = null) => new(indicator, Colors(DashboardColor.Red), scope ?? GroupScope.Every);

    private static RedAndRedOrOrangeCriterion ElaAndMath(GroupScope scope) => new(Indicator.Ela, Indicator.Math, scope);

    private static StatusLevelCriterion Status(Indicator[] on, int level, string name, GroupScope? scope = null, StatusNSize? nsize = null, bool currNSizeFlag = false) =>
        new(on, level, name, scope ?? GroupScope.Every, currNSizeFlag, nsize);

    private static StatusRules YearOneAndTwo(bool carryOver) => new(
        AssistanceStatus.DifferentiatedAssistanceYear1,
        AssistanceStatus.GeneralAssistance,
        AssistanceStatus.DifferentiatedAssistanceYear2,
        carryOver ? AssistanceStatus.DifferentiatedAssistanceYear1 : null);

    private static DaRuleSet Year(
        int year, StudentGroup[] groups, Criterion[] p4, Criterion[] p5, Criterion[] p6, Criterion[]? p8, int[] methods, StatusRules status, string tag) => new(
        year,
        groups,
        [
            P(PriorityArea.PupilAchievement, p4),
            P(PriorityArea.PupilEngagement, p5),
            P(PriorityArea.SchoolClimate, p6),
            .. p8 is null ? Array.Empty<PriorityRule>() : [P(PriorityArea.PupilOutcomes, p8)],
        ],
        DistrictLocal.ToFrozenSet(),
        CountyOfficeLocal.ToFrozenSet(),
        methods.ToFrozenSet(),
        Method2Threshold: 2,
        status,
        CountyOfficesDetermined: year >= 2018,
        HasLevel3Flag: year >= 2022,
        SignificanceNSize: year == 2022 ? NSize2022 : null,
        Source: $"RULES.md §3.1 ({year}) {tag}");

    // 2017: grades 3–8 tests (the ela38/math38 files); no chronic absenteeism indicator; CCI status only, so no P8.
    private static DaRuleSet Year2017() => Year(
        2017, GroupsThrough2023,
        [ElaAndMath(GroupScope.Every), Red(Indicator.Elpi, Only(StudentGroup.EL))],
        [Red(Indicator.Grad)],
        [Red(Indicator.Susp)],
        p8: null,
        [1, 2, 3], DifferentiatedSupport2017, "[published, with gaps]");

    // 2018: no ELPI (proficiency-level counts only).
    private static DaRuleSet Year2018() => Year(
        2018, GroupsThrough2023,
        [ElaAndMath(GroupScope.Every)],
        [Red(Indicator.Grad), Red(Indicator.Chronic)],
        [Red(Indicator.Susp)],
        [Red(Indicator.Cci)],
        [1, 2, 3], DifferentiatedAssistanceOneYear, "[verified]");

    // 2019: ELPI was status only: Very Low for English learners.
    private static DaRuleSet Year2019() => Year(
        2019, GroupsThrough2023,
        [ElaAndMath(GroupScope.Every), Status([Indicator.Elpi], 1, "Very Low", Only(StudentGroup.EL), new StatusNSize(30, 30))],
        [Red(Indicator.Grad), Red(Indicator.Chronic)],
        [Red(Indicator.Susp)],
        [Red(Indicator.Cci)],
        [1, 2, 3], DifferentiatedAssistanceOneYear, "[published]");

    // 2022: status only, with status proxies; no local indicators and no P8; only Method 1.
    private static DaRuleSet Year2022() => Year(
        2022, GroupsThrough2023,
        [
            Status([Indicator.Ela, Indicator.Math], 1, "Very Low", nsize: NSize2022),
            Status([Indicator.Elpi], 1, "Very Low", Only(StudentGroup.EL), NSize2022),
        ],
        [Status([Indicator.Grad], 1, "Very Low", nsize: NSize2022), Status([Indicator.Chronic], 1, "Very High", nsize: NSize2022)],
        [Status([Indicator.Susp], 1, "Very High", nsize: NSize2022)],
        p8: null,
        [1], DifferentiatedAssistanceOneYear, "[verified]");

    // 2023: CCI was status-only, so P8 is status Very Low with the n-size met; 2022 identifications did not carry over.
    private static DaRuleSet Year2023() => Year(
        2023, GroupsThrough2023,
        [ElaAndMath(GroupScope.Every), Red(Indicator.Elpi, Only(StudentGroup.EL))],
        [Red(Indicator.Grad), Red(Indicator.Chronic)],
        [Red(Indicator.Susp)],
        [Status([Indicator.Cci], 1, "Very Low", currNSizeFlag: true)],
        [1, 2, 3], YearOneAndTwo(carryOver: false), "[verified]");

    // 2024: LTEL appears; Red ELPI counts for EL and LTEL; CCI has colors again; Method 4 (CALPADS).
    private static DaRuleSet Year2024() => Year(
        2024, GroupsFrom2024,
        [ElaAndMath(GroupScope.Every), Red(Indicator.Elpi, Only(StudentGroup.EL, StudentGroup.LTEL))],
        [Red(Indicator.Grad), Red(Indicator.Chronic)],
        [Red(Indicator.Susp)],
        [Red(Indicator.Cci)],
        [1, 2, 3, 4], YearOneAndTwo(carryOver: true), "[verified]");

    // 2025: as 2024, except LTEL meets P4 on a Red or Orange ELPI and never on ELA/Math.
    private static DaRuleSet Year2025() => Year(
        2025, GroupsFrom2024,
        [
            ElaAndMath(Except(StudentGroup.LTEL)),
            Red(Indicator.Elpi, Only(StudentGroup.EL)),
            new ColorCriterion(Indicator.Elpi, Colors(DashboardColor.Red, DashboardColor.Orange), Only(StudentGroup.LTEL)),
        ],
        [Red(Indicator.Grad), Red(Indicator.Chronic)],
        [Red(Indicator.Susp)],
        [Red(Indicator.Cci)],
        [1, 2, 3, 4], YearOneAndTwo(carryOver: true), "[published]");
}
