namespace SystemOfSupport.Core.Domain;

/// <summary>An LEA's self-assessment on a local indicator.</summary>
public enum LocalPerformance
{
    NotApplicable,
    Met,
    NotMet,
    NotMetForTwoOrMoreYears,
}

public static class LocalPerformances
{
    public static bool TryParse(string? text, out LocalPerformance performance)
    {
        performance = LocalPerformance.NotApplicable;
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return false;
        }

        if (t.Equals("Met", StringComparison.OrdinalIgnoreCase))
        {
            performance = LocalPerformance.Met;
            return true;
        }

        if (t.Equals("Not Met", StringComparison.OrdinalIgnoreCase))
        {
            performance = LocalPerformance.NotMet;
            return true;
        }

        if (t.StartsWith("Not Met For Two", StringComparison.OrdinalIgnoreCase))
        {
            performance = LocalPerformance.NotMetForTwoOrMoreYears;
            return true;
        }

        if (t.Equals("NA", StringComparison.OrdinalIgnoreCase) || t.Equals("N/A", StringComparison.OrdinalIgnoreCase))
        {
            performance = LocalPerformance.NotApplicable;
            return true;
        }

        return false;
    }

    public static string Label(this LocalPerformance performance) => performance switch
    {
        LocalPerformance.Met => "Met",
        LocalPerformance.NotMet => "Not Met",
        LocalPerformance.NotMetForTwoOrMoreYears => "Not Met for Two or More Years",
        _ => "Not applicable",
    };
}

/// <summary>One LEA's local-indicator result for one priority in one year.</summary>
public sealed record LocalIndicatorResult(CdsCode Cds, PriorityArea Priority, LocalPerformance Performance, int Year, SourceRef Source);
