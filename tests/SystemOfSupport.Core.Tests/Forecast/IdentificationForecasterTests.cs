using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Forecast;
using SystemOfSupport.Core.Rules;
using SystemOfSupport.Core.Tests.Determinations;
using static SystemOfSupport.Core.Domain.Indicator;
using static SystemOfSupport.Core.Domain.StudentGroup;

namespace SystemOfSupport.Core.Tests.Forecast;

public class IdentificationForecasterTests
{
    private static readonly Lea District = new(CdsCode.Parse("27661590000000"), LeaKind.District, "Test Unified", "Monterey");

    private static BaseYearResult Result(StudentGroup group, Indicator indicator, decimal status, int students = 200) =>
        new(new IndicatorMeasure(2023, indicator, group, true, status, students, status, students, indicator == Susp ? "UD" : null, false, false), new SourceRef("test.txt", 1));

    private static ForecastLea Lea(AssistanceStatus status, params BaseYearResult[] results) => new(District, results, [], status);

    /// <summary>Every indicator's changes: <paramref name="changes"/> at every level (40 each, so every bucket is its own).</summary>
    private static ChangeDistribution Changes(params decimal[] changes) => new(
        from indicator in new[] { Ela, Indicator.Math, Elpi, Chronic, Grad, Susp, Cci }
        from level in Enumerable.Range(1, 5)
        from i in Enumerable.Range(0, 40)
        select new ChangeObservation(indicator, level, changes[i % changes.Length]),
        bucketMinimum: 30);

    private static ForecastModel Model(ChangeDistribution changes, int simulations = 500, int seed = 1, AssistanceHistory? history = null) =>
        new(RuleBook.For(2024), 2023, changes, history ?? AssistanceHistory.Empty, DeterminationSettings.Defaults, simulations, seed);

    // Students with disabilities far below standard on both tests and chronically absent: priorities 4 and 5.
    private static readonly BaseYearResult[] DeepInRed =
        [Result(SWD, Ela, -150m), Result(SWD, Indicator.Math, -200m), Result(SWD, Chronic, 45m)];

    private static readonly BaseYearResult[] FarFromRed =
        [Result(SWD, Ela, 80m), Result(SWD, Indicator.Math, 60m), Result(SWD, Chronic, 1.0m)];

    [Fact]
    public void A_group_deep_in_Red_with_no_variance_is_identified_with_probability_one()
    {
        var f = IdentificationForecaster.Forecast(Model(Changes(0m)), Lea(AssistanceStatus.GeneralAssistance, DeepInRed));

        f.Identified.ShouldBe(1.0);
        f.InAssistance.ShouldBe(1.0);
        f.Methods[1].ShouldBe(1.0);
        f.Lettered[SWD].ShouldBe(1.0);
        f.MostLikelyLetters.ShouldBe([new LikelyLetter(SWD, "B", 1.0)]);
        f.MostLikelyLettersText.ShouldBe("SWD=B");
        f.ResultsSimulated.ShouldBe(3);
        f.ResultsUncertain.ShouldBe(0);
    }

    [Fact]
    public void A_group_deep_in_Red_stays_identified_while_its_changes_stay_within_Maintained()
    {
        // Chronic absenteeism maintained is −0.4…+0.4; a decline of 0.5 would turn Very High to Orange.
        var f = IdentificationForecaster.Forecast(Model(Changes(-0.4m, -0.2m, 0m, 0.2m, 0.4m)), Lea(AssistanceStatus.GeneralAssistance, DeepInRed));
        f.Identified.ShouldBe(1.0);

        var declining = IdentificationForecaster.Forecast(Model(Changes(-1m, 0m)), Lea(AssistanceStatus.GeneralAssistance, DeepInRed));
        declining.Identified.ShouldBeInRange(0.4, 0.6);
    }

    [Fact]
    public void A_group_far_from_Red_is_identified_with_probability_zero()
    {
        var f = IdentificationForecaster.Forecast(Model(Changes(-5m, 0m, 5m)), Lea(AssistanceStatus.GeneralAssistance, FarFromRed));

        f.Identified.ShouldBe(0.0);
        f.InAssistance.ShouldBe(0.0);
        f.Lettered[SWD].ShouldBe(0.0);
        f.MostLikelyLetters.ShouldBeEmpty();
    }

