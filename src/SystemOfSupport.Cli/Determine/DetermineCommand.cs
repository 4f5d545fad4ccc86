using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Cli.Settings;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Runs;

namespace SystemOfSupport.Cli.Determine;

/// <summary><c>sos determine</c>: decide every district and county office for a year and write the state's files.</summary>
public static class DetermineCommand
{
    /// <summary>Above this many LEAs the per-LEA table is printed only with --list.</summary>
    private const int ListThreshold = 60;

    public static Command Create(IAnsiConsole console)
    {
        var year = new Option<int>("--year") { Description = "Dashboard year to decide (2023, 2024, 2025).", Required = true };
        var dashboard = new Option<string?>("--dashboard") { Description = "Directory with the year's Dashboard download files ({indicator}downloadYYYY.txt or pre-release NAME_YYYY.txt). Without it, the year is replayed from its own workbook given with --history." };
        var local = new Option<string?>("--local") { Description = "Local-indicator files: a directory (PrNYYYY.xlsx, PrNYYYY.txt, LocalIndPerfYYYY.txt) or one file." };
        var history = new Option<string[]>("--history") { Description = "Earlier assistance-status workbooks (the state's .xlsx, or this tool's .xlsx/.csv output); repeatable.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Directory for assistancestatusYY.xlsx, assistancestatusYY.csv and findingsYY.json.", Required = true };
        var set = new Option<string[]>("--set") { Description = "Change an assumption: key=value (see `sos settings`); repeatable.", AllowMultipleArgumentsPerToken = true };
        var partial = new Option<bool>("--partial") { Description = "Decide even when an indicator's file is missing (pre-release data); the findings say which." };
        var expected = new Option<string?>("--expected") { Description = "The state's published workbook for the same year (every letter, method and status is compared) or a later year (its status column for this year is compared)." };
        var list = new Option<bool>("--list") { Description = "Print the per-LEA table even for large runs." };
        var priorDashboard = new Option<string?>("--prior-dashboard") { Description = "The previous Dashboard year's files: charter schools need the criteria met in two consecutive years." };
        var directory = new Option<string?>("--directory") { Description = "LEA directory CSV (CDS, Name, City, County, GradeSpan, ADA, CharterAuthorizerCDS): names charter schools' providers and fills city and grade span." };
        var essa = new Option<string[]>("--essa") { Description = "ESSA assistance files (essaassistanceYY.xlsx …): an LEA with a CSI school not exited within four years gets its own finding (RULES.md §5).", AllowMultipleArgumentsPerToken = true };
        var certifications = new Option<string?>("--certifications") { Description = "CALPADS certification records (CSV; data/calpads/README.md): decides Method 4 (2024 on)." };
        var calendar = new Option<string?>("--calendar") { Description = "More CALPADS deadlines (CSV) beyond the built-in 2023-24 and 2024-25 calendars." };
        var priorLocal = new Option<string?>("--prior-local") { Description = "The previous year's local-indicator files, for charter schools' Methods 2 and 3 that year." };

        var command = new Command("determine", "Decide Differentiated Assistance for districts and county offices from the state's files, and write the state's workbook, a CSV and the findings.")
        {
            year, dashboard, local, history, output, set, partial, expected, list, priorDashboard, priorLocal, directory, essa, certifications, calendar,
        };
        command.SetAction(parse =>
        {
            var request = new DeterminationRequest(
                parse.GetValue(year),
                parse.GetValue(dashboard),
                parse.GetValue(local),
                parse.GetValue(history) ?? [],
                SettingsCommand.Parse(parse.GetValue(set) ?? []),
                parse.GetValue(partial),
                parse.GetValue(priorDashboard),
                parse.GetValue(priorLocal),
                parse.GetValue(directory),
                parse.GetValue(essa),
                parse.GetValue(certifications),
                parse.GetValue(calendar));
            var expectedPath = parse.GetValue(expected);
            // Read the comparison workbook first: a bad file must fail before anything is written.
            var state = expectedPath is null ? null : AssistanceStatusWorkbookReader.Read(expectedPath);
            if (state is not null && state.Year < request.Year)
            {
                throw new InputFileException(expectedPath!, null, null, $"this is the {state.Year} workbook; it cannot check {request.Year} decisions");
            }

            var run = ProgressDisplay.Run(console, p => DeterminationRunner.Run(request, p));
            var label = "SystemOfSupport (sos determine), " + DateTime.Now.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            var written = OutputSet.Write(run, parse.GetRequiredValue(output), label);
            Print(console, run, written, parse.GetValue(list));
            if (state is not null)
            {
                PrintComparison(console, StateComparison.Compare(run.Determinations, state, run.Year), Path.GetFileName(expectedPath!));
            }

            return CliErrors.Ok;
        });
        return command;
    }

