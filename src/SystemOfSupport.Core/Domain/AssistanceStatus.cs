namespace SystemOfSupport.Core.Domain;

/// <summary>An LEA's assistance status for one Dashboard year, as the state's files word it.</summary>
public enum AssistanceStatus
{
    GeneralAssistance,
    DifferentiatedAssistance,
    DifferentiatedAssistanceYear1,
    DifferentiatedAssistanceYear2,
    /// <summary>2017 wording.</summary>
    DifferentiatedSupport,
    /// <summary>2017 wording.</summary>
    GeneralSupport,
}

public static class AssistanceStatuses
{
    public static string Label(this AssistanceStatus status) => status switch
    {
        AssistanceStatus.GeneralAssistance => "General Assistance",
        AssistanceStatus.DifferentiatedAssistance => "Differentiated Assistance",
        AssistanceStatus.DifferentiatedAssistanceYear1 => "Differentiated Assistance, Year 1",
        AssistanceStatus.DifferentiatedAssistanceYear2 => "Differentiated Assistance, Year 2",
        AssistanceStatus.DifferentiatedSupport => "Differentiated Support",
        AssistanceStatus.GeneralSupport => "General Support",
        _ => status.ToString(),
    };

    public static bool TryParse(string? text, out AssistanceStatus status)
    {
        status = default;
        var t = text?.Trim().Replace('\u00a0', ' ');
        foreach (var candidate in Enum.GetValues<AssistanceStatus>())
        {
            if (string.Equals(candidate.Label(), t, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Any flavour of differentiated assistance or support.</summary>
    public static bool IsDifferentiated(this AssistanceStatus status) =>
        status is AssistanceStatus.DifferentiatedAssistance or AssistanceStatus.DifferentiatedAssistanceYear1
            or AssistanceStatus.DifferentiatedAssistanceYear2 or AssistanceStatus.DifferentiatedSupport;
}

/// <summary>
/// One LEA's row of an assistance-status workbook (the state's, or this tool's prior output): what later years need.
/// Cells the state marks <c>*</c> are absent (null or missing from the maps).
/// </summary>
public sealed record AssistanceHistoryRow(
    CdsCode Cds,
    string LeaName,
    string? City,
    string? County,
    string? GradeSpan,
    int ReportYear,
    IReadOnlyDictionary<StudentGroup, string> PriorityLetters,
    int? TotalStudentGroups,
    IReadOnlyDictionary<int, AssistanceStatus> StatusByYear,
    IReadOnlyDictionary<int, bool> MetMethods,
    bool? Level3Flag,
    SourceRef Source);
