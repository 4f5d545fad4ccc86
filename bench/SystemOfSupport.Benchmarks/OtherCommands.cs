using System.Diagnostics;
using System.Globalization;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Formats.Forecast;
using SystemOfSupport.Formats.Funding;
using SystemOfSupport.Formats.Runs;

namespace SystemOfSupport.Benchmarks;

/// <summary>
/// <c>--e2e --command verify|funding|forecast</c>: the other state-scale commands on the same synthetic set, each in
/// its own process (so the peak working set is that command's): what <c>sos dashboard verify</c>, <c>sos funding</c>
/// and <c>sos forecast</c> run, timed over several runs after a warm-up.
/// </summary>
internal static class OtherCommands
{
    private const int Year = 2024;

    public static int Run(string command, string data, int runs, string[] args)
    {
        var dashboardFiles = Directory.GetFiles(data, $"*download{Year}.txt").Order(StringComparer.Ordinal).ToArray();
        switch (command)
        {
            case "verify":
                Measure("sos dashboard verify (DashboardColorCheck.Check of the 8 files)", runs, dashboardFiles, () =>
                {
                    var checks = DashboardColorCheck.Files([data]).Select(DashboardColorCheck.Check).ToList();
                    return $"{checks.Sum(c => c.Agreeing):N0} of {checks.Sum(c => c.Compared):N0} rows compared agree";
                });
                return 0;
            case "funding":
                var reports = Determined(data);
                var directory = Path.Combine(data, "lea-directory-synthetic.csv");
                Measure("sos funding --fiscal-year 2024-25 (FundingRun.Run: 2023 workbook, 2024 district and charter outputs, directory)", runs, [.. reports, directory], () =>
                {
                    var run = FundingRun.Run(SchoolYear.Parse("2024-25"), reports, directory, DeterminationSettings.Defaults);
                    return string.Create(CultureInfo.InvariantCulture, $"{run.Result.Lines.Count:N0} funding lines, {run.Result.CountyOffices.Count} county offices, total {run.Result.Total:N0}");
                });
                return 0;
            case "forecast":
                var simulations = EndToEnd.Option(args, "--simulations", 2000);
                var request = new ForecastRequest(Year + 1, data, data, [Path.Combine(data, "assistancestatus23.xlsx")], [], simulations, 1, DeterminationSettings.Defaults);
                Measure($"sos forecast --year {Year + 1} --simulations {simulations} (ForecastRunner.Run from the {Year} files)", runs, dashboardFiles, () =>
                {
                    var run = ForecastRunner.Run(request);
                    return string.Create(CultureInfo.InvariantCulture, $"{run.Forecast.Leas.Count:N0} LEAs forecast");
                });
                return 0;
            default:
                Console.Error.WriteLine($"--command {command}: expected determine, verify, funding or forecast");
                return 2;
        }
    }

    /// <summary>The 2024 outputs funding averages over, decided once (not timed) into the data set's own folder.</summary>
    private static string[] Determined(string data)
    {
        var outDir = Path.Combine(data, "determined");
        if (!File.Exists(Path.Combine(outDir, "charterassistance24.csv")))
        {
            var run = DeterminationRunner.Run(new DeterminationRequest(Year, data, data, [Path.Combine(data, "assistancestatus23.xlsx")], DeterminationSettings.Defaults));
            OutputSet.Write(run, outDir, "SYNTHETIC benchmark");
        }

        return [Path.Combine(data, "assistancestatus23.xlsx"), Path.Combine(outDir, "assistancestatus24.xlsx"), Path.Combine(outDir, "charterassistance24.csv")];
    }

    private static void Measure(string title, int runs, string[] inputs, Func<string> work)
    {
        var rows = inputs.Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".csv", StringComparison.Ordinal)).Sum(f => File.ReadLines(f).LongCount() - 1);
        var bytes = inputs.Sum(f => new FileInfo(f).Length);
        var samples = new List<(double Wall, double Cpu)>();
        var outcome = string.Empty;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs + 1; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            outcome = work();
            var wall = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            if (i > 0)
            {
                samples.Add((wall, (process.TotalProcessorTime - cpu).TotalMilliseconds));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? "warm-up" : $"run {i}")}: {wall:F0} ms"));
        }

        var median = samples.OrderBy(s => s.Wall).ElementAt(samples.Count / 2);
        var medianCpu = samples.Select(s => s.Cpu).Order().ElementAt(samples.Count / 2);
        process.Refresh();
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Input: {inputs.Length} files, {rows:N0} text rows, {bytes / 1e6:F1} MB. Result: {outcome}."));
        Console.WriteLine("| Measure | Value |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Median wall time, {runs} runs | {median.Wall:F0} ms |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Median CPU time (all threads) | {medianCpu:F0} ms |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Rows/s | {rows / (median.Wall / 1000):N0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| MB/s | {bytes / 1e6 / (median.Wall / 1000):F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Peak working set (Process.PeakWorkingSet64) | {process.PeakWorkingSet64 / 1e6:F0} MB |"));
    }
}