    internal static void Print(IAnsiConsole console, DeterminationRun run, IReadOnlyList<string> written, bool list)
    {
        var summary = RunSummary.Of(run);
        var rows = run.Dashboard.Files.Sum(f => f.RowsRead);
        if (run.Projected)
        {
            console.MarkupLine("[bold yellow]PROJECTED[/] from the LEA's own numbers, not the state's decision:");
        }

        console.MarkupLine(run.Dashboard.Files.Count == 0
            ? $"[bold]{run.Year} Differentiated Assistance[/] — {summary.Leas} districts and county offices, replayed from the state's workbook."
            : $"[bold]{run.Year} Differentiated Assistance[/] — {summary.Leas} districts and county offices, from {run.Dashboard.Files.Count} Dashboard files ({rows:N0} rows) and {run.Local.FilesRead.Count} local-indicator files.");
        if (list || summary.Leas <= ListThreshold)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("CDS", "LEA", "Status", "M1", "M2", "M3", "Groups with a letter");
            table.Columns[0].NoWrap();
            foreach (var d in run.Determinations)
            {
                var letters = string.Join(" ", d.Groups.Where(g => g.Letter is not null).Select(g => $"{g.Group}={g.Letter}"));
                table.AddRow(
                    d.Lea.Cds.Value,
                    Markup.Escape(d.Lea.Name),
                    StatusMarkup(d.Status),
                    YesNo(d, 1),
                    YesNo(d, 2),
                    YesNo(d, 3),
                    Markup.Escape(letters));
            }

            console.Write(table);
        }

        var counts = new Table().Border(TableBorder.Simple).AddColumns("Assistance status", "LEAs");
        foreach (var (status, n) in summary.ByStatus)
        {
            counts.AddRow(Markup.Escape(status), n.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (method, n) in summary.ByMethod)
        {
            counts.AddRow($"met {method}", n.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(counts);
        if (run.Charters.Count > 0)
        {
            var charters = new Table().Border(TableBorder.Rounded).AddColumns("Charter school", $"Criteria {run.Year}", "Criteria prior year", "Status");
            charters.Columns[3].NoWrap();
            charters.Columns[0].NoWrap();
            foreach (var c in run.Charters)
            {
                charters.AddRow(
                    Markup.Escape($"{c.Charter.Cds} {c.Charter.Name}"),
                    c.Current.Met ? "[bold]met[/]" : "not met",
                    c.Prior is null ? "unknown" : c.Prior.Met ? "[bold]met[/]" : "not met",
                    c.IsIdentified ? "[red]DA[/]" : "General");
            }

            if (list || run.Charters.Count <= ListThreshold)
            {
                console.Write(charters);
            }

            console.MarkupLine($"Charter schools: {run.Charters.Count}, of which {run.Charters.Count(c => c.IsIdentified)} eligible for differentiated assistance.");
        }

        if (run.Essa is { } assessment)
        {
            var withFinding = run.Determinations.Count(d => d.Essa is not null) + run.Charters.Count(c => c.Essa is not null);
            console.MarkupLine($"ESSA: {withFinding} of these LEAs have a CSI school not exited within four years ({assessment.Findings.Count} statewide in the files).");
        }

        foreach (var w in run.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
        }

        foreach (var f in written)
        {
            console.MarkupLine($"wrote [green]{Markup.Escape(f)}[/]");
        }
    }

    internal static void PrintComparison(IAnsiConsole console, ComparisonResult result, string file)
    {
        if (result.Agrees)
        {
            console.MarkupLine($"[green]Agrees with the state's {Markup.Escape(file)}:[/] {result.LeasCompared} LEAs, {result.CellsCompared} cells, 0 differences.");
            return;
        }

        console.MarkupLine($"[red]Differs from the state's {Markup.Escape(file)}:[/] {result.Differences.Count} of {result.CellsCompared} cells in {result.LeasCompared} LEAs.");
        var table = new Table().AddColumns("CDS", "LEA", "Column", "Ours", "State");
        foreach (var d in result.Differences.Take(50))
        {
            table.AddRow(d.Cds.Value, Markup.Escape(d.LeaName), d.Column, Markup.Escape(d.Ours), Markup.Escape(d.State));
        }

        console.Write(table);
        if (result.MissingFromState.Count > 0)
        {
            console.MarkupLine($"[yellow]{result.MissingFromState.Count} LEAs are not in the state's workbook:[/] {string.Join(", ", result.MissingFromState.Take(20))}");
        }
    }

    private static string YesNo(Core.Determinations.Determination d, int method) => d.Method(method) switch
    {
        null => "–",
        { Met: true } => "[bold]Y[/]",
        _ => "N",
    };

    private static string StatusMarkup(AssistanceStatus status) => status switch
    {
        AssistanceStatus.DifferentiatedAssistanceYear1 => "[red]DA, Year 1[/]",
        AssistanceStatus.DifferentiatedAssistanceYear2 => "[darkorange]DA, Year 2[/]",
        _ => Markup.Escape(status.Label()),
    };
}
