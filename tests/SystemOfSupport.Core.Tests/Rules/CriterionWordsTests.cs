using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;

namespace SystemOfSupport.Core.Tests.Rules;

/// <summary>A criterion's words, as a string and as written into a span (the findings file's way), are the same.</summary>
public class CriterionWordsTests
{
    private static readonly CdsCode Cds = CdsCode.Parse("27659870000000");

    private static IndicatorResult Row(Indicator indicator, DashboardColor color, int status, int change, int? students, decimal? current = null, int? prior = null, bool? accountability = null) =>
        new(Cds, indicator, StudentGroup.SWD, color, status, change, students, current, prior, null, null, null, accountability, new SourceRef("file.txt", 2));

    private sealed class Results(params IndicatorResult[] rows) : IIndicatorResults
    {
        public IndicatorResult? Find(Indicator indicator, StudentGroup group) => rows.FirstOrDefault(r => r.Indicator == indicator && r.Group == group);
    }

    public static TheoryData<Criterion, IndicatorResult[], string> Cases() => new()
    {
        {
            new ColorCriterion(Indicator.Susp, new HashSet<DashboardColor> { DashboardColor.Red }, GroupScope.Every),
            [Row(Indicator.Susp, DashboardColor.Orange, 1, 4, 45)],
            "Suspension Rate: Orange (status level 1, change level 4, 45 students)"
        },
        {
            new ColorCriterion(Indicator.Cci, new HashSet<DashboardColor> { DashboardColor.Red }, GroupScope.Every),
            [Row(Indicator.Cci, DashboardColor.None, 0, 0, 1)],
            "College/Career: no color (1 student, too few to report)"
        },
        {
            new ColorCriterion(Indicator.Grad, new HashSet<DashboardColor> { DashboardColor.Red }, GroupScope.Every),
            [Row(Indicator.Grad, DashboardColor.None, 5, 5, 18, prior: 24, accountability: false)],
            "Graduation Rate: no color (18 students this year, 24 last year: n-size not met in both years)"
        },
        {
            new ColorCriterion(Indicator.Grad, new HashSet<DashboardColor> { DashboardColor.Red }, GroupScope.Every),
            [Row(Indicator.Grad, DashboardColor.None, 5, 5, 30)],
            "Graduation Rate: no color (30 students this year, none last year: n-size not met in both years)"
        },
        {
            new ColorCriterion(Indicator.Grad, new HashSet<DashboardColor> { DashboardColor.Red }, GroupScope.Every),
            [Row(Indicator.Grad, DashboardColor.None, 5, 5, 30, prior: 30, accountability: true)],
            "Graduation Rate: no color (not rated)"
        },
        {
            new RedAndRedOrOrangeCriterion(Indicator.Ela, Indicator.Math, GroupScope.Every),
            [Row(Indicator.Ela, DashboardColor.Red, 1, 2, 31)],
            "English Language Arts: Red (status level 1, change level 2, 31 students); Mathematics: no result"
        },
        {
            new StatusLevelCriterion([Indicator.Ela, Indicator.Math], 1, "Very Low", GroupScope.Every, NSize: new StatusNSize(30, 15)),
            [Row(Indicator.Ela, DashboardColor.None, 1, 0, 20, current: -95.5m), Row(Indicator.Math, DashboardColor.None, 0, 0, 4)],
            "English Language Arts: status level 1 (-95.5), 20 students, n-size not met; Mathematics: no status (4 students)"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_words_are_the_same_as_a_string_and_in_a_span(Criterion criterion, IndicatorResult[] rows, string expected)
    {
        var outcome = criterion.Evaluate(StudentGroup.SWD, new Results(rows), leaLevel: true);
        outcome.Explanation.ShouldBe(expected);

        var room = new char[expected.Length];
        var text = new SpanText(room);
        criterion.Explain(ref text, StudentGroup.SWD, outcome.Evidence, leaLevel: true);
        text.Fits.ShouldBeTrue();
        new string(room, 0, text.Length).ShouldBe(expected);

        // One character short: the caller is told, and tries again with more room.
        var tooSmall = new SpanText(new char[expected.Length - 1]);
        criterion.Explain(ref tooSmall, StudentGroup.SWD, outcome.Evidence, leaLevel: true);
        tooSmall.Fits.ShouldBeFalse();
    }

    [Fact]
    public void Words_longer_than_the_first_room_are_made_whole()
    {
        // Every indicator, none with a result: longer than the 256 characters tried first.
        var criterion = new StatusLevelCriterion([.. Enum.GetValues<Indicator>(), .. Enum.GetValues<Indicator>()], 1, "Very Low", GroupScope.Every);
        var words = criterion.Explain(StudentGroup.SWD, [], leaLevel: true);
        words.Length.ShouldBeGreaterThan(256);
        words.ShouldBe(string.Join("; ", criterion.On.Select(i => $"{i.DisplayName()}: no result")));
    }
}
