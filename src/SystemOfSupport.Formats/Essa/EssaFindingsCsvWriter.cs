using System.Globalization;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Essa;
using SystemOfSupport.Formats.StatusWorkbooks;

using SystemOfSupport.Formats.Text;

namespace SystemOfSupport.Formats.Essa;

/// <summary>
/// Writes the ESSA findings (<c>essafindingsYY.csv</c>): one row per school of each LEA with a finding — the schools
/// behind it and the LEA's other schools in CSI or leaving it that year — each with its own reason in plain words.
/// RFC 4180, CRLF, UTF-8 without a byte-order mark, as <see cref="AssistanceStatusCsvWriter"/> writes; Y/N for flags.
/// Written atomically: a temporary file in the same directory, then a rename.
/// </summary>
public static class EssaFindingsCsvWriter
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "ReportYear", "LEACDS", "LEAname", "LEAtype", "Countyname", "SchoolCDS", "Schoolname", "AssistanceStatus",
        "FirstCSIYear", "YearsInCSI", "CSIYears", "ExitedCSI", "NotExitedWithinFourYears", "Reason",
    ];

    public static string FileName(int year) => $"essafindings{year % 100:00}.csv";

    public static void Write(IReadOnlyList<EssaLeaFinding> findings, string path)
    {
        ArgumentNullException.ThrowIfNull(findings);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, AssistanceStatusCsvWriter.Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
            WriteRecord(writer, Columns);
            foreach (var finding in findings)
            {
                foreach (var school in finding.Schools)
                {
                    WriteRecord(writer,
                    [
                        Text(finding.Year), finding.Lea.Value, finding.LeaName, KindLabel(finding.Kind), finding.County ?? string.Empty,
                        school.School.Value, school.SchoolName, school.Status.Label(), Text(school.FirstCsiYear), Text(school.YearsInCsi),
                        string.Join(' ', school.CsiYears.Select(Text)), YesNo(school.Exited), YesNo(school.NotExitedWithinFourYears), school.Reason,
                    ]);
                }
            }

            writer.Flush();
        });
    }

    private static string KindLabel(LeaKind kind) => kind switch
    {
        LeaKind.CountyOffice => "County Office of Education",
        LeaKind.CharterSchool => "Charter School",
        _ => "School District",
    };

    private static string YesNo(bool value) => value ? "Y" : "N";

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void WriteRecord(TextWriter writer, IReadOnlyList<string> fields) => writer.WriteLine(CsvText.Record(fields));
}
