using System.Globalization;
using System.Text.RegularExpressions;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.LocalIndicators;

/// <summary>
/// Reads one Dashboard year's local-indicator results (RULES.md §3.3, §9) from CDE's files:
/// <list type="bullet">
/// <item><c>PrNYYYY.xlsx</c> (N = 1, 2, 3, 6, 7, 9, 10): columns <c>cdsCode</c>, <c>priorityNumber</c>,
/// <c>countyPerformance</c>, <c>year</c> found by header name;</item>
/// <item><c>PrNYYYY.txt</c>: CDE's text download of the same, <c>|</c>-delimited, UTF-8 or Windows-1252;</item>
/// <item><c>LocalIndPerfYYYY.txt</c> (2017, 2018): tab-delimited <c>CDS, LEAname, Countyname, LocalIndicator,
/// Performance</c>. Only the year's Met / Not Met is recorded, so "Not Met for Two or More Years" is derived from
/// <c>LocalIndPerf{YYYY-1}.txt</c> (same directory, or a sibling directory named for that year).</item>
/// </list>
/// Any problem is an <see cref="InputFileException"/> naming the file, line (or spreadsheet row) and column; nothing
/// is returned from input that has an error.
/// </summary>
public static partial class LocalIndicatorReader
{
    /// <summary>
    /// Reads the results for <paramref name="year"/> from a directory (the files for that year in it, or in its
    /// subdirectory named for the year) or from a single file.
    /// </summary>
    public static LocalIndicatorSet Read(string pathOrDirectory, int year)
    {
        ArgumentNullException.ThrowIfNull(pathOrDirectory);
        if (File.Exists(pathOrDirectory))
        {
            return ReadFiles([Classify(pathOrDirectory, year)], year, Path.GetDirectoryName(Path.GetFullPath(pathOrDirectory))!, []);
        }

        if (!Directory.Exists(pathOrDirectory))
        {
            throw new InputFileException(pathOrDirectory, null, null, "no such file or directory");
        }

        var directory = pathOrDirectory;
        var warnings = new List<string>();
        var files = Discover(directory, year, warnings);
        var yearDirectory = Path.Combine(pathOrDirectory, Year(year));
        if (files.Count == 0 && Directory.Exists(yearDirectory))
        {
            directory = yearDirectory;
            files = Discover(directory, year, warnings);
        }

        if (files.Count == 0)
        {
            var others = OtherYears(directory);
            throw new InputFileException(
                pathOrDirectory,
                null,
                null,
                $"no local-indicator files for {Year(year)}: expected Pr{{N}}{Year(year)}.xlsx (or .txt) for N in 1, 2, 3, 6, 7, 9, 10, or LocalIndPerf{Year(year)}.txt"
                    + (others.Count > 0 ? $"; found files for {string.Join(", ", others)}" : string.Empty));
        }

        var perPriority = files.Where(f => f.Priority is not null).ToList();
        if (perPriority.Count > 0)
        {
            foreach (var priority in LocalIndicatorSet.AllLocalPriorities)
            {
                if (!perPriority.Any(f => f.Priority == priority.Number()))
                {
                    warnings.Add($"no Pr{priority.Number()}{Year(year)} file in {directory}: no LEA has a result for {priority.Label()}");
                }
            }
        }

        return ReadFiles(files, year, directory, warnings);
    }

    private enum Kind
    {
        Xlsx,
        Text,
    }

    private sealed record InputFile(string Path, Kind Kind, int? Priority, LocalIndicatorLayouts.Layout? Layout);

    private static LocalIndicatorSet ReadFiles(List<InputFile> files, int year, string directory, List<string> warnings)
    {
        var collector = new ResultCollector();
        var filesRead = new List<string>();
        var oneFileAYear = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(f => f.Priority ?? 0).ThenBy(f => f.Path, StringComparer.Ordinal))
        {
            var layout = ReadOne(file, year, collector);
            filesRead.Add(file.Path);
            if (layout == LocalIndicatorLayouts.Layout.OneFileAYear)
            {
                oneFileAYear.Add(file.Path);
            }
        }

        var results = collector.Results;
        if (results.Any(r => r.Performance == LocalPerformance.NotMet && oneFileAYear.Contains(r.Source.File)))
        {
            results = DeriveTwoYears(results, oneFileAYear, year, directory, filesRead, warnings);
        }

