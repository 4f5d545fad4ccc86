using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Cli.Settings;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Forecast;
using SystemOfSupport.Formats.Forecast;
using SystemOfSupport.Formats.StatusWorkbooks;

namespace SystemOfSupport.Cli.Forecast;

/// <summary><c>sos forecast</c>: the probability that each district and county office is identified next year (docs/forecast.md).</summary>
public static class ForecastCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var year = new Option<int>("--year") { Description = "The Dashboard year to forecast; --dashboard holds the year before (the base year).", Required = true };
        var dashboard = new Option<string>("--dashboard") { Description = "The base year's Dashboard download files: its results and the observed changes.", Required = true };
        var local = new Option<string?>("--local") { Description = "The base year's local-indicator files, carried unchanged into the forecast year." };
        var history = new Option<string[]>("--history") { Description = "Assistance-status workbooks before the base year (as for `sos determine` of the base year); repeatable.", AllowMultipleArgumentsPerToken = true };
        var changeFrom = new Option<string[]>("--change-from") { Description = "Earlier Dashboard files whose changes stand in for an indicator the base year published without any (2023's CCI); repeatable.", AllowMultipleArgumentsPerToken = true };
        var simulations = new Option<int>("--simulations") { Description = "How many simulated years.", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed gives the same forecast.", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Directory for forecastYY.csv (and, with --expected, calibrationYY.csv and reliabilityYY.csv)." };
        var expected = new Option<string?>("--expected") { Description = "The state's workbook for the forecast year: score the forecast against it (Brier score, reliability table)." };
        var set = new Option<string[]>("--set") { Description = "Change an assumption: key=value (see `sos settings`, forecast.*); repeatable.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("forecast", "Forecast next year's Differentiated Assistance: each district's and county office's probability of being identified, by Monte Carlo simulation from this year's results.")
        {
            year, dashboard, local, history, changeFrom, simulations, seed, output, expected, set,
        };
        command.SetAction(parse =>
        {
            var request = new ForecastRequest(
                parse.GetValue(year),
                parse.GetRequiredValue(dashboard),
                parse.GetValue(local),
                parse.GetValue(history) ?? [],
                parse.GetValue(changeFrom) ?? [],
                parse.GetValue(simulations),
                parse.GetValue(seed),
                SettingsCommand.Parse(parse.GetValue(set) ?? []));
            var expectedPath = parse.GetValue(expected);
            // A bad comparison workbook must fail before anything is simulated or written.
            var state = expectedPath is null ? null : AssistanceStatusWorkbookReader.Read(expectedPath);
            var clock = Stopwatch.StartNew();
            var run = ProgressDisplay.Run(console, p => ForecastRunner.Run(request, p));
            clock.Stop();
            var check = state is null ? null : ForecastOutputs.Check(run.Forecast, state, expectedPath!);
            var written = Write(run, check, parse.GetValue(output));
            Print(console, run, clock.Elapsed);
            if (check is not null)
            {
                PrintCheck(console, check, Path.GetFileName(expectedPath!), run.Forecast.BaseYear);
            }

            foreach (var f in written)
            {
                console.MarkupLine($"wrote [green]{Markup.Escape(f)}[/]");
            }

            return CliErrors.Ok;
        });
        return command;
    }

    private static List<string> Write(ForecastRun run, ForecastCheck? check, string? directory)
    {
        if (directory is null)
        {
            return [];
        }

        Directory.CreateDirectory(directory);
        var year = run.Forecast.Year;
        var written = new List<string> { Path.Combine(directory, ForecastOutputs.ForecastFileName(year)) };
        ForecastOutputs.WriteForecast(run.Forecast, written[0]);
        if (check is not null)
        {
            written.Add(Path.Combine(directory, ForecastOutputs.CalibrationFileName(year)));
            ForecastOutputs.WriteCalibration(year, check, written[^1]);
            written.Add(Path.Combine(directory, ForecastOutputs.ReliabilityFileName(year)));
            ForecastOutputs.WriteReliability(year, check, written[^1]);
        }

        return written;
    }

    private static void Print(IAnsiConsole console, ForecastRun run, TimeSpan elapsed)
    {
        var f = run.Forecast;
        console.MarkupLine(
            $"[bold]{f.Year} Differentiated Assistance forecast[/] from {f.BaseYear}: {f.Leas.Count} districts and county offices, "
            + $"{f.Simulations:N0} simulations (seed {f.Seed}), {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("CDS", "LEA", "P(identified)", "P(in DA)", $"{f.BaseYear} status", "Most likely letters");
        table.Columns[0].NoWrap();
        foreach (var lea in f.Leas)
        {
            table.AddRow(
                lea.Lea.Cds.Value,
                Markup.Escape(lea.Lea.Name),
                Percent(lea.Identified),
                Percent(lea.InAssistance),
                Markup.Escape(Short(lea.BaseStatus)),
                lea.MostLikelyLetters.Count == 0 ? "none" : string.Join(" ", lea.MostLikelyLetters.Select(l => $"{l.Group}={l.Letter} ({Percent(l.Probability)})")));
        }

        console.Write(table);
        console.MarkupLine(
            $"Expected number identified in {f.Year}: {f.Leas.Sum(l => l.Identified).ToString("0.0", CultureInfo.InvariantCulture)}; "
            + $"in Differentiated Assistance: {f.Leas.Sum(l => l.InAssistance).ToString("0.0", CultureInfo.InvariantCulture)}.");
        var changes = string.Join("; ", run.ChangeSources.Select(s => $"{s.Indicator.DisplayName()} {s.Observations:N0}"));
        console.MarkupLine(Markup.Escape(
            $"Observed changes per indicator, bucketed by status level (a bucket needs {run.Changes.BucketMinimum}, else the indicator's whole distribution is drawn from): {changes}."));
        foreach (var w in run.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
        }
    }

    private static void PrintCheck(IAnsiConsole console, ForecastCheck check, string file, int baseYear)
    {
        console.MarkupLine($"[bold]Calibration[/] against {Markup.Escape(file)} ({check.Identified.Points.Count} LEAs):");
        foreach (var c in new[] { check.Identified, check.InAssistance })
        {
            var (yes, no) = c.MeanForecastByOutcome;
            console.MarkupLine(Markup.Escape(
                $"  {Label(c.Outcome)}: Brier score {Number(c.BrierScore)} (always forecasting the observed rate {Number(c.ObservedRate)}: {Number(c.ClimatologyBrierScore)}"
                + $"{(c.SkillScore is double s ? $"; skill {Number(s)}" : string.Empty)}); mean forecast {Maybe(yes)} where it happened, {Maybe(no)} where it did not."));
        }

        console.MarkupLine(Markup.Escape(
            $"  Reference: forecasting 1 for the LEAs identified in {baseYear} and 0 for the others (persistence): Brier score {Number(check.Persistence.BrierScore)}."));
        var leas = new Table().Border(TableBorder.Rounded).AddColumns("CDS", "LEA", "P(identified)", "Identified", "P(in DA)", "In DA");
        leas.Columns[0].NoWrap();
        foreach (var (p, q) in check.Identified.Points.Zip(check.InAssistance.Points))
        {
            leas.AddRow(p.Lea.Cds.Value, Markup.Escape(p.Lea.Name), Percent(p.Forecast), p.Observed ? "[bold]Y[/]" : "N", Percent(q.Forecast), q.Observed ? "[bold]Y[/]" : "N");
        }

        console.Write(leas);
        var bins = new Table().Border(TableBorder.Simple).AddColumns("Outcome", "Forecast bin", "LEAs", "Mean forecast", "Observed rate");
        foreach (var c in new[] { check.Identified, check.InAssistance })
        {
            foreach (var b in c.Bins)
            {
                bins.AddRow(Label(c.Outcome), $"{Percent(b.From)}–{Percent(b.To)}", b.Count.ToString(CultureInfo.InvariantCulture), Maybe(b.MeanForecast), Maybe(b.ObservedRate));
            }
        }

        console.Write(bins);
        if (check.NotInExpected.Count > 0)
        {
            console.MarkupLine($"[yellow]Not in {Markup.Escape(file)}:[/] {Markup.Escape(string.Join(", ", check.NotInExpected.Select(l => $"{l.Cds} {l.Name}")))}");
        }
    }

    private static string Short(AssistanceStatus status) => status switch
    {
        AssistanceStatus.DifferentiatedAssistanceYear1 => "DA, Year 1",
        AssistanceStatus.DifferentiatedAssistanceYear2 => "DA, Year 2",
        AssistanceStatus.DifferentiatedAssistance => "DA",
        _ => status.Label(),
    };

    private static string Label(string outcome) => outcome == ForecastOutputs.IdentifiedOutcome ? "Identified" : "In DA";

    private static string Percent(double p) => p.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Number(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Maybe(double? x) => x is double v ? Number(v) : "–";
}
