using BenchmarkDotNet.Attributes;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Rules;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Formats.Runs;

namespace SystemOfSupport.Benchmarks;

/// <summary>
/// Reading and determining on the real Monterey 2024 sample, and on a synthetic statewide-sized copy of it
/// (the Monterey rows repeated under 58 county codes: same layout, values and mix of rows; clearly not real data).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class DeterminationBenchmarks
{
    private const int Year = 2024;
    private const int Counties = 58;
    private static readonly string Root = FindRoot();
    private static readonly string Monterey = Path.Combine(Root, "data", "cde", "dashboard", "monterey-county", "2024");
    private static readonly string Local = Path.Combine(Root, "data", "cde", "local-indicators", "2024");
    private static readonly string History = Path.Combine(Root, "data", "cde", "assistance-status", "assistancestatus23.xlsx");
    private static readonly string Scaled = Path.Combine(Path.GetTempPath(), "sos-bench-statewide-2024");
    private static readonly DaRuleSet Rules = RuleBook.For(Year);

    private List<LeaEvidence> scaledEvidence = [];

    public static (long Rows, long Bytes) InputSize(string benchmark)
    {
        var dir = benchmark.Contains("Statewide", StringComparison.Ordinal) ? Scaled : Monterey;
        var files = Directory.GetFiles(dir, "*.txt");
        var bytes = files.Sum(f => new FileInfo(f).Length);
        var rows = files.Sum(f => File.ReadLines(f).LongCount() - 1);
        if (benchmark.StartsWith("Determine", StringComparison.Ordinal) && !benchmark.Contains("RulesOnly", StringComparison.Ordinal))
        {
            bytes += Directory.GetFiles(Local).Sum(f => new FileInfo(f).Length) + new FileInfo(History).Length;
        }

        return (rows, bytes);
    }

    [GlobalSetup]
    public void Setup()
    {
        MakeStatewideCopy();
        var data = DashboardDataSet.Load(Scaled, Year, Rules.IndicatorsUsed, Rules.ColoredIndicators);
        scaledEvidence = [.. data.Leas.Values.Where(l => l.Lea.Kind != Core.Domain.LeaKind.CharterSchool)
            .Select(l => new LeaEvidence(l.Lea, l.Results, true, [], false, AssistanceHistory.Empty))];
    }

    [Benchmark(Description = "Read Monterey 2024 Dashboard files")]
    public int ReadMonterey() => DashboardDataSet.Load(Monterey, Year, Rules.IndicatorsUsed, Rules.ColoredIndicators).Leas.Count;

    [Benchmark(Description = "Determine Monterey 2024 (Dashboard + statewide local indicators + history)")]
    public int DetermineMonterey() => DeterminationRunner.Run(
        new DeterminationRequest(Year, Monterey, Local, [History], DeterminationSettings.Defaults)).Determinations.Count;

    [Benchmark(Description = "Read statewide-sized Dashboard files (synthetic)")]
    public int ReadStatewide() => DashboardDataSet.Load(Scaled, Year, Rules.IndicatorsUsed, Rules.ColoredIndicators).Leas.Count;

    [Benchmark(Description = "Determine statewide-sized LEAs, rules only (synthetic)")]
    public int DetermineStatewideRulesOnly()
    {
        var n = 0;
        foreach (var e in scaledEvidence)
        {
            n += DifferentiatedAssistance.Determine(Rules, e, DeterminationSettings.Defaults).TotalStudentGroups;
        }

        return n;
    }

    /// <summary>Writes the Monterey rows once per county code 01–58 (county 27 keeps its real rows).</summary>
    private static void MakeStatewideCopy()
    {
        Directory.CreateDirectory(Scaled);
        foreach (var file in Directory.GetFiles(Monterey, "*.txt"))
        {
            using var writer = new StreamWriter(Path.Combine(Scaled, Path.GetFileName(file)));
            using var reader = new StreamReader(file);
            var header = reader.ReadLine()!;
            writer.Write(header + "\n");
            var body = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            for (var county = 1; county <= Counties; county++)
            {
                var code = county.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
                foreach (var line in body)
                {
                    writer.Write(code + line[2..].TrimEnd('\r') + "\n");
                }
            }
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SystemOfSupport.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
