using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;
using SystemOfSupport.Formats.StatusWorkbooks;

namespace SystemOfSupport.Cli.History;

/// <summary><c>sos history</c>: an LEA's statuses, letters, terms and Level 3 flags, year by year.</summary>
public static class HistoryCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var cds = new Option<string[]>("--cds") { Description = "14-digit CDS code(s) or 7-digit CD code(s).", Required = true, AllowMultipleArgumentsPerToken = true };
        var files = new Option<string[]>("--history") { Description = "Assistance-status workbooks and this tool's outputs (.xlsx, .csv, 2017 .xls), any years.", Required = true, AllowMultipleArgumentsPerToken = true };
        var command = new Command("history", "Show an LEA's assistance statuses, priority letters, terms and Level 3 flags by Dashboard year.") { cds, files };
        command.SetAction(parse =>
        {
            var rows = (parse.GetValue(files) ?? []).SelectMany(f => AssistanceStatusWorkbookReader.Read(f).Rows).ToList();
            var history = new AssistanceHistory(rows);
            var status = CliErrors.Ok;
            foreach (var code in (parse.GetValue(cds) ?? []).Select(CdsCodes.Parse))
            {
                var latest = history.Latest(code);
                if (latest is null)
                {
                    console.MarkupLine($"[red]error:[/] {code} is in none of the files given.");
                    status = CliErrors.Usage;
                    continue;
                }

                console.MarkupLine($"[bold]{Markup.Escape(latest.LeaName)}[/] ({code}, {Markup.Escape(latest.County ?? string.Empty)} County)");
                var table = new Table().Border(TableBorder.Rounded).AddColumns("Year", "Status", "Term", "Letters", "Methods", "Level 3");
                foreach (var line in Timeline(code, history))
                {
                    table.AddRow(line.Year.ToString(CultureInfo.InvariantCulture), Markup.Escape(line.Status), Markup.Escape(line.Term), Markup.Escape(line.Letters), line.Methods, line.Level3);
                }

                console.Write(table);
            }

            return status;
        });
        return command;
    }

    /// <summary>One Dashboard year of an LEA's story.</summary>
    public sealed record TimelineYear(int Year, string Status, string Term, string Letters, string Methods, string Level3);

    /// <summary>Every Dashboard year the files speak of, with the term each status stands in (RULES.md §3.5).</summary>
    public static IReadOnlyList<TimelineYear> Timeline(CdsCode cds, AssistanceHistory history)
    {
        var latest = history.Latest(cds);
        var last = Math.Max(latest?.StatusByYear.Keys.DefaultIfEmpty(0).Max() ?? 0, history.ReportYears.DefaultIfEmpty(0).Max());
        var years = new List<TimelineYear>();
        foreach (var year in DashboardYears.Through(last))
        {
            var status = history.Status(cds, year);
            var row = history.Row(cds, year);
            if (status is null && row is null)
            {
                continue;
            }

            var letters = row is null ? "(no file for this year)"
                : row.PriorityLetters.Count == 0 ? "none"
                : string.Join(" ", row.PriorityLetters.OrderBy(l => l.Key).Select(l => $"{l.Key}={l.Value}"));
            var methods = row is null ? string.Empty : string.Join(" ", row.MetMethods.Where(m => m.Value).Select(m => $"M{m.Key}"));
            years.Add(new TimelineYear(
                year,
                status?.Label() ?? "*",
                Term(status, year),
                letters,
                methods.Length == 0 ? "–" : methods,
                row?.Level3Flag switch { true => "[red]Y[/]", false => "N", null => "–" }));
        }

        return years;
    }

    private static string Term(AssistanceStatus? status, int year) => status switch
    {
        AssistanceStatus.DifferentiatedAssistanceYear1 => $"identified; support through the {DashboardYears.Through(year + 3).SkipWhile(y => y <= year).FirstOrDefault()} Dashboard at least",
        AssistanceStatus.DifferentiatedAssistanceYear2 => "second year of a two-year term",
        AssistanceStatus.DifferentiatedAssistance or AssistanceStatus.DifferentiatedSupport => "identified for the year",
        null => string.Empty,
        _ => "general assistance",
    };
}
