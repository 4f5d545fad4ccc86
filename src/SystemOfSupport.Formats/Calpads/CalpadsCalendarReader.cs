using System.Globalization;
using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.Calpads;

/// <summary>
/// Reads a CALPADS calendar file (layout in data/calpads/README.md) and adds its years to a calendar (by default the
/// built-in one, RULES.md §6). A row for a school year and submission the calendar already has replaces it. Any
/// problem is an <see cref="InputFileException"/> naming the file, the line and the column.
/// </summary>
public static class CalpadsCalendarReader
{
    public const string SchoolYearColumn = "SchoolYear";
    public const string SubmissionColumn = "Submission";
    public const string CertificationDeadlineColumn = nameof(CalpadsDeadline.CertificationDeadline);
    public const string AmendmentWindowClosesColumn = nameof(CalpadsDeadline.AmendmentWindowCloses);
    public const string ZeroFatalErrorsTargetColumn = nameof(CalpadsDeadline.ZeroFatalErrorsTarget);

    /// <summary>In the Submission column, <c>EOY</c> stands for EOY 1–4, which share their dates.</summary>
    public const string AllEndOfYear = "EOY";

    public static IReadOnlyList<string> Columns { get; } =
        [SchoolYearColumn, SubmissionColumn, CertificationDeadlineColumn, AmendmentWindowClosesColumn, ZeroFatalErrorsTargetColumn];

    private const string What = "a CALPADS calendar file";

    public static CalpadsCalendar Read(string path, CalpadsCalendar? calendar = null) =>
        Apply(CalpadsCsv.Read(path, Columns, What), path, calendar ?? CalpadsCalendar.BuiltIn);

    public static CalpadsCalendar Read(TextReader reader, string file, CalpadsCalendar? calendar = null) =>
        Apply(CalpadsCsv.Read(reader, file, Columns, What), file, calendar ?? CalpadsCalendar.BuiltIn);

    private static CalpadsCalendar Apply(IReadOnlyList<CalpadsCsv.Row> rows, string file, CalpadsCalendar calendar)
    {
        var deadlines = new List<CalpadsDeadline>();
        var firstLine = new Dictionary<(SchoolYear, CalpadsSubmission), int>();
        foreach (var row in rows)
        {
            var year = row.SchoolYear(SchoolYearColumn);
            var certification = row.Date(CertificationDeadlineColumn)
                ?? throw row.Error(CertificationDeadlineColumn, "the certification deadline is blank: every submission has one (yyyy-MM-dd)");
            var close = row.Date(AmendmentWindowClosesColumn);
            var target = row.Date(ZeroFatalErrorsTargetColumn);
            foreach (var submission in Submissions(row))
            {
                var deadline = new CalpadsDeadline(year, submission, certification, close, target,
                    $"{Path.GetFileName(file)} line {row.Line.ToString(CultureInfo.InvariantCulture)}");
                if (deadline.Problem() is { } problem)
                {
                    // The columns are named after the deadline's properties.
                    throw row.Error(problem.Field, $"{year.Label} {submission.Label()}: {problem.Message}");
                }

                if (!firstLine.TryAdd((year, submission), row.Line))
                {
                    throw row.Error(SubmissionColumn,
                        $"duplicate row: {year.Label} {submission.Label()} is already on line {firstLine[(year, submission)].ToString(CultureInfo.InvariantCulture)}");
                }

                deadlines.Add(deadline);
            }
        }

        foreach (var year in deadlines.Select(d => d.SchoolYear).Distinct().Where(y => !calendar.Covers(y)))
        {
            var missing = CalpadsSubmissions.All.Where(s => !firstLine.ContainsKey((year, s))).Select(s => s.Label()).ToList();
            if (missing.Count > 0)
            {
                var line = firstLine.Where(e => e.Key.Item1 == year).Min(e => e.Value);
                throw new InputFileException(file, line, null,
                    $"{year.Label} has no row for {string.Join(", ", missing)}: a school year the built-in calendar lacks needs all six submissions (EOY may stand for EOY 1–4)");
            }
        }

        return calendar.With(deadlines);
    }

    private static IReadOnlyList<CalpadsSubmission> Submissions(CalpadsCsv.Row row)
    {
        var text = row.Text(SubmissionColumn) ?? string.Empty;
        if (string.Equals(text, AllEndOfYear, StringComparison.OrdinalIgnoreCase))
        {
            return [.. CalpadsSubmissions.All.Where(s => s.IsEndOfYear())];
        }

        return CalpadsSubmissions.TryParse(text, out var submission)
            ? [submission]
            : throw row.Error(SubmissionColumn,
                $"unknown submission '{text}': expected one of {string.Join(", ", CalpadsSubmissions.All.Select(s => s.Code()))}, or {AllEndOfYear} for EOY 1–4");
    }
}
