namespace SystemOfSupport.Core.Calpads;

/// <summary>What can make a district or county office meet Method 4 (RULES.md §6).</summary>
public enum Method4Criterion
{
    /// <summary>No End of Year submission (EOY 1–4) certified at all.</summary>
    NoEndOfYearCertified,

    /// <summary>Any of Fall 1, Fall 2, EOY 1–4 not certified by the deadline that counts.</summary>
    MissedDeadline,

    /// <summary>A data-quality issue identified in the year's submissions (the rule is a setting).</summary>
    DataQualityIssue,
}

/// <summary>One step of Method 4's phase-in: the criteria that apply from a Dashboard year on.</summary>
public sealed record Method4Phase(int FirstDashboardYear, IReadOnlyList<Method4Criterion> Criteria, string Description, string Rule);

/// <summary>Method 4's phase-in as data (RULES.md §6): each Dashboard year uses the latest phase that has begun.</summary>
public static class Method4PhaseIn
{
    public static IReadOnlyList<Method4Phase> Phases { get; } =
    [
        new(2024, [Method4Criterion.NoEndOfYearCertified],
            "a district or county office that certified no End of Year submission (EOY 1–4) meets Method 4", "RULES.md §6 [published; verified: no LEA met it in 2024]"),
        new(2025, [Method4Criterion.MissedDeadline],
            "a district or county office that missed the final certification deadline of any of Fall 1, Fall 2, EOY 1–4 meets Method 4", "RULES.md §6 [published]"),
        new(2026, [Method4Criterion.MissedDeadline, Method4Criterion.DataQualityIssue],
            "a district or county office that missed the final certification deadline of any of Fall 1, Fall 2, EOY 1–4, or has an identified data-quality issue, meets Method 4",
            "RULES.md §6 [published; the data-quality rule is assumed]"),
    ];

    /// <summary>The first Dashboard year with Method 4.</summary>
    public static int FirstDashboardYear => Phases[0].FirstDashboardYear;

    /// <summary>The phase a Dashboard year uses; null before Method 4 began.</summary>
    public static Method4Phase? For(int dashboardYear) => Phases.LastOrDefault(p => p.FirstDashboardYear <= dashboardYear);
}
