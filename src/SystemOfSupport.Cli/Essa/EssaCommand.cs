using SystemOfSupport.Cli.Settings;
using SystemOfSupport.Core.Determinations;
using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Essa;
using SystemOfSupport.Formats.Essa;

namespace SystemOfSupport.Cli.Essa;

/// <summary>What <c>sos essa</c> is asked to do.</summary>
/// <param name="Leas">The LEAs to report (<c>--cds</c>); empty for all.</param>
/// <param name="Settings">The <c>--set key=value</c> pairs.</param>
public sealed record EssaRequest(int Year, IReadOnlyList<string> Files, IReadOnlyList<string> Leas, string? OutputDirectory, IReadOnlyList<string> Settings);

/// <summary>
/// <c>sos essa</c>: the LEAs made eligible for differentiated assistance because a school of theirs, identified for
/// CSI, has not met the exit criteria within four years (RULES.md §5) — a finding separate from the LCFF methods.
/// </summary>
public static class EssaCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var year = new Option<int>("--year") { Description = "Status year to decide (2018, 2019, 2022 or later).", Required = true };
        var essa = new Option<string[]>("--essa") { Description = "The state's ESSA assistance files: essaassistanceYY.xlsx, essaassistancestudentgroup19.xlsx, sch_eligibility_state_sg.csv; repeatable. A later file's value for a year wins.", Required = true, AllowMultipleArgumentsPerToken = true };
        var cds = new Option<string[]>("--cds") { Description = "Report only these LEAs: 14-digit CDS codes (a charter school's own code) or 7-digit CD codes.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--out") { Description = "Directory for essafindingsYY.csv." };
        var set = new Option<string[]>("--set") { Description = $"Change an assumption: key=value ({EssaSettings.CsiYears}={string.Join("|", EssaSettings.Definition.Allowed)}); repeatable.", AllowMultipleArgumentsPerToken = true };

        var command = new Command("essa", "List the LEAs eligible for differentiated assistance because a school identified for CSI has not met the exit criteria within four years (ESSA, RULES.md §5).")
        {
            year, essa, cds, output, set,
        };
        command.SetAction(parse => Execute(console, new EssaRequest(
            parse.GetValue(year),
            parse.GetValue(essa) ?? [],
            parse.GetValue(cds) ?? [],
            parse.GetValue(output),
            parse.GetValue(set) ?? [])));
        return command;
    }

    /// <summary>
    /// Runs the command: prints the findings and the year's counts, and writes the CSV when asked. Bad input throws
    /// <see cref="InputFileException"/> and a usage error <see cref="ArgumentException"/>, which the command line's
    /// <see cref="CliErrors.Guard"/> turns into exit codes 2 and 1; nothing is written then.
    /// </summary>
    public static int Execute(IAnsiConsole console, EssaRequest request)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(request);
        var settings = SettingsCommand.Parse(request.Settings);
        var wanted = request.Leas.Select(ParseCode).ToList();
        var run = EssaRun.Run(request.Files, request.Year, settings);
        var assessment = run.Assessment;
        var findings = wanted.Count == 0 ? assessment.Findings : [.. assessment.Findings.Where(f => wanted.Contains(f.Lea))];
        var designations = wanted.Count == 0 ? assessment.Designations : [.. assessment.Designations.Where(d => wanted.Contains(d.Lea))];

        string? written = null;
        if (request.OutputDirectory is { } directory)
        {
            Directory.CreateDirectory(directory);
            written = Path.Combine(directory, EssaFindingsCsvWriter.FileName(request.Year));
            EssaFindingsCsvWriter.Write(findings, written);
        }

        Print(console, run, findings, designations, wanted);
        if (written is not null)
        {
            console.MarkupLine($"wrote [green]{Markup.Escape(written)}[/]");
        }

        return CliErrors.Ok;
    }

    private static void Print(IAnsiConsole console, EssaRunResult run, IReadOnlyList<EssaLeaFinding> findings, IReadOnlyList<SchoolDesignation> designations, List<CdsCode> wanted)
    {
        var a = run.Assessment;
        var year = Text(a.Year);
        console.MarkupLine($"[bold]{year} ESSA: LEAs with a school in CSI for four or more status years without exiting[/] — RULES.md §5, a finding separate from the LCFF methods.");
        console.MarkupLine($"From {Text(run.Files.Count)} file{(run.Files.Count == 1 ? string.Empty : "s")} ({string.Join(", ", run.Files.Select(f => Markup.Escape(Path.GetFileName(f.Path))))}); status years counted: {string.Join(", ", a.StatusYears.Select(Text))}.");
        if (findings.Count > 0)
        {
            // One row per school behind a finding; the LEA's cells on its first school's row only.
            var table = new Table().Border(TableBorder.Rounded).AddColumns("LEA CDS", "LEA", "School CDS", "School in CSI, not exited", "First CSI year", "Years");
            table.Columns[0].NoWrap();
            table.Columns[2].NoWrap();
            foreach (var f in findings)
            {
                var first = true;
                foreach (var s in f.SchoolsNotExited)
                {
                    table.AddRow(
                        first ? f.Lea.Value : string.Empty,
                        first ? Markup.Escape(f.LeaName) : string.Empty,
                        s.School.Value,
                        Markup.Escape(s.SchoolName),
                        Text(s.FirstCsiYear),
                        Text(s.YearsInCsi));
                    first = false;
                }
            }

            console.Write(table);
        }

        foreach (var code in wanted.Where(c => findings.All(f => f.Lea != c)))
        {
            var what = designations.Any(d => d.Lea == code) ? "no school in CSI for four or more status years without exiting" : "no schools in the files";
            console.MarkupLine($"{code}: {what} in {year}.");
        }

        var counts = EssaCounts.Of(designations);
        var summary = new Table().Border(TableBorder.Simple).AddColumns($"{year} designation", "Schools");
        foreach (var (status, n) in counts.ByStatus)
        {
            summary.AddRow(Markup.Escape(status.Label()), Text(n));
        }

        foreach (var (exit, n) in counts.ByExit.OrderBy(e => e.Key))
        {
            summary.AddRow(Markup.Escape($"Exit {exit.Label()}"), Text(n));
        }

        summary.AddRow("LEAs with a finding", Text(findings.Count));
        summary.AddRow("Schools not exited within four years", Text(findings.Sum(f => f.SchoolsNotExited.Count)));
        console.Write(summary);

        foreach (var s in a.Settings)
        {
            console.MarkupLine($"[grey]Assumption {Markup.Escape(s.Key)} = {Markup.Escape(s.Value)}{(s.IsDefault ? " (default)" : string.Empty)} ({Markup.Escape(s.Rule)}).[/]");
        }

        foreach (var w in run.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
        }
    }

    private static CdsCode ParseCode(string text)
    {
        var t = text.Trim();
        return t.Length == 7 && t.All(char.IsAsciiDigit) ? CdsCode.FromCdCode(t)
            : CdsCode.TryParse(t, out var code) ? code
            : throw new ArgumentException($"--cds '{text}' is not a 14-digit CDS code or a 7-digit CD code");
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
