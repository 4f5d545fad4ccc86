using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.LocalIndicators;

/// <summary>
/// The local-indicator results for one Dashboard year (one per LEA × priority), the files they came from,
/// and anything the reader could not do (e.g. no previous-year file to derive "Not Met for Two or More Years").
/// </summary>
public sealed class LocalIndicatorSet
{
    /// <summary>Every priority the state publishes a local-indicator file for: 1, 2, 3, 6, 7, 9, 10.</summary>
    public static IReadOnlyList<PriorityArea> AllLocalPriorities { get; } =
    [
        PriorityArea.Basics, PriorityArea.StateStandards, PriorityArea.ParentalInvolvement, PriorityArea.SchoolClimate,
        PriorityArea.CourseAccess, PriorityArea.ExpelledPupils, PriorityArea.FosterYouth,
    ];

    private readonly Dictionary<CdsCode, List<LocalIndicatorResult>> byLea;

    public LocalIndicatorSet(int year, IEnumerable<LocalIndicatorResult> results, IEnumerable<string> filesRead, IEnumerable<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(results);
        Year = year;
        Results = results.ToList();
        FilesRead = filesRead.ToList();
        Warnings = warnings.ToList();
        byLea = [];
        foreach (var result in Results)
        {
            if (!byLea.TryGetValue(result.Cds, out var list))
            {
                list = [];
                byLea[result.Cds] = list;
            }

            list.Add(result);
        }

        foreach (var list in byLea.Values)
        {
            list.Sort((a, b) => a.Priority.CompareTo(b.Priority));
        }

        Leas = [.. byLea.Keys.Order()];
    }

    /// <summary>A year without local-indicator data (e.g. 2022, when none were used).</summary>
    public static LocalIndicatorSet Empty(int year, string? warning = null) =>
        new(year, [], [], warning is null ? [] : [warning]);

    public int Year { get; }

    /// <summary>All results, in the order read (file by file, row by row).</summary>
    public IReadOnlyList<LocalIndicatorResult> Results { get; }

    /// <summary>Every file read, including a previous-year file used to derive "Not Met for Two or More Years".</summary>
    public IReadOnlyList<string> FilesRead { get; }

    /// <summary>Things the reader could not do or had to assume; empty when the input was complete.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The LEAs with at least one result, in CDS order.</summary>
    public IReadOnlyList<CdsCode> Leas { get; }

    public int Count => Results.Count;

    /// <summary>An LEA's results, in priority order (empty if the LEA reported none).</summary>
    public IReadOnlyList<LocalIndicatorResult> ForLea(CdsCode cds) =>
        byLea.TryGetValue(cds, out var list) ? list : [];

    /// <summary>An LEA's result for one priority, or null if it has none.</summary>
    public LocalIndicatorResult? Find(CdsCode cds, PriorityArea priority) =>
        byLea.TryGetValue(cds, out var list) ? list.Find(r => r.Priority == priority) : null;
}
