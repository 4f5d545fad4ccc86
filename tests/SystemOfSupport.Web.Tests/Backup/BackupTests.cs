using System.IO.Compression;
using System.Text;
using SystemOfSupport.Tests;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Storage;
using SystemOfSupport.Web.Storage.Backup;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Backup;

/// <summary><c>sos backup</c> and <c>sos restore</c> through the real command line, on each database and across them.</summary>
[Collection(WebServers.Name)]
public class BackupTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_backup_restores_every_row_of_every_table_into_an_empty_store(string database)
    {
        var (_, archive, expected) = await BackedUp(database);
        using var _ = archive;
        expected.ShouldContain(t => t.Table == "AspNetUsers" && t.Rows > 0);
        expected.ShouldContain(t => t.Table == "AspNetUserClaims" && t.Rows > 0);
        expected.ShouldContain(t => t.Table == "LeaDecisions" && t.Rows > 100);

        await using var target = new TestStore(database);
        var (code, output) = CliRunner.Run(["restore", "--from", archive.File("sos.zip"), .. target.Options]);
        code.ShouldBe(0, output);
        output.ShouldContain($"restored {expected.Count} tables");
        (await target.DigestsAsync()).ShouldBe(expected);
    }

    [Fact]
    public async Task A_SQLite_backup_restores_into_PostgreSQL_and_back()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SosServer.PostgresVariable)))
        {
            return; // PostgreSQL is tested only when SOS_TEST_POSTGRES names a server (CI sets it).
        }

        var (_, archive, expected) = await BackedUp(SosOptions.Sqlite);
        using var _ = archive;
        await using var postgres = new TestStore(SosOptions.Postgres);
        CliRunner.Run(["restore", "--from", archive.File("sos.zip"), .. postgres.Options]).ExitCode.ShouldBe(0);
        Same(await postgres.DigestsAsync(), expected);

        var back = archive.File("from-postgres.zip");
        CliRunner.Run(["backup", "--out", back, .. postgres.Options]).ExitCode.ShouldBe(0);
        await using var sqlite = new TestStore(SosOptions.Sqlite);
        CliRunner.Run(["restore", "--from", back, .. sqlite.Options]).ExitCode.ShouldBe(0);
        Same(await sqlite.DigestsAsync(), expected);

        // The restored identity columns count on past the restored rows: a new account's claim gets a fresh id.
        await SosWebApp.AddAccountAsync(postgres.HostArgs, new AddAccount($"after-restore-{Guid.NewGuid():N}@example.org", "Sample-passw0rd", Roles.County, "Monterey"));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_store_with_data_is_replaced_only_with_force(string database)
    {
        var (_, archive, expected) = await BackedUp(database);
        using var _ = archive;
        await using var target = new TestStore(database);
        await SosWebApp.AddAccountAsync(target.HostArgs, new AddAccount("someone@example.org", "Sample-passw0rd", Roles.State));
        var before = await target.DigestsAsync();

        var (code, output) = CliRunner.Run(["restore", "--from", archive.File("sos.zip"), .. target.Options]);
        code.ShouldBe(1, output);
        output.ShouldContain("the store is not empty (");
        output.ShouldContain("AspNetUsers: 1 rows");
        output.ShouldContain("--force");
        (await target.DigestsAsync()).ShouldBe(before);

        CliRunner.Run(["restore", "--from", archive.File("sos.zip"), "--force", .. target.Options]).ExitCode.ShouldBe(0);
        (await target.DigestsAsync()).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_damaged_archive_or_one_from_other_migrations_is_refused_and_the_store_is_left_as_it_was(string database)
    {
        var (_, archive, _) = await BackedUp(database);
        using var _ = archive;
        var good = archive.File("sos.zip");
        var damaged = new (string Name, Action<ZipArchive> Damage, string Message)[]
        {
            ("row-changed.zip", zip => Rewrite(zip, "tables/LeaDecisions.jsonl", text => text.Replace("Differentiated Assistance, Year 1", "General Assistance", StringComparison.Ordinal)), "the backup is damaged"),
            ("row-dropped.zip", zip => Rewrite(zip, "tables/AspNetUsers.jsonl", text => text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..]), "the backup is damaged"),
            ("table-missing.zip", zip => zip.GetEntry("tables/OutputFiles.jsonl")!.Delete(), "holds no tables/OutputFiles.jsonl"),
            ("other-migrations.zip", zip => Rewrite(zip, "manifest.json", text => text.Replace("_DecidedYearsAndAccounts\"", "_DecidedYearsAndAccounts\", \"29990101000000_FromTheFuture\"", StringComparison.Ordinal)), "the backup's schema is at migrations"),
        };
        await using var target = new TestStore(database);
        await SosWebApp.AddAccountAsync(target.HostArgs, new AddAccount("keeper@example.org", "Sample-passw0rd", Roles.State));
        var before = await target.DigestsAsync();
        foreach (var (name, damage, message) in damaged)
        {
            var path = archive.File(name);
            File.Copy(good, path);
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
            {
                damage(zip);
            }

            var (code, output) = CliRunner.Run(["restore", "--from", path, "--force", .. target.Options]);
            code.ShouldBe(2, $"{name}: {output}");
            output.ShouldContain(message, customMessage: name);
            (await target.DigestsAsync()).ShouldBe(before, name);
        }

        File.WriteAllBytes(archive.File("truncated.zip"), File.ReadAllBytes(good)[..1000]);
        var truncated = CliRunner.Run(["restore", "--from", archive.File("truncated.zip"), "--force", .. target.Options]);
        truncated.ExitCode.ShouldBe(2, truncated.Output);
        (await target.DigestsAsync()).ShouldBe(before);
    }

    /// <summary>The shared server's store (the sample, and accounts with their claims) backed up by <c>sos backup</c>, and its digests.</summary>
    private async Task<(SosServer Source, TempDir Archive, IReadOnlyList<TableDigest> Expected)> BackedUp(string database)
    {
        var source = servers.For(database);
        await source.SignedInAs(Roles.County, county: "Monterey");
        var archive = RepoPaths.NewTempDir();
        var (code, output) = CliRunner.Run(["backup", "--out", archive.File("sos.zip"), .. TestStore.OptionsOf(source)]);
        code.ShouldBe(0, output);
        output.ShouldContain("backed up");
        var expected = await StoreBackup.DigestsAsync(source.ConnectionString is null
            ? ["--Sos:Data", source.DataDirectory]
            : ["--Sos:Data", source.DataDirectory, "--Sos:Database", SosOptions.Postgres, "--ConnectionStrings:Sos", source.ConnectionString], CancellationToken.None);
        return (source, archive, expected);
    }

    /// <summary>The same tables with the same rows; a difference names its tables.</summary>
    private static void Same(IReadOnlyList<TableDigest> actual, IReadOnlyList<TableDigest> expected)
    {
        actual.Except(expected).Select(t => t.Table).ShouldBeEmpty("tables that differ");
        actual.ShouldBe(expected);
    }

    private static void Rewrite(ZipArchive zip, string name, Func<string, string> change)
    {
        var entry = zip.GetEntry(name)!;
        string text;
        using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
        {
            text = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(change(text));
    }
}
