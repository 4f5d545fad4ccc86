using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Cli.Settings;
using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Calpads;
using SystemOfSupport.Formats.LeaDirectories;

namespace SystemOfSupport.Cli.Calpads;

/// <summary>What <c>sos calpads status</c> is asked to do.</summary>
/// <param name="AsOf">The day to stand on; null for today.</param>
/// <param name="Settings">The <c>--set key=value</c> pairs.</param>
public sealed record CalpadsStatusRequest(
    string SchoolYear, string? AsOf, string Certifications, string? Calendar, string? Directory, IReadOnlyList<string> Settings);

/// <summary>
/// <c>sos calpads status</c>: each LEA's CALPADS submissions for a school year — certified on time, late, missing, or
/// open with the days to the next target or deadline — and whether it is on course for Method 4 (RULES.md §6).
/// </summary>
public static class CalpadsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var schoolYear = new Option<string>("--school-year") { Description = "School year of the certifications, such as 2024-25 (its data feeds the 2025 Dashboard).", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "Stand on this day (yyyy-MM-dd): certifications dated later have not happened yet. Default: today." };
        var certifications = new Option<string>("--certifications") { Description = "CALPADS certification records (CSV; data/calpads/README.md).", Required = true };
        var calendar = new Option<string?>("--calendar") { Description = "Deadlines for school years beyond the built-in 2023-24 and 2024-25, or corrections (CSV; data/calpads/README.md)." };
        var directory = new Option<string?>("--directory") { Description = "LEA directory CSV: names the LEAs, lists those with no records, and every record's CDS must be in it." };
        var set = new Option<string[]>("--set") { Description = "Change an assumption: key=value (calpads.deadline, calpads.data-quality, calpads.missing-lea; see `sos settings`); repeatable.", AllowMultipleArgumentsPerToken = true };
        var status = new Command("status", "Each LEA's CALPADS submissions for a school year (certified, late, missing, days to the next deadline or target) and whether it is on course for Method 4.")
        {
            schoolYear, asOf, certifications, calendar, directory, set,
        };
        status.SetAction(parse => Status(console, new CalpadsStatusRequest(
            parse.GetRequiredValue(schoolYear),
            parse.GetValue(asOf),
            parse.GetRequiredValue(certifications),
            parse.GetValue(calendar),
            parse.GetValue(directory),
            parse.GetValue(set) ?? [])));
        return new Command("calpads", "CALPADS certification tracking and Method 4 (RULES.md §6).") { status };
    }

    /// <summary>Runs <c>sos calpads status</c>: bad input throws before anything is printed.</summary>
    public static int Status(IAnsiConsole console, CalpadsStatusRequest request)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(request);
        var settings = SettingsCommand.Parse(request.Settings);
        if (!SchoolYear.TryParse(request.SchoolYear, out var year))
        {
            throw new ArgumentException($"--school-year '{request.SchoolYear}' is not a school year: expected the form 2024-25");
        }

        var asOf = request.AsOf is null ? DateOnly.FromDateTime(DateTime.Today)
            : DateOnly.TryParseExact(request.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new ArgumentException($"--as-of '{request.AsOf}' is not a date: expected yyyy-MM-dd");
        var calendar = request.Calendar is null ? CalpadsCalendar.BuiltIn : CalpadsCalendarReader.Read(request.Calendar);
        var deadlines = calendar.For(year);
        var directory = request.Directory is null ? null : LeaDirectory.Read(request.Directory);
        var records = CertificationReader.Read(request.Certifications, directory);

        var leas = CalpadsStatus.Leas(year, records, directory, calendar, settings, asOf);
        Print(console, year, asOf, deadlines, leas, settings, request);
        return CliErrors.Ok;
    }

    private static void Print(IAnsiConsole console, SchoolYear year, DateOnly asOf, IReadOnlyList<CalpadsDeadline> deadlines, IReadOnlyList<LeaCalpadsStatus> leas, DeterminationSettings settings, CalpadsStatusRequest request)
    {
        var phase = Method4PhaseIn.For(year.DashboardYear);
        console.MarkupLine($"[bold]CALPADS certifications, {year.Label}[/] (the {Text(year.DashboardYear)} Dashboard's data), as of {Iso(asOf)}; from {Markup.Escape(Path.GetFileName(request.Certifications))}.");
        console.MarkupLine(phase is null
            ? $"Method 4 does not apply to {year.Label} data (it begins with the {Text(Method4PhaseIn.FirstDashboardYear)} Dashboard)."
            : $"Method 4 for the {Text(year.DashboardYear)} Dashboard: {Markup.Escape(phase.Description)}.");

        var calendarTable = new Table().Border(TableBorder.Simple).AddColumns("Submission", "Zero fatal errors by", "Certification deadline", "Amendment window closes", "Deadline counted");
        var rule = settings.CalpadsDeadlineRule();
        foreach (var d in deadlines)
        {
            calendarTable.AddRow(d.Submission.Label(), d.ZeroFatalErrorsTarget is { } t ? Iso(t) : "–", Iso(d.CertificationDeadline),
                d.AmendmentWindowCloses is { } c ? Iso(c) : "–", Iso(d.Counted(rule)));
        }

        console.Write(calendarTable);

        var table = new Table().Border(TableBorder.Rounded).AddColumns(["CDS", "LEA", .. CalpadsSubmissions.All.Select(s => s.Label()), "Next date", "Method 4"]);
        table.Columns[0].NoWrap();
        foreach (var lea in leas)
        {
            table.AddRow([
                lea.Cds.Value,
                Markup.Escape(lea.Name),
                .. lea.Checks.Select(Cell),
                Markup.Escape(Next(lea.Checks, asOf)),
                Course(lea),
            ]);
        }

        console.Write(table);
        var counted = leas.Where(l => l.Outlook.Course != Method4Course.NotApplicable).ToList();
        console.MarkupLine($"{Text(leas.Count)} LEAs; districts and county offices: {Text(counted.Count)} — Method 4 met: {Text(counted.Count(l => l.Outlook.Course == Method4Course.Met))}, "
            + $"on course: {Text(counted.Count(l => l.Outlook.Course == Method4Course.OnCourse))}, not met: {Text(counted.Count(l => l.Outlook.Course == Method4Course.NotMet))}.");
        foreach (var lea in counted.Where(l => l.Outlook.Course == Method4Course.Met))
        {
            console.MarkupLine($"[red]Method 4 met[/]: {Markup.Escape(string.Join(" ", new[] { lea.Cds.Value, lea.Name }.Where(t => t.Length > 0)))}. {Markup.Escape(lea.Outlook.Detail)}");
        }

        foreach (var s in settings.Applied().Where(a => a.Key.StartsWith("calpads.", StringComparison.Ordinal)))
        {
            console.MarkupLine($"[grey]Assumption {Markup.Escape(s.Key)} = {Markup.Escape(s.Value)}{(s.IsDefault ? " (default)" : string.Empty)} ({Markup.Escape(s.Rule)}).[/]");
        }
    }

    /// <summary>Compact: the school year is in the title, so dates are month-day.</summary>
    private static string Cell(SubmissionCheck check) => check.State switch
    {
        SubmissionState.OnTime => $"ok {MonthDay(check.Record!.AmendedOn ?? check.Record.CertifiedOn!.Value)}",
        SubmissionState.Late => $"[red]late[/] {MonthDay(check.Record!.AmendedOn is { } a && a > check.Deadline.FinalDeadline ? a : check.Record.CertifiedOn!.Value)} +{Text(check.DaysLate)}d",
        SubmissionState.NotCertified => "[red]missing[/]",
        _ => "open",
    };

    private static string Next(IReadOnlyList<SubmissionCheck> checks, DateOnly asOf) =>
        CertificationChecks.NextDate(checks, asOf) is { } next
            ? $"{next.Submission.Label()} {Short(next.Name)} {MonthDay(next.Date)}, {Days(next.Date.DayNumber - asOf.DayNumber)}"
            : "–";

    private static string Short(string dateName) => dateName switch
    {
        "zero-fatal-errors target" => "zero fatal errors",
        "certification deadline" => "certify",
        "amendment window close" => "window closes",
        _ => dateName,
    };

    private static string MonthDay(DateOnly date) => date.ToString("MM-dd", CultureInfo.InvariantCulture);

    private static string Course(LeaCalpadsStatus lea) => lea.Outlook.Course switch
    {
        Method4Course.Met => "[red]met[/]",
        Method4Course.OnCourse => "on course",
        Method4Course.NotMet => lea.Checks.All(c => c.Record is null) ? "not met (no records)" : "not met",
        _ => lea.Kind == LeaKind.CharterSchool ? "n/a (charter)" : "n/a",
    };

    private static string Days(int n) => n switch
    {
        0 => "today",
        1 => "in 1 day",
        _ => $"in {Text(n)} days",
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
