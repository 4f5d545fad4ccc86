using System.Globalization;
using SystemOfSupport.Core.Domain;
using Status = SystemOfSupport.Core.Domain.AssistanceStatus;

namespace SystemOfSupport.Formats.StatusWorkbooks;

/// <summary>
/// Year-dependent wording of the workbook's definition sheets. The defaults are the state's 2024 workbook, word for
/// word (its 2023 workbook differs in Priority 4, no LTEL, and Priority 8, "Very Low on College/Career Indicator").
/// </summary>
public sealed record AssistanceStatusWording
{
    public static AssistanceStatusWording Default { get; } = new();

    /// <summary>The "Criteria" cell of LCFF Priority 4 on the "LCFF Priority Definitions" sheet.</summary>
    public string Priority4Criteria { get; init; } =
        "Red on both English Language Arts (ELA) and Math tests, or; Red on ELA or Math tests AND orange on the other test, or; "
        + "Red on the English Learner Progress Indicator (English learner and Long-Term English Learner student group only)";

    /// <summary>The "Criteria" cell of LCFF Priority 5.</summary>
    public string Priority5Criteria { get; init; } = "Red on Graduation rate indicator, or; Red on Chronic Absence Indicator";

    /// <summary>The "Criteria" cell of LCFF Priority 6.</summary>
    public string Priority6Criteria { get; init; } = "Red on Suspension Rate Indicator, or; Not Met for Two or More Years on Local Indicator";

    /// <summary>The "Criteria" cell of LCFF Priority 8.</summary>
    public string Priority8Criteria { get; init; } = "Red on College/Career Indicator";

    /// <summary>The Record Layout description of <c>MetMethod4</c> (the CALPADS criterion changes by year, RULES.md §6).</summary>
    public string Method4Description { get; init; } =
        "Reports Whether the District or COE Was Eligible for Differentiated Assistance based on Method 4 (Failed to Certify End-Of-Year CALPADS)";

    internal const string DataReminder = "Reminder: Header description is provided in the Record Layout sheet and value in Value sheet";
    internal const string DataGradeSpanNote = "In the Gsoffered column P = Pre-School, K= Kindergarten";
    internal const string DataBlankNote = "*=blank cell (e-reader accessibility)";

    internal const string LayoutIntro = "This is a definition for the values in the field columns for the District and COE Sheet.";

    internal const string ValueTitle = "LCFF Value Field Definition";
    internal const string ValueIntro = "This is a definition key for the eligibility criteria for the District and COE sheet";

    internal const string PriorityTitle = "LCFF Priorities Description Definition";
    internal const string PriorityIntro = "This is a definition key for the LCFF State Priorities for the Value sheet";

    private const string SeeValueTab = "*See Acceptable Values in Value tab.";
    private const string LocalNotMet = "Not Met for Two or More Years on Local Indicator";
    private const string LocalPerformanceNotMet = "Not Met for Two or More Years on Local Performance Indicator";

    /// <summary>The priority letters and the priority areas each stands for (RULES.md §3.2), as on the Value sheet.</summary>
    internal static IReadOnlyList<(char Letter, string Description)> Letters { get; } =
    [
        ('A', "Met Criteria in Priority Areas 4, 5, and 6"),
        ('B', "Met Criteria in Priority Areas 4 and 5"),
        ('C', "Met Criteria in Priority Areas 5 and 6"),
        ('D', "Met Criteria in Priority Areas 4 and 6"),
        ('E', "Met Criteria in Priority Areas 4 and 8"),
        ('F', "Met Criteria in Priority Areas 5 and 8"),
        ('G', "Met Criteria in Priority Areas 6 and 8"),
        ('H', "Met Criteria in Priority Areas 4, 5, and 8"),
        ('I', "Met Criteria in Priority Areas 4, 6, and 8"),
        ('J', "Met Criteria in Priority Areas 5, 6, and 8"),
        ('K', "Met Criteria in Priority Areas 4, 5, 6, and 8"),
    ];

