using System.Globalization;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Essa;

/// <summary>
/// Every school's ESSA designations by status year, combined from one or more of the state's files. Each file
/// repeats the earlier years' columns, and later files revise them (a few dozen 2019 values differ between the
/// 2019 and 2022 files), so for each school and year the value from the file with the latest reporting year is kept.
/// </summary>
public sealed class EssaHistory
{
    private readonly Dictionary<CdsCode, SortedDictionary<int, SchoolDesignation>> bySchool;

    private EssaHistory(Dictionary<CdsCode, SortedDictionary<int, SchoolDesignation>> bySchool)
    {
        this.bySchool = bySchool;
        Years = [.. bySchool.Values.SelectMany(y => y.Keys).Distinct().Order()];
    }

    /// <summary>The status years any school has a designation for, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>
    /// Combines designations; two for the same school and year from files of the same reporting year (the same
    /// year's file given twice, or a school listed twice) are an <see cref="InputFileException"/>.
    /// </summary>
    public static EssaHistory Combine(IEnumerable<SchoolDesignation> designations)
    {
        ArgumentNullException.ThrowIfNull(designations);
        var bySchool = new Dictionary<CdsCode, SortedDictionary<int, SchoolDesignation>>();
        foreach (var d in designations)
        {
            if (!bySchool.TryGetValue(d.School, out var years))
            {
                years = [];
                bySchool.Add(d.School, years);
            }

            if (!years.TryGetValue(d.Year, out var kept))
            {
                years.Add(d.Year, d);
            }
            else if (d.ReportingYear == kept.ReportingYear)
            {
                throw new InputFileException(d.Source.File, d.Source.Line, null,
                    $"school {d.School} already has a {d.Year.ToString(CultureInfo.InvariantCulture)} designation from a "
                    + $"{kept.ReportingYear.ToString(CultureInfo.InvariantCulture)} file ({kept.Source.File}, row "
                    + $"{kept.Source.Line.ToString(CultureInfo.InvariantCulture)}); give each reporting year's file once");
            }
            else if (d.ReportingYear > kept.ReportingYear)
            {
                years[d.Year] = d;
            }
        }

        return new EssaHistory(bySchool);
    }

    /// <summary>The school's designation for a status year, or null when no file lists the school for that year.</summary>
    public SchoolDesignation? Find(CdsCode school, int year) =>
        bySchool.TryGetValue(school, out var years) && years.TryGetValue(year, out var d) ? d : null;

    /// <summary>Every school's designation for one status year, in CDS order.</summary>
    public IReadOnlyList<SchoolDesignation> InYear(int year) =>
        [.. bySchool.Values.Select(y => y.GetValueOrDefault(year)).OfType<SchoolDesignation>().OrderBy(d => d.School)];
}
