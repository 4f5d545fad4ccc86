namespace SystemOfSupport.Core.Rules;

/// <summary>The years the Dashboard was published. 2020 and 2021 had no Dashboard and no determinations.</summary>
public static class DashboardYears
{
    public static IReadOnlyList<int> Published { get; } = [2017, 2018, 2019, 2022, 2023, 2024, 2025];

    public static bool Exists(int year) => year is >= 2017 and not (2020 or 2021);

    /// <summary>The Dashboard year before <paramref name="year"/>, skipping 2020 and 2021.</summary>
    public static int? Previous(int year)
    {
        for (var y = year - 1; y >= 2017; y--)
        {
            if (Exists(y))
            {
                return y;
            }
        }

        return null;
    }

    /// <summary>Every Dashboard year from 2017 through <paramref name="year"/>.</summary>
    public static IEnumerable<int> Through(int year)
    {
        for (var y = 2017; y <= year; y++)
        {
            if (Exists(y))
            {
                yield return y;
            }
        }
    }
}
