using CsCheck;

namespace SystemOfSupport.Formats.Tests.Hostile;

/// <summary>
/// Property: whatever damage is done to a real file — cut short, a byte flipped, NUL or invalid UTF-8 inserted, a
/// formula-like cell, a stray line break, a span deleted or repeated — its reader returns or gives a clear
/// <see cref="Core.Domain.InputFileException"/>, within the time limit. Seeded and bounded so CI stays fast.
/// </summary>
public class MutationTests
{
    private const string Seed = "0N0XIzNsQ0O2";

    private static readonly Gen<Mutation> Mutations =
        Gen.Select(Gen.Enum<MutationKind>(), Gen.Double[0, 1], Gen.Byte, (kind, at, value) => new Mutation(kind, at, value));

    public static TheoryData<HostileSample> Readers => HostileSamples.Theory(HostileSamples.All.Where(s => !s.DashboardReader));

    [Theory]
    [MemberData(nameof(Readers))]
    public void Every_damaged_file_is_read_or_refused_with_a_clear_error(HostileSample sample) => Damage(sample);

    internal static void Damage(HostileSample sample)
    {
        var original = File.ReadAllBytes(sample.Sample);
        var zip = HostileSamples.IsZip(sample.Sample);
        // Larger files cost more per case; every reader still gets a few dozen.
        var cases = original.Length > 200_000 ? 12 : 40;
        Mutations.Sample(
            mutation =>
            {
                using var file = new HostileFile(sample, zip ? mutation.ApplyToWorkbook(original) : mutation.Apply(original));
                HostileRun.Read(file.Path, sample.Read, mutation.ToString());
            },
            seed: Seed,
            iter: cases,
            threads: 1);
    }
}
