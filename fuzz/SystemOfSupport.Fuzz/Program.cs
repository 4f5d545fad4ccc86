using SharpFuzz;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Calpads;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Formats.Essa;
using SystemOfSupport.Formats.LeaDirectories;
using SystemOfSupport.Formats.LocalIndicators;
using SystemOfSupport.Formats.Projections;
using SystemOfSupport.Formats.StatusWorkbooks;

namespace SystemOfSupport.Fuzz;

/// <summary>
/// AFL harness for the readers (not run in CI; see README.md beside this file). Each input is written under the reader's
/// file name and read; a clear <see cref="InputFileException"/> is a pass, any other exception a crash AFL keeps.
/// </summary>
public static class Program
{
    private static readonly Dictionary<string, (string FileName, Action<string> Read)> Targets = new(StringComparer.Ordinal)
    {
        ["dashboard"] = ("eladownload2024.txt", p => DashboardReader.ReadRows(p)),
        ["local-txt"] = ("LocalIndPerf2018.txt", p => LocalIndicatorReader.Read(p, 2018)),
        ["local-xlsx"] = ("Pr92024.xlsx", p => LocalIndicatorReader.Read(p, 2024)),
        ["status-xlsx"] = ("assistancestatus23.xlsx", p => AssistanceStatusWorkbookReader.Read(p)),
        ["status-xls"] = ("assistancestatus17.xls", p => AssistanceStatusWorkbookReader.Read(p)),
        ["status-csv"] = ("assistancestatus24.csv", p => AssistanceStatusWorkbookReader.Read(p)),
        ["directory"] = ("directory.csv", p => LeaDirectoryReader.Read(p)),
        ["essa-xlsx"] = ("essaassistance24.xlsx", p => EssaAssistanceReader.Read(p)),
        ["essa-csv"] = ("sch_eligibility_state_sg.csv", p => EssaAssistanceReader.Read(p)),
        ["certifications"] = ("certifications.csv", p => CertificationReader.Read(p)),
        ["calendar"] = ("calendar.csv", p => CalpadsCalendarReader.Read(p)),
        ["own-data"] = ("own.csv", p => OwnDataReader.Read(p)),
    };

    public static int Main(string[] args)
    {
        if (args.Length != 1 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: SystemOfSupport.Fuzz TARGET   (targets: {string.Join(", ", Targets.Keys)})");
            return 1;
        }

        var path = Path.Combine(Path.GetTempPath(), $"sos-fuzz-{Environment.ProcessId}", target.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using (var file = File.Create(path))
            {
                stream.CopyTo(file);
            }

            try
            {
                target.Read(path);
            }
            catch (InputFileException)
            {
                // A clear error is the right answer to a bad file.
            }
        });
        return 0;
    }
}
