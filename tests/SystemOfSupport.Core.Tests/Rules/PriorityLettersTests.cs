using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;

namespace SystemOfSupport.Core.Tests.Rules;

public class PriorityLettersTests
{
    [Theory]
    [InlineData("A", new[] { 4, 5, 6 })]
    [InlineData("B", new[] { 4, 5 })]
    [InlineData("C", new[] { 5, 6 })]
    [InlineData("D", new[] { 4, 6 })]
    [InlineData("E", new[] { 4, 8 })]
    [InlineData("F", new[] { 5, 8 })]
    [InlineData("G", new[] { 6, 8 })]
    [InlineData("H", new[] { 4, 5, 8 })]
    [InlineData("I", new[] { 4, 6, 8 })]
    [InlineData("J", new[] { 5, 6, 8 })]
    [InlineData("K", new[] { 4, 5, 6, 8 })]
    public void Each_combination_of_two_or_more_priorities_has_its_letter(string letter, int[] priorities)
    {
        PriorityLetters.For(priorities.Select(p => (PriorityArea)p)).ShouldBe(letter);
        PriorityLetters.PrioritiesOf(letter).Select(p => (int)p).ShouldBe(priorities, ignoreOrder: true);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 4 })]
    [InlineData(new[] { 8 })]
    public void Fewer_than_two_priorities_have_no_letter(int[] priorities) =>
        PriorityLetters.For(priorities.Select(p => (PriorityArea)p)).ShouldBeNull();
}

public class DashboardYearsTests
{
    [Theory]
    [InlineData(2018, 2017)]
    [InlineData(2022, 2019)]
    [InlineData(2023, 2022)]
    [InlineData(2025, 2024)]
    public void Previous_year_skips_2020_and_2021(int year, int previous) => DashboardYears.Previous(year).ShouldBe(previous);

    [Fact]
    public void Status_columns_run_from_2017_without_the_gap() =>
        DashboardYears.Through(2024).ShouldBe([2017, 2018, 2019, 2022, 2023, 2024]);
}

public class RuleBookTests
{
    [Fact]
    public void LTEL_is_a_group_from_2024_only()
    {
        RuleBook.For(2023).Groups.ShouldNotContain(StudentGroup.LTEL);
        RuleBook.For(2024).Groups.ShouldContain(StudentGroup.LTEL);
        RuleBook.For(2025).Groups.ShouldContain(StudentGroup.LTEL);
    }

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    public void ALL_is_never_a_group_and_science_is_never_used(int year)
    {
        var rules = RuleBook.For(year);
        rules.Groups.ShouldNotContain(StudentGroup.ALL);
        rules.IndicatorsUsed.ShouldNotContain(Indicator.Science);
        rules.Groups.Count.ShouldBe(year >= 2024 ? 14 : 13);
    }

    [Fact]
    public void Method4_exists_from_2024() =>
        (RuleBook.For(2023).HasMethod4, RuleBook.For(2024).HasMethod4, RuleBook.For(2025).HasMethod4).ShouldBe((false, true, true));

    [Fact]
    public void Unsupported_year_is_refused() => Should.Throw<ArgumentOutOfRangeException>(() => RuleBook.For(2021));

    [Fact]
    public void County_offices_alone_answer_for_priorities_9_and_10()
    {
        var rules = RuleBook.For(2024);
        rules.LocalPrioritiesFor(LeaKind.District).ShouldNotContain(PriorityArea.ExpelledPupils);
        rules.LocalPrioritiesFor(LeaKind.District).ShouldNotContain(PriorityArea.FosterYouth);
        rules.LocalPrioritiesFor(LeaKind.CountyOffice).ShouldContain(PriorityArea.ExpelledPupils);
        rules.LocalPrioritiesFor(LeaKind.CountyOffice).ShouldContain(PriorityArea.FosterYouth);
    }
}
