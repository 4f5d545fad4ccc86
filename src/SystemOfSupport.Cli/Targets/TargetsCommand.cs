using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Cli.Settings;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Runs;
using SystemOfSupport.Formats.Targets;
using SystemOfSupport.Formats.Text;

namespace SystemOfSupport.Cli.Targets;

/// <summary><c>sos targets</c>: what each Red result needs to leave Red, and the fewest changes that end an identification.</summary>
public static class TargetsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var year = new Option<int>("--year") { Description = "The Dashboard year whose Red results to work from.", Required = true };
        var dashboard = new Option<string>("--dashboard") { Description = "That year's Dashboard files.", Required = true };
        var local = new Option<string?>("--local") { Description = "That year's local-indicator files." };
        var history = new Option<string[]>("--history") { Description = "Earlier assistance-status workbooks.", AllowMultipleArgumentsPerToken = true };
        var cds = new Option<string[]>("--cds") { Description = "Only these LEAs (CDS or CD codes).", AllowMultipleArgumentsPerToken = true };
        var outDir = new Option<string?>("--out") { Description = "Write targetsYY.csv here." };
        var set = new Option<string[]>("--set") { Description = "Change an assumption: key=value.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("targets", "For each Red student group × indicator, the smallest change that leaves Red next year at the same denominator, and the fewest such changes that would end the LEA's identification.")
        {
            year, dashboard, local, history, cds, outDir, set,
        };
        command.SetAction(parse =>
        {
            var request = new DeterminationRequest(parse.GetValue(year), parse.GetRequiredValue(dashboard), parse.GetValue(local), parse.GetValue(history) ?? [],
                SettingsCommand.Parse(parse.GetValue(set) ?? []), AllowMissingIndicators: true);
            var only = parse.GetValue(cds) is { Length: > 0 } codes ? codes.Select(CdsCodes.Parse).ToHashSet() : null;
            var results = TargetRunner.Run(request, only);
            foreach (var lea in results.Where(r => r.Targets.Count > 0 || r.Determination.IsIdentified))
            {
                console.MarkupLine($"[bold]{Markup.Escape(lea.Determination.Lea.Name)}[/] ({lea.Determination.Lea.Cds}) — {Markup.Escape(lea.Determination.Status.Label())}");
                var table = new Table().Border(TableBorder.Rounded).AddColumns("Group", "Indicator", "To leave Red next year");
                foreach (var t in lea.Targets)
                {
                    table.AddRow(t.Group.ToString(), t.Indicator.DisplayName(), Markup.Escape(t.Description));
                }

                if (lea.Targets.Count > 0)
                {
                    console.Write(table);
                }

                var exit = lea.Exit.Targets.Count > 0
                    ? $"Fewest changes that end the identification: {string.Join("; ", lea.Exit.Targets.Select(t => $"{t.Group} {t.Indicator.DisplayName()}"))}. {lea.Exit.Reason}"
                    : lea.Exit.Reason;
                console.MarkupLine("  " + Markup.Escape(exit));
                console.WriteLine();
            }

            if (parse.GetValue(outDir) is { } dir)
            {
                Directory.CreateDirectory(dir);
                var path = Path.Combine(dir, $"targets{request.Year % 100:00}.csv");
                File.WriteAllText(path, Csv(results), new UTF8Encoding(false));
                console.MarkupLine($"wrote [green]{Markup.Escape(path)}[/]");
            }

            return CliErrors.Ok;
        });
        return command;
    }

    private static string Csv(IReadOnlyList<LeaTargets> results)
    {
        var sb = new StringBuilder("CDS,LEA,StudentGroup,Indicator,Denominator,Status,Students,Points,NextStatus,NextColor,InSmallestExit,Target\r\n");
        foreach (var lea in results)
        {
            foreach (var t in lea.Targets)
            {
                string[] cells =
                [
                    t.Lea.Cds.Value, t.Lea.Name, t.Group.ToString(), t.Indicator.FileStem(),
                    t.Now.CurrentDenominator?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    t.Now.CurrentStatus?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    t.Students?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    t.Points.ToString(CultureInfo.InvariantCulture),
                    t.Next.CurrentStatus?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    t.NextColor.Color.ToString(),
                    lea.Exit.Targets.Contains(t) ? "Y" : "N",
                    t.Description,
                ];
                sb.Append(CsvText.Record(cells)).Append("\r\n");
            }
        }

        return sb.ToString();
    }
}
