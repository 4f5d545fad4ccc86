namespace SystemOfSupport.Core.Casework;

/// <summary>The Level 3 (EC 52072) actions, in the order they happen.</summary>
public enum Level3Action
{
    /// <summary>The CCEE's decision that the LEA needs its intensive assistance.</summary>
    CceeDecision,
    StateBoardApproval,
    StateIntervention,
}

/// <summary>One dated Level 3 action on a case.</summary>
public sealed record Level3Record(Level3Action Action, DateOnly Date, string Decision);

/// <summary>
/// Level 3 records come in order: the CCEE's decision, then the State Board's approval, then state intervention;
/// each once, none dated before the one it follows, and only for an LEA that met EC 52072.
/// </summary>
public static class Level3Records
{
    /// <summary>Null when <paramref name="next"/> may be recorded; otherwise why not.</summary>
    public static string? Refusal(bool level3Lea, IReadOnlyList<Level3Record> recorded, Level3Record next)
    {
        if (!level3Lea)
        {
            return "Level 3 records are kept only for an LEA that met EC 52072 (Level 3) in its decision.";
        }

        if (string.IsNullOrWhiteSpace(next.Decision))
        {
            return "Say what was decided.";
        }

        var expected = (Level3Action)recorded.Count;
        if (recorded.Count > (int)Level3Action.StateIntervention || next.Action != expected)
        {
            return recorded.Count > (int)Level3Action.StateIntervention
                ? "Every Level 3 action is recorded already."
                : $"The next Level 3 record must be {Label(expected)}, not {Label(next.Action)}.";
        }

        var last = recorded.Count > 0 ? recorded[^1] : null;
        return last is not null && next.Date < last.Date
            ? $"{Sentence(Label(next.Action))} cannot be dated {next.Date:yyyy-MM-dd}, before {Label(last.Action)} on {last.Date:yyyy-MM-dd}."
            : null;
    }

    private static string Sentence(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    public static string Label(this Level3Action action) => action switch
    {
        Level3Action.CceeDecision => "the CCEE's decision",
        Level3Action.StateBoardApproval => "the State Board's approval",
        Level3Action.StateIntervention => "state intervention",
        _ => action.ToString(),
    };
}