    /// <summary>The rows of the "LCFF Priority Definitions" sheet: priority label, name, criteria.</summary>
    internal IReadOnlyList<(string Priority, string Name, string Criteria)> PriorityRows() =>
    [
        ("LCFF Priority 1", "Basics", LocalPerformanceNotMet),
        ("LCFF Priority 2", "Implementation of State Academic Standards", LocalPerformanceNotMet),
        ("LCFF Priority 3", "Parent Engagement", LocalPerformanceNotMet),
        ("LCFF Priority 4", "Pupil Achievement", Priority4Criteria),
        ("LCFF Priority 5", "Pupil Engagement", Priority5Criteria),
        ("LCFF Priority 6", "School Climate", Priority6Criteria),
        ("LCFF Priority 7", "Access to a Broad Course of Study", LocalNotMet),
        ("LCFF Priority 8", "Outcomes in a Broad Course of Study", Priority8Criteria),
        ("LCFF Priority 9", "Coordination of Services for Expelled Pupils \u2013 COEs Only", LocalNotMet),
        ("LCFF Priority 10", "Coordination of Services for Foster Youth \u2013 COEs Only", LocalNotMet),
    ];

    /// <summary>
    /// The Record Layout row (description, acceptable values) for one column of a table for <paramref name="reportYear"/>.
    /// A column the state's layout does not have is described by its own name, with "Text" as its values.
    /// </summary>
    internal (string Description, string AcceptableValues) Describe(string column, int reportYear)
    {
        var name = column.Trim();
        if (AssistanceStatusColumns.Is(name, AssistanceStatusColumns.CdCode))
        {
            return ("County District Code", "7-Character String");
        }

        if (AssistanceStatusColumns.Is(name, AssistanceStatusColumns.Cds))
        {
            return ("County District School Code", "14-Character String");
        }

        if (AssistanceStatusColumns.IsLeaName(name))
        {
            return ("District/County Office of Education (COE) Name", "Text");
        }

        if (AssistanceStatusColumns.Is(name, AssistanceStatusColumns.CityName))
        {
            return ("City Name", "Text");
        }

        if (AssistanceStatusColumns.Is(name, AssistanceStatusColumns.CountyName))
        {
            return ("County Name", "Text");
        }

        if (AssistanceStatusColumns.Is(name, AssistanceStatusColumns.GradeSpan))
        {
            return ("Grade Span Offered",
                "Format: LowGrade-HighGrade\n\nLowGrade or HighGrade may be any value of P, K, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 ,11, 12, Adult, PostSecondary");
        }

        if (AssistanceStatusColumns.Is(name, AssistanceStatusColumns.ReportYear) || AssistanceStatusColumns.Is(name, "ReportingYear"))
        {
            return ("Reporting Year", reportYear.ToString(CultureInfo.InvariantCulture));
        }

        if (AssistanceStatusColumns.TryParsePriorities(name, out var group))
        {
            return ($"Priority Areas Met By The {GroupWording(group)} Student Group", SeeValueTab);
        }

        if (AssistanceStatusColumns.Is(name, AssistanceStatusColumns.TotalStudentGroups))
        {
            return ("Number Of Student Groups That Met Two Or More State Indicator Priority Areas", SeeValueTab);
        }

        if (AssistanceStatusColumns.TryParseStatus(name, out var statusYear))
        {
            return ($"Assistance Status of District or COE in {statusYear.ToString(CultureInfo.InvariantCulture)}",
                StatusValues(statusYear, reportYear));
        }

        if (AssistanceStatusColumns.IsUnnumberedStatus(name))
        {
            // 2017's own file: one status column, worded "Support" (later files reword 2017 as "Assistance").
            return ($"Assistance Status of District or COE in {reportYear.ToString(CultureInfo.InvariantCulture)}",
                $"{Status.GeneralSupport.Label()}\u00a0= LEA was eligible to receive general support\n\n"
                + $"{Status.DifferentiatedSupport.Label()}\u00a0= LEA was eligible to receive differentiated support");
        }

        if (AssistanceStatusColumns.TryParseMetMethod(name, out var method))
        {
            var n = method.ToString(CultureInfo.InvariantCulture);
            return method switch
            {
                1 => ("Reports Whether The District/COE Was Eligible For Differentiated Assistance Based On Method 1 "
                    + "(One Or More Student Group(s) In At Least Two State Priority Areas Met The Criteria)",
                    "Y=Met Method 1 Criteria\nN=Did Not Meet Method 1 Criteria"),
                2 => ("Reports Whether LEA Was Eligible For Differentiated Assistance Based On Method 2 "
                    + "(LEA Assessed Their Progress On At Least Two Local Indicators As Not Met For Two Or More Consecutive Years)",
                    "Y=Met Method 2 Criteria\nN=Did Not Meet Method 2 Criteria"),
                3 => ("Reports Whether LEA Was Eligible For Differentiated Assistance Based On Method 3 "
                    + "(At Least One Student Group In Only One State Priority Area Met The Criteria And The LEA Assessed Their Progress "
                    + "On Only One Local Indicator In A Different Priority Area As Not Met For Two Or More Consecutive Years)",
                    "Y=Met Method 3 Criteria And Was Not Identified Under Method 1 Or Method 2\nN=Did Not Meet Method 3 Criteria"),
                4 => (Method4Description, "Y=Met Method 4 Criteria\n\nN=Did Not Meet Method 4 Criteria"),
                _ => ($"Reports Whether the District or COE Was Eligible for Differentiated Assistance based on Method {n}",
                    $"Y=Met Method {n} Criteria\nN=Did Not Meet Method {n} Criteria"),
            };
        }

        if (AssistanceStatusColumns.TryParseEc52072(name, out _))
        {
            return ("Reports Whether the District or COE Met the Criteria Specified under Education Code Sections 52072 (b)(1) and 52072.5 (b)(1)",
                "Y=Met the Criteria \nN=Did Not Meet the Criteria");
        }

        return (name, "Text");
    }

