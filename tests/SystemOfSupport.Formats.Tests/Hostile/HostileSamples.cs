using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Formats.Calpads;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Formats.Essa;
using SystemOfSupport.Formats.LeaDirectories;
using SystemOfSupport.Formats.LocalIndicators;
using SystemOfSupport.Formats.Projections;
using SystemOfSupport.Formats.Runs;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Tests.StatusWorkbooks;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Hostile;

/// <summary>One reader and a real file it reads: the mutations start from the file's bytes, written under its own name.</summary>
public sealed record HostileSample(string Name, string Sample, Action<string> Read, bool DashboardReader = false)
{
    public override string ToString() => Name;
}

/// <summary>Every reader in SystemOfSupport.Formats, each with a real file from data/ (or this tool's own output).</summary>
internal static class HostileSamples
{
    private static readonly Lazy<string> Outputs = new(WriteOwnOutputs);

    public static IReadOnlyList<HostileSample> All { get; } =
    [
        Dashboard(2018, "eladownload2018.txt"),
        Dashboard(2022, "graddownload2022.txt"),
        Dashboard(2023, "elpidownload2023.txt"),
        Dashboard(2024, "chronicdownload2024.txt"),
        new("dashboard 2017 (statewide ELPI)", RepoPaths.Data("cde", "dashboard", "statewide-partial", "2017", "elpidownload2017f.txt"), p => DashboardReader.ReadRows(p), DashboardReader: true),
        new("local indicators 2017 txt", Path.Combine(RepoPaths.LocalIndicators(2017), "LocalIndPerf2017.txt"), p => LocalIndicatorReader.Read(p, 2017)),
        new("local indicators 2018 txt", Path.Combine(RepoPaths.LocalIndicators(2018), "LocalIndPerf2018.txt"), p => LocalIndicatorReader.Read(p, 2018)),
        new("local indicators 2024 xlsx (Pr9)", Path.Combine(RepoPaths.LocalIndicators(2024), "Pr92024.xlsx"), p => LocalIndicatorReader.Read(p, 2024)),
        new("local indicators 2023 xlsx (Pr1)", Path.Combine(RepoPaths.LocalIndicators(2023), "Pr12023.xlsx"), p => LocalIndicatorReader.Read(p, 2023)),
        new("state workbook 2023 xlsx", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), p => AssistanceStatusWorkbookReader.Read(p)),
        new("state workbook 2019 xlsx", RepoPaths.StatusWorkbook("assistancestatus19.xlsx"), p => AssistanceStatusWorkbookReader.Read(p)),
        new("state workbook 2017 xls", LegacyXls(), p => AssistanceStatusWorkbookReader.Read(p)),
        new("this tool's csv", Path.Combine(Outputs.Value, "assistancestatus24.csv"), p => AssistanceStatusWorkbookReader.Read(p)),
        new("this tool's xlsx", Path.Combine(Outputs.Value, "assistancestatus24.xlsx"), p => AssistanceStatusWorkbookReader.Read(p)),
        new("LEA directory csv", RepoPaths.Data("directory", "monterey-lea-directory.csv"), p => LeaDirectoryReader.Read(p)),
        new("ESSA csv (2018)", RepoPaths.Data("cde", "essa", "sch_eligibility_state_sg.csv"), p => EssaAssistanceReader.Read(p)),
        new("ESSA xlsx (2019 student groups)", RepoPaths.Data("cde", "essa", "essaassistancestudentgroup19.xlsx"), p => EssaAssistanceReader.Read(p)),
        new("CALPADS certifications csv", RepoPaths.Data("calpads", "certifications-example.csv"), p => CertificationReader.Read(p)),
        new("CALPADS calendar csv", RepoPaths.Data("calpads", "calendar-example.csv"), p => CalpadsCalendarReader.Read(p)),
        new("projections own data csv", RepoPaths.Data("projections", "monterey-2024-own.csv"), p => OwnDataReader.Read(p)),
    ];

    public static IEnumerable<HostileSample> Text => All.Where(s => !IsZip(s.Sample) && !s.Sample.EndsWith(".xls", StringComparison.Ordinal));

    public static IEnumerable<HostileSample> Zip => All.Where(s => IsZip(s.Sample));

    public static TheoryData<HostileSample> Theory(IEnumerable<HostileSample> samples)
    {
        var data = new TheoryData<HostileSample>();
        foreach (var sample in samples)
        {
            data.Add(sample);
        }

        return data;
    }

    public static bool IsZip(string path) => path.EndsWith(".xlsx", StringComparison.Ordinal);

    private static HostileSample Dashboard(int year, string file) =>
        new($"dashboard {year}", Path.Combine(RepoPaths.MontereyDashboard(year), file), p => DashboardReader.ReadRows(p), DashboardReader: true);

    private static string LegacyXls()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sos-hostile-xls");
        System.IO.Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "assistancestatus17.xls");
        TestXls.Write(path, ("Sheet1", AssistanceStatusLegacyLayoutTests.Sheet2017()));
        return path;
    }

    /// <summary>This tool's 2024 Monterey outputs, written once per test run.</summary>
    private static string WriteOwnOutputs()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sos-hostile-outputs-" + Environment.ProcessId);
        var run = DeterminationRunner.Run(new DeterminationRequest(
            2024, RepoPaths.MontereyDashboard(2024), RepoPaths.LocalIndicators(2024), [RepoPaths.StatusWorkbook("assistancestatus23.xlsx")], DeterminationSettings.Defaults));
        OutputSet.Write(run, dir, "SystemOfSupport (hostile-input tests)");
        return dir;
    }
}
