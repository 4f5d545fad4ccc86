using System.Globalization;
using SystemOfSupport.Core.Determinations;

namespace SystemOfSupport.Core.Essa;

/// <summary>
/// The ESSA CSI rule's assumption (RULES.md §5 [assumed]): how the four years are counted. The setting itself is one
/// of <see cref="DeterminationSettings"/>; this class names its values and applies it.
/// </summary>
public static class EssaSettings
{
    public const string CsiYears = "essa.csi-years";

    /// <summary>Status years 2018, 2019, 2022, 2023, … each count once; the 2020 and 2021 columns are not read.</summary>
    public const string SkipPandemicYears = "skip-2020-2021";

    /// <summary>Every year from 2018 counts, with the 2020 and 2021 columns as the files show them.</summary>
    public const string EveryYear = "every-year";

    /// <summary>ESSA school designations began with the 2018 Dashboard (2018–19).</summary>
    public const int FirstStatusYear = 2018;

    /// <summary>The years without a Dashboard: the files carry the 2019–20 designations through them.</summary>
    private static readonly int[] PandemicYears = [2020, 2021];

    public static SettingDefinition Definition { get; } =
        new(CsiYears, SkipPandemicYears, [SkipPandemicYears, EveryYear],
            "How the four years a CSI school has to meet the exit criteria are counted: the status years 2018, 2019, 2022, 2023, 2024, … each once, "
            + "with the 2020 and 2021 columns (no Dashboard; the 2019 designations carried over) left out ('skip-2020-2021'), "
            + "or every year from 2018, 2020 and 2021 included as the files show them ('every-year').",
            "RULES.md §5 [assumed]");

    /// <summary>The status years that count toward the four years, from 2018 through <paramref name="through"/>.</summary>
    public static IReadOnlyList<int> StatusYears(this DeterminationSettings settings, int through) =>
        [.. Enumerable.Range(FirstStatusYear, Math.Max(0, through - FirstStatusYear + 1)).Where(settings.IsStatusYear)];

    /// <summary>Throws an <see cref="ArgumentException"/> (a usage error) unless <paramref name="year"/> is a counted status year.</summary>
    public static void RequireStatusYear(this DeterminationSettings settings, int year)
    {
        if (!settings.IsStatusYear(year))
        {
            var skipped = settings[CsiYears] == EveryYear ? string.Empty : " and leave out 2020 and 2021";
            throw new ArgumentException(
                $"{year.ToString(CultureInfo.InvariantCulture)} is not an ESSA status year under {CsiYears} = {settings[CsiYears]}: "
                + $"status years start in {FirstStatusYear.ToString(CultureInfo.InvariantCulture)}{skipped}",
                nameof(year));
        }
    }

    /// <summary>Whether a year's designations count toward the four years.</summary>
    public static bool IsStatusYear(this DeterminationSettings settings, int year) =>
        year >= FirstStatusYear && (settings[CsiYears] == EveryYear || !PandemicYears.Contains(year));
}
