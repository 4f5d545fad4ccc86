using System.CommandLine;
using Spectre.Console;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Cli.Serve;
using SystemOfSupport.Web.Storage.Backup;

namespace SystemOfSupport.Cli.Backup;

/// <summary><c>sos backup</c> and <c>sos restore</c>: the web app's whole store as one portable archive, and back.</summary>
public static class BackupCommands
{
    public static Command Backup(IAnsiConsole console)
    {
        var output = new Option<string>("--out") { Description = "The archive to write (a zip: manifest.json and one JSON-lines file per table).", Required = true };
        var store = new StoreOptions();
        var command = new Command("backup", "Copy every table of sos serve's store (SQLite or PostgreSQL) to one portable archive.") { output };
        store.AddTo(command);
        command.SetAction(parse =>
        {
            var manifest = StoreBackup.BackupAsync([.. store.HostArgs(parse)], parse.GetRequiredValue(output), CancellationToken.None).GetAwaiter().GetResult();
            Report(console, "backed up", manifest);
            return CliErrors.Ok;
        });
        return command;
    }

    public static Command Restore(IAnsiConsole console)
    {
        var from = new Option<string>("--from") { Description = "The archive sos backup wrote.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace everything in a store that is not empty." };
        var store = new StoreOptions();
        var command = new Command("restore", "Restore a backup into sos serve's store, in one transaction: refused when the archive is damaged or from another schema, or the store is not empty (without --force).") { from, force };
        store.AddTo(command);
        command.SetAction(parse =>
        {
            var manifest = StoreBackup.RestoreAsync([.. store.HostArgs(parse)], parse.GetRequiredValue(from), parse.GetValue(force), CancellationToken.None).GetAwaiter().GetResult();
            Report(console, "restored", manifest);
            return CliErrors.Ok;
        });
        return command;
    }

    private static void Report(IAnsiConsole console, string done, BackupManifest manifest)
    {
        console.MarkupLine($"{done} {manifest.Tables.Count} tables, {manifest.Tables.Sum(t => t.Rows):N0} rows (schema {Markup.Escape(manifest.Migrations.Count > 0 ? manifest.Migrations[^1] : "none")}, from {Markup.Escape(manifest.Provider)})");
        foreach (var table in manifest.Tables.Where(t => t.Rows > 0))
        {
            console.MarkupLine($"  {Markup.Escape(table.Table)}: {table.Rows:N0}");
        }
    }
}