    /// <summary>The state's acceptable values for a status year: the wording changed in 2023 (Year 1) and 2024 (Year 2).</summary>
    private static string StatusValues(int statusYear, int reportYear)
    {
        const string Nbsp = "\u00a0";
        var lines = new List<string> { $"{Status.GeneralAssistance.Label()}{Nbsp}= LEA was eligible to receive general support" };
        if (statusYear < 2023)
        {
            lines.Add($"{Status.DifferentiatedAssistance.Label()}{Nbsp}= LEA was eligible to receive differentiated support");
        }
        else
        {
            lines.Add($"{Status.DifferentiatedAssistanceYear1.Label()}{Nbsp}= LEA was eligible to receive differentiated support "
                + "and is in their first year of receiving support");
            if (statusYear >= 2024)
            {
                lines.Add($"{Status.DifferentiatedAssistanceYear2.Label()} = LEA was eligible to receive differentiated support "
                    + "and is in their second year of receiving support");
            }
        }

        if (statusYear < reportYear)
        {
            lines.Add("Blank");
        }

        return string.Join("\n\n", lines);
    }

    /// <summary>The state's wording of each group in the Record Layout (not the Dashboard's display names).</summary>
    private static string GroupWording(StudentGroup group) => group switch
    {
        StudentGroup.AA => "Black/African American",
        StudentGroup.AI => "American Indian Or Alaska Native American",
        StudentGroup.AS => "Asian American",
        StudentGroup.EL => "English Learner",
        StudentGroup.FI => "Filipino",
        StudentGroup.FOS => "Foster Youth",
        StudentGroup.HI => "Hispanic",
        StudentGroup.HOM => "Homeless",
        StudentGroup.LTEL => "Long-Term English Learner",
        StudentGroup.PI => "Pacific Islander",
        StudentGroup.SED => "Socioeconomically Disadvantaged",
        StudentGroup.SWD => "Students With Disabilities",
        StudentGroup.TOM => "Two Or More Races",
        StudentGroup.WH => "White",
        _ => group.DisplayName(),
    };
}
