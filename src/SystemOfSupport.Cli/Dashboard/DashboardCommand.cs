using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Dashboard;

namespace SystemOfSupport.Cli.Dashboard;

/// <summary>
/// <c>sos dashboard verify</c>: recomputes every row's status level, change level, color and box from its numbers
/// and compares them with what the state published (RULES.md §2.4–2.6).
/// </summary>
public static class DashboardCommand
{
    /// <summary>Exit code when some published value is not reproduced (0: all agree; 1 usage, 2 bad input as elsewhere).</summary>
    public const int Disagrees = 3;

    public static Command Create(IAnsiConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = "Dashboard download files ({indicator}downloadYYYY.txt), or directories to search for them.", Arity = ArgumentArity.OneOrMore };
        var show = new Option<int>("--show") { Description = "How many mismatching rows to list.", DefaultValueFactory = _ => 20 };
        var verify = new Command("verify", $"Recompute each row's status level, change level, color and box with the year's color tables and compare them with the published ones. Exit codes: 0 all agree, {Disagrees} some differ, 2 bad input.")
        {
            paths, show,
        };
        verify.SetAction(parse => Verify(console, parse.GetValue(paths) ?? [], parse.GetValue(show)));
        return new Command("dashboard", "Check the state's Dashboard files.") { verify };
    }

    /// <summary>Checks the files and prints the agreement; bad input throws <see cref="InputFileException"/>.</summary>
    public static int Verify(IAnsiConsole console, IReadOnlyList<string> paths, int show)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentOutOfRangeException.ThrowIfNegative(show);
        var results = DashboardColorCheck.Files(paths).Select(DashboardColorCheck.Check).ToList();
        PrintAgreement(console, results);
        var mismatches = results.SelectMany(r => r.Mismatches).ToList();
        PrintMismatches(console, mismatches, show);

        int compared = results.Sum(r => r.Compared), agreeing = results.Sum(r => r.Agreeing), setByState = results.Sum(r => r.SetByState);
        var handSet = setByState == 0 ? string.Empty : $" ({setByState} rows with a color the state set by hand not compared)";
        if (mismatches.Count == 0)
        {
            console.MarkupLine($"[green]All {compared:N0} rows compared agree[/] in {results.Count} files{handSet}.");
            return CliErrors.Ok;
        }

        console.MarkupLine($"[red]{compared - agreeing:N0} of {compared:N0} rows compared differ[/] in {results.Count(r => r.Mismatches.Count > 0)} of {results.Count} files{handSet}.");
        return Disagrees;
    }

    private static void PrintAgreement(IAnsiConsole console, List<ColorCheckFile> results)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("File", "Indicator", "Rows", "Compared", "Agreeing", "%", "Hand-set", "Compares");
        foreach (var r in results)
        {
            table.AddRow(
                Markup.Escape(Path.GetFileName(r.Path)),
                $"{r.Indicator.FileStem()} {r.Year}",
                Count(r.Rows),
                Count(r.Compared),
                r.Compared == r.Agreeing ? Count(r.Agreeing) : $"[red]{Count(r.Agreeing)}[/]",
                r.Compared == 0 ? "–" : r.Percent.ToString("0.0", CultureInfo.InvariantCulture),
                Count(r.SetByState),
                r.ComparedColumns.Count == 0 ? "nothing published" : string.Join(" ", r.ComparedColumns.Select(c => c.Replace("level", string.Empty, StringComparison.Ordinal))));
        }

        console.Write(table);
        if (results.Count > 1)
        {
            var byIndicator = new Table().Border(TableBorder.Rounded).AddColumns("Indicator", "Files", "Compared", "Agreeing", "%");
            foreach (var g in results.Where(r => r.Compared > 0).GroupBy(r => r.Indicator).OrderBy(g => g.Key))
            {
                int compared = g.Sum(r => r.Compared), agreeing = g.Sum(r => r.Agreeing);
                byIndicator.AddRow(
                    Markup.Escape(g.Key.DisplayName()),
                    Count(g.Count()),
                    Count(compared),
                    compared == agreeing ? Count(agreeing) : $"[red]{Count(agreeing)}[/]",
                    (100m * agreeing / compared).ToString("0.0", CultureInfo.InvariantCulture));
            }

            console.Write(byIndicator);
        }
    }

    private static void PrintMismatches(IAnsiConsole console, List<ColorMismatch> mismatches, int show)
    {
        if (mismatches.Count == 0 || show == 0)
        {
            return;
        }

        console.MarkupLine(mismatches.Count > show ? $"The first {show} of {Count(mismatches.Count)} rows that differ:" : "Rows that differ:");
        foreach (var m in mismatches.Take(show))
        {
            var row = m.Row;
            var p = row.Published;
            console.MarkupLine($"[bold]{Markup.Escape(row.Result.Source.File)} line {row.Result.Source.Line}[/]: {row.Result.Cds} ({row.RecordType}), {row.Result.Group}");
            console.MarkupLine($"  published: {Markup.Escape(Levels(p.StatusLevel, p.ChangeLevel, p.Color, p.Box))}");
            console.MarkupLine($"  computed:  {Markup.Escape(Levels(m.Computed.StatusLevel, m.Computed.ChangeLevel, m.Computed.Color, m.Computed.Box))} [red]({string.Join(", ", m.Columns)} differ)[/]");
            console.MarkupLine($"  numbers:   {Markup.Escape(Numbers(row.Measure))}");
            console.MarkupLine($"  why:       {Markup.Escape(m.Computed.Explanation)}");
        }
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Levels(int? status, int? change, DashboardColor? color, int? box) =>
        $"status {Show(status)}, change {Show(change)}, {color?.ToString() ?? "–"}, box {Show(box)}";

    private static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "–";

    private static string Numbers(IndicatorMeasure m)
    {
        var parts = new List<string>
        {
            $"current {Show(m.CurrentStatus)} (n {Show(m.CurrentDenominator)})",
            $"prior {Show(m.PriorStatus)} (n {Show(m.PriorDenominator)})",
            $"change {Show(m.Change)}",
        };
        parts.AddRange(new[]
        {
            m.SuspensionType is null ? null : $"type {m.SuspensionType}",
            m.HsCutPoints ? "hscutpoints" : null,
            m.SmallDenominator == true ? "small denominator" : null,
            m.Dass ? "DASS" : null,
            m.CurrentNSize is null && m.PriorNSize is null ? null : $"n-size counts {Show(m.CurrentNSize)}/{Show(m.PriorNSize)}",
            m.BelowParticipationTarget ? "under 95% tested" : null,
        }.OfType<string>());
        return string.Join(", ", parts);
    }

    private static string Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "–";
}
