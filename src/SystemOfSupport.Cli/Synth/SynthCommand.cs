using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Formats.Synthetic;

namespace SystemOfSupport.Cli.Synth;

/// <summary><c>sos synth</c>: a seeded, statewide-sized synthetic data set in the state's layouts (docs/state-scale.md).</summary>
public static class SynthCommand
{
    /// <summary>The real files the numbers are drawn from, relative to the repository root.</summary>
    public static readonly string DefaultCalibration = Path.Combine("data", "cde", "dashboard", "monterey-county", "2024");

    public static Command Create(IAnsiConsole console)
    {
        var year = new Option<int>("--year") { Description = "The Dashboard year (2024).", Required = true };
        var output = new Option<string>("--out") { Description = "Directory to write the synthetic files to.", Required = true };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed gives the same files.", DefaultValueFactory = _ => 1 };
        var scale = new Option<double>("--scale") { Description = "1.0: about 1,000 districts and COEs, 1,300 charters, 10,000 schools; 0.05 for a small set.", DefaultValueFactory = _ => 1.0 };
        var calibration = new Option<string>("--calibration") { Description = "The real Dashboard files of the year to draw from (default: the shipped Monterey 2024 files)." };
        var command = new Command("synth", "Write a seeded synthetic statewide data set (Dashboard, local indicators, prior workbook, LEA directory, CALPADS) in the state's layouts.")
        {
            year, output, seed, scale, calibration,
        };
        command.SetAction(parse =>
        {
            var from = parse.GetValue(calibration) ?? FindCalibration()
                ?? throw new ArgumentException($"--calibration not given and {DefaultCalibration} not found above the current directory");
            var watch = Stopwatch.StartNew();
            var summary = SyntheticState.Generate(new SyntheticOptions(parse.GetValue(year), parse.GetRequiredValue(output), from, parse.GetValue(seed), parse.GetValue(scale)));
            var table = new Table().Border(TableBorder.Rounded).AddColumns("File", "Rows", "MB");
            foreach (var (file, rows, bytes) in summary.Files)
            {
                table.AddRow(Markup.Escape(file), rows.ToString("N0", CultureInfo.InvariantCulture), (bytes / 1e6).ToString("F2", CultureInfo.InvariantCulture));
            }

            console.Write(table);
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"SYNTHETIC data: {summary.Districts:N0} districts, {summary.CountyOffices} COEs, {summary.Charters:N0} charter schools, {summary.Schools:N0} schools; {summary.Files.Sum(f => (long)f.Rows):N0} rows, {summary.Files.Sum(f => f.Bytes) / 1e6:F1} MB in {watch.Elapsed.TotalSeconds:F1} s."));
            return CliErrors.Ok;
        });
        return command;
    }

    private static string? FindCalibration()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultCalibration);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
