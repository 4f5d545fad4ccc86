using System.Security.Cryptography;
using System.Text.Json;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Formats.Runs;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Synthetic;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Synthetic;

/// <summary>The synthetic statewide set (<c>sos synth</c>): the state's layouts, consistent colors, seeded, and decidable as is.</summary>
public sealed class SyntheticStateTests : IDisposable
{
    private readonly TempDir dir = RepoPaths.NewTempDir();

    public void Dispose() => dir.Dispose();

    private SyntheticSummary Generate(string sub, double scale = 0.05, int seed = 1) =>
        SyntheticState.Generate(new SyntheticOptions(2024, Path.Combine(dir.Path, sub), RepoPaths.MontereyDashboard(2024), seed, scale));

    [Fact]
    public void Every_dashboard_file_has_the_real_header_and_every_row_agrees_with_the_color_engine()
    {
        Generate("a");
        foreach (var real in Directory.GetFiles(RepoPaths.MontereyDashboard(2024), "*.txt"))
        {
            var synthetic = Path.Combine(dir.Path, "a", Path.GetFileName(real));
            File.ReadLines(synthetic).First().ShouldBe(File.ReadLines(real).First().TrimEnd('\r'));
            var check = DashboardColorCheck.Check(synthetic);
            check.Mismatches.ShouldBeEmpty();
            if (!real.Contains("science", StringComparison.Ordinal))
            {
                check.Compared.ShouldBeGreaterThan(100);
            }
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_bytes_and_another_seed_does_not()
    {
        Generate("a", seed: 3);
        Generate("b", seed: 3);
        Generate("c", seed: 4);
        foreach (var name in new[] { "eladownload2024.txt", "Pr12024.txt", SyntheticState.DirectoryFile, SyntheticState.CertificationsFile })
        {
            Hash("a", name).ShouldBe(Hash("b", name), name);
        }

        Hash("a", "eladownload2024.txt").ShouldNotBe(Hash("c", "eladownload2024.txt"));
    }

    [Fact]
    public void The_awkward_cases_are_there()
    {
        var summary = Generate("a", scale: 0.3);
        summary.CountyOffices.ShouldBe(17);
        var rows = SyntheticRows("a", "eladownload2024.txt").Concat(SyntheticRows("a", "chronicdownload2024.txt")).ToList();
        var groups = rows.Select(r => r.Result.Group).Distinct().ToList();
        groups.Count.ShouldBe(15);
        groups.ShouldContain(StudentGroup.LTEL);
        rows.ShouldContain(r => r.Result.CurrentDenominator < 11);
        rows.ShouldContain(r => r.Result.CurrentDenominator >= 11 && r.Result.CurrentDenominator < 30);
        rows.ShouldContain(r => r.Measure.HsCutPoints);
        rows.ShouldContain(r => r.Measure.SmallDenominator == true);
        rows.ShouldContain(r => r.Result.Color == DashboardColor.Red);

        // Some county offices leave coe_flag blank: found by their 10xxx district code.
        var coeFlags = File.ReadLines(Path.Combine(dir.Path, "a", "eladownload2024.txt")).Skip(1)
            .Select(l => l.Split('\t')).Where(f => f[0].Substring(2, 2) == "10" && f[1] == "D").Select(f => f[6]).Distinct().ToList();
        coeFlags.ShouldContain(string.Empty);
        coeFlags.ShouldContain("Y");
    }

    [Fact]
    public void Determination_runs_on_it_as_is_and_the_prior_workbook_is_about_45_percent_year_1()
    {
        Generate("a", scale: 0.1);
        var root = Path.Combine(dir.Path, "a");
        var history = AssistanceStatusWorkbookReader.Read(Path.Combine(root, "assistancestatus23.xlsx"));
        history.Rows.Count.ShouldBeGreaterThan(90);
        var year1 = history.Rows.Count(r => r.StatusByYear.GetValueOrDefault(2023) == AssistanceStatus.DifferentiatedAssistanceYear1);
        ((double)year1 / history.Rows.Count).ShouldBeInRange(0.3, 0.6);

        var reports = new List<RunProgress>();
        var run = DeterminationRunner.Run(new DeterminationRequest(
            2024, root, root, [Path.Combine(root, "assistancestatus23.xlsx")], DeterminationSettings.Defaults,
            DirectoryFile: Path.Combine(root, SyntheticState.DirectoryFile), CertificationsFile: Path.Combine(root, SyntheticState.CertificationsFile)),
            new Recorder(reports));
        run.Determinations.Count.ShouldBe(history.Rows.Count);

        // Decided side by side, yet the bars move one LEA at a time, never backwards, to the end.
        foreach (var (step, total) in new[] { ("Determining", run.Determinations.Count), ("Charter schools", run.Charters.Count) })
        {
            var done = reports.Where(r => r.Step == step).Select(r => r.Done).ToList();
            done.Count.ShouldBeGreaterThan(total / 2, step);
            done.ShouldBe(done.Order().Distinct().ToList(), step);
            done[0].ShouldBe(0, step);
            done[^1].ShouldBe(total, step);
        }

        run.Determinations.ShouldContain(d => d.Status == AssistanceStatus.DifferentiatedAssistanceYear1);
        run.Determinations.ShouldContain(d => d.Status == AssistanceStatus.GeneralAssistance);
        run.Local.Warnings.ShouldBeEmpty();
        var written = OutputSet.Write(run, Path.Combine(dir.Path, "out"), "synthetic test");
        written.ShouldContain(p => p.EndsWith("assistancestatus24.xlsx", StringComparison.Ordinal));

        // The findings' long lists are written in chunks side by side: more charters than one window of chunks holds,
        // and still the serializer's own bytes.
        run.Charters.Count.ShouldBeGreaterThan(FindingsJson.ChunkSize * FindingsJson.ChunksAtOnce);
        var findings = File.ReadAllBytes(Path.Combine(dir.Path, "out", FindingsJson.FileName(2024)));
        using var read = new MemoryStream(findings);
        findings.SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(FindingsJson.Read(read), FindingsJson.Options)).ShouldBeTrue();
    }

    /// <summary>Records reports as they come (synchronously; the runner calls one at a time).</summary>
    private sealed class Recorder(List<RunProgress> reports) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => reports.Add(value);
    }

    private IEnumerable<DashboardRow> SyntheticRows(string sub, string name) => DashboardReader.ReadRows(Path.Combine(dir.Path, sub, name));

    private string Hash(string sub, string name) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir.Path, sub, name))));
}
