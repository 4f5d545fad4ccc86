using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Web.Storage.Backup;

/// <summary><c>sos backup</c> and <c>sos restore</c> on the store the arguments name (as <c>sos serve</c> takes them), migrated first.</summary>
public static class StoreBackup
{
    /// <summary>Writes the archive beside <paramref name="file"/> and renames it into place: a cut-off backup never looks whole.</summary>
    public static async Task<BackupManifest> BackupAsync(string[] args, string file, CancellationToken cancellationToken)
    {
        await using var app = SosWebApp.Build(args);
        await StorageSetup.MigrateAsync(app.Services, cancellationToken);
        using var scope = app.Services.CreateScope();
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = full + ".partial";
        BackupManifest manifest;
        await using (var stream = File.Create(partial))
        {
            manifest = await StoreArchive.WriteAsync(scope.ServiceProvider.GetRequiredService<SosDb>(), stream, cancellationToken);
        }

        File.Move(partial, full, overwrite: true);
        return manifest;
    }

    public static async Task<BackupManifest> RestoreAsync(string[] args, string file, bool replace, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new InputFileException(file, null, null, "no such backup file");
        }

        await using var app = SosWebApp.Build(args);
        await StorageSetup.MigrateAsync(app.Services, cancellationToken);
        using var scope = app.Services.CreateScope();
        await using var stream = File.OpenRead(file);
        return await StoreArchive.RestoreAsync(scope.ServiceProvider.GetRequiredService<SosDb>(), stream, file, replace, cancellationToken);
    }

    /// <summary>Each table's row count and digest, to compare two stores (tests, and after a restore).</summary>
    public static async Task<IReadOnlyList<TableDigest>> DigestsAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var app = SosWebApp.Build(args);
        await StorageSetup.MigrateAsync(app.Services, cancellationToken);
        using var scope = app.Services.CreateScope();
        return StoreArchive.Digests(scope.ServiceProvider.GetRequiredService<SosDb>(), cancellationToken);
    }
}
