using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Formats.Runs;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Synthetic;

namespace SystemOfSupport.Benchmarks;

/// <summary>
/// <c>--e2e [--command determine|verify|funding|forecast] [--runs 5] [--scale 1.0] [--seed 1] [--data DIR] [--keep-garbage]</c>: the whole determination on a generated full-state
/// synthetic set (read, decide, write xlsx, csv, json), timed over several runs in one process, with the stages of
/// the median run, and the same determination's core in DuckDB SQL over the same files.
/// </summary>
internal static class EndToEnd
{
    private const int Year = 2024;

    public static int Run(string[] args)
    {
        var runs = Option(args, "--runs", 5);
        // The JIT keeps compiling better code for the first few runs (tiering: a hot method is recompiled after 30
        // calls, in the background); on this machine runs settle after four or five, and the warm-ups absorb that.
        var warmups = Math.Max(1, Option(args, "--warmup", 5));
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

        if (OptionText(args, "--command") is { } command and not "determine")
        {
            return OtherCommands.Run(command, data, runs, args);
        }

        var dashboardFiles = Directory.GetFiles(data, $"*download{Year}.txt");
        var inputFiles = dashboardFiles.Concat(Directory.GetFiles(data, $"Pr*{Year}.txt")).Append(Path.Combine(data, "assistancestatus23.xlsx")).ToList();
        var rows = inputFiles.Where(f => f.EndsWith(".txt", StringComparison.Ordinal)).Sum(f => File.ReadLines(f).LongCount() - 1);
        var bytes = inputFiles.Sum(f => new FileInfo(f).Length);
        var request = new DeterminationRequest(Year, data, data, [Path.Combine(data, "assistancestatus23.xlsx")], DeterminationSettings.Defaults);
        var outDir = Path.Combine(Path.GetTempPath(), "sos-e2e-out");

        if (args.Contains("--once"))
        {
            // The stages, then the time the JIT spent compiling (a fresh process compiles as it first runs each
            // method), then the peak and the run's time on the last line.
            var watch = Stopwatch.StartNew();
            var stages = new StageClock();
            var once = DeterminationRunner.Run(request, stages);
            stages.Next("Write xlsx + csv + json (OutputSet.Write)");
            OutputSet.Write(once, outDir, "SYNTHETIC benchmark");
            var ms = watch.Elapsed.TotalMilliseconds;
            foreach (var (step, spent) in stages.Finish())
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step}\t{spent.WallMs:F0}\t{spent.CpuMs:F0}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"JIT\t{System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0}\t{System.Runtime.JitInfo.GetCompiledMethodCount()}"));
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{self.PeakWorkingSet64} {ms:F0}"));
            return 0;
        }

        if (args.Contains("--allocations"))
        {
            // One warm run, sampled: which types the run allocates (the garbage collector's work follows them).
            OutputSet.Write(DeterminationRunner.Run(request), outDir, "SYNTHETIC benchmark");
            using var allocations = new Allocations();
            allocations.Recording = true;
            OutputSet.Write(DeterminationRunner.Run(request), outDir, "SYNTHETIC benchmark");
            allocations.Recording = false;
            allocations.Print(Option(args, "--top", 30));
            return 0;
        }

        var keepGarbage = args.Contains("--keep-garbage");
        var results = new List<(double Total, double Run, double Write, double Cpu, List<(string Step, Sample Spent)> Stages)>();
        DeterminationRun? last = null;
        for (var i = 1 - warmups; i <= runs; i++)
        {
            // The previous run is not held while this one is decided (as in `sos determine`, which decides one), and its
            // garbage is collected before the clock starts, as BenchmarkDotNet does between iterations: a fresh process
            // starts with an empty heap, and without this a run pays for collecting the run before it.
            last = null;
            if (!keepGarbage)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            }

            var stages = new StageClock();
            var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var run = DeterminationRunner.Run(request, stages);
            stages.Next("Write xlsx + csv + json (OutputSet.Write)");
            OutputSet.Write(run, outDir, "SYNTHETIC benchmark");
            var staged = stages.Finish();
            var total = staged.Sum(s => s.Spent.WallMs);
            var write = staged[^1].Spent.WallMs;
            var cpu = staged.Sum(s => s.Spent.CpuMs);
            last = run;
            if (i >= 1)
            {
                results.Add((total, total - write, write, cpu, staged));
            }

            // How often the garbage collector ran, and how long it held the program's threads.
            var collections = string.Create(CultureInfo.InvariantCulture,
                $"GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} (gen 0/1/2), paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(i < 1 ? $"warm-up {i + warmups}" : $"run {i}")}: {total:F0} ms (run {total - write:F0} ms, write {write:F0} ms; CPU {cpu:F0} ms; {collections})"));
        }

        // What a decided run keeps (the last run held, garbage collected): the peak's floor.
        var live = GC.GetTotalMemory(forceFullCollection: true);
        var median = results.OrderBy(r => r.Total).ElementAt(results.Count / 2);
        var medianCpu = results.Select(r => r.Cpu).Order().ElementAt(results.Count / 2);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var seconds = median.Total / 1000;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Input: {dashboardFiles.Length} Dashboard files + 7 local-indicator files + history workbook; {rows:N0} rows, {bytes / 1e6:F1} MB; {last!.Determinations.Count:N0} districts/COEs and {last.Charters.Count:N0} charters decided."));
        Console.WriteLine("| Measure | Value |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Median wall time, {runs} runs after {warmups} warm-up runs (DeterminationRunner.Run + OutputSet.Write) | {median.Total:F0} ms |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| of which DeterminationRunner.Run / OutputSet.Write | {median.Run:F0} ms / {median.Write:F0} ms |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Median CPU time (all threads) | {medianCpu:F0} ms |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Rows/s | {rows / seconds:N0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| MB/s | {bytes / 1e6 / seconds:F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Peak working set of this process, all runs (Process.PeakWorkingSet64) | {process.PeakWorkingSet64 / 1e6:F0} MB |"));
        var fresh = OneRunInFreshProcess(data);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| One run in a fresh process (as `sos determine`; median of 3): the whole process / the run in it | {fresh.ProcessMs:F0} ms / {fresh.RunMs:F0} ms |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Peak working set of one run in a fresh process (median of 3) | {fresh.Peak / 1e6:F0} MB |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Of the fresh run (the median one): the JIT compiling | {fresh.Stages[^1].Wall} ms of CPU, {fresh.Stages[^1].Cpu} methods |"));
        foreach (var (step, wall, cpu) in fresh.Stages.SkipLast(1))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Fresh run stage: {step} (wall / CPU) | {wall} / {cpu} ms |"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Live heap, one decided run held (GC.GetTotalMemory after a full collection) | {live / 1e6:F0} MB |"));
        Console.WriteLine();
        Console.WriteLine("Stages of the median run:");
        Console.WriteLine("| Stage | Wall ms | CPU ms | Allocated MB |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (step, spent) in median.Stages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {spent.WallMs:F0} | {spent.CpuMs:F0} | {spent.Allocated / 1e6:F0} |"));
        }

        Writers(last, runs);
        ReadingLimit(dashboardFiles, runs);
        DuckDb(data, last, runs);
        return 0;
    }

    /// <summary>
    /// One run in a process of its own, as <c>sos determine</c> runs: its peak (repeated runs in one process grow the
    /// garbage collector's heap beyond what one run needs), the whole process's wall time (start-up and JIT included)
    /// and the run's own.
    /// </summary>
    private static (long Peak, double ProcessMs, double RunMs, List<(string Step, string Wall, string Cpu)> Stages) OneRunInFreshProcess(string data)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var samples = new List<(long Peak, double ProcessMs, double RunMs, List<(string Step, string Wall, string Cpu)> Stages)>();
        for (var i = 0; i < 3; i++)
        {
            var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            {
                start.ArgumentList.Add(typeof(EndToEnd).Assembly.Location);
            }

            foreach (var arg in new[] { "--e2e", "--once", "--data", data })
            {
                start.ArgumentList.Add(arg);
            }

            var watch = Stopwatch.StartNew();
            using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the one-run process");
            var output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            var processMs = watch.Elapsed.TotalMilliseconds;
            var lines = output.Trim().Split('\n');
            var fields = lines[^1].Split(' ');
            var stages = lines.Where(l => l.Count(c => c == '\t') == 2).Select(l => l.Split('\t')).Select(f => (f[0], f[1], f[2])).ToList();
            samples.Add((long.Parse(fields[0], CultureInfo.InvariantCulture), processMs, double.Parse(fields[1], CultureInfo.InvariantCulture), stages));
        }

        var median = samples.OrderBy(s => s.RunMs).ElementAt(1);
        return (samples.Select(s => s.Peak).Order().ElementAt(1), samples.Select(s => s.ProcessMs).Order().ElementAt(1), median.RunMs, median.Stages);
    }

    /// <summary>
    /// Each output alone, into a stream that only counts (no disk, no growing buffer): which writer the write stage
    /// spends its time in. The findings file serializes its chunks on every core, so its CPU time is the measure of
    /// its work.
    /// </summary>
    private static void Writers(DeterminationRun run, int runs)
    {
        var wording = StatusTableBuilder.WordingFor(run.Rules);
        var table = StatusTableBuilder.Build(run, "SYNTHETIC benchmark");
        var charters = CharterTableBuilder.Build(run, "SYNTHETIC benchmark");
        (string Name, Action<Stream> Write)[] writers =
        [
            ("District and COE table (StatusTableBuilder.Build)", _ => StatusTableBuilder.Build(run, "SYNTHETIC benchmark")),
            ("Charter table (CharterTableBuilder.Build)", _ => CharterTableBuilder.Build(run, "SYNTHETIC benchmark")),
            ("District and COE xlsx", s => AssistanceStatusWorkbookWriter.Write(table, s, wording)),
            ("District and COE csv", s => AssistanceStatusCsvWriter.Write(table, s)),
            ("Findings json", s => FindingsJson.Write(run, s)),
            ("Charter xlsx", s => AssistanceStatusWorkbookWriter.Write(charters, s, wording)),
            ("Charter csv", s => AssistanceStatusCsvWriter.Write(charters, s)),
        ];
        Console.WriteLine();
        Console.WriteLine($"Each writer alone, into a counting stream, median of {runs} (the findings file serializes on every core; the others on one thread):");
        Console.WriteLine("| Output | Wall ms | CPU ms | MB written |");
        Console.WriteLine("|---|---:|---:|---:|");
        using var self = Process.GetCurrentProcess();
        foreach (var (name, write) in writers)
        {
            var samples = new List<(double Ms, double CpuMs, long Bytes)>();
            for (var i = 0; i < runs + 1; i++)
            {
                using var memory = new CountingStream();
                self.Refresh();
                var cpu = self.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                write(memory);
                var ms = watch.Elapsed.TotalMilliseconds;
                self.Refresh();
                samples.Add((ms, (self.TotalProcessorTime - cpu).TotalMilliseconds, memory.Length));
            }

            var median = samples.Skip(1).OrderBy(x => x.Ms).ElementAt(runs / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {median.Ms:F0} | {median.CpuMs:F0} | {median.Bytes / 1e6:F1} |"));
        }
    }

    /// <summary>
    /// The floor for reading: the Dashboard files' bytes read into a buffer, and the same with their lines counted
    /// (one vectorized pass), each the median of <paramref name="runs"/>, one file after another and two at a time.
    /// </summary>
    private static void ReadingLimit(string[] files, int runs)
    {
        var bytes = files.Sum(f => new FileInfo(f).Length);
        static long Pass(string path, bool countLines)
        {
            var buffer = new byte[1 << 16];
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
            long lines = 0;
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                lines += countLines ? buffer.AsSpan(0, n).Count((byte)'\n') : 0;
            }

            return lines;
        }

        double Median(Action pass)
        {
            var times = new List<double>();
            for (var i = 0; i < runs + 1; i++)
            {
                var watch = Stopwatch.StartNew();
                pass();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            return times.Skip(1).Order().ElementAt(runs / 2);
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The limit, the {files.Length} Dashboard files ({bytes / 1e6:F1} MB) from the page cache, median of {runs}:"));
        Console.WriteLine("| Pass | One thread | Two threads |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (label, countLines) in new[] { ("Read the bytes", false), ("Read and count lines", true) })
        {
            var one = Median(() => Array.ForEach(files, f => Pass(f, countLines)));
            var two = Median(() => Parallel.ForEach(files, options, f => Pass(f, countLines)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {one:F0} ms | {two:F0} ms |"));
        }
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

    /// <summary>A write-only stream that keeps nothing and counts the bytes; seekable, as the xlsx packager needs.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;
        private long position;

        public override bool CanRead => false;

        public override bool CanSeek => true;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => position; set => position = value; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };

        public override void SetLength(long value) => length = value;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            position += buffer.Length;
            length = Math.Max(length, position);
        }
    }

    /// <summary>
    /// Times the steps <see cref="DeterminationRunner"/> reports, synchronously (Progress&lt;T&gt; would post): wall
    /// time, the process's CPU time (all threads; steadier than wall time on a shared machine) and bytes allocated.
    /// </summary>
    private sealed class StageClock : IProgress<RunProgress>
    {
        private readonly Stopwatch watch = Stopwatch.StartNew();
        private readonly List<(string Step, Sample Start)> steps = [("Start (settings, directory, history)", Sample.Take(TimeSpan.Zero))];

        public void Report(RunProgress value)
        {
            if (steps[^1].Step != value.Step)
            {
                steps.Add((value.Step, Sample.Take(watch.Elapsed)));
            }
        }

        /// <summary>Closes the step in progress and starts <paramref name="step"/>.</summary>
        public void Next(string step) => steps.Add((step, Sample.Take(watch.Elapsed)));

        public List<(string Step, Sample Spent)> Finish()
        {
            var end = Sample.Take(watch.Elapsed);
            var result = new List<(string, Sample)>();
            for (var i = 0; i < steps.Count; i++)
            {
                result.Add((steps[i].Step, (i + 1 < steps.Count ? steps[i + 1].Start : end) - steps[i].Start));
            }

            return result;
        }
    }

    private readonly record struct Sample(double WallMs, double CpuMs, long Allocated)
    {
        public static Sample Take(TimeSpan wall)
        {
            using var process = Process.GetCurrentProcess();
            return new(wall.TotalMilliseconds, process.TotalProcessorTime.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: false));
        }

        public static Sample operator -(Sample a, Sample b) => new(a.WallMs - b.WallMs, a.CpuMs - b.CpuMs, a.Allocated - b.Allocated);
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
