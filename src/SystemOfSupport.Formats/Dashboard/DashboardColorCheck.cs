using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.Dashboard;

/// <summary>A row whose recomputed levels, color or box differ from the published ones, and which columns differ.</summary>
public sealed record ColorMismatch(DashboardRow Row, ColorResult Computed, IReadOnlyList<string> Columns);

/// <summary>
/// How one Dashboard file's published results compare with the color engine's. Rows whose color the state set by
/// hand are counted apart and not compared; a file that publishes no levels (2018 ELPI, 2017 grade 11, science)
/// compares nothing.
/// </summary>
/// <param name="ComparedColumns">The published columns the file has: statuslevel, changelevel, color, box.</param>
public sealed record ColorCheckFile(
    string Path,
    Indicator Indicator,
    int Year,
    int Rows,
    int Compared,
    int Agreeing,
    int SetByState,
    IReadOnlyList<string> ComparedColumns,
    IReadOnlyList<ColorMismatch> Mismatches)
{
    public decimal Percent => Compared == 0 ? 100m : 100m * Agreeing / Compared;
}

/// <summary>Recomputes every row of the state's Dashboard files with <see cref="ColorEngine"/> and compares.</summary>
public static class DashboardColorCheck
{
    private static readonly (string Name, Func<PublishedLevels, int?> Published, Func<ColorLevels, int> Computed)[] PublishedColumns =
    [
        ("statuslevel", p => p.StatusLevel, c => c.StatusLevel),
        ("changelevel", p => p.ChangeLevel, c => c.ChangeLevel),
        ("color", p => (int?)p.Color, c => (int)c.Color),
        ("box", p => p.Box, c => c.Box),
    ];

    /// <summary>
    /// The Dashboard download files among <paramref name="paths"/>: files as given, directories searched (with their
    /// subdirectories) for Dashboard file names. A missing path or a directory without such files is bad input.
    /// </summary>
    public static IReadOnlyList<string> Files(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => DashboardFileName.TryParse(f, out _))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                files.AddRange(found.Count > 0 ? found : throw new InputFileException(path, null, null, "the directory holds no Dashboard download files ({indicator}downloadYYYY.txt)"));
            }
            else
            {
                files.Add(File.Exists(path) ? path : throw new InputFileException(path, null, null, "no such file or directory"));
            }
        }

        return files;
    }

    public static ColorCheckFile Check(string path)
    {
        if (DashboardFileName.TryParse(path, out var name) && name is not null && !ColorEngine.SupportedYears.Contains(name.Year))
        {
            throw new InputFileException(path, null, null, $"no Dashboard color tables for {name.Year}; known years: {string.Join(", ", ColorEngine.SupportedYears.Order())}");
        }

        DashboardFileSummary? summary = null;
        var rows = DashboardReader.ReadRows(path, s => summary = s);
        var columns = Columns(rows);
        int compared = 0, agreeing = 0, setByState = 0;
        var mismatches = new List<ColorMismatch>();
        foreach (var row in rows)
        {
            if (row.ColorSetByState)
            {
                setByState++;
                continue;
            }

            if (columns.Count == 0)
            {
                continue;
            }

            compared++;
            // The levels alone first; the explanation in words only for a row that disagrees.
            var differ = Differences(row.Published, ColorEngine.Levels(row.Measure));
            if (differ.Count == 0)
            {
                agreeing++;
            }
            else
            {
                mismatches.Add(new ColorMismatch(row, ColorEngine.Compute(row.Measure), differ));
            }
        }

        return new ColorCheckFile(path, summary!.Indicator, summary.Year, rows.Count, compared, agreeing, setByState, columns, mismatches);
    }

    private static List<string> Columns(IReadOnlyList<DashboardRow> rows) =>
        rows.Count == 0 ? [] : [.. PublishedColumns.Where(c => c.Published(rows[0].Published) is not null).Select(c => c.Name)];

    private static List<string> Differences(PublishedLevels published, ColorLevels computed) =>
        [.. PublishedColumns.Where(c => c.Published(published) is int value && value != c.Computed(computed)).Select(c => c.Name)];
}
