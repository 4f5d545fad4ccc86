using System.Globalization;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Text;

namespace SystemOfSupport.Formats.Dashboard;

/// <summary>Which result columns a file must have: those the year's rules read.</summary>
public enum DashboardColumnsNeeded
{
    /// <summary>The rules do not read this indicator (the file is only parsed).</summary>
    None,

    /// <summary>Status levels and denominators (a status-only year).</summary>
    Status,

    /// <summary>Status levels, denominators and the published colors.</summary>
    Color,
}

/// <summary>One LEA-relevant Dashboard row: the entity it belongs to and its result.</summary>
public sealed record DashboardRecord(Lea Lea, IndicatorResult Result);

/// <summary>What one file contributed: for the summary, the findings and the benchmark.</summary>
public sealed record DashboardFileSummary(string Path, Indicator Indicator, int Year, long Bytes, int RowsRead, int RowsKept);

/// <summary>
/// Reads one Dashboard download file (2023+ layouts), by header name. Rows that cannot matter to an LEA decision
/// (the state row, non-charter schools) are skipped before their values are parsed.
/// </summary>
public static class DashboardReader
{
    /// <summary>
    /// Reads a file, yielding district, county office and charter school rows. <paramref name="needed"/>: the result
    /// columns the year's rules read from this indicator, so a file without them is an error.
    /// </summary>
    public static IEnumerable<DashboardRecord> Read(string path, int expectedYear, DashboardColumnsNeeded needed = DashboardColumnsNeeded.Color, Action<DashboardFileSummary>? completed = null)
    {
        if (!DashboardFileName.TryParse(path, out var name) || name is null)
        {
            throw new InputFileException(path, null, null,
                "not a Dashboard download file name; expected {indicator}downloadYYYY.txt (e.g. eladownload2024.txt) or a pre-release name such as CHRONIC_2024.txt");
        }

        if (name.Year != expectedYear)
        {
            throw new InputFileException(path, null, null, $"the file name says {name.Year}, but --year is {expectedYear}");
        }

        return ReadCore(path, name, expectedYear, needed, completed);
    }

    private static IEnumerable<DashboardRecord> ReadCore(string path, DashboardFileName name, int year, DashboardColumnsNeeded needed, Action<DashboardFileSummary>? completed)
    {
        using var reader = DelimitedTextReader.Open(path, '\t');
        var cols = new Columns(reader, name.Indicator, year, needed);
        var fileLabel = Path.GetFileName(path);
        int read = 0, kept = 0;
        var seen = new Dictionary<(string Cds, StudentGroup Group), int>();

        while (reader.ReadRow() is { } f)
        {
            read++;
            // 2017's files say "2017f" (the final release).
            if (cols.ReportingYear >= 0 && f[cols.ReportingYear].Length > 0 && f[cols.ReportingYear].Trim().TrimEnd('f', 'F') != cols.YearText)
            {
                throw reader.Error(cols.ReportingYear, $"reportingyear is {f[cols.ReportingYear]}, but --year is {year}");
            }

            var rtype = f[cols.RType].Trim();
            var charter = Flag(f, cols.CharterFlag) == true;
            var keep = rtype.Equals("D", StringComparison.OrdinalIgnoreCase) || (rtype.Equals("S", StringComparison.OrdinalIgnoreCase) && charter);
            if (!keep)
            {
                if (rtype is not ("X" or "x" or "S" or "s"))
                {
                    throw reader.Error(cols.RType, $"unknown rtype '{rtype}'; expected X (state), D (district or county office) or S (school)");
                }

                continue;
            }

            if (!CdsCode.TryParse(f[cols.Cds], out var cds))
            {
                throw reader.Error(cols.Cds, $"'{f[cols.Cds]}' is not a 14-digit CDS code");
            }

            var group = StudentGroup.EL;
            if (cols.Group >= 0 && f[cols.Group].Trim().Length == 0 && year < 2023)
            {
                // 2018's ELA and Math files carry an unnamed informational group (the reclassified learners, later "RFP").
                continue;
            }

            if (cols.Group >= 0 && !StudentGroups.TryParse(f[cols.Group], out group))
            {
                throw reader.Error(cols.Group, $"unknown student group '{f[cols.Group]}'; expected one of {string.Join(", ", StudentGroups.KnownCodes)}");
            }

            if (!seen.TryAdd((cds.Value, group), reader.LineNumber))
            {
                throw reader.Error(cols.Group >= 0 ? cols.Group : cols.Cds,
                    $"duplicate row for {cds} student group {group}: already given on line {seen[(cds.Value, group)]}");
            }

            var isCoe = Flag(f, cols.CoeFlag) == true;
            var kind = Lea.KindOf(cds, isCoe, charter);
            var leaName = kind == LeaKind.CharterSchool && cols.SchoolName >= 0 ? f[cols.SchoolName] : cols.DistrictName >= 0 ? f[cols.DistrictName] : string.Empty;
            var lea = new Lea(cds, kind, leaName.Trim(), cols.CountyName >= 0 ? f[cols.CountyName].Trim() : string.Empty);

            var result = new IndicatorResult(
                cds,
                name.Indicator,
                group,
                (DashboardColor)Level(reader, f, cols.Color, "color"),
                Level(reader, f, cols.StatusLevel, "statuslevel"),
                Level(reader, f, cols.ChangeLevel, "changelevel"),
                Integer(reader, f, cols.CurrDenom),
                Number(reader, f, cols.CurrStatus),
                Integer(reader, f, cols.PriorDenom),
                Number(reader, f, cols.PriorStatus),
                Number(reader, f, cols.Change),
                Flag(f, cols.CurrNSizeMet),
                Flag(f, cols.AccountabilityMet),
                new SourceRef(fileLabel, reader.LineNumber));
            kept++;
            yield return new DashboardRecord(lea, result);
        }

        completed?.Invoke(new DashboardFileSummary(path, name.Indicator, year, reader.Length, read, kept));
    }

