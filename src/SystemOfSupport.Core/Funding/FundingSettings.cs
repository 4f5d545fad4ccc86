using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Funding;

/// <summary>Which reports a fiscal year's averages count across the 2020–2021 gap (RULES.md §7 [assumed]).</summary>
public enum EarlierReportsRule
{
    /// <summary>The current report and the published ones before it; 2020 and 2021 are skipped.</summary>
    PrecedingPublished,

    /// <summary>2020 and 2021 count as reports that repeat 2019's.</summary>
    Carry2019,

    /// <summary>2020 and 2021 count as reports that identified no one.</summary>
    Zero2020And2021,
}

/// <summary>
/// The county office funding assumptions (RULES.md §7 [assumed]). The settings themselves are in
/// <see cref="DeterminationSettings"/>; this class names their values and reads them.
/// </summary>
public static class FundingSettings
{
    public const string PrecedingPublished = "preceding-published";
    public const string Carry2019 = "carry-2019";
    public const string Zero2020And2021 = "zero-2020-2021";
    public const string Year1 = "year1";
    public const string Year1AndYear2 = "year1-and-year2";
    public const string Error = "error";
    public const string Small = "small";
    public const string Medium = "medium";
    public const string Large = "large";
    public const string NoneIdentified = "none-identified";
    public const string SplitEqually = "split-equally";
    public const string FirstListed = "first-listed";

    public static EarlierReportsRule FundingEarlierReports(this DeterminationSettings settings) =>
        settings[DeterminationSettings.FundingEarlierReports] switch
        {
            Carry2019 => EarlierReportsRule.Carry2019,
            Zero2020And2021 => EarlierReportsRule.Zero2020And2021,
            _ => EarlierReportsRule.PrecedingPublished,
        };

    /// <summary>Whether a report's status counts as identified for funding (<c>funding.identified</c>).</summary>
    public static bool CountsAsIdentified(this DeterminationSettings settings, AssistanceStatus? status) => status switch
    {
        AssistanceStatus.DifferentiatedAssistance or AssistanceStatus.DifferentiatedAssistanceYear1 or AssistanceStatus.DifferentiatedSupport => true,
        AssistanceStatus.DifferentiatedAssistanceYear2 => settings[DeterminationSettings.FundingIdentified] == Year1AndYear2,
        _ => false,
    };

    /// <summary>The ADA band name a district missing from the directory is sized in; null when that is an error.</summary>
    public static string? BandForLeaNotInDirectory(this DeterminationSettings settings) =>
        settings[DeterminationSettings.FundingLeaNotInDirectory] is var v && v == Error ? null : v;

    public static bool MissingCharterReportIsError(this DeterminationSettings settings) =>
        settings[DeterminationSettings.FundingMissingCharterReport] == Error;

    public static bool SplitsBetweenCoLeads(this DeterminationSettings settings) =>
        settings[DeterminationSettings.FundingCoLeadShare] != FirstListed;
}
