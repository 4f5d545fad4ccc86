namespace SystemOfSupport.Formats.Tests.Hostile;

/// <summary>The Dashboard reader is being rewritten for speed elsewhere; its hostile-input tests live apart so they can be skipped with a reason while it lands.</summary>
public class DashboardReaderHostileTests
{
    public static TheoryData<HostileSample> Readers => HostileSamples.Theory(HostileSamples.All.Where(s => s.DashboardReader));

    [Theory]
    [MemberData(nameof(Readers))]
    public void Every_damaged_Dashboard_file_is_read_or_refused_with_a_clear_error(HostileSample sample) => MutationTests.Damage(sample);
}
