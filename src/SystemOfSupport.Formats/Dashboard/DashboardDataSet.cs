using SystemOfSupport.Core;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Runs;

namespace SystemOfSupport.Formats.Dashboard;

/// <summary>An LEA found in the Dashboard files, with all its results.</summary>
public sealed record LeaDashboard(Lea Lea, LeaResults Results);

/// <summary>
/// One year's Dashboard download files from a directory, read once each and indexed by LEA.
/// </summary>
public sealed class DashboardDataSet
{
    private DashboardDataSet(int year, IReadOnlyDictionary<CdsCode, LeaDashboard> leas, IReadOnlyList<DashboardFileSummary> files, IReadOnlyList<Indicator> missing, IReadOnlyList<string> ignored)
    {
        Year = year;
        Leas = leas;
        Files = files;
        MissingIndicators = missing;
        IgnoredFiles = ignored;
    }

    /// <summary>No Dashboard files: a year replayed from its workbook.</summary>
    public static DashboardDataSet None(int year) => new(year, new Dictionary<CdsCode, LeaDashboard>(), [], [], []);

    public int Year { get; }

    public IReadOnlyDictionary<CdsCode, LeaDashboard> Leas { get; }

    public IReadOnlyList<DashboardFileSummary> Files { get; }

    /// <summary>Indicators the year's rules use for which the directory had no file.</summary>
    public IReadOnlyList<Indicator> MissingIndicators { get; }

    /// <summary>Dashboard files present but not read, each with the reason (an indicator the year's rules do not use).</summary>
    public IReadOnlyList<string> IgnoredFiles { get; }

    /// <summary>
    /// The Dashboard files in a directory that the year's rules read, in indicator order, and those left unread with
    /// why (an indicator the rules do not use, such as 2018's uncolored ELPI or 2017's grade 11 tests).
    /// A file of another year is an error.
    /// </summary>
    public static (IReadOnlyList<(string Path, DashboardFileName Name)> Used, IReadOnlyList<string> Ignored) Discover(string directory, int year, IReadOnlySet<Indicator> used)
    {
        if (!Directory.Exists(directory))
        {
            throw new InputFileException(directory, null, null, "the Dashboard directory does not exist");
        }

        var found = new Dictionary<Indicator, string>();
        var list = new List<(string, DashboardFileName)>();
        var ignored = new List<string>();
        foreach (var path in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            if (!DashboardFileName.TryParse(path, out var name) || name is null)
            {
                continue;
            }

            if (name.Year != year)
            {
                throw new InputFileException(path, null, null, $"the file name says {name.Year}, but --year is {year}; keep one year's files per directory");
            }

            if (!used.Contains(name.Indicator) || name.Variant == "11")
            {
                ignored.Add($"{Path.GetFileName(path)}: not used by the {year} rules");
                continue;
            }

            if (!found.TryAdd(name.Indicator, path))
            {
                throw new InputFileException(path, null, null, $"a second {name.Indicator.DisplayName()} file; {Path.GetFileName(found[name.Indicator])} is already read for {year}");
            }

            list.Add((path, name));
        }

        return ([.. list.OrderBy(f => f.Item2.Indicator)], ignored);
    }

    /// <summary>
    /// Reads every Dashboard file of <paramref name="year"/> in <paramref name="directory"/>, the files in parallel
    /// (indexed in indicator order afterwards, so the result and the first error reported do not depend on timing).
    /// <paramref name="onFile"/> is told after each file (for progress bars), one call at a time.
    /// </summary>
    public static DashboardDataSet Load(string directory, int year, IEnumerable<Indicator> required, IReadOnlySet<Indicator> colored, Action<DashboardFileSummary>? onFile = null)
    {
        var requiredSet = required.ToHashSet();
        var (files, ignored) = Discover(directory, year, requiredSet);
        var summaries = new DashboardFileSummary[files.Count];
        var gate = new Lock();
        // The largest files first, so that the cores finish together (a 30 MB file started last ran on alone).
        var records = InOrder.Map(
            files.Select((f, i) => (f.Path, f.Name, Index: i)).ToList(),
            f => DashboardReader.Read(f.Path, year, colored.Contains(f.Name.Indicator) ? DashboardColumnsNeeded.Color : DashboardColumnsNeeded.Status, s =>
            {
                summaries[f.Index] = s;
                lock (gate)
                {
                    onFile?.Invoke(s);
                }
            }).ToList(),
            cost: f => new FileInfo(f.Path) is { Exists: true } info ? info.Length : 0);
        var leas = Index(records.SelectMany(r => r));
        var present = files.Select(f => f.Name.Indicator).ToHashSet();
        var missing = requiredSet.Where(i => !present.Contains(i)).Order().ToList();
        return new DashboardDataSet(year, leas, summaries, missing, ignored);
    }

    /// <summary>A data set made from results that did not come from the state's files (a projection), marked by <paramref name="source"/>.</summary>
    public static DashboardDataSet FromRecords(int year, IEnumerable<DashboardRecord> records, DashboardFileSummary source) =>
        new(year, Index(records), [source], [], []);

    private static Dictionary<CdsCode, LeaDashboard> Index(IEnumerable<DashboardRecord> records)
    {
        var leas = new Dictionary<CdsCode, LeaDashboard>();
        LeaDashboard? previous = null;
        foreach (var record in records)
        {
            // An LEA's rows come one after another: the previous row's entry is the likeliest.
            var lea = previous is not null && previous.Lea.Cds == record.Lea.Cds ? previous
                : leas.GetValueOrDefault(record.Lea.Cds);
            if (lea is null)
            {
                lea = new LeaDashboard(record.Lea, new LeaResults());
                leas.Add(record.Lea.Cds, lea);
            }
            else if (record.Lea.Kind == LeaKind.CountyOffice && lea.Lea.Kind != LeaKind.CountyOffice)
            {
                // A file that sets coe_flag tells us what another left blank.
                lea = lea with { Lea = record.Lea };
                leas[record.Lea.Cds] = lea;
            }

            lea.Results.TryAdd(record.Result);
            previous = lea;
        }

        return leas;
    }
}
