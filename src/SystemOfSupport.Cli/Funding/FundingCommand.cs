using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Cli.Settings;
using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Funding;
using SystemOfSupport.Formats.Funding;

namespace SystemOfSupport.Cli.Funding;

/// <summary>What <c>sos funding</c> is asked to do.</summary>
/// <param name="Settings">The <c>--set key=value</c> pairs.</param>
public sealed record FundingRequest(string FiscalYear, IReadOnlyList<string> Reports, string Directory, string? OutputDirectory, IReadOnlyList<string> Settings);

/// <summary>
/// <c>sos funding</c>: each county office's funding for differentiated assistance in a fiscal year (EC 2575.2;
/// RULES.md §7), from the assistance-status reports and the LEA directory's ADA, every line with its basis.
/// </summary>
public static class FundingCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var fiscalYear = new Option<string>("--fiscal-year") { Description = "Fiscal year, such as 2024-25 (funded from the 2024 Dashboard's report and the ones before it).", Required = true };
        var reports = new Option<string[]>("--reports")
        {
            Description = "Assistance-status reports: the state's workbooks (assistancestatusYY.xlsx), this tool's district output (.xlsx/.csv) and charter output (charterassistanceYY.csv/.xlsx); repeatable. A year missing its own file is read from a later workbook's AssistanceStatusYYYY column.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var directory = new Option<string>("--directory") { Description = "LEA directory CSV: ADA sizes each district's allowance, authorizers route charter allowances; its counties are the ones computed.", Required = true };
        var output = new Option<string?>("--out") { Description = "Directory for coefundingYYYY-YY.xlsx and .csv." };
        var set = new Option<string[]>("--set") { Description = "Change an assumption: key=value (funding.*, providers.lead-agency-map; see `sos settings`); repeatable.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("funding", "Compute county offices' funding for differentiated assistance (EC 2575.2) for a fiscal year: base, district and charter allowances averaged over the reports, moves to Geographic Lead Agencies, total.")
        {
            fiscalYear, reports, directory, output, set,
        };
        command.SetAction(parse => Execute(console, new FundingRequest(
            parse.GetRequiredValue(fiscalYear),
            parse.GetValue(reports) ?? [],
            parse.GetRequiredValue(directory),
            parse.GetValue(output),
            parse.GetValue(set) ?? [])));
        return command;
    }

    /// <summary>Runs the command: computes, writes the two files when asked (nothing on bad input), and prints the tables.</summary>
    public static int Execute(IAnsiConsole console, FundingRequest request)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(request);
        var settings = SettingsCommand.Parse(request.Settings);
        if (!SchoolYear.TryParse(request.FiscalYear, out var fiscalYear))
        {
            throw new ArgumentException($"--fiscal-year '{request.FiscalYear}' is not a fiscal year: expected the form 2024-25");
        }

        var run = FundingRun.Run(fiscalYear, request.Reports, request.Directory, settings);
        IReadOnlyList<string> written = [];
        if (request.OutputDirectory is { } directory)
        {
            written = FundingOutputs.Write(run, directory, "SystemOfSupport (sos funding), " + DateTime.Now.ToString("MMMM yyyy", CultureInfo.InvariantCulture));
        }

        Print(console, run);
        foreach (var path in written)
        {
            console.MarkupLine($"wrote [green]{Markup.Escape(path)}[/]");
        }

        return CliErrors.Ok;
    }

    private static void Print(IAnsiConsole console, FundingRunResult run)
    {
        var r = run.Result;
        console.MarkupLine($"[bold]County office funding for differentiated assistance, {r.FiscalYear.Label}[/] (EC 2575.2; RULES.md §7) — {Markup.Escape(r.Rules.Rule)}.");
        console.MarkupLine($"District allowances averaged over {Text(r.Rules.DistrictReports)} reports: {Markup.Escape(string.Join("; ", r.DistrictReports.Select(c => c.Basis)))}.");
        console.MarkupLine(r.Rules.CharterReports == 0
            ? "No charter allowances in this fiscal year."
            : $"Charter allowances averaged over {Text(r.Rules.CharterReports)} reports: {Markup.Escape(string.Join("; ", r.CharterReports.Select(c => c.Basis)))}.");
        foreach (var line in run.Reports.Describe(run.Result))
        {
            console.MarkupLine($"[grey]Read {Markup.Escape(line)}.[/]");
        }

        var lines = new Table().Border(TableBorder.Rounded).AddColumns("Recipient", "Line", "Report", "LEA", "ADA", "Band", "Amount", "Move");
        foreach (var l in r.Lines.Where(l => l.Kind != FundingLineKind.Base))
        {
            lines.AddRow(
                Markup.Escape(l.Recipient.CountyOfficeName),
                l.Kind == FundingLineKind.DistrictAllowance ? FundingTables.DistrictAllowance : FundingTables.CharterAllowance,
                l.ReportYear is { } y ? Text(y) : string.Empty,
                Markup.Escape($"{l.LeaName} ({l.Lea})"),
                l.Ada is { } ada ? ada.ToString("N2", CultureInfo.InvariantCulture) : "–",
                l.Band?.Name ?? "–",
                Dollars(l.Amount),
                l.IsMove ? Markup.Escape($"from {l.LeaCounty!.Name}") : string.Empty);
        }

        if (lines.Rows.Count > 0)
        {
            console.Write(lines);
        }

        var summary = new Table().Border(TableBorder.Rounded).AddColumns(["County office", "Base", .. r.DistrictReports.Select(c => $"Districts {Text(c.Year)}"), "District avg",
            .. r.CharterReports.Select(c => $"Charters {Text(c.Year)}"), "Charter avg", "Moved in", "Moved out", "Total"]);
        foreach (var o in r.CountyOffices)
        {
            summary.AddRow([
                Markup.Escape(o.County.CountyOfficeName + (o.InScope ? string.Empty : " (moves in only)")),
                Dollars(o.Base),
                .. o.DistrictReports.Select(a => Dollars(a.Amount)),
                Dollars(o.DistrictAverage),
                .. o.CharterReports.Select(a => Dollars(a.Amount)),
                Dollars(o.CharterAverage),
                Dollars(o.MovedIn),
                Dollars(o.MovedOut),
                $"[bold]{Dollars(o.Total)}[/]",
            ]);
        }

        console.Write(summary);
        console.MarkupLine($"Total, {Text(r.CountyOffices.Count)} county office{(r.CountyOffices.Count == 1 ? string.Empty : "s")}: [bold]{Dollars(r.Total)}[/].");
        foreach (var s in r.Settings)
        {
            console.MarkupLine($"[grey]Assumption {Markup.Escape(s.Key)} = {Markup.Escape(s.Value)}{(s.IsDefault ? " (default)" : string.Empty)} ({Markup.Escape(s.Rule)}).[/]");
        }

        foreach (var w in r.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
        }
    }

    private static string Dollars(decimal amount) => Markup.Escape(Core.Funding.Dollars.Format(amount));

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