    [Fact]
    public void An_LEA_identified_in_the_base_year_is_in_DA_next_year_even_when_not_identified_again()
    {
        // The base year's own decision, as `sos forecast` makes it, is the history of the forecast year.
        var baseYear = new EvidenceBuilder().Color(SWD, Ela, DashboardColor.Red).Color(SWD, Indicator.Math, DashboardColor.Red).Color(SWD, Chronic, DashboardColor.Red).Determine(2023);
        baseYear.Status.ShouldBe(AssistanceStatus.DifferentiatedAssistanceYear1);
        var history = BaseYearHistory.Extend(AssistanceHistory.Empty, 2023, [baseYear]);
        history.Status(District.Cds, 2023).ShouldBe(AssistanceStatus.DifferentiatedAssistanceYear1);

        var f = IdentificationForecaster.Forecast(Model(Changes(0m), history: history), Lea(baseYear.Status, FarFromRed));

        f.Identified.ShouldBe(0.0);
        f.InAssistance.ShouldBe(1.0);
    }

    [Fact]
    public void The_same_seed_gives_the_same_forecast_and_another_seed_another()
    {
        // Near the cut points on several indicators and groups, with wide changes: a genuinely uncertain LEA.
        BaseYearResult[] uncertain =
        [
            Result(SWD, Ela, -72m), Result(SWD, Indicator.Math, -96m), Result(SWD, Chronic, 19m), Result(SWD, Susp, 7.5m),
            Result(HI, Ela, -70m), Result(HI, Indicator.Math, -94m), Result(HI, Chronic, 21m), Result(HI, Susp, 8.2m),
        ];
        var changes = Changes(-12m, -6m, -3m, -1m, 0m, 1m, 3m, 6m, 12m);
        var lea = Lea(AssistanceStatus.GeneralAssistance, uncertain);

        var first = IdentificationForecaster.Forecast(Model(changes, simulations: 2000, seed: 7), lea);
        var again = IdentificationForecaster.Forecast(Model(changes, simulations: 2000, seed: 7), lea);
        var other = IdentificationForecaster.Forecast(Model(changes, simulations: 2000, seed: 8), lea);

        first.Identified.ShouldBeInRange(0.05, 0.95);
        (again.Identified, again.InAssistance, again.MostLikelyLettersText).ShouldBe((first.Identified, first.InAssistance, first.MostLikelyLettersText));
        again.MostLikelyLetters.ShouldBe(first.MostLikelyLetters);
        again.Lettered.ShouldBe(first.Lettered);
        again.Methods.ShouldBe(first.Methods);
        (other.Identified, other.Lettered[SWD], other.Lettered[HI]).ShouldNotBe((first.Identified, first.Lettered[SWD], first.Lettered[HI]));
    }

    [Fact]
    public void A_new_group_of_the_forecast_year_is_reported_as_not_simulated()
    {
        var forecast = IdentificationForecaster.Run(Model(Changes(0m)), [Lea(AssistanceStatus.GeneralAssistance, FarFromRed)]);
        forecast.GroupsNotSimulated.ShouldBe([LTEL]);
        forecast.Leas.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Fewer_than_one_simulation_is_an_error(int simulations)
    {
        var ex = Should.Throw<ArgumentException>(() => IdentificationForecaster.Forecast(Model(Changes(0m), simulations), Lea(AssistanceStatus.GeneralAssistance, FarFromRed)));
        ex.Message.ShouldContain("at least 1");
    }

    [Fact]
    public void The_criteria_tell_Red_and_Orange_apart_from_the_other_colors_in_2024()
    {
        var classes = IdentificationForecaster.ColorClasses(RuleBook.For(2024));
        int Class(Indicator i, DashboardColor c) => classes[i][(int)c];

        Class(Ela, DashboardColor.Red).ShouldNotBe(Class(Ela, DashboardColor.Orange));
        Class(Ela, DashboardColor.Orange).ShouldNotBe(Class(Ela, DashboardColor.Yellow));
        new[] { DashboardColor.None, DashboardColor.Yellow, DashboardColor.Green, DashboardColor.Blue }.Select(c => Class(Ela, c)).Distinct().Count().ShouldBe(1);
        Class(Chronic, DashboardColor.Orange).ShouldBe(Class(Chronic, DashboardColor.Yellow));
        Class(Chronic, DashboardColor.Red).ShouldNotBe(Class(Chronic, DashboardColor.Orange));
        ColorEngine.SupportedYears.ShouldContain(2024);
    }
}
