using System.CommandLine;
using Spectre.Console;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Cli.Serve;
using SystemOfSupport.Core.Providers;
using SystemOfSupport.Web.Features.Reports;

namespace SystemOfSupport.Cli.Report;

/// <summary><c>sos report onepager</c>: a county's one-page reports as PDF and HTML, from the web app's store or, with none given, the embedded sample.</summary>
public static class ReportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var county = new Option<string>("--county") { Description = "The county, by name (Monterey) or two-digit code (27).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write {CDS}-{YEAR}-onepager.pdf and .html for each LEA.", Required = true };
        var year = new Option<int?>("--year") { Description = "The Dashboard year (default: the latest stored)." };
        var store = new StoreOptions();
        var onepager = new Command("onepager", "One page per district, county office and charter school of a county: status, reasons, history, targets, resources, case progress. Without --data or --postgres, from the embedded Monterey sample in a temporary store.")
        {
            county,
            output,
            year,
        };
        store.AddTo(onepager);
        onepager.SetAction(parse =>
        {
            var name = parse.GetRequiredValue(county);
            if (!Counties.TryGetByName(name, out var chosen) && !Counties.TryGetByCode(name, out chosen))
            {
                console.MarkupLine($"[red]error:[/] --county: no California county named '{Markup.Escape(name)}' (give its name, e.g. Monterey, or its two-digit code)");
                return CliErrors.BadInput;
            }

            var args = store.HostArgs(parse);
            // The store's own start-up (migrations) is not news here; the count and any error are.
            args.AddRange(["--Logging:LogLevel:Default", "Warning"]);
            var temporary = parse.GetValue(store.Data) is null && parse.GetValue(store.Postgres) is null ? Path.Combine(Path.GetTempPath(), "sos-report-" + Guid.NewGuid().ToString("N")) : null;
            if (temporary is not null)
            {
                args.AddRange(["--Sos:Data", temporary]);
                console.MarkupLine("No store given: using the embedded sample.");
            }

            try
            {
                var written = Write(console, [.. args], chosen, parse.GetValue(year), Path.GetFullPath(parse.GetRequiredValue(output)));
                console.MarkupLine($"Wrote {written.Count} one-pagers for {Markup.Escape(chosen.Name)} County (PDF and HTML) to {Markup.Escape(Path.GetFullPath(parse.GetRequiredValue(output)))}.");
                return CliErrors.Ok;
            }
            catch (ChromiumMissingException ex)
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
                return CliErrors.BadInput;
            }
            finally
            {
                if (temporary is not null && Directory.Exists(temporary))
                {
                    Directory.Delete(temporary, recursive: true);
                }
            }
        });
        return new Command("report", "Reports made from the stored decisions.") { onepager };
    }

    private static IReadOnlyList<OnePagerFiles> Write(IAnsiConsole console, string[] args, County county, int? year, string output)
    {
        if (!console.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            return CountyOnePagers.WriteAsync(args, county, year, output, null, CancellationToken.None).GetAwaiter().GetResult();
        }

        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("one-pagers", maxValue: 1);
                var progress = new Reporter(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = Markup.Escape(p.Lea);
                });
                return CountyOnePagers.WriteAsync(args, county, year, output, progress, CancellationToken.None).GetAwaiter().GetResult();
            });
    }

    // Synchronous, as ProgressDisplay's: Progress<T> would post to the thread pool and arrive after the bar is gone.
    private sealed class Reporter(Action<OnePagerProgress> report) : IProgress<OnePagerProgress>
    {
        public void Report(OnePagerProgress value) => report(value);
    }
}
