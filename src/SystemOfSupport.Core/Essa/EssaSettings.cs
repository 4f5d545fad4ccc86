using System.Collections.Frozen;
using System.Globalization;
using SystemOfSupport.Core.Determinations;

namespace SystemOfSupport.Core.Essa;

/// <summary>
/// The assumptions of the ESSA CSI rule (RULES.md §5 [assumed]), as named settings a user can change without a code
/// change. Immutable; <see cref="With"/> returns a changed copy.
/// </summary>
public sealed class EssaSettings
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

    public static IReadOnlyList<SettingDefinition> Definitions { get; } =
    [
        new(CsiYears, SkipPandemicYears, [SkipPandemicYears, EveryYear],
            "How the four years a CSI school has to meet the exit criteria are counted: the status years 2018, 2019, 2022, 2023, 2024, … each once, "
            + "with the 2020 and 2021 columns (no Dashboard; the 2019 designations carried over) left out ('skip-2020-2021'), "
            + "or every year from 2018, 2020 and 2021 included as the files show them ('every-year').",
            "RULES.md §5 [assumed]"),
    ];

    private static readonly FrozenDictionary<string, SettingDefinition> ByKey =
        Definitions.ToFrozenDictionary(d => d.Key, StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, string> values;

    private EssaSettings(FrozenDictionary<string, string> values) => this.values = values;

    public static EssaSettings Defaults { get; } = new(Definitions.ToFrozenDictionary(d => d.Key, d => d.Default, StringComparer.OrdinalIgnoreCase));

    public string this[string key] => values.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"unknown setting '{key}'");

    public EssaSettings With(string key, string value)
    {
        if (!ByKey.TryGetValue(key, out var def))
        {
            throw new ArgumentException($"unknown setting '{key}'; known settings: {string.Join(", ", Definitions.Select(d => d.Key))}", nameof(key));
        }

        if (!def.Allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"setting '{def.Key}' cannot be '{value}'; allowed: {string.Join(", ", def.Allowed)}", nameof(value));
        }

        var copy = values.ToDictionary(StringComparer.OrdinalIgnoreCase);
        copy[def.Key] = value.ToLowerInvariant();
        return new EssaSettings(copy.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    public IReadOnlyList<AppliedSetting> Applied() =>
        [.. Definitions.Select(d => new AppliedSetting(d.Key, this[d.Key], this[d.Key] == d.Default, d.Description, d.Rule))];

    /// <summary>The status years that count toward the four years, from 2018 through <paramref name="through"/>.</summary>
    public IReadOnlyList<int> StatusYears(int through) =>
        [.. Enumerable.Range(FirstStatusYear, Math.Max(0, through - FirstStatusYear + 1)).Where(IsStatusYear)];

    /// <summary>Throws an <see cref="ArgumentException"/> (a usage error) unless <paramref name="year"/> is a counted status year.</summary>
    public void RequireStatusYear(int year)
    {
        if (!IsStatusYear(year))
        {
            var skipped = this[CsiYears] == EveryYear ? string.Empty : " and leave out 2020 and 2021";
            throw new ArgumentException(
                $"{year.ToString(CultureInfo.InvariantCulture)} is not an ESSA status year under {CsiYears} = {this[CsiYears]}: "
                + $"status years start in {FirstStatusYear.ToString(CultureInfo.InvariantCulture)}{skipped}",
                nameof(year));
        }
    }

    /// <summary>Whether a year's designations count toward the four years.</summary>
    public bool IsStatusYear(int year) =>
        year >= FirstStatusYear && (this[CsiYears] == EveryYear || !PandemicYears.Contains(year));
}
