using System.CommandLine;
using Spectre.Console;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Cli.Settings;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Runs;

namespace SystemOfSupport.Cli.Explain;

/// <summary><c>sos explain</c>: why an LEA is or is not eligible, in plain words.</summary>
public static class ExplainCommand
{
    public static Command Create(IAnsiConsole console, TextWriter output)
    {
        var year = new Option<int>("--year") { Description = "Dashboard year.", Required = true };
        var cds = new Option<string[]>("--cds") { Description = "14-digit CDS code(s) of the LEA(s) to explain (7-digit CD codes also work).", Required = true, AllowMultipleArgumentsPerToken = true };
        var from = new Option<string?>("--from") { Description = "Directory where `sos determine` wrote findingsYY.json." };
        var dashboard = new Option<string?>("--dashboard") { Description = "Instead of --from: decide afresh from this Dashboard directory." };
        var local = new Option<string?>("--local") { Description = "With --dashboard: local-indicator files." };
        var history = new Option<string[]>("--history") { Description = "With --dashboard: earlier assistance-status workbooks; without it, the year is replayed from its own workbook among these.", AllowMultipleArgumentsPerToken = true };
        var set = new Option<string[]>("--set") { Description = "With --dashboard: change an assumption, key=value.", AllowMultipleArgumentsPerToken = true };

        var command = new Command("explain", "Explain in plain words why a district or county office is or is not eligible for Differentiated Assistance.")
        {
            year, cds, from, dashboard, local, history, set,
        };
        command.SetAction(parse =>
        {
            var y = parse.GetValue(year);
            var wanted = (parse.GetValue(cds) ?? []).Select(CdsCodes.Parse).ToList();
            IReadOnlyList<Determination> determinations;
            var historyFiles = parse.GetValue(history) ?? [];
            if (parse.GetValue(dashboard) is { } dir || (parse.GetValue(from) is null && historyFiles.Length > 0))
            {
                var request = new DeterminationRequest(y, parse.GetValue(dashboard), parse.GetValue(local), historyFiles, SettingsCommand.Parse(parse.GetValue(set) ?? []), AllowMissingIndicators: true);
                determinations = DeterminationRunner.Run(request).Determinations;
            }
            else
            {
                var path = Path.Combine(parse.GetValue(from) ?? throw new ArgumentException("give --from DIR (where `sos determine` wrote its findings) or --dashboard DIR"), FindingsJson.FileName(y));
                if (!File.Exists(path))
                {
                    throw new InputFileException(path, null, null, $"no findings for {y} here; run `sos determine --year {y} … --out DIR` first");
                }

                using var stream = File.OpenRead(path);
                var document = FindingsJson.Read(stream);
                if (document.Year != y)
                {
                    throw new InputFileException(path, null, null, $"these findings are for {document.Year}, not {y}");
                }

                determinations = document.Leas;
            }

            var status = CliErrors.Ok;
            foreach (var code in wanted)
            {
                var d = determinations.FirstOrDefault(x => x.Lea.Cds == code);
                if (d is null)
                {
                    console.MarkupLine($"[red]error:[/] {code} is not among the {determinations.Count} districts and county offices decided for {y}.");
                    status = CliErrors.Usage;
                    continue;
                }

                // Plain text, unwrapped: explanations are pasted into letters and emails.
                foreach (var line in Explanation.Lines(d))
                {
                    output.WriteLine(line);
                }

                output.WriteLine();
            }

            return status;
        });
        return command;
    }
}
