using System.Globalization;
using System.Text.RegularExpressions;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.Dashboard;

/// <summary>
/// Recognizes the state's Dashboard download names: <c>{indicator}downloadYYYY.txt</c> (2017: <c>…2017f</c>,
/// <c>ela38</c>/<c>ela11</c>) and the pre-release copies such as <c>CHRONIC_2024.txt</c>.
/// </summary>
public sealed partial record DashboardFileName(Indicator Indicator, int Year, string? Variant, bool PreRelease)
{
    public static bool TryParse(string path, out DashboardFileName? name)
    {
        name = null;
        var file = Path.GetFileName(path);
        var m = DownloadName().Match(file);
        if (m.Success && Indicators.TryParse(m.Groups["ind"].Value, out var indicator))
        {
            var variant = m.Groups["variant"].Success && m.Groups["variant"].Value.Length > 0 ? m.Groups["variant"].Value : null;
            name = new DashboardFileName(indicator, int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), variant, PreRelease: false);
            return true;
        }

        m = PreReleaseName().Match(file);
        if (m.Success && Indicators.TryParse(m.Groups["ind"].Value, out indicator))
        {
            name = new DashboardFileName(indicator, int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), null, PreRelease: true);
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^(?<ind>ela|math|elpi|chronic|susp|grad|cci|science)(?<variant>38|11)?download(?<year>\d{4})f?\.txt$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DownloadName();

    [GeneratedRegex(@"^(?<ind>ela|math|elpi|chronic|chro|susp|suspension|grad|graduation|cci|science)_(?<year>\d{4})\.txt$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreReleaseName();
}
