namespace SystemOfSupport.Core.Essa;

/// <summary>A school's ESSA designation for one year, as the state's ESSA assistance files word it (RULES.md §5).</summary>
public enum EssaStatus
{
    NoStatus,
    /// <summary>Comprehensive Support and Improvement: graduation rate below 68%.</summary>
    CsiGrad,
    /// <summary>Comprehensive Support and Improvement: lowest-performing Title I schools.</summary>
    CsiLowPerform,
    /// <summary>Additional Targeted Support and Improvement.</summary>
    Atsi,
    /// <summary>Targeted Support and Improvement (from 2024).</summary>
    Tsi,
}

/// <summary>The file's <c>Exit</c> column: the change from the prior year's designation to the file's reporting year's.</summary>
public enum EssaExit
{
    NoExit,
    CsiExit,
    AtsiExit,
}

public static class EssaStatuses
{
    /// <summary>The 2018 and 2019 files word "no designation" as the LCFF wording.</summary>
    private const string GeneralAssistance = "General Assistance";

    public static IReadOnlyList<EssaStatus> All { get; } = Enum.GetValues<EssaStatus>();

    /// <summary>The values a status cell may hold, for error messages.</summary>
    public static IReadOnlyList<string> AcceptedLabels { get; } = [.. All.Select(Label), GeneralAssistance];

    public static string Label(this EssaStatus status) => status switch
    {
        EssaStatus.NoStatus => "No Status",
        EssaStatus.CsiGrad => "CSI Grad",
        EssaStatus.CsiLowPerform => "CSI Low Perform",
        EssaStatus.Atsi => "ATSI",
        EssaStatus.Tsi => "TSI",
        _ => status.ToString(),
    };

    /// <summary>Either kind of Comprehensive Support and Improvement.</summary>
    public static bool IsCsi(this EssaStatus status) => status is EssaStatus.CsiGrad or EssaStatus.CsiLowPerform;

    /// <summary>Case-insensitive; "General Assistance" (2018–2019 files) reads as <see cref="EssaStatus.NoStatus"/>.</summary>
    public static bool TryParse(string? text, out EssaStatus status)
    {
        status = EssaStatus.NoStatus;
        var t = Normalize(text);
        if (string.Equals(t, GeneralAssistance, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Label(), t, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        return false;
    }

    public static string Label(this EssaExit exit) => exit switch
    {
        EssaExit.NoExit => "NOEXIT",
        EssaExit.CsiExit => "CSIEXIT",
        EssaExit.AtsiExit => "ATSIEXIT",
        _ => exit.ToString(),
    };

    public static IReadOnlyList<string> AcceptedExitLabels { get; } = [.. Enum.GetValues<EssaExit>().Select(Label)];

    public static bool TryParseExit(string? text, out EssaExit exit)
    {
        exit = EssaExit.NoExit;
        var t = Normalize(text);
        foreach (var candidate in Enum.GetValues<EssaExit>())
        {
            if (string.Equals(candidate.Label(), t, StringComparison.OrdinalIgnoreCase))
            {
                exit = candidate;
                return true;
            }
        }

        return false;
    }

    private static string? Normalize(string? text) => text?.Trim().Replace('\u00a0', ' ');
}
