using System.Globalization;
using System.Text;
using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Formats.Text;

namespace SystemOfSupport.Formats.Synthetic;

/// <summary>
/// Writes synthetic Dashboard download files in the state's layouts, calibrated on real files of the same year
/// (docs/state-scale.md). Each synthetic entity borrows a real "donor" entity of the same level (district rows for
/// districts and COEs, school rows for schools and charters): the donor gives the student groups present in each
/// file and the row's kind (<c>type</c>, <c>hscutpoints</c>). Each group's numbers come from a randomly chosen real row
/// of the same indicator, level and group, jittered. Levels, colors and boxes are then recomputed with the
/// <see cref="ColorEngine"/> from the rows as <see cref="DashboardReader.ReadRows"/> reads them, so the files agree
/// with <c>sos dashboard verify</c> on every row.
/// </summary>
internal static class SyntheticDashboard
{
    private static readonly string[] LevelColumns = ["statuslevel", "changelevel", "color", "box"];

    /// <summary>The 15 groups written (the files' codes): ALL, the 13 status-file groups with MR for TOM, and LTEL.</summary>
    public static IReadOnlySet<string> Groups { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ALL", "AA", "AI", "AS", "EL", "FI", "FOS", "HI", "HOM", "LTEL", "PI", "SED", "SWD", "MR", "WH",
    };

    /// <summary>The real file of one indicator: its header and rows, by level and group, and by entity.</summary>
    internal sealed class Template
    {
        public required string FileName { get; init; }

        public required IReadOnlyList<string> Header { get; init; }

        public required Dictionary<(bool District, string Group), List<string[]>> Pool { get; init; }

        public required Dictionary<string, List<string[]>> ByEntity { get; init; }

        public required bool IsRate { get; init; }

