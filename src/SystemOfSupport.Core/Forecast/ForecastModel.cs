using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;

namespace SystemOfSupport.Core.Forecast;

/// <summary>One of an LEA's base-year Dashboard results, as the color engine reads it, and the row it came from.</summary>
public sealed record BaseYearResult(IndicatorMeasure Measure, SourceRef Source);

/// <summary>A district or county office to forecast: its base-year results, its local indicators (carried unchanged) and its base-year status.</summary>
public sealed record ForecastLea(Lea Lea, IReadOnlyList<BaseYearResult> Results, IReadOnlyList<LocalIndicatorResult> LocalIndicators, AssistanceStatus BaseStatus);

/// <summary>
/// What a forecast runs on: the forecast year's rules, the changes to draw from, the history with the base year's
/// own statuses (for Year 2 carry-over), the settings, and how many simulations from which seed.
/// </summary>
public sealed record ForecastModel(DaRuleSet Rules, int BaseYear, ChangeDistribution Changes, AssistanceHistory History, DeterminationSettings Settings, int Simulations, int Seed)
{
    public int Year => Rules.Year;
}

/// <summary>
/// One LEA's forecast: the share of simulations in which it is identified (any method), is in Differentiated
/// Assistance at all (identified, or carried into Year 2), meets each method, and letters each group.
/// </summary>
/// <param name="Lettered">The share of simulations in which each group has a letter (meets two or more priorities).</param>
/// <param name="MostLikelyLetters">The groups lettered in at least half the simulations, each with its most frequent letter.</param>
/// <param name="ResultsSimulated">Base-year results carried into the forecast year.</param>
/// <param name="ResultsUncertain">Those whose color or status level differs between simulations.</param>
public sealed record LeaForecast(
    Lea Lea,
    AssistanceStatus BaseStatus,
    int Simulations,
    double Identified,
    double InAssistance,
    IReadOnlyDictionary<int, double> Methods,
    IReadOnlyDictionary<StudentGroup, double> Lettered,
    IReadOnlyList<LikelyLetter> MostLikelyLetters,
    int ResultsSimulated,
    int ResultsUncertain)
{
    /// <summary>The most likely letters as the status tables write them: "SWD=B HOM=D"; empty when none.</summary>
    public string MostLikelyLettersText => string.Join(' ', MostLikelyLetters.Select(l => $"{l.Group}={l.Letter}"));
}

/// <summary>A group's most frequent letter and the share of simulations that give it exactly that letter.</summary>
public sealed record LikelyLetter(StudentGroup Group, string Letter, double Probability);

/// <summary>A whole forecast: every LEA's probabilities, from one seed.</summary>
/// <param name="GroupsNotSimulated">Groups the forecast year rates that the base year did not (2024's LTEL): no base-year row to move, so never lettered.</param>
public sealed record IdentificationForecast(int Year, int BaseYear, int Simulations, int Seed, IReadOnlyList<LeaForecast> Leas, IReadOnlyList<StudentGroup> GroupsNotSimulated);
