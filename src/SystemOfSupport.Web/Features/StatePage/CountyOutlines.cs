using System.Globalization;

namespace SystemOfSupport.Web.Features.StatePage;

/// <summary>
/// The state page's map: each of the 58 counties' outline as SVG path data, from <c>county-outlines.tsv</c> (embedded;
/// the US Census Bureau's TIGER county boundaries, public domain, simplified by <c>tools/county-map/make-county-outlines.py</c>).
/// </summary>
public static class CountyOutlines
{
    private const string Resource = "county-outlines.tsv";

    private static readonly Lazy<(string ViewBox, IReadOnlyDictionary<string, string> Paths, IReadOnlyDictionary<string, (int X, int Y)> Labels)> Data = new(Load);

    /// <summary>The SVG viewBox the paths are drawn in (<c>0 0 600 694</c>).</summary>
    public static string ViewBox => Data.Value.ViewBox;

    /// <summary>By 2-digit county code, the county's SVG path data.</summary>
    public static IReadOnlyDictionary<string, string> Paths => Data.Value.Paths;

    public static string Of(string countyCode) => Paths[countyCode];

    /// <summary>Where the county's label goes: the middle of the bounding box of its largest ring (islands aside).</summary>
    public static (int X, int Y) LabelAt(string countyCode) => Data.Value.Labels[countyCode];

    private static (int X, int Y) Middle(string path)
    {
        var rings = path.Split('Z', StringSplitOptions.RemoveEmptyEntries).Select(ring => ring.TrimStart('M').Split('L').Select(point =>
        {
            var xy = point.Split(',');
            return (X: int.Parse(xy[0], CultureInfo.InvariantCulture), Y: int.Parse(xy[1], CultureInfo.InvariantCulture));
        }).ToList());
        var largest = rings.MaxBy(r => (r.Max(p => p.X) - r.Min(p => p.X)) * (r.Max(p => p.Y) - r.Min(p => p.Y)))!;
        return ((largest.Min(p => p.X) + largest.Max(p => p.X)) / 2, (largest.Min(p => p.Y) + largest.Max(p => p.Y)) / 2);
    }

    private static (string, IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, (int X, int Y)>) Load()
    {
        using var stream = typeof(CountyOutlines).Assembly.GetManifestResourceStream(Resource) ?? throw new InvalidOperationException($"resource {Resource} is missing");
        using var reader = new StreamReader(stream);
        var viewBox = string.Empty;
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.StartsWith("# viewBox ", StringComparison.Ordinal))
            {
                viewBox = line["# viewBox ".Length..];
            }
            else if (!line.StartsWith('#') && line.Length > 0)
            {
                var fields = line.Split('\t');
                paths.Add(fields.Length == 3 ? fields[0] : throw new InvalidOperationException($"{Resource} line {number.ToString(CultureInfo.InvariantCulture)}: expected code, name and path"), fields[2]);
            }
        }

        return (viewBox, paths, paths.ToDictionary(p => p.Key, p => Middle(p.Value), StringComparer.Ordinal));
    }
}
