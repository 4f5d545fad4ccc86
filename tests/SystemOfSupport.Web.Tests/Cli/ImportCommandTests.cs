using SystemOfSupport.Tests;
using System.Diagnostics;
using Npgsql;
using SystemOfSupport.Web.Features.Import;
using SystemOfSupport.Web.Storage.Backup;
using SystemOfSupport.Web.Tests.Backup;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Cli;

/// <summary>
/// <c>sos import</c> is all or nothing: killed (SIGKILL) while it writes, or at any moment before, or failing on a bad
/// file, it leaves every table exactly as it was; run through, it stores the year.
/// </summary>
[Collection(WebServers.Name)]
public class ImportCommandTests(Servers servers)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static TheoryData<string> Databases => SosServer.Databases;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_import_killed_at_any_point_leaves_the_store_as_before(string database)
    {
        await using var store = await StoreWith2023(database);
        var before = await store.DigestsAsync();
        string[] import2024 = ["import", "--year", "2024", "--folder", $"{SampleData.FolderName}/2024", .. store.Options];

        // Killed the moment the import's transaction has written (SQLite's journal exists; PostgreSQL's backend holds a transaction id).
        var killedWriting = await RunAndKill(import2024, () => Writing(store));
        killedWriting.ShouldBeTrue("the import finished before its transaction could be caught mid-way");
        (await store.DigestsAsync()).ShouldBe(before, "killed while writing");

        // Killed at fixed moments after it started: reading files, deciding, writing, or (on a fast machine) after its commit.
        // Each kill leaves the store as it was before that run, or with the whole year committed: never anything between.
        var current = before;
        var committedByKilledRuns = new List<(int Delay, IReadOnlyList<TableDigest> Digests)>();
        foreach (var delay in new[] { 300, 1_000, 2_500 })
        {
            if (await RunAndKill(import2024, () => Task.Delay(delay)) && await store.DigestsAsync() is var now && !now.SequenceEqual(current))
            {
                committedByKilledRuns.Add((delay, now));
                current = now;
            }
        }

        // Run through, it stores 2024 (so the kills above had something to lose).
        var (code, output) = CliRunner.Run(import2024);
        code.ShouldBe(0, output);
        var after = await store.DigestsAsync();
        after.Single(t => t.Table == "LeaDecisions").Rows.ShouldBeGreaterThan(before.Single(t => t.Table == "LeaDecisions").Rows);
        foreach (var (delay, digests) in committedByKilledRuns)
        {
            // Committed before the kill: every table holds what a complete import holds (times and ids aside).
            digests.Select(t => (t.Table, t.Rows)).ShouldBe(after.Select(t => (t.Table, t.Rows)), $"killed {delay} ms in, neither as before nor complete");
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_import_that_fails_on_a_bad_file_names_it_and_stores_nothing(string database)
    {
        await using var store = await StoreWith2023(database);
        var before = await store.DigestsAsync();
        var broken = Path.Combine(store.DataDirectory, "import", "broken");
        CopyDirectory(Path.Combine(store.DataDirectory, "import", SampleData.FolderName, "2024"), broken);
        var ela = Path.Combine(broken, ImportFolder.Dashboard, "eladownload2024.txt");
        File.WriteAllText(ela, File.ReadAllText(ela)[..5000] + "\n27\tnot a row\n");

        var (code, output) = CliRunner.Run(["import", "--year", "2024", "--folder", "broken", "--publish", .. store.Options]);

        code.ShouldBe(2, output);
        output.ShouldContain("eladownload2024.txt");
        output.ShouldContain("nothing stored");
        (await store.DigestsAsync()).ShouldBe(before);
    }

    /// <summary>A store of its own with the shared server's sample import folders, and 2023 imported.</summary>
    private async Task<TestStore> StoreWith2023(string database)
    {
        var server = servers.For(database);
        server.CreateClient().Dispose(); // started: the sample is laid out in its import folder
        var store = new TestStore(database);
        CopyDirectory(Path.Combine(server.ImportRoot, SampleData.FolderName), Path.Combine(store.DataDirectory, "import", SampleData.FolderName));
        var (code, output) = CliRunner.Run(["import", "--year", "2023", "--folder", $"{SampleData.FolderName}/2023", "--publish", .. store.Options]);
        code.ShouldBe(0, output);
        output.ShouldContain("stored 2023");
        return store;
    }

    /// <summary>Starts <c>sos</c> as a process of its own, waits until it says it is importing and then for <paramref name="moment"/>, and kills it; false when it had already finished.</summary>
    private static async Task<bool> RunAndKill(string[] args, Func<Task> moment)
    {
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sos.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(Patience);
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        line.ShouldNotBeNull();
        line.ShouldStartWith("importing");
        await moment().WaitAsync(timeout.Token);
        var killed = !process.HasExited;
        if (killed)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(timeout.Token);
        return killed;
    }

    /// <summary>Returns once the import's transaction has written its first change.</summary>
    private static async Task Writing(TestStore store)
    {
        if (store.Connection is null)
        {
            var db = Path.Combine(store.DataDirectory, "sos.db");
            while (!File.Exists(db + "-journal") && !File.Exists(db + "-wal"))
            {
                await Task.Delay(1);
            }

            return;
        }

        var database = new NpgsqlConnectionStringBuilder(store.Connection).Database;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(store.Connection) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @db AND backend_xid IS NOT NULL", connection);
        query.Parameters.AddWithValue("db", database!);
        while ((long)(await query.ExecuteScalarAsync())! == 0)
        {
            await Task.Delay(1);
        }
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
