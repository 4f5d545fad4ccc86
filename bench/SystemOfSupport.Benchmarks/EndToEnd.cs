using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Formats.Runs;
using SystemOfSupport.Formats.Synthetic;

namespace SystemOfSupport.Benchmarks;

/// <summary>
/// <c>--e2e [--runs 5] [--scale 1.0] [--seed 1] [--data DIR]</c>: the whole determination on a generated full-state
/// synthetic set (read, decide, write xlsx, csv, json), timed over several runs in one process, with the stages of
/// the median run, and the same determination's core in DuckDB SQL over the same files.
/// </summary>
internal static class EndToEnd
{
    private const int Year = 2024;

    public static int Run(string[] args)
    {
        var runs = Option(args, "--runs", 5);
        var scale = Option(args, "--scale", 1.0);
        var seed = Option(args, "--seed", 1);
        var data = OptionText(args, "--data") ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"sos-e2e-{Year}-scale{scale}-seed{seed}"));
        var root = FindRoot();
        if (!File.Exists(Path.Combine(data, "assistancestatus23.xlsx")))
        {
            var gen = Stopwatch.StartNew();
            var summary = SyntheticState.Generate(new SyntheticOptions(Year, data, Path.Combine(root, "data", "cde", "dashboard", "monterey-county", "2024"), seed, scale));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Generated {data}: {summary.Districts} districts, {summary.CountyOffices} COEs, {summary.Charters} charters, {summary.Schools} schools in {gen.Elapsed.TotalSeconds:F1} s"));
        }

        var dashboardFiles = Directory.GetFiles(data, $"*download{Year}.txt");
        var inputFiles = dashboardFiles.Concat(Directory.GetFiles(data, $"Pr*{Year}.txt")).Append(Path.Combine(data, "assistancestatus23.xlsx")).ToList();
        var rows = inputFiles.Where(f => f.EndsWith(".txt", StringComparison.Ordinal)).Sum(f => File.ReadLines(f).LongCount() - 1);
        var bytes = inputFiles.Sum(f => new FileInfo(f).Length);
        var request = new DeterminationRequest(Year, data, data, [Path.Combine(data, "assistancestatus23.xlsx")], DeterminationSettings.Defaults);
        var outDir = Path.Combine(Path.GetTempPath(), "sos-e2e-out");

        var results = new List<(double Total, double Run, double Write, IReadOnlyList<(string Step, double Ms)> Stages)>();
        DeterminationRun? last = null;
        for (var i = 0; i < runs + 1; i++)
        {
            var stages = new StageClock();
            var watch = Stopwatch.StartNew();
            var run = DeterminationRunner.Run(request, stages);
            var decided = watch.Elapsed.TotalMilliseconds;
            OutputSet.Write(run, outDir, "SYNTHETIC benchmark");
            var total = watch.Elapsed.TotalMilliseconds;
            var staged = stages.Finish(decided);
            staged.Add(("Write xlsx + csv + json (OutputSet.Write)", total - decided));
            last = run;
            if (i > 0)
            {
                results.Add((total, decided, total - decided, staged));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? "warm-up" : $"run {i}")}: {total:F0} ms (run {decided:F0} ms, write {total - decided:F0} ms)"));
        }

        var median = results.OrderBy(r => r.Total).ElementAt(results.Count / 2);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var seconds = median.Total / 1000;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Input: {dashboardFiles.Length} Dashboard files + 7 local-indicator files + history workbook; {rows:N0} rows, {bytes / 1e6:F1} MB; {last!.Determinations.Count:N0} districts/COEs and {last.Charters.Count:N0} charters decided."));
        Console.WriteLine("| Measure | Value |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Median wall time, {runs} runs (DeterminationRunner.Run + OutputSet.Write) | {median.Total:F0} ms |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| of which DeterminationRunner.Run / OutputSet.Write | {median.Run:F0} ms / {median.Write:F0} ms |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Rows/s | {rows / seconds:N0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| MB/s | {bytes / 1e6 / seconds:F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Peak working set (Process.PeakWorkingSet64) | {process.PeakWorkingSet64 / 1e6:F0} MB |"));
        Console.WriteLine();
        Console.WriteLine("Stages of the median run:");
        Console.WriteLine("| Stage | ms |");
        Console.WriteLine("|---|---:|");
        foreach (var (step, ms) in median.Stages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {ms:F0} |"));
        }

        DuckDb(data, last, runs);
        return 0;
    }

    /// <summary>
    /// Per district and COE, the student groups meeting two or more priority areas (4: Red on ELA and Math, or Red on
    /// one and Orange on the other, or Red on ELPI for EL/LTEL; 5: Red on graduation or chronic absenteeism; 6: Red on
    /// suspension; 8: Red on CCI), from the Dashboard files with read_csv; compared with the C# TotalStudentGroups.
    /// </summary>
    private static void DuckDb(string data, DeterminationRun run, int runs)
    {
        string F(string stem) => Path.Combine(data, $"{stem}download{Year}.txt").Replace("'", "''", StringComparison.Ordinal);
        string Read(string stem, string indicator) =>
            $"SELECT cds, studentgroup AS grp, '{indicator}' AS ind, TRY_CAST(color AS INTEGER) AS color FROM read_csv('{F(stem)}', delim='\t', header=true, all_varchar=true) WHERE rtype = 'D'";
        var sql = $"""
            WITH r AS (
              {Read("ela", "ela")} UNION ALL {Read("math", "math")} UNION ALL {Read("elpi", "elpi")} UNION ALL
              {Read("chronic", "chronic")} UNION ALL {Read("grad", "grad")} UNION ALL {Read("susp", "susp")} UNION ALL {Read("cci", "cci")}),
            g AS (
              SELECT cds, grp,
                (bool_or(ind = 'ela' AND color = 1) AND bool_or(ind = 'math' AND color IN (1, 2)))
                  OR (bool_or(ind = 'math' AND color = 1) AND bool_or(ind = 'ela' AND color IN (1, 2)))
                  OR bool_or(ind = 'elpi' AND color = 1 AND grp IN ('EL', 'LTEL')) AS p4,
                bool_or(ind IN ('grad', 'chronic') AND color = 1) AS p5,
                bool_or(ind = 'susp' AND color = 1) AS p6,
                bool_or(ind = 'cci' AND color = 1) AS p8
              FROM r WHERE grp <> 'ALL' GROUP BY cds, grp)
            SELECT cds, count(*) FILTER (WHERE p4::INT + p5::INT + p6::INT + p8::INT >= 2) AS groups FROM g GROUP BY cds
            """;
        try
        {
            using var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            var times = new List<double>();
            Dictionary<string, long> counts = [];
            for (var i = 0; i < runs + 1; i++)
            {
                var watch = Stopwatch.StartNew();
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                using var reader = command.ExecuteReader();
                counts = [];
                while (reader.Read())
                {
                    counts[reader.GetString(0)] = reader.GetInt64(1);
                }

                if (i > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            var agree = run.Determinations.Count(d => counts.GetValueOrDefault(d.Lea.Cds.Value) == d.TotalStudentGroups);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"DuckDB (read_csv of the 7 files + per-LEA count of groups in two or more priority areas): median {times.Order().ElementAt(times.Count / 2):F0} ms over {runs} runs; {counts.Count} LEAs, TotalStudentGroups agrees with the C# run for {agree} of {run.Determinations.Count}."));
        }
        catch (Exception ex) when (ex is DllNotFoundException or DuckDBException or TypeInitializationException)
        {
            Console.WriteLine($"DuckDB not available here: {ex.Message}");
        }
    }

    /// <summary>Times the steps <see cref="DeterminationRunner"/> reports, synchronously (Progress&lt;T&gt; would post).</summary>
    private sealed class StageClock : IProgress<RunProgress>
    {
        private readonly Stopwatch watch = Stopwatch.StartNew();
        private readonly List<(string Step, double Start)> steps = [("Start (settings, directory, history)", 0)];

        public void Report(RunProgress value)
        {
            if (steps[^1].Step != value.Step)
            {
                steps.Add((value.Step, watch.Elapsed.TotalMilliseconds));
            }
        }

        public List<(string Step, double Ms)> Finish(double end)
        {
            var result = new List<(string, double)>();
            for (var i = 0; i < steps.Count; i++)
            {
                var stop = i + 1 < steps.Count ? steps[i + 1].Start : end;
                result.Add((steps[i].Step, stop - steps[i].Start));
            }

            return result;
        }
    }

    internal static T Option<T>(string[] args, string name, T fallback)
        where T : IParsable<T> =>
        OptionText(args, name) is { } text ? T.Parse(text, CultureInfo.InvariantCulture) : fallback;

    internal static string? OptionText(string[] args, string name) =>
        Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? args[i + 1] : null;

    internal static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SystemOfSupport.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
