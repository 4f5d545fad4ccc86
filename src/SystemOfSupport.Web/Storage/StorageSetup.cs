using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SystemOfSupport.Web.Storage;

/// <summary>The <c>Sos</c> configuration section: where the app keeps its files and which database it uses.</summary>
public sealed class SosOptions
{
    public const string Section = "Sos";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>The app's own folder: the SQLite database, the import folders (<c>import/</c>) and the extracted sample.</summary>
    public string Data { get; set; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "sos");

    /// <summary><c>sqlite</c> (a file under <see cref="Data"/>, the default) or <c>postgres</c> (<c>ConnectionStrings:Sos</c>).</summary>
    public string Database { get; set; } = Sqlite;

    /// <summary>Where the Import page finds the folders it may read: every folder given is taken inside this one.</summary>
    public string ImportRoot => Path.Combine(Data, "import");
}

public static class StorageSetup
{
    public const string ConnectionName = "Sos";

    public static IServiceCollection AddSosStorage(this IServiceCollection services)
    {
        services.AddOptions<SosOptions>().BindConfiguration(SosOptions.Section);
        return services.AddDbContext<SosDb>((provider, options) =>
        {
            var sos = provider.GetRequiredService<IOptions<SosOptions>>().Value;
            var connection = provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionName);
            switch (sos.Database.ToLowerInvariant())
            {
                case SosOptions.Sqlite:
                    options.UseSqlite(connection ?? $"Data Source={Path.Combine(sos.Data, "sos.db")}");
                    break;
                case SosOptions.Postgres:
                    options.UseNpgsql(connection ?? throw new InvalidOperationException($"Sos:Database is postgres but ConnectionStrings:{ConnectionName} is not set"));
                    break;
                default:
                    throw new InvalidOperationException($"Sos:Database must be {SosOptions.Sqlite} or {SosOptions.Postgres}, not '{sos.Database}'");
            }
        });
    }

    /// <summary>Creates the data folder and brings the database to the latest migration.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sos = services.GetRequiredService<IOptions<SosOptions>>().Value;
        Directory.CreateDirectory(sos.Data);
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SosDb>().Database.MigrateAsync(cancellationToken);
    }
}