        public int Column(string name) => Header.ToList().FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));

        public static Template Read(string path, Indicator indicator)
        {
            using var reader = DelimitedTextReader.Open(path, '\t');
            int cds = reader.Require("cds"), rtype = reader.Require("rtype"), group = reader.Require("studentgroup");
            var pool = new Dictionary<(bool, string), List<string[]>>();
            var byEntity = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
            while (reader.ReadRow() is { } f)
            {
                var row = f.ToArray();
                if (!Groups.Contains(row[group].Trim()) || row[rtype].Trim() is not ("D" or "S"))
                {
                    continue;
                }

                var key = (row[rtype].Trim() == "D", row[group].Trim().ToUpperInvariant());
                (pool.TryGetValue(key, out var list) ? list : pool[key] = []).Add(row);
                (byEntity.TryGetValue(row[cds], out var rows) ? rows : byEntity[row[cds]] = []).Add(row);
            }

            return new Template
            {
                FileName = Path.GetFileName(path),
                Header = reader.Header,
                Pool = pool,
                ByEntity = byEntity,
                IsRate = indicator is not (Indicator.Ela or Indicator.Math or Indicator.Science),
            };
        }
    }

    /// <summary>Writes one synthetic file for <paramref name="template"/>'s indicator; returns the rows written.</summary>
    public static int Write(Template template, IReadOnlyList<SyntheticEntity> entities, string path, Random random, bool recolor)
    {
        var h = template.Header;
        int Col(string name) => template.Column(name);
        int cds = Col("cds"), rtype = Col("rtype"), school = Col("schoolname"), district = Col("districtname"), county = Col("countyname");
        int charter = Col("charter_flag"), coe = Col("coe_flag"), dass = Col("dass_flag"), group = Col("studentgroup"), type = Col("type"), hs = Col("hscutpoints");
        int currStatus = Col("currstatus"), priorStatus = Col("priorstatus"), change = Col("change");
        int currDenom = Col("currdenom"), priorDenom = Col("priordenom");
        var currNumer = Col("currnumer") is >= 0 and var n ? n : Col("curr_prep");
        var priorNumer = Col("priornumer") is >= 0 and var p ? p : Col("prior_prep");
        var districtDonors = template.ByEntity.Where(e => e.Value[0][rtype].Trim() == "D").Select(e => e.Value).ToList();
        var schoolDonors = template.ByEntity.Where(e => e.Value[0][rtype].Trim() == "S").Select(e => e.Value).ToList();

        var temp = recolor ? path + ".uncolored" : path;
        var written = 0;
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write(string.Join('\t', h));
            writer.Write("\r\n");
            foreach (var entity in entities)
            {
                var isDistrictLevel = entity.Kind != SyntheticEntityKind.School && entity.Kind != SyntheticEntityKind.CharterSchool;
                var donors = isDistrictLevel ? districtDonors : schoolDonors;
                if (donors.Count == 0)
                {
                    continue;
                }

                // Not every school is in every file (a high school has graduation rows, an elementary school none).
                var donor = donors[random.Next(donors.Count)];
                var scale = Math.Exp(Normal(random) * 0.35);
                foreach (var donorRow in donor)
                {
                    var g = donorRow[group].Trim().ToUpperInvariant();
                    var candidates = template.Pool[(isDistrictLevel, g)];
                    var row = (string[])candidates[random.Next(candidates.Count)].Clone();
                    row[cds] = entity.Cds;
                    row[rtype] = isDistrictLevel ? "D" : "S";
                    Set(row, school, isDistrictLevel ? string.Empty : entity.Name);
                    Set(row, district, isDistrictLevel ? entity.Name : entity.DistrictName);
                    Set(row, county, entity.County);
                    Set(row, charter, isDistrictLevel ? string.Empty : entity.Kind == SyntheticEntityKind.CharterSchool ? "Y" : "N");
                    Set(row, coe, entity.Kind == SyntheticEntityKind.CountyOffice ? (entity.BlankCoeFlag ? string.Empty : "Y") : string.Empty);
                    Set(row, dass, isDistrictLevel ? string.Empty : donorRow[dass]);
                    Set(row, type, type >= 0 ? donorRow[type] : string.Empty);
                    Set(row, hs, hs >= 0 ? donorRow[hs] : string.Empty);
                    Jitter(row, template.IsRate, scale, random, currDenom, priorDenom, currStatus, priorStatus, change, currNumer, priorNumer);
                    writer.Write(string.Join('\t', row));
                    writer.Write("\r\n");
                    written++;
                }
            }
        }

        if (recolor)
        {
            Recolor(temp, path, h);
            File.Delete(temp);
        }

        return written;
    }

    /// <summary>
    /// Reads the written file back with the project's reader, recomputes every row's levels, color and box with the
    /// color engine, and writes the file again with them.
    /// </summary>
    private static void Recolor(string from, string to, IReadOnlyList<string> header)
    {
        // ReadRows needs the state's file name; the uncolored copy is read under it from a scratch directory.
        var scratch = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(to))!, ".synth-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            var named = Path.Combine(scratch, Path.GetFileName(to));
            File.Move(from, named);
            var rows = DashboardReader.ReadRows(named);
            var columns = LevelColumns.Select(c => header.ToList().FindIndex(x => x.Equals(c, StringComparison.OrdinalIgnoreCase))).ToArray();
            using var reader = new StreamReader(named, Encoding.UTF8);
            using var writer = new StreamWriter(to, false, new UTF8Encoding(false), 1 << 16);
            writer.Write(reader.ReadLine());
            writer.Write("\r\n");
            var i = 0;
            while (reader.ReadLine() is { } line)
            {
                var f = line.Split('\t');
                var c = ColorEngine.Compute(rows[i++].Measure);
                int[] values = [c.StatusLevel, c.ChangeLevel, (int)c.Color, c.Box];
                for (var k = 0; k < columns.Length; k++)
                {
                    if (columns[k] >= 0)
                    {
                        f[columns[k]] = values[k].ToString(CultureInfo.InvariantCulture);
                    }
                }

                writer.Write(string.Join('\t', f));
                writer.Write("\r\n");
            }

            File.Move(named, from);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static void Jitter(string[] row, bool rate, double scale, Random random, int currDenom, int priorDenom, int currStatus, int priorStatus, int change, int currNumer, int priorNumer)
    {
        foreach (var i in new[] { currDenom, priorDenom })
        {
            if (i >= 0 && double.TryParse(row[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                row[i] = Math.Max(1, (int)Math.Round(d * scale)).ToString(CultureInfo.InvariantCulture);
            }
        }

        if (currStatus < 0 || !TryNumber(row[currStatus], out var curr))
        {
            return;
        }

        // DFS points for ELA, Math and science; percentage points for the rates.
        var (statusSd, changeSd, min, max) = rate ? (1.5, 1.0, 0.0, 100.0) : (5.0, 2.0, -400.0, 300.0);
        curr = Math.Clamp(curr + (Normal(random) * statusSd), min, max);
        var hasPrior = priorStatus >= 0 && TryNumber(row[priorStatus], out _);
        var ch = change >= 0 && TryNumber(row[change], out var c0) ? c0 + (Normal(random) * changeSd) : 0.0;
        var prior = Math.Clamp(curr - ch, min, max);
        if (rate && currNumer >= 0 && currDenom >= 0 && int.TryParse(row[currDenom], CultureInfo.InvariantCulture, out var cd) && row[currNumer].Length > 0)
        {
            var numer = (int)Math.Round(curr * cd / 100);
            row[currNumer] = numer.ToString(CultureInfo.InvariantCulture);
            curr = 100.0 * numer / cd;
        }

        if (rate && hasPrior && priorNumer >= 0 && priorDenom >= 0 && int.TryParse(row[priorDenom], CultureInfo.InvariantCulture, out var pd) && row[priorNumer].Length > 0)
        {
            var numer = (int)Math.Round(prior * pd / 100);
            row[priorNumer] = numer.ToString(CultureInfo.InvariantCulture);
            prior = 100.0 * numer / pd;
        }

        row[currStatus] = Format(curr);
        if (hasPrior)
        {
            row[priorStatus] = Format(prior);
            if (change >= 0)
            {
                row[change] = Format(Math.Round(curr, 1) - Math.Round(prior, 1));
            }
        }
    }

    private static bool TryNumber(string s, out double v) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v);

    private static string Format(double v) => Math.Round(v, 1).ToString("0.0", CultureInfo.InvariantCulture);

    private static void Set(string[] row, int i, string value)
    {
        if (i >= 0)
        {
            row[i] = value;
        }
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    internal static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
