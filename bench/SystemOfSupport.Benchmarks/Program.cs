using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace SystemOfSupport.Benchmarks;

internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Contains("--e2e"))
        {
            return EndToEnd.Run(args);
        }

        if (args.Contains("--web-load"))
        {
            return WebLoad.Run(args).GetAwaiter().GetResult();
        }

        var config = DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<DeterminationBenchmarks>(config, args);

        // BenchmarkDotNet reports time per operation; the throughput people ask about is rows/s and MB/s.
        Console.WriteLine();
        Console.WriteLine("| Benchmark | Rows | MB | Mean | Rows/s | MB/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var report in summary.Reports.Where(r => r.ResultStatistics is not null))
        {
            var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var size = DeterminationBenchmarks.InputSize(name);
            var seconds = report.ResultStatistics!.Mean / 1e9;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {size.Rows:N0} | {size.Bytes / 1e6:F2} | {seconds * 1000:F1} ms | {size.Rows / seconds:N0} | {size.Bytes / 1e6 / seconds:F1} |"));
        }

        return 0;
    }
}
