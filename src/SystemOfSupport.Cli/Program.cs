using System.CommandLine;
using Spectre.Console;
using SystemOfSupport.Cli.Backup;
using SystemOfSupport.Cli.Dashboard;
using SystemOfSupport.Cli.Calpads;
using SystemOfSupport.Cli.Determine;
using SystemOfSupport.Cli.Essa;
using SystemOfSupport.Cli.Explain;
using SystemOfSupport.Cli.Forecast;
using SystemOfSupport.Cli.Funding;
using SystemOfSupport.Cli.History;
using SystemOfSupport.Cli.Import;
using SystemOfSupport.Cli.Project;
using SystemOfSupport.Cli.Report;
using SystemOfSupport.Cli.Serve;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Cli.Settings;
using SystemOfSupport.Cli.Synth;
using SystemOfSupport.Cli.Targets;

namespace SystemOfSupport.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, AnsiConsole.Console, Console.Out, Console.Error);

    /// <summary>Runs the command line against the given console and writers (tests pass their own).</summary>
    public static int Run(string[] args, IAnsiConsole console, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("sos — California's System of Support: who gets Differentiated Assistance, and why.")
        {
            DetermineCommand.Create(console),
            ExplainCommand.Create(console, output),
            SettingsCommand.Create(console),
            HistoryCommand.Create(console),
            EssaCommand.Create(console),
            CalpadsCommand.Create(console),
            FundingCommand.Create(console),
            DashboardCommand.Create(console),
            ProjectCommand.Create(console),
            ForecastCommand.Create(console),
            TargetsCommand.Create(console),
            SynthCommand.Create(console),
            ServeCommand.Create(console),
            UsersCommand.Create(console),
            ReportCommand.Create(console),
            ImportCommand.Create(console),
            BackupCommands.Backup(console),
            BackupCommands.Restore(console),
        };
        return CliErrors.Guard(console, () => root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }));
    }
}
