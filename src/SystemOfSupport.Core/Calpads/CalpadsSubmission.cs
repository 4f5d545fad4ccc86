namespace SystemOfSupport.Core.Calpads;

/// <summary>The six CALPADS submissions of a school year (RULES.md §6).</summary>
public enum CalpadsSubmission
{
    Fall1,
    Fall2,
    Eoy1,
    Eoy2,
    Eoy3,
    Eoy4,
}

public static class CalpadsSubmissions
{
    public static IReadOnlyList<CalpadsSubmission> All { get; } = Enum.GetValues<CalpadsSubmission>();

    /// <summary>How the certification file writes it: <c>Fall1</c>, <c>EOY3</c>.</summary>
    public static string Code(this CalpadsSubmission submission) => submission.Label().Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>As people say it: <c>Fall 1</c>, <c>EOY 3</c>.</summary>
    public static string Label(this CalpadsSubmission submission) => submission switch
    {
        CalpadsSubmission.Fall1 => "Fall 1",
        CalpadsSubmission.Fall2 => "Fall 2",
        CalpadsSubmission.Eoy1 => "EOY 1",
        CalpadsSubmission.Eoy2 => "EOY 2",
        CalpadsSubmission.Eoy3 => "EOY 3",
        CalpadsSubmission.Eoy4 => "EOY 4",
        _ => submission.ToString(),
    };

    public static bool IsEndOfYear(this CalpadsSubmission submission) => submission >= CalpadsSubmission.Eoy1;

    /// <summary>Accepts the code or the label in any letter case, with or without a space or hyphen (<c>Fall 1</c>, <c>eoy-2</c>).</summary>
    public static bool TryParse(string? text, out CalpadsSubmission submission)
    {
        submission = default;
        if (text is null)
        {
            return false;
        }

        var squeezed = string.Concat(text.Where(ch => !char.IsWhiteSpace(ch) && ch != '-' && ch != '_'));
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), squeezed, StringComparison.OrdinalIgnoreCase))
            {
                submission = candidate;
                return true;
            }
        }

        return false;
    }
}
