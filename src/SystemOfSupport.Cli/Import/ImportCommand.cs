using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Cli.Serve;
using SystemOfSupport.Web;
using SystemOfSupport.Web.Features.Import;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Cli.Import;

/// <summary>
/// <c>sos import</c>: what the Import page does, from the command line — decide a year from a folder inside the store's
/// import folder and store it in one transaction, or store nothing and name each error.
/// </summary>
public static class ImportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var year = new Option<int>("--year") { Description = "The Dashboard year to decide.", Required = true };
        var folder = new Option<string>("--folder") { Description = "The year's folder inside DATA/import (dashboard/, local/, history/, …; see the Import page).", Required = true };
        var publish = new Option<bool>("--publish") { Description = "Show the year to the public at once." };
        var store = new StoreOptions();
        var command = new Command("import", "Decide a year from an import folder and store it for sos serve, all or nothing.") { year, folder, publish };
        store.AddTo(command);
        command.SetAction(parse =>
        {
            console.MarkupLine($"importing {parse.GetRequiredValue(year)} from {Markup.Escape(parse.GetRequiredValue(folder))}");
            var result = ImportAsync([.. store.HostArgs(parse)], new ImportYear(parse.GetRequiredValue(year), parse.GetRequiredValue(folder), parse.GetValue(publish)), CancellationToken.None)
                .GetAwaiter().GetResult();
            if (!result.Committed)
            {
                foreach (var error in result.Errors)
                {
                    var where = string.Join(", ", new[] { error.File, error.Line is { } l ? $"line {l}" : null, error.Column is { } c ? $"column {c}" : null }.OfType<string>());
                    console.MarkupLine($"[red]error:[/] {Markup.Escape(where.Length > 0 ? $"{where}: {error.Message}" : error.Message)}");
                }

                console.MarkupLine("nothing stored");
                return CliErrors.BadInput;
            }

            console.MarkupLine($"stored {result.Year}: {result.Leas} LEAs, {result.CharterSchools} charter schools{(result.Published ? ", published" : ", not published")}");
            return CliErrors.Ok;
        });
        return command;
    }

    /// <summary>The same handler the Import page and <c>POST /api/import</c> call, on the store the arguments name, migrated first.</summary>
    private static async Task<ImportResult> ImportAsync(string[] args, ImportYear command, CancellationToken cancellationToken)
    {
        await using var app = SosWebApp.Build(args);
        await StorageSetup.MigrateAsync(app.Services, cancellationToken);
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportYearHandler>().Handle(command, cancellationToken);
    }
}
