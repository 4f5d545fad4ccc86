using System.Text.Json;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Formats.Runs;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Runs;

/// <summary>The findings file's hand-written criteria and evidence rows against the general serializer.</summary>
public sealed class FindingsJsonTests
{
    [Fact]
    public void Written_findings_are_byte_for_byte_what_the_general_serializer_writes_for_the_same_document()
    {
        // Monterey 2024 has every indicator, groups with and without colors, and null statuses and flags.
        var run = DeterminationRunner.Run(new DeterminationRequest(
            2024, RepoPaths.MontereyDashboard(2024), RepoPaths.LocalIndicators(2024), [RepoPaths.StatusWorkbook("assistancestatus23.xlsx")], DeterminationSettings.Defaults));
        using var written = new MemoryStream();
        FindingsJson.Write(run, written);

        written.Position = 0;
        var document = FindingsJson.Read(written);
        document.Leas.SelectMany(l => l.Groups).SelectMany(g => g.Priorities).SelectMany(p => p.Criteria).Sum(c => c.Evidence.Count).ShouldBeGreaterThan(1000);
        var general = JsonSerializer.SerializeToUtf8Bytes(document, FindingsJson.Options);

        written.ToArray().SequenceEqual(general).ShouldBeTrue("the hand-written criteria differ from FindingsJson.Options' bytes");
    }
}
