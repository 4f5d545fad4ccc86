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

    private static readonly FrozenDictionary<int, DaRuleSet> Years = new[] { Year2023(), Year2024(), Year2025() }.ToFrozenDictionary(r => r.Year);

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

    private static StatusRules YearOneAndTwo(bool carryOver) => new(
        AssistanceStatus.DifferentiatedAssistanceYear1,
        AssistanceStatus.GeneralAssistance,
        AssistanceStatus.DifferentiatedAssistanceYear2,
        carryOver ? AssistanceStatus.DifferentiatedAssistanceYear1 : null);

    private static DaRuleSet Common(int year, StudentGroup[] groups, Criterion[] p4, Criterion p8, bool carryOver) => new(
        year,
        groups,
        [
            P(PriorityArea.PupilAchievement, p4),
            P(PriorityArea.PupilEngagement, Red(Indicator.Grad), Red(Indicator.Chronic)),
            P(PriorityArea.SchoolClimate, Red(Indicator.Susp)),
            P(PriorityArea.PupilOutcomes, p8),
        ],
        DistrictLocal.ToFrozenSet(),
        CountyOfficeLocal.ToFrozenSet(),
        Method2Threshold: 2,
        HasMethod4: year >= 2024,
        YearOneAndTwo(carryOver),
        Source: $"RULES.md §3 ({year})");

    private static RedAndRedOrOrangeCriterion ElaAndMath(GroupScope scope) => new(Indicator.Ela, Indicator.Math, scope);

    // 2023: CCI was status-only, so P8 is status Very Low with the n-size met; 2022 identifications did not carry over.
    private static DaRuleSet Year2023() => Common(
        2023,
        GroupsThrough2023,
        [ElaAndMath(GroupScope.Every), Red(Indicator.Elpi, Only(StudentGroup.EL))],
        new StatusLevelCriterion(Indicator.Cci, 1, "Very Low", RequireCurrentNSize: true, GroupScope.Every),
        carryOver: false);

    // 2024: LTEL appears; Red ELPI counts for EL and LTEL; CCI has colors again.
    private static DaRuleSet Year2024() => Common(
        2024,
        GroupsFrom2024,
        [ElaAndMath(GroupScope.Every), Red(Indicator.Elpi, Only(StudentGroup.EL, StudentGroup.LTEL))],
        Red(Indicator.Cci),
        carryOver: true);

    // 2025: as 2024, except LTEL meets P4 on a Red or Orange ELPI and never on ELA/Math.
    private static DaRuleSet Year2025() => Common(
        2025,
        GroupsFrom2024,
        [
            ElaAndMath(Except(StudentGroup.LTEL)),
            Red(Indicator.Elpi, Only(StudentGroup.EL)),
            new ColorCriterion(Indicator.Elpi, Colors(DashboardColor.Red, DashboardColor.Orange), Only(StudentGroup.LTEL)),
        ],
        Red(Indicator.Cci),
        carryOver: true);
}
