using System.Globalization;

namespace SystemOfSupport.Web.Features.StatePage;

/// <summary>
/// The state page's map: each of the 58 counties' outline as SVG path data, from <c>county-outlines.tsv</c> (embedded;
/// the US Census Bureau's TIGER county boundaries, public domain, simplified by <c>tools/county-map/make-county-outlines.py</c>).
/// </summary>
public static class CountyOutlines
{
    private const string Resource = "county-outlines.tsv";

    private static readonly Lazy<(string ViewBox, IReadOnlyDictionary<string, string> Paths)> Data = new(Load);

    /// <summary>The SVG viewBox the paths are drawn in (<c>0 0 600 694</c>).</summary>
    public static string ViewBox => Data.Value.ViewBox;

    /// <summary>By 2-digit county code, the county's SVG path data.</summary>
    public static IReadOnlyDictionary<string, string> Paths => Data.Value.Paths;

    public static string Of(string countyCode) => Paths[countyCode];

    private static (string, IReadOnlyDictionary<string, string>) Load()
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

        return (viewBox, paths);
    }
}
