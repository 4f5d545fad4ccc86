using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SystemOfSupport.Tests;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Tests.Infrastructure;

/// <summary>
/// The app on one database (SQLite in a temporary data folder, or a fresh PostgreSQL database dropped afterwards),
/// started as <c>sos serve</c> starts it: migrated, with the embedded sample imported.
/// </summary>
public sealed class SosServer : WebApplicationFactory<Program>
{
    /// <summary>A PostgreSQL connection string whose user may create databases; without it only SQLite is tested.</summary>
    public const string PostgresVariable = "SOS_TEST_POSTGRES";

    private readonly TempDir data = RepoPaths.NewTempDir();

    public SosServer(string database)
    {
        Database = database;
        if (database == SosOptions.Postgres)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable) ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = "sos_test_" + Guid.NewGuid().ToString("N") }.ConnectionString;
        }
    }

    /// <summary><c>sqlite</c> always; <c>postgres</c> too when <see cref="PostgresVariable"/> is set.</summary>
    public static TheoryData<string> Databases
    {
        get
        {
            var databases = new TheoryData<string> { SosOptions.Sqlite };
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable)))
            {
                databases.Add(SosOptions.Postgres);
            }

            return databases;
        }
    }

    public string Database { get; }

    public string? ConnectionString { get; }

    public string DataDirectory => data.Path;

    public string ImportRoot => Path.Combine(data.Path, "import");

    /// <summary>A new account with <paramref name="role"/>, and a client signed in as it (cookies kept, redirects not followed).</summary>
    public async Task<HttpClient> SignedInAs(string role, string? county = null, string? lea = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        const string Password = "Sample-passw0rd";
        using (var scope = Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AddAccountHandler>().Handle(new AddAccount(email, Password, role, county, lea));
        }

        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await Forms.PostAsync(client, "/signin", new() { ["Email"] = email, ["Password"] = Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sos:Data", data.Path);
        builder.UseSetting("Sos:Database", Database);
        // Every test signs in from the same loopback address, often more than the default 30 times a minute on a fast
        // machine; the limit itself is tested on a server of its own with a low one (WebSecurityTests).
        builder.UseSetting("Sos:Security:SignInAttemptsPerMinute", "100000");
        if (ConnectionString is not null)
        {
            builder.UseSetting("ConnectionStrings:" + StorageSetup.ConnectionName, ConnectionString);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ConnectionString is not null)
        {
            await using var db = new SosDb(new DbContextOptionsBuilder<SosDb>().UseNpgsql(ConnectionString).Options);
            await db.Database.EnsureDeletedAsync();
        }

        data.Dispose();
    }
}

/// <summary>
/// The servers of the whole run, one per database and name: starting one imports the sample (a few seconds). Tests
/// that change what others read (publishing) take a server of their own name.
/// </summary>
public sealed class Servers : IAsyncLifetime
{
    private readonly Dictionary<(string Database, string Name), SosServer> servers = [];

    public SosServer For(string database, string name = "shared")
    {
        lock (servers)
        {
            if (!servers.TryGetValue((database, name), out var server))
            {
                server = new SosServer(database);
                servers.Add((database, name), server);
            }

            return server;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in servers.Values)
        {
            await server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebServers : ICollectionFixture<Servers>
{
    public const string Name = "web";
}
