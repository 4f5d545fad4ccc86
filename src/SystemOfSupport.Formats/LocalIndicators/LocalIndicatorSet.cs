using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.LocalIndicators;

/// <summary>
/// The local-indicator results for one Dashboard year (one per LEA × priority), the files they came from,
/// and anything the reader could not do (e.g. no previous-year file to derive "Not Met for Two or More Years").
/// </summary>
public sealed class LocalIndicatorSet
{
    /// <summary>Priorities with a local indicator for every LEA.</summary>
    public static IReadOnlyList<PriorityArea> LeaPriorities { get; } =
        [PriorityArea.Basics, PriorityArea.StateStandards, PriorityArea.ParentalInvolvement, PriorityArea.SchoolClimate, PriorityArea.CourseAccess];

    /// <summary>Priorities with a local indicator for county offices only.</summary>
    public static IReadOnlyList<PriorityArea> CountyOfficePriorities { get; } = [PriorityArea.ExpelledPupils, PriorityArea.FosterYouth];

    /// <summary>Every priority with a local indicator: 1, 2, 3, 6, 7, 9, 10.</summary>
    public static IReadOnlyList<PriorityArea> AllLocalPriorities { get; } = [.. LeaPriorities, .. CountyOfficePriorities];

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

    /// <summary>
    /// Method 2's input: the priorities this LEA reported as Not Met for Two or More Years that count for it
    /// (RULES.md §3.3: 1, 2, 3, 6, 7 for every LEA; 9 and 10 only for county offices), in priority order.
    /// </summary>
    public IReadOnlyList<PriorityArea> NotMetForTwoOrMoreYears(CdsCode cds) =>
        ForLea(cds)
            .Where(r => r.Performance == LocalPerformance.NotMetForTwoOrMoreYears && Counts(cds, r.Priority))
            .Select(r => r.Priority)
            .Distinct()
            .ToList();

    /// <summary>Whether a local indicator in this priority can count toward assistance for this LEA.</summary>
    public static bool Counts(CdsCode cds, PriorityArea priority) =>
        LeaPriorities.Contains(priority) || (IsCountyOffice(cds) && CountyOfficePriorities.Contains(priority));

    /// <summary>A county office's own row (not a charter school that sits under a county office's district code).</summary>
    public static bool IsCountyOffice(CdsCode cds) => cds.IsLeaLevel && cds.IsCountyOfficeCode;
}
