using System.Globalization;
using SystemOfSupport.Core.Calpads;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.LeaDirectories;

namespace SystemOfSupport.Formats.Calpads;

/// <summary>
/// Reads a CALPADS certification file (layout in data/calpads/README.md): one row per LEA, school year and
/// submission. Any problem is an <see cref="InputFileException"/> naming the file, the line and the column, and no
/// records are returned.
/// </summary>
public static class CertificationReader
{
    public const string CdsColumn = "CDS";
    public const string SchoolYearColumn = "SchoolYear";
    public const string SubmissionColumn = "Submission";
    public const string CertifiedOnColumn = "CertifiedOn";
    public const string AmendedOnColumn = "AmendedOn";
    public const string DataQualityIssueColumn = "DataQualityIssue";

    /// <summary>The required columns, in the order this project writes them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [CdsColumn, SchoolYearColumn, SubmissionColumn, CertifiedOnColumn, AmendedOnColumn, DataQualityIssueColumn];

    private const string What = "a CALPADS certification file";

    /// <param name="directory">When given, every CDS code must be in it.</param>
    public static IReadOnlyList<CertificationRecord> Read(string path, LeaDirectory? directory = null) =>
        Parse(CalpadsCsv.Read(path, Columns, What), directory);

    /// <summary>Reads certification text; <paramref name="file"/> names it in errors and in each record's source.</summary>
    public static IReadOnlyList<CertificationRecord> Read(TextReader reader, string file, LeaDirectory? directory = null) =>
        Parse(CalpadsCsv.Read(reader, file, Columns, What), directory);

    private static List<CertificationRecord> Parse(IReadOnlyList<CalpadsCsv.Row> rows, LeaDirectory? directory)
    {
        var records = new List<CertificationRecord>(rows.Count);
        var firstLine = new Dictionary<(CdsCode, SchoolYear, CalpadsSubmission), int>();
        foreach (var row in rows)
        {
            var record = ParseRow(row, directory);
            if (!firstLine.TryAdd((record.Cds, record.SchoolYear, record.Submission), row.Line))
            {
                throw row.Error(SubmissionColumn,
                    $"duplicate record: {record.Cds} {record.SchoolYear.Label} {record.Submission.Label()} is already on line {firstLine[(record.Cds, record.SchoolYear, record.Submission)].ToString(CultureInfo.InvariantCulture)}");
            }

            records.Add(record);
        }

        return records;
    }

    private static CertificationRecord ParseRow(CalpadsCsv.Row row, LeaDirectory? directory)
    {
        var cds = row.Cds(CdsColumn);
        if (directory is not null && !directory.Contains(cds))
        {
            throw row.Error(CdsColumn, $"CDS {cds} is not in the LEA directory ({directory.Count.ToString(CultureInfo.InvariantCulture)} LEAs): a certification record must name a listed LEA");
        }

        var year = row.SchoolYear(SchoolYearColumn);
        var submissionText = row.Text(SubmissionColumn) ?? string.Empty;
        if (!CalpadsSubmissions.TryParse(submissionText, out var submission))
        {
            throw row.Error(SubmissionColumn,
                $"unknown submission '{submissionText}': expected one of {string.Join(", ", CalpadsSubmissions.All.Select(s => s.Code()))}");
        }

        var certified = InYear(row, CertifiedOnColumn, year);
        var amended = InYear(row, AmendedOnColumn, year);
        if (amended is { } a)
        {
            if (certified is not { } c)
            {
                throw row.Error(AmendedOnColumn, $"AmendedOn {Iso(a)} without CertifiedOn: a submission is amended only after it was certified");
            }

            if (a < c)
            {
                throw row.Error(AmendedOnColumn, $"AmendedOn {Iso(a)} is before CertifiedOn {Iso(c)}: the re-certification after an amendment comes after the first");
            }
        }

        var flag = row.Text(DataQualityIssueColumn)?.ToUpperInvariant() switch
        {
            null or "N" or "NO" => false,
            "Y" or "YES" => true,
            var other => throw row.Error(DataQualityIssueColumn, $"'{row.Text(DataQualityIssueColumn)}' is not Y or N (blank is N)"),
        };
        return new CertificationRecord(cds, year, submission, certified, amended, flag, row.Source);
    }

    private static DateOnly? InYear(CalpadsCsv.Row row, string column, SchoolYear year)
    {
        var date = row.Date(column);
        var earliest = CertificationRecord.EarliestDate(year);
        var latest = CertificationRecord.LatestDate(year);
        return date is { } d && (d < earliest || d > latest)
            ? throw row.Error(column, $"{column} {Iso(d)} is out of range for the school year {year.Label}: a certification for it falls between {Iso(earliest)} and {Iso(latest)}")
            : date;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