    private static bool? Flag(string[] f, int i)
    {
        if (i < 0)
        {
            return null;
        }

        var v = f[i].Trim();
        return v.Length == 0 ? null : v.Equals("Y", StringComparison.OrdinalIgnoreCase);
    }

    private static int Level(DelimitedTextReader r, string[] f, int i, string column)
    {
        if (i < 0 || f[i].Length == 0)
        {
            return 0;
        }

        if (int.TryParse(f[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 5)
        {
            return v;
        }

        throw r.Error(i, $"{column} must be a whole number from 0 to 5, found '{f[i]}'");
    }

    private static int? Integer(DelimitedTextReader r, string[] f, int i)
    {
        var d = Number(r, f, i);
        return d is null ? null : (int)d.Value;
    }

    private static decimal? Number(DelimitedTextReader r, string[] f, int i)
    {
        if (i < 0)
        {
            return null;
        }

        var s = f[i].Trim();
        if (s.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        throw r.Error(i, $"{r.Header[i]} must be a number, found '{s}'");
    }

    /// <summary>Column positions resolved once per file, by header name.</summary>
    private sealed class Columns
    {
        public Columns(DelimitedTextReader r, Indicator indicator, int year, DashboardColumnsNeeded needed)
        {
            Cds = r.Require("cds");
            RType = r.Require("rtype");
            // ELPI files had no studentgroup column before 2024: every row is the EL group.
            Group = indicator == Indicator.Elpi && year < 2024 ? r.IndexOf("studentgroup") : r.Require("studentgroup");
            var used = needed != DashboardColumnsNeeded.None;
            SchoolName = r.IndexOf("schoolname");
            DistrictName = r.IndexOf("districtname");
            CountyName = r.IndexOf("countyname");
            CharterFlag = r.IndexOf("charter_flag");
            CoeFlag = r.IndexOf("coe_flag");
            CurrDenom = used ? r.Require("currdenom") : r.IndexOf("currdenom");
            CurrStatus = r.IndexOf("currstatus");
            PriorDenom = r.IndexOf("priordenom");
            PriorStatus = r.IndexOf("priorstatus");
            Change = r.IndexOf("change");
            StatusLevel = used ? r.Require("statuslevel") : r.IndexOf("statuslevel");
            ChangeLevel = r.IndexOf("changelevel");
            Color = needed == DashboardColumnsNeeded.Color ? r.Require("color", $"the {year} rules read this indicator's color") : r.IndexOf("color");
            CurrNSizeMet = r.IndexOf("currnsizemet");
            AccountabilityMet = r.IndexOf("accountabilitymet");
            ReportingYear = r.IndexOf("reportingyear");
            YearText = year.ToString(CultureInfo.InvariantCulture);
        }

        public int Cds { get; }
        public int RType { get; }
        public int Group { get; }
        public int SchoolName { get; }
        public int DistrictName { get; }
        public int CountyName { get; }
        public int CharterFlag { get; }
        public int CoeFlag { get; }
        public int CurrDenom { get; }
        public int CurrStatus { get; }
        public int PriorDenom { get; }
        public int PriorStatus { get; }
        public int Change { get; }
        public int StatusLevel { get; }
        public int ChangeLevel { get; }
        public int Color { get; }
        public int CurrNSizeMet { get; }
        public int AccountabilityMet { get; }
        public int ReportingYear { get; }
        public string YearText { get; }
    }
}
