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

    /// <summary>The student group of a <c>{code}priorities</c> column (<c>MRpriorities</c> is TOM), if it is one.</summary>
    public static bool TryParsePriorities(string column, out StudentGroup group)
    {
        group = default;
        var name = column.Trim();
        return name.Length > PrioritiesSuffix.Length
            && name.EndsWith(PrioritiesSuffix, StringComparison.OrdinalIgnoreCase)
            && StudentGroups.TryParse(name[..^PrioritiesSuffix.Length], out group)
            && group.IsAccountabilityGroup();
    }

    /// <summary>The year of an <c>AssistanceStatusYYYY</c> column (spaces allowed: <c>Assistance Status 2019</c>).</summary>
    public static bool TryParseStatus(string column, out int year) => TryParseNumbered(Squeeze(column), StatusPrefix, 4, out year);

    /// <summary>The method number (1–9) of a <c>MetMethodN</c> column.</summary>
    public static bool TryParseMetMethod(string column, out int method) => TryParseNumbered(Squeeze(column), MethodPrefix, 1, out method);

    /// <summary>The year of an <c>EC52072_YYYY</c> column.</summary>
    public static bool TryParseEc52072(string column, out int year) => TryParseNumbered(Squeeze(column), Level3Prefix, 4, out year);

    /// <summary>Whether a header cell names <paramref name="column"/> (case-insensitive, surrounding spaces ignored).</summary>
    public static bool Is(string? header, string column) =>
        header is not null && string.Equals(header.Trim(), column, StringComparison.OrdinalIgnoreCase);

    private static string Squeeze(string column) =>
        string.Concat(column.Where(ch => !char.IsWhiteSpace(ch)));

    private static bool TryParseNumbered(string name, string prefix, int digits, out int number)
    {
        number = 0;
        return name.Length == prefix.Length + digits
            && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && name[prefix.Length..].All(char.IsAsciiDigit)
            && int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
