using System.Globalization;

namespace SystemOfSupport.Core.Calpads;

/// <summary>
/// A California school year, which is also the state's fiscal year: July 1 through June 30, written <c>2023-24</c>.
/// CALPADS certifications belong to one school year; county office funding (EC 2575.2) to one fiscal year.
/// </summary>
public readonly record struct SchoolYear : IComparable<SchoolYear>
{
    /// <summary>The years this tool reads: CALPADS and the System of Support both begin well after 2000.</summary>
    public const int EarliestStart = 2000;

    public const int LatestStart = 2098;

    public SchoolYear(int startYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, EarliestStart);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startYear, LatestStart);
        StartYear = startYear;
    }

    /// <summary>The calendar year the school year starts in (2023 for 2023-24).</summary>
    public int StartYear { get; }

    public int EndYear => StartYear + 1;

    /// <summary>July 1.</summary>
    public DateOnly FirstDay => new(StartYear, 7, 1);

    /// <summary>June 30.</summary>
    public DateOnly LastDay => new(EndYear, 6, 30);

    /// <summary>
    /// The Dashboard that reports this year's data, released in the fall after the year ends: 2023-24 data is the 2024
    /// Dashboard's (RULES.md §6 phase-in).
    /// </summary>
    public int DashboardYear => EndYear;

    /// <summary><c>2023-24</c>.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{StartYear}-{EndYear % 100:00}");

    /// <summary>The school year whose data a Dashboard year reports (2024 → 2023-24).</summary>
    public static SchoolYear OfDashboard(int dashboardYear) => new(dashboardYear - 1);

    /// <summary>
    /// <c>2023-24</c>, <c>2023–24</c> (en dash) or <c>2023-2024</c>; the second year must follow the first.
    /// </summary>
    public static bool TryParse(string? text, out SchoolYear year)
    {
        year = default;
        var t = text?.Trim().Replace('\u2013', '-');
        if (t is null || t.Length is not (7 or 9) || t[4] != '-')
        {
            return false;
        }

        if (!int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(t.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || start is < EarliestStart or > LatestStart)
        {
            return false;
        }

        var expected = t.Length == 7 ? (start + 1) % 100 : start + 1;
        if (end != expected)
        {
            return false;
        }

        year = new SchoolYear(start);
        return true;
    }

    /// <exception cref="FormatException">Not a school year such as 2024-25.</exception>
    public static SchoolYear Parse(string text) =>
        TryParse(text, out var year) ? year : throw new FormatException($"'{text}' is not a school year: expected the form 2024-25");

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    public SchoolYear Previous => new(StartYear - 1);

    public int CompareTo(SchoolYear other) => StartYear.CompareTo(other.StartYear);

    public override string ToString() => StartYear == 0 ? string.Empty : Label;

    public static bool operator <(SchoolYear left, SchoolYear right) => left.CompareTo(right) < 0;

    public static bool operator <=(SchoolYear left, SchoolYear right) => left.CompareTo(right) <= 0;

    public static bool operator >(SchoolYear left, SchoolYear right) => left.CompareTo(right) > 0;

    public static bool operator >=(SchoolYear left, SchoolYear right) => left.CompareTo(right) >= 0;
}
