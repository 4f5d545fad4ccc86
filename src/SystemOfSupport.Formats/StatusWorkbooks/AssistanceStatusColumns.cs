using System.Globalization;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.StatusWorkbooks;

/// <summary>
/// Column names of the state's district/COE assistance-status sheet (RULES.md §8) and how to recognize them.
/// Names are matched case-insensitively (the state wrote <c>Cdcode</c>/<c>CDcode</c>, <c>cds</c>/<c>CDS</c>).
/// </summary>
public static class AssistanceStatusColumns
{
    /// <summary>The state's marker for a blank cell.</summary>
    public const string Blank = "*";

    public const string CdCode = "CDcode";
    public const string Cds = "CDS";
    public const string LeaName = "LEAname";
    public const string CityName = "Cityname";
    public const string CountyName = "Countyname";
    public const string GradeSpan = "Gsoffered";
    public const string ReportYear = "ReportYear";
    public const string TotalStudentGroups = "TotalStudentGroups";

    /// <summary>The 2017 workbook's name for the LEA name column (later years: <see cref="LeaName"/>).</summary>
    public const string DistrictName = "districtname";

    /// <summary>The 2017 workbook's single status column, with no year in its name (values General/Differentiated Support).</summary>
    public const string UnnumberedStatus = "Assistance_Status";

    /// <summary>
    /// The report year of a file whose only status column is <see cref="UnnumberedStatus"/> and that names its year nowhere
    /// else (no sheet or file name year, no <c>ReportYear</c> value): RULES.md §8 gives that column to 2017 alone.
    /// </summary>
    public const int UnnumberedStatusYear = 2017;

    private const string PrioritiesSuffix = "priorities";
    private const string StatusPrefix = "AssistanceStatus";
    private const string MethodPrefix = "MetMethod";
    private const string Level3Prefix = "EC52072_";

    /// <summary>The student groups with a <c>{code}priorities</c> column, in the state's order (LTEL from 2024).</summary>
    public static IReadOnlyList<StudentGroup> PriorityGroups { get; } =
    [
        StudentGroup.AA, StudentGroup.AI, StudentGroup.AS, StudentGroup.EL, StudentGroup.FI, StudentGroup.FOS,
        StudentGroup.HI, StudentGroup.HOM, StudentGroup.LTEL, StudentGroup.PI, StudentGroup.SED, StudentGroup.SWD,
        StudentGroup.TOM, StudentGroup.WH,
    ];

    public static string Priorities(StudentGroup group) => group.StatusFileCode() + PrioritiesSuffix;

    public static string Status(int year) => StatusPrefix + year.ToString(CultureInfo.InvariantCulture);

    public static string MetMethod(int method) => MethodPrefix + method.ToString(CultureInfo.InvariantCulture);

    public static string Ec52072(int year) => Level3Prefix + year.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The current (2024) layout for a report year: LTEL from 2024, MetMethod4 from 2024, <c>EC52072_YYYY</c> from 2022;
    /// 2022 itself has only MetMethod1. Status columns for every Dashboard year through <paramref name="year"/>.
    /// </summary>
    public static IReadOnlyList<string> StandardLayout(int year)
    {
        var columns = new List<string> { CdCode, Cds, LeaName, CityName, CountyName, GradeSpan, ReportYear };
        columns.AddRange(PriorityGroups.Where(g => g != StudentGroup.LTEL || year >= 2024).Select(Priorities));
        columns.Add(TotalStudentGroups);
        columns.AddRange(Core.Rules.DashboardYears.Through(year).Select(Status));
        var methods = year == 2022 ? 1 : year >= 2024 ? 4 : 3;
        columns.AddRange(Enumerable.Range(1, methods).Select(MetMethod));
        if (year >= 2022)
        {
            columns.Add(Ec52072(year));
        }

        return columns;
    }

    /// <summary>
    /// The student group of a <c>{code}priorities</c> column, if it is one: <c>AApriorities</c> (2018 on) or
    /// <c>AA_PRIORITIES</c> (2017, and one 2018 layout); <c>MR</c> is TOM (Two or More Races).
    /// </summary>
    public static bool TryParsePriorities(string column, out StudentGroup group)
    {
        group = default;
        var name = Squeeze(column, underscores: true);
        return name.Length > PrioritiesSuffix.Length
            && name.EndsWith(PrioritiesSuffix, StringComparison.OrdinalIgnoreCase)
            && StudentGroups.TryParse(name[..^PrioritiesSuffix.Length], out group)
            && group.IsAccountabilityGroup();
    }

    /// <summary>The year of an <c>AssistanceStatusYYYY</c> column (spaces or underscores allowed: <c>Assistance Status 2019</c>).</summary>
    public static bool TryParseStatus(string column, out int year) => TryParseNumbered(Squeeze(column, underscores: true), StatusPrefix, 4, out year);

    /// <summary>Whether a column is 2017's <c>Assistance_Status</c>: the report year's status, with no year in its name.</summary>
    public static bool IsUnnumberedStatus(string? column) => Is(column, UnnumberedStatus);

    /// <summary>The method number (1–9) of a <c>MetMethodN</c> column.</summary>
    public static bool TryParseMetMethod(string column, out int method) => TryParseNumbered(Squeeze(column, underscores: true), MethodPrefix, 1, out method);

    /// <summary>The year of an <c>EC52072_YYYY</c> column.</summary>
    public static bool TryParseEc52072(string column, out int year) => TryParseNumbered(Squeeze(column, underscores: false), Level3Prefix, 4, out year);

    /// <summary>
    /// Whether a header cell names <paramref name="column"/>: case-insensitive, with spaces and underscores ignored
    /// (<c>LEAname</c>, <c>LEA_NAME</c> and <c>LEA Name</c> are one name).
    /// </summary>
    public static bool Is(string? header, string column) =>
        header is not null && string.Equals(Key(header), Key(column), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a header cell names the LEA: <c>LEAname</c>, or 2017's <c>districtname</c>.</summary>
    public static bool IsLeaName(string? header) => Is(header, LeaName) || Is(header, DistrictName);

    /// <summary>A column name as <see cref="Is"/> compares it: no spaces or underscores (case is left to the comparer).</summary>
    internal static string Key(string name) => Squeeze(name, underscores: true);

    private static string Squeeze(string column, bool underscores)
    {
        // Header cells are compared for every column of every workbook read: most have nothing to drop, and are
        // returned as they are rather than copied character by character.
        var first = 0;
        while (first < column.Length && !Dropped(column[first], underscores))
        {
            first++;
        }

        if (first == column.Length)
        {
            return column;
        }

        var kept = new System.Text.StringBuilder(column, 0, first, column.Length);
        foreach (var ch in column.AsSpan(first))
        {
            if (!Dropped(ch, underscores))
            {
                kept.Append(ch);
            }
        }

        return kept.ToString();
    }

    private static bool Dropped(char ch, bool underscores) => char.IsWhiteSpace(ch) || (underscores && ch == '_');

    private static bool TryParseNumbered(string name, string prefix, int digits, out int number)
    {
        number = 0;
        return name.Length == prefix.Length + digits
            && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && name[prefix.Length..].All(char.IsAsciiDigit)
            && int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
