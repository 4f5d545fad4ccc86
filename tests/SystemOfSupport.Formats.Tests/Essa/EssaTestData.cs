using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Essa;

/// <summary>The state's ESSA assistance files shipped in data/cde/essa (trimmed by tools/trim-essa.py).</summary>
internal static class EssaTestData
{
    public const string File2018 = "sch_eligibility_state_sg.csv";
    public const string File2019 = "essaassistancestudentgroup19.xlsx";
    public const string File2022 = "essaassistance22.xlsx";
    public const string File2023 = "essaassistance23.xlsx";
    public const string File2024 = "essaassistance24.xlsx";

    public static IReadOnlyList<string> AllNames { get; } = [File2018, File2019, File2022, File2023, File2024];

    public static string Path(string name) => RepoPaths.Data("cde", "essa", name);

    public static IReadOnlyList<string> All => [.. AllNames.Select(Path)];
}
