using SystemOfSupport.Core.Determinations;

namespace SystemOfSupport.Core.Forecast;

/// <summary>The forecast's assumptions a user could reasonably change (<c>sos forecast --set key=value</c>); the rest are fixed and listed in docs/forecast.md.</summary>
public static class ForecastSettings
{
    public const string BucketMinimumKey = "forecast.bucket-min";
    public const string BucketLevelKey = "forecast.bucket-level";
    public const string MissingChangeKey = "forecast.missing-change";

    /// <summary>Bucket by the status level the observed change started from (last year's status).</summary>
    public const string StartingLevel = "starting";

    /// <summary>Bucket by the status level the observed change ended at (this year's status).</summary>
    public const string EndingLevel = "ending";

    /// <summary>An indicator with no observed change anywhere: next year's status is this year's (change 0, "Maintained").</summary>
    public const string Maintained = "maintained";

    /// <summary>An indicator with no observed change anywhere stops the run.</summary>
    public const string Error = "error";

    public static IReadOnlyList<SettingDefinition> Definitions { get; } =
    [
        new(BucketMinimumKey, "30", ["10", "20", "30", "50", "100"],
            "The fewest observed year-over-year changes an indicator × status-level bucket needs to be used by the forecast; a smaller bucket falls back to the indicator's whole distribution.",
            "docs/forecast.md; RULES.md §2.5 (status levels) [assumed]"),
        new(BucketLevelKey, StartingLevel, [StartingLevel, EndingLevel],
            "Which status level buckets an observed change: the level it started from, last year's status, matched against this year's status of the group being forecast ('starting', so a group deep in Red draws from changes that began there), or the level it ended at, this year's status ('ending').",
            "docs/forecast.md; RULES.md §2.5 (status levels) [assumed]"),
        new(MissingChangeKey, Maintained, [Maintained, Error],
            "An indicator with no observed change in the base year's files (2023's status-only CCI) and none from --change-from: next year's status is this year's, colored as Maintained ('maintained'), or the forecast fails ('error').",
            "docs/forecast.md; RULES.md §2.1 (2023 CCI status only), §2.6 [assumed]"),
    ];

    public static int BucketMinimum(this DeterminationSettings settings) =>
        int.Parse(settings[BucketMinimumKey], System.Globalization.CultureInfo.InvariantCulture);

    public static bool BucketsByStartingLevel(this DeterminationSettings settings) => settings[BucketLevelKey] == StartingLevel;

    public static bool MissingChangeIsMaintained(this DeterminationSettings settings) => settings[MissingChangeKey] == Maintained;
}