        return new LocalIndicatorSet(year, results, filesRead, warnings);
    }

    /// <summary>
    /// In the one-file-a-year layout: Not Met this year and last year for the same LEA and priority → Not Met for
    /// Two or More Years (RULES.md §3.3).
    /// </summary>
    private static List<LocalIndicatorResult> DeriveTwoYears(
        List<LocalIndicatorResult> results,
        HashSet<string> oneFileAYear,
        int year,
        string directory,
        List<string> filesRead,
        List<string> warnings)
    {
        var priorName = $"LocalIndPerf{Year(year - 1)}.txt";
        var priorPath = FindFile(directory, priorName)
            ?? FindFile(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(directory)) ?? directory, Year(year - 1)), priorName);
        if (priorPath is null)
        {
            warnings.Add(
                $"{priorName} not found in {directory} or in a sibling directory {Year(year - 1)}: "
                + $"'Not Met for Two or More Years' cannot be derived for {Year(year)}, so Not Met results stay Not Met");
            return results;
        }

        var prior = new ResultCollector();
        ReadOne(new InputFile(priorPath, Kind.Text, null, LocalIndicatorLayouts.Layout.OneFileAYear), year - 1, prior);
        filesRead.Add(priorPath);

        var notMetLastYear = prior.Results
            .Where(r => r.Performance is LocalPerformance.NotMet or LocalPerformance.NotMetForTwoOrMoreYears)
            .Select(r => (r.Cds, r.Priority))
            .ToHashSet();
        return results
            .Select(r => r.Performance == LocalPerformance.NotMet && oneFileAYear.Contains(r.Source.File) && notMetLastYear.Contains((r.Cds, r.Priority))
                ? r with { Performance = LocalPerformance.NotMetForTwoOrMoreYears }
                : r)
            .ToList();
    }

    private static LocalIndicatorLayouts.Layout ReadOne(InputFile file, int year, ResultCollector collector)
    {
        var rows = file.Kind == Kind.Xlsx
            ? SourceRows.FromXlsx(file.Path)
            : SourceRows.FromText(TextLines.Read(file.Path));
        using var enumerator = rows.GetEnumerator();
        var expected = file.Kind == Kind.Xlsx ? LocalIndicatorLayouts.Layout.PerPriority : file.Layout;
        var (header, layout) = LocalIndicatorLayouts.FindHeader(file.Path, enumerator, expected);

        if (layout == LocalIndicatorLayouts.Layout.PerPriority)
        {
            LocalIndicatorLayouts.ReadPerPriority(file.Path, header, enumerator, year, file.Priority, collector);
        }
        else
        {
            LocalIndicatorLayouts.ReadOneFileAYear(file.Path, header, enumerator, year, collector);
        }

        return layout;
    }

    private static List<InputFile> Discover(string directory, int year, List<string> warnings)
    {
        var files = new List<InputFile>();
        foreach (var path in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var pr = PerPriorityName().Match(name);
            if (pr.Success)
            {
                if (ParseInt(pr.Groups["year"].Value) != year)
                {
                    continue;
                }

                var n = ParseInt(pr.Groups["n"].Value);
                if (!PriorityAreas.TryFromNumber(n, out var priority) || !LocalIndicatorSet.AllLocalPriorities.Contains(priority))
                {
                    warnings.Add($"ignored {path}: priority {n} has no local indicator");
                    continue;
                }

                var kind = pr.Groups["ext"].Value.Equals("xlsx", StringComparison.OrdinalIgnoreCase) ? Kind.Xlsx : Kind.Text;
                var same = files.Find(f => f.Priority == n);
                if (same is not null)
                {
                    throw new InputFileException(
                        path,
                        null,
                        null,
                        $"two files for priority {n} in {Year(year)}: {Path.GetFileName(same.Path)} and {name}; keep one");
                }

                files.Add(new InputFile(path, kind, n, LocalIndicatorLayouts.Layout.PerPriority));
                continue;
            }

            var old = OneFileAYearName().Match(name);
            if (old.Success && ParseInt(old.Groups["year"].Value) == year)
            {
                files.Add(new InputFile(path, Kind.Text, null, LocalIndicatorLayouts.Layout.OneFileAYear));
            }
        }

        return files;
    }

    /// <summary>A file given by path: its layout from its name when it follows CDE's naming, else from its extension and header.</summary>
    private static InputFile Classify(string path, int year)
    {
        var name = Path.GetFileName(path);
        var pr = PerPriorityName().Match(name);
        if (pr.Success)
        {
            CheckNameYear(path, ParseInt(pr.Groups["year"].Value), year);
            var n = ParseInt(pr.Groups["n"].Value);
            if (!PriorityAreas.TryFromNumber(n, out var priority) || !LocalIndicatorSet.AllLocalPriorities.Contains(priority))
            {
                throw new InputFileException(path, null, null, $"the file name is for priority {n}, which has no local indicator (local indicators are priorities 1, 2, 3, 6, 7, 9, 10)");
            }

            var kind = pr.Groups["ext"].Value.Equals("xlsx", StringComparison.OrdinalIgnoreCase) ? Kind.Xlsx : Kind.Text;
            return new InputFile(path, kind, n, LocalIndicatorLayouts.Layout.PerPriority);
        }

        var old = OneFileAYearName().Match(name);
        if (old.Success)
        {
            CheckNameYear(path, ParseInt(old.Groups["year"].Value), year);
            return new InputFile(path, Kind.Text, null, LocalIndicatorLayouts.Layout.OneFileAYear);
        }

        if (name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return new InputFile(path, Kind.Xlsx, null, LocalIndicatorLayouts.Layout.PerPriority);
        }

        // Another text file: its header row decides the layout.
        return new InputFile(path, Kind.Text, null, null);
    }

    private static void CheckNameYear(string path, int fileYear, int year)
    {
        if (fileYear != year)
        {
            throw new InputFileException(path, null, null, LocalIndicatorLayouts.YearMismatch(fileYear, year) + " (from the file name)");
        }
    }

    private static string? FindFile(string directory, string name)
    {
        if (!Directory.Exists(directory))
        {
            return null;
        }

        return Directory.EnumerateFiles(directory)
            .Where(p => string.Equals(Path.GetFileName(p), name, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static List<string> OtherYears(string directory) =>
        Directory.EnumerateFiles(directory)
            .Select(Path.GetFileName)
            .Select(n => PerPriorityName().Match(n!) is { Success: true } m ? m.Groups["year"].Value
                : OneFileAYearName().Match(n!) is { Success: true } o ? o.Groups["year"].Value : null)
            .Concat(Directory.EnumerateDirectories(directory).Select(Path.GetFileName).Where(n => n is { Length: 4 } && n.All(char.IsAsciiDigit)))
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static int ParseInt(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Pr(?<n>\d{1,2})(?<year>\d{4})\.(?<ext>xlsx|txt)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PerPriorityName();

    [GeneratedRegex(@"^LocalIndPerf(?<year>\d{4})\.txt$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OneFileAYearName();
}
