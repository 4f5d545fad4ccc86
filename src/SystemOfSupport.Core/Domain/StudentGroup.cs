namespace SystemOfSupport.Core.Domain;

/// <summary>Dashboard student groups. The accountability groups come first, in the state's column order.</summary>
public enum StudentGroup
{
    AA,
    AI,
    AS,
    EL,
    FI,
    FOS,
    HI,
    HOM,
    LTEL,
    PI,
    SED,
    SWD,
    /// <summary>Two or More Races: <c>MR</c> in the Dashboard files, <c>TOM</c> in the assistance-status files.</summary>
    TOM,
    WH,
    /// <summary>All students: reported, but never a student group for assistance decisions.</summary>
    ALL,
    // Informational rows: never colored, shown as "not rated".
    ELO,
    RFP,
    EO,
    SBA,
    CAA,
    CAST,
    /// <summary>Ever-EL (2025 layouts); informational.</summary>
    EVEREL,
}

public static class StudentGroups
{
    private static readonly Dictionary<string, StudentGroup> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AA"] = StudentGroup.AA,
        ["AI"] = StudentGroup.AI,
        ["AS"] = StudentGroup.AS,
        ["EL"] = StudentGroup.EL,
        ["FI"] = StudentGroup.FI,
        ["FOS"] = StudentGroup.FOS,
        ["HI"] = StudentGroup.HI,
        ["HOM"] = StudentGroup.HOM,
        ["LTEL"] = StudentGroup.LTEL,
        ["PI"] = StudentGroup.PI,
        ["SED"] = StudentGroup.SED,
        ["SWD"] = StudentGroup.SWD,
        ["MR"] = StudentGroup.TOM,
        ["TOM"] = StudentGroup.TOM,
        ["WH"] = StudentGroup.WH,
        ["ALL"] = StudentGroup.ALL,
        ["ELO"] = StudentGroup.ELO,
        ["RFP"] = StudentGroup.RFP,
        ["EO"] = StudentGroup.EO,
        ["SBA"] = StudentGroup.SBA,
        ["CAA"] = StudentGroup.CAA,
        ["CAST"] = StudentGroup.CAST,
        ["EVEREL"] = StudentGroup.EVEREL,
    };

    private static readonly Dictionary<string, StudentGroup>.AlternateLookup<ReadOnlySpan<char>> ByCodeText = ByCode.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryParse(string? code, out StudentGroup group)
    {
        group = default;
        return code is not null && TryParse(code.AsSpan(), out group);
    }

    /// <summary>A code read straight from a file's line, without a string for it (a statewide run reads 160,000).</summary>
    public static bool TryParse(ReadOnlySpan<char> code, out StudentGroup group) => ByCodeText.TryGetValue(code.Trim(), out group);

    public static IReadOnlyCollection<string> KnownCodes => ByCode.Keys;

    /// <summary>Groups that can count toward assistance: not ALL and not the informational rows.</summary>
    public static bool IsAccountabilityGroup(this StudentGroup group) => group < StudentGroup.ALL;

    public static bool IsInformational(this StudentGroup group) => group > StudentGroup.ALL;

    /// <summary>The code the assistance-status workbook uses in its <c>{code}priorities</c> columns.</summary>
    public static string StatusFileCode(this StudentGroup group) => group.ToString();

    public static string DisplayName(this StudentGroup group) => group switch
    {
        StudentGroup.AA => "Black/African American",
        StudentGroup.AI => "American Indian or Alaska Native",
        StudentGroup.AS => "Asian",
        StudentGroup.EL => "English Learners",
        StudentGroup.FI => "Filipino",
        StudentGroup.FOS => "Foster Youth",
        StudentGroup.HI => "Hispanic",
        StudentGroup.HOM => "Homeless Youth",
        StudentGroup.LTEL => "Long-Term English Learners",
        StudentGroup.PI => "Pacific Islander",
        StudentGroup.SED => "Socioeconomically Disadvantaged",
        StudentGroup.SWD => "Students with Disabilities",
        StudentGroup.TOM => "Two or More Races",
        StudentGroup.WH => "White",
        StudentGroup.ALL => "All Students",
        _ => group.ToString(),
    };
}
