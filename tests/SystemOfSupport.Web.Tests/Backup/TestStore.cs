using Microsoft.EntityFrameworkCore;
using Npgsql;
using SystemOfSupport.Tests;
using SystemOfSupport.Web.Storage;
using SystemOfSupport.Web.Storage.Backup;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Backup;

/// <summary>
/// A store of its own for the CLI store commands: a SQLite data folder, or a fresh PostgreSQL database dropped afterwards
/// (with the data folder beside it for the import folders), named to <c>sos</c> by the options <c>sos serve</c> takes.
/// </summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly TempDir data = RepoPaths.NewTempDir();

    public TestStore(string database)
    {
        if (database == SosOptions.Postgres)
        {
            var server = Environment.GetEnvironmentVariable(SosServer.PostgresVariable) ?? throw new InvalidOperationException($"{SosServer.PostgresVariable} is not set");
            Connection = new NpgsqlConnectionStringBuilder(server) { Database = "sos_test_" + Guid.NewGuid().ToString("N") }.ConnectionString;
        }
    }

    public string? Connection { get; }

    public string DataDirectory => data.Path;

    /// <summary>The <c>sos</c> options that name this store.</summary>
    public string[] Options => Connection is null ? ["--data", data.Path] : ["--data", data.Path, "--postgres", Connection];

    /// <summary>The same, as the web app's configuration arguments.</summary>
    public string[] HostArgs => Connection is null
        ? ["--Sos:Data", data.Path]
        : ["--Sos:Data", data.Path, "--Sos:Database", SosOptions.Postgres, "--ConnectionStrings:Sos", Connection];

    /// <summary>The options that name a running test server's store.</summary>
    public static string[] OptionsOf(SosServer server) => server.ConnectionString is null
        ? ["--data", server.DataDirectory]
        : ["--data", server.DataDirectory, "--postgres", server.ConnectionString];

    public Task<IReadOnlyList<TableDigest>> DigestsAsync() => StoreBackup.DigestsAsync(HostArgs, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (Connection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var db = new SosDb(new DbContextOptionsBuilder<SosDb>().UseNpgsql(Connection).Options);
            await db.Database.EnsureDeletedAsync();
        }

        data.Dispose();
    }
}
