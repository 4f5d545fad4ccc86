using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using static SystemOfSupport.Core.Domain.StudentGroup;

namespace SystemOfSupport.Core.Tests.Determinations;

/// <summary>RULES.md §4: EC 52072(a) / 52072.5 — the same group lettered in three of the last four Dashboard years.</summary>
public class Level3Tests
{
    private static readonly CdsCode Lea = CdsCode.Parse("27661590000000");

    private static AssistanceHistoryRow Row(int year, params (StudentGroup Group, string Letter)[] letters) =>
        new(Lea, "Test", null, null, null, year, letters.ToDictionary(l => l.Group, l => l.Letter), letters.Length,
            new Dictionary<int, AssistanceStatus>(), new Dictionary<int, bool>(), null, new SourceRef($"assistancestatus{year % 100}.xlsx", 7));

    private static Dictionary<StudentGroup, string> Letters(params StudentGroup[] groups) => groups.ToDictionary(g => g, _ => "B");

    [Fact]
    public void Rule_4_the_window_skips_2020_and_2021()
    {
        Level3.Window(2024).ShouldBe([2019, 2022, 2023, 2024]);
        Level3.Window(2023).ShouldBe([2018, 2019, 2022, 2023]);
        Level3.Window(2022).ShouldBe([2017, 2018, 2019, 2022]);
    }

    [Fact]
    public void Rule_4_three_groups_each_lettered_in_three_of_four_years_is_Y()
    {
        var history = new AssistanceHistory([Row(2019, (SWD, "B"), (EL, "B"), (HOM, "B")), Row(2022, (SWD, "A"), (EL, "B")), Row(2023, (HOM, "C"))]);
        var f = Level3.Evaluate(2024, Lea, Letters(SWD, EL, HOM), new HashSet<StudentGroup> { SWD, EL, HOM, HI }, history);
        f.Flag.ShouldBe(true);
        f.Groups.Where(g => g.Qualifies).Select(g => g.Group).ShouldBe([EL, HOM, SWD]);
    }

    [Fact]
    public void Rule_4_three_different_groups_in_three_years_is_N()
    {
        var history = new AssistanceHistory([Row(2019, (SWD, "B")), Row(2022, (EL, "B")), Row(2023, (HOM, "C"))]);
        var f = Level3.Evaluate(2024, Lea, Letters(HI), new HashSet<StudentGroup> { SWD, EL, HOM, HI }, history);
        f.Flag.ShouldBe(false);
        f.Groups.ShouldAllBe(g => !g.Qualifies);
    }

    [Fact]
    public void Rule_4_two_recurring_groups_are_not_enough_when_there_are_three_or_more_significant_groups()
    {
        var history = new AssistanceHistory([Row(2019, (SWD, "B"), (EL, "B")), Row(2022, (SWD, "B"), (EL, "B")), Row(2023)]);
        Level3.Evaluate(2024, Lea, Letters(SWD, EL), new HashSet<StudentGroup> { SWD, EL, HI }, history).Flag.ShouldBe(false);
    }

    [Fact]
    public void Rule_4_fewer_than_three_significant_groups_all_qualifying_is_Y()
    {
        var history = new AssistanceHistory([Row(2019, (SWD, "B"), (EL, "B")), Row(2022, (SWD, "B"), (EL, "B")), Row(2023)]);
        var f = Level3.Evaluate(2024, Lea, Letters(SWD, EL), new HashSet<StudentGroup> { SWD, EL }, history);
        f.Flag.ShouldBe(true);
        f.Reason.ShouldContain("fewer than three");
        // ...but not when one of them does not qualify.
        Level3.Evaluate(2024, Lea, Letters(SWD), new HashSet<StudentGroup> { SWD, HI }, new AssistanceHistory([Row(2019, (SWD, "B")), Row(2022, (SWD, "B")), Row(2023)]))
            .Flag.ShouldBe(false);
    }

    [Fact]
    public void Rule_4_an_LEA_absent_from_a_years_file_had_no_letters_that_year()
    {
        var history = new AssistanceHistory([Row(2019, (SWD, "B")), Row(2022), Row(2023)]);
        var other = CdsCode.Parse("27660920000000");
        Level3.Evaluate(2024, other, Letters(SWD), new HashSet<StudentGroup> { SWD, EL, HI }, history).Flag.ShouldBe(false);
    }

    [Fact]
    public void Rule_4_an_unknown_year_leaves_the_flag_undecided_unless_the_known_years_settle_it()
    {
        var without2022 = new AssistanceHistory([Row(2019, (SWD, "B")), Row(2023, (SWD, "B"))]);
        var f = Level3.Evaluate(2024, Lea, Letters(), new HashSet<StudentGroup> { SWD, EL, HI }, without2022);
        f.Flag.ShouldBeNull();
        f.MissingYears.ShouldBe([2022]);
        f.Reason.ShouldContain("2022");

        var settled = new AssistanceHistory([Row(2019, (SWD, "B"), (EL, "B"), (HI, "B")), Row(2023, (SWD, "B"), (EL, "B"), (HI, "B"))]);
        Level3.Evaluate(2024, Lea, Letters(SWD, EL, HI), new HashSet<StudentGroup> { SWD, EL, HI }, settled).Flag.ShouldBe(true);
    }

    [Fact]
    public void Rule_2_2_ALL_never_counts_toward_Level_3()
    {
        var history = new AssistanceHistory([Row(2019, (ALL, "B")), Row(2022, (ALL, "B")), Row(2023, (ALL, "B"))]);
        Level3.Evaluate(2024, Lea, Letters(ALL), new HashSet<StudentGroup> { SWD, EL, HI }, history).Groups.ShouldBeEmpty();
    }
}
