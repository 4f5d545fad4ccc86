using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using SystemOfSupport.Cli.Determine;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Cli.Settings;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Projections;
using SystemOfSupport.Formats.Runs;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Text;

namespace SystemOfSupport.Cli.Project;

/// <summary><c>sos project</c>: colors and the assistance decision from an LEA's own numbers, before the state publishes.</summary>
public static class ProjectCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var year = new Option<int>("--year") { Description = "The Dashboard year to project.", Required = true };
        var own = new Option<string>("--own") { Description = "Own current-year numbers (CSV; layout in data/projections/README.md).", Required = true };
        var prior = new Option<string>("--prior-dashboard") { Description = "Last year's published Dashboard files: the prior status of every result.", Required = true };
        var local = new Option<string?>("--local") { Description = "This year's local-indicator files." };
        var priorLocal = new Option<string?>("--prior-local") { Description = "Last year's local-indicator files (charter schools' prior year)." };
        var history = new Option<string[]>("--history") { Description = "Earlier assistance-status workbooks (Year 2, Level 3).", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Where to write the projected files (their names end in -projected).", Required = true };
        var set = new Option<string[]>("--set") { Description = "Change an assumption: key=value (see `sos settings`).", AllowMultipleArgumentsPerToken = true };
        var expected = new Option<string?>("--expected") { Description = "The state's workbook for the year, once published: compare the projection with it." };
        var command = new Command("project", "Project Dashboard colors and the assistance decision from an LEA's own current-year numbers, with last year's published results as the prior.")
        {
            year, own, prior, local, priorLocal, history, output, set, expected,
        };
        command.SetAction(parse =>
        {
            var request = new DeterminationRequest(
                parse.GetValue(year),
                DashboardDirectory: null,
                parse.GetValue(local),
                parse.GetValue(history) ?? [],
                SettingsCommand.Parse(parse.GetValue(set) ?? []),
                PriorDashboardDirectory: parse.GetRequiredValue(prior),
                PriorLocalIndicators: parse.GetValue(priorLocal));
            var expectedPath = parse.GetValue(expected);
            var state = expectedPath is null ? null : AssistanceStatusWorkbookReader.Read(expectedPath);
            var projection = ProjectionRunner.Run(request, parse.GetRequiredValue(own));
            var run = projection.Run;
            var resultsFile = $"dashboard{run.Year % 100:00}{OutputSet.ProjectedSuffix}.csv";
            var label = "SystemOfSupport (sos project), " + DateTime.Now.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            var written = OutputSet.Write(run, parse.GetRequiredValue(output), label, [(resultsFile, s => WriteResults(projection.Results, s))]);
            DetermineCommand.Print(console, run, written, list: false);
            console.MarkupLine($"[yellow]Projected[/] {projection.Results.Count} results: {projection.Results.Count(r => r.Color.Color == DashboardColor.Red)} Red, {projection.Results.Count(r => r.Color.Color != DashboardColor.None)} with a color.");
            if (state is not null)
            {
                DetermineCommand.PrintComparison(console, StateComparison.Compare(run.Determinations, state, run.Year), Path.GetFileName(expectedPath!));
            }

            return CliErrors.Ok;
        });
        return command;
    }

    /// <summary>Every projected result with its levels and color, marked projected on every row.</summary>
    private static void WriteResults(IReadOnlyList<ProjectedResult> results, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        writer.Write("Projected,CDS,Name,Indicator,StudentGroup,Denominator,Status,PriorDenominator,PriorStatus,StatusLevel,ChangeLevel,Color,Box,Explanation\r\n");
        foreach (var r in results)
        {
            var m = r.Measure;
            string[] cells =
            [
                "Y", r.Lea.Cds.Value, r.Lea.Name, m.Indicator.FileStem(), m.Group.ToString(),
                Text(m.CurrentDenominator), Text(m.CurrentStatus), Text(m.PriorDenominator), Text(m.PriorStatus),
                Text(r.Color.StatusLevel), Text(r.Color.ChangeLevel), r.Color.Color.ToString(), Text(r.Color.Box), r.Color.Explanation,
            ];
            writer.Write(CsvText.Record(cells) + "\r\n");
        }
    }

    private static string Text<T>(T? value) where T : struct, IFormattable => value?.ToString(null, CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
