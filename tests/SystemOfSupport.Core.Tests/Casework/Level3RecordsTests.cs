using SystemOfSupport.Core.Casework;

namespace SystemOfSupport.Core.Tests.Casework;

public class Level3RecordsTests
{
    private static readonly Level3Record Ccee = new(Level3Action.CceeDecision, new(2025, 3, 1), "Intensive assistance needed");
    private static readonly Level3Record Board = new(Level3Action.StateBoardApproval, new(2025, 5, 10), "Approved");
    private static readonly Level3Record Intervention = new(Level3Action.StateIntervention, new(2025, 8, 1), "Trustee appointed");

    [Fact]
    public void The_three_actions_are_recorded_in_order()
    {
        Level3Records.Refusal(true, [], Ccee).ShouldBeNull();
        Level3Records.Refusal(true, [Ccee], Board).ShouldBeNull();
        Level3Records.Refusal(true, [Ccee, Board], Intervention).ShouldBeNull();
    }

    [Fact]
    public void Out_of_order_early_dated_repeated_or_blank_records_are_refused()
    {
        Level3Records.Refusal(true, [], Board).ShouldBe("The next Level 3 record must be the CCEE's decision, not the State Board's approval.");
        Level3Records.Refusal(true, [Ccee], Intervention).ShouldBe("The next Level 3 record must be the State Board's approval, not state intervention.");
        Level3Records.Refusal(true, [Ccee], Board with { Date = new(2025, 2, 1) })
            .ShouldBe("The State Board's approval cannot be dated 2025-02-01, before the CCEE's decision on 2025-03-01.");
        Level3Records.Refusal(true, [Ccee, Board, Intervention], Intervention).ShouldBe("Every Level 3 action is recorded already.");
        Level3Records.Refusal(true, [], Ccee with { Decision = " " }).ShouldBe("Say what was decided.");
    }

    [Fact]
    public void Only_an_LEA_that_met_Level_3_has_records()
    {
        Level3Records.Refusal(false, [], Ccee).ShouldBe("Level 3 records are kept only for an LEA that met EC 52072 (Level 3) in its decision.");
    }
}
