namespace SystemOfSupport.Core.Domain;

/// <summary>The Dashboard's state indicators.</summary>
public enum Indicator
{
    Ela,
    Math,
    Elpi,
    Chronic,
    Grad,
    Susp,
    Cci,
    /// <summary>Informational from 2024; never used for assistance.</summary>
    Science,
}

public static class Indicators
{
    public static IReadOnlyList<Indicator> All { get; } = Enum.GetValues<Indicator>();

    /// <summary>The stem of the state's download file name (<c>{stem}downloadYYYY.txt</c>).</summary>
    public static string FileStem(this Indicator indicator) => indicator.ToString().ToLowerInvariant();

    public static string DisplayName(this Indicator indicator) => indicator switch
    {
        Indicator.Ela => "English Language Arts",
        Indicator.Math => "Mathematics",
        Indicator.Elpi => "English Learner Progress",
        Indicator.Chronic => "Chronic Absenteeism",
        Indicator.Grad => "Graduation Rate",
        Indicator.Susp => "Suspension Rate",
        Indicator.Cci => "College/Career",
        Indicator.Science => "Science",
        _ => indicator.ToString(),
    };

    /// <summary>Recognizes a file stem or the value of the files' <c>indicator</c> column (e.g. <c>CHRO</c>).</summary>
    public static bool TryParse(string? text, out Indicator indicator)
    {
        indicator = default;
        switch (text?.Trim().ToUpperInvariant())
        {
            case "ELA": indicator = Indicator.Ela; return true;
            case "MATH": indicator = Indicator.Math; return true;
            case "ELPI": indicator = Indicator.Elpi; return true;
            case "CHRONIC" or "CHRO" or "CHRONICABSENTEEISM": indicator = Indicator.Chronic; return true;
            case "GRAD" or "GRADUATION": indicator = Indicator.Grad; return true;
            case "SUSP" or "SUSPENSION": indicator = Indicator.Susp; return true;
            case "CCI": indicator = Indicator.Cci; return true;
            case "SCIENCE" or "SCI" or "CAST": indicator = Indicator.Science; return true;
            default: return false;
        }
    }
}

/// <summary>Dashboard performance colors as coded in the files (0 = no color).</summary>
public enum DashboardColor
{
    None = 0,
    Red = 1,
    Orange = 2,
    Yellow = 3,
    Green = 4,
    Blue = 5,
}
