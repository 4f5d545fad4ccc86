using System.Globalization;
using System.Text;
using SystemOfSupport.Core.Colors;
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
/// Reads one Dashboard download file, by header name. <see cref="Read"/> serves the decisions: rows that cannot
/// matter to an LEA decision (the state row, non-charter schools) are skipped before their values are parsed.
/// <see cref="ReadRows"/> serves the color check: every row, with every column the color engine reads.
/// </summary>
public static class DashboardReader
{
    /// <summary>
    /// Reads a file, yielding district, county office and charter school rows. <paramref name="needed"/>: the result
    /// columns the year's rules read from this indicator, so a file without them is an error.
    /// </summary>
    public static IEnumerable<DashboardRecord> Read(string path, int expectedYear, DashboardColumnsNeeded needed = DashboardColumnsNeeded.Color, Action<DashboardFileSummary>? completed = null)
    {
        var name = NameOf(path);
        if (name.Year != expectedYear)
        {
            throw new InputFileException(path, null, null, $"the file name says {name.Year}, but --year is {expectedYear}");
        }

        return ReadCore(path, name, expectedYear, needed, completed);
    }

    /// <summary>
    /// Reads every row of a file (state, districts, county offices, schools), the year taken from its name. The
    /// whole file is read before it is returned: an LEA row is marked DASS when every non-charter school of the LEA
    /// in the file is (the state reports a county office that serves only alternative schools with their methods,
    /// though its own row leaves <c>dass_flag</c> blank).
    /// </summary>
    public static IReadOnlyList<DashboardRow> ReadRows(string path, Action<DashboardFileSummary>? completed = null)
    {
        var name = NameOf(path);
        using var file = new RowParser(path, name, name.Year, DashboardColumnsNeeded.None, yearSaidBy: "the file name says");
        var rows = new List<DashboardRow>();
        while (file.NextRow() is { } f)
        {
            var rtype = file.RecordType(f);
            var cds = file.Cds(f);
            // 2018's unnamed ELA and Math group is the reclassified learners (EL = ELO + it), later coded RFP.
            var group = file.TryGroup(f, out var named) ? named : StudentGroup.RFP;
            file.CheckDuplicate(cds, group);
            rows.Add(file.Row(f, rtype, cds, group));
        }

        completed?.Invoke(file.Summary(rows.Count, rows.Count));
        return WithAlternativeSchoolLeas(rows);
    }

    private static DashboardFileName NameOf(string path) =>
        DashboardFileName.TryParse(path, out var name) && name is not null
            ? name
            : throw new InputFileException(path, null, null,
                "not a Dashboard download file name; expected {indicator}downloadYYYY.txt (e.g. eladownload2024.txt) or a pre-release name such as CHRONIC_2024.txt");

    private static IEnumerable<DashboardRecord> ReadCore(string path, DashboardFileName name, int year, DashboardColumnsNeeded needed, Action<DashboardFileSummary>? completed)
    {
        using var file = new RowParser(path, name, year, needed, yearSaidBy: "--year is");
        var cols = file.Columns;
        var kept = 0;
        while (file.NextMayMatter() is { } f)
        {
            var rtype = file.RecordType(f);
            var charter = Flag(f, cols.CharterFlag) == true;
            if (!(rtype == "D" || (rtype == "S" && charter)))
            {
                continue;
            }

            var cds = file.Cds(f);
            if (!file.TryGroup(f, out var group))
            {
                continue;
            }

            file.CheckDuplicate(cds, group);
            kept++;
            yield return new DashboardRecord(file.Lea(f, cds), file.Result(f, cds, group));
        }

        completed?.Invoke(file.Summary(file.LinesRead, kept));
    }

    private static List<DashboardRow> WithAlternativeSchoolLeas(List<DashboardRow> rows)
    {
        var schoolsByLea = rows
            .Where(r => r.RecordType == "S" && !r.Charter)
            .GroupBy(r => r.Result.Cds.CdCode)
            .ToDictionary(g => g.Key, g => g.All(r => r.Measure.Dass));
        return [.. rows.Select(r => r.RecordType == "D" && !r.Measure.Dass && schoolsByLea.GetValueOrDefault(r.Result.Cds.CdCode)
            ? r with { Measure = r.Measure with { Dass = true } }
            : r)];
    }

    /// <summary>One open file and the checks every row passes, whichever mode reads it.</summary>
    private sealed class RowParser : IDisposable
    {
        private readonly DashboardFileName name;
        private readonly int year;
        private readonly string yearSaidBy;
        private readonly string fileLabel;
        private static readonly int GroupCount = Enum.GetValues<StudentGroup>().Length;

        // Per entity, the line each group was given on (0: not yet): a few thousand small arrays, not a hash entry
        // per row (a statewide file keeps ~25,000 rows and the verify pass reads ~150,000).
        private readonly Dictionary<string, int[]> seen = new(StringComparer.Ordinal);
        private string? lastSeenCds;
        private int[]? lastSeenLines;
        private readonly DelimitedFields fields;
        private CdsCode? lastCds;
        private Lea? lastLea;

        public RowParser(string path, DashboardFileName name, int year, DashboardColumnsNeeded needed, string yearSaidBy)
        {
            this.name = name;
            this.year = year;
            this.yearSaidBy = yearSaidBy;
            fileLabel = Path.GetFileName(path);
            Reader = DelimitedTextReader.Open(path, '\t');
            try
            {
                Columns = new DashboardColumns(Reader, name.Indicator, year, needed);
                fields = new DelimitedFields('\t', Reader.Header.Count);
            }
            catch (InputFileException)
            {
                // A missing column: the caller never gets the parser to dispose.
                Reader.Dispose();
                throw;
            }
        }

        public DelimitedTextReader Reader { get; }

        /// <summary>Rows read by <see cref="NextMayMatter"/>, skipped or not.</summary>
        public int LinesRead { get; private set; }

        /// <summary>
        /// The fields of the next row that may matter to an LEA decision, or null at the end. Most rows are schools
        /// that cannot: two fields of the undecoded line decide, and only the other rows are decoded and split.
        /// </summary>
        public DelimitedFields? NextMayMatter()
        {
            while (Reader.TryReadLine(out var line))
            {
                LinesRead++;
                if (MayMatter(Reader, line, Columns))
                {
                    return fields.Load(line, StateTextEncoding.Utf8OrWindows1252);
                }
            }

            return null;
        }

        /// <summary>The fields of the next row, or null at the end.</summary>
        public DelimitedFields? NextRow() => Reader.ReadLine() is { } line ? fields.Load(line) : null;

        public DashboardColumns Columns { get; }

        /// <summary>The row's <c>rtype</c> in upper case, once its <c>reportingyear</c> is checked.</summary>
        public string RecordType(DelimitedFields f)
        {
            // 2017's files say "2017f" (the final release).
            var reportingYear = Columns.ReportingYear;
            if (reportingYear >= 0 && f[reportingYear].Length > 0 && !f[reportingYear].Trim().TrimEnd("fF").SequenceEqual(Columns.YearText))
            {
                throw Reader.Error(reportingYear, $"reportingyear is {f[reportingYear]}, but {yearSaidBy} {year}");
            }

            return f[Columns.RType].Trim() switch
            {
                "X" or "x" => "X",
                "D" or "d" => "D",
                "S" or "s" => "S",
                var t => throw Reader.Error(Columns.RType, $"unknown rtype '{t.ToString().ToUpperInvariant()}'; expected X (state), D (district or county office) or S (school)"),
            };
        }

        public CdsCode Cds(DelimitedFields f)
        {
            // An LEA's rows come together (one per group): its code is parsed once, not once per row.
            if (lastCds is { } last && f[Columns.Cds].SequenceEqual(last.Value))
            {
                return last;
            }

            lastCds = CdsCode.TryParse(f.Text(Columns.Cds), out var cds) ? cds : throw Reader.Error(Columns.Cds, $"'{f[Columns.Cds]}' is not a 14-digit CDS code");
            return cds;
        }

        /// <summary>The row's student group (EL where the file has no group column); false for 2018's unnamed group.</summary>
        public bool TryGroup(DelimitedFields f, out StudentGroup group)
        {
            group = StudentGroup.EL;
            if (Columns.Group < 0)
            {
                return true;
            }

            if (f[Columns.Group].Trim().Length == 0 && year < 2023)
            {
                return false;
            }

            if (!StudentGroups.TryParse(f[Columns.Group], out group))
            {
                throw Reader.Error(Columns.Group, $"unknown student group '{f[Columns.Group]}'; expected one of {string.Join(", ", StudentGroups.KnownCodes)}");
            }

            return true;
        }

        public void CheckDuplicate(CdsCode cds, StudentGroup group)
        {
            // An entity's rows come together: its line array is looked up once, not once per row.
            if (!ReferenceEquals(lastSeenCds, cds.Value))
            {
                if (!seen.TryGetValue(cds.Value, out lastSeenLines))
                {
                    seen.Add(cds.Value, lastSeenLines = new int[GroupCount]);
                }

                lastSeenCds = cds.Value;
            }

            ref var line = ref lastSeenLines![(int)group];
            if (line != 0)
            {
                throw Reader.Error(Columns.Group >= 0 ? Columns.Group : Columns.Cds,
                    $"duplicate row for {cds} student group {group}: already given on line {line}");
            }

            line = Reader.LineNumber;
        }

        public IndicatorResult Result(DelimitedFields f, CdsCode cds, StudentGroup group) => new(
            cds,
            name.Indicator,
            group,
            (DashboardColor)Level(Reader, f, Columns.Color, "color"),
            Level(Reader, f, Columns.StatusLevel, "statuslevel"),
            Level(Reader, f, Columns.ChangeLevel, "changelevel"),
            Integer(Reader, f, Columns.CurrDenom),
            Number(Reader, f, Columns.CurrStatus),
            Integer(Reader, f, Columns.PriorDenom),
            Number(Reader, f, Columns.PriorStatus),
            Number(Reader, f, Columns.Change),
            Flag(f, Columns.CurrNSizeMet),
            Flag(f, Columns.AccountabilityMet),
            new SourceRef(fileLabel, Reader.LineNumber));

        /// <summary>The entity a row belongs to: a charter by its school name, a district or COE by its own.</summary>
        public Lea Lea(DelimitedFields f, CdsCode cds)
        {
            var c = Columns;
            var kind = Core.Domain.Lea.KindOf(cds, Flag(f, c.CoeFlag) == true, Flag(f, c.CharterFlag) == true);
            var name = (kind == LeaKind.CharterSchool && c.SchoolName >= 0 ? f[c.SchoolName] : c.DistrictName >= 0 ? f[c.DistrictName] : []).Trim();
            var county = c.CountyName >= 0 ? f[c.CountyName].Trim() : [];

            // The same LEA on the row before (its other groups): the one record shared, not a copy per row.
            if (lastLea is { } last && last.Cds == cds && last.Kind == kind && name.SequenceEqual(last.Name) && county.SequenceEqual(last.County))
            {
                return last;
            }

            return lastLea = new Lea(cds, kind, name.ToString(), county.ToString());
        }

        public DashboardRow Row(DelimitedFields f, string rtype, CdsCode cds, StudentGroup group)
        {
            var c = Columns;
            var result = Result(f, cds, group);
            var measure = new IndicatorMeasure(
                year,
                name.Indicator,
                group,
                IsLeaLevel: rtype != "S",
                result.CurrentStatus,
                c.CurrTesters >= 0 ? Integer(Reader, f, c.CurrTesters) : result.CurrentDenominator,
                result.PriorStatus,
                c.PriorTesters >= 0 ? Integer(Reader, f, c.PriorTesters) : result.PriorDenominator,
                c.SuspensionType >= 0 && f[c.SuspensionType].Trim() is { Length: > 0 } type ? type.ToString() : null,
                Flag(f, c.HsCutPoints) == true,
                Flag(f, c.SmallDenom))
            {
                Change = result.Change,
                Dass = Flag(f, c.DassFlag) == true,
                CurrentNSize = Integer(Reader, f, c.CurrDenomSwd),
                PriorNSize = Integer(Reader, f, c.PriorDenomSwd),
                BelowParticipationTarget = Flag(f, c.BelowParticipation) == true,
                CurrentNumerator = Integer(Reader, f, c.CurrNumerator),
            };
            var published = new PublishedLevels(
                c.StatusLevel >= 0 ? result.StatusLevel : null,
                c.ChangeLevel >= 0 ? result.ChangeLevel : null,
                c.Color >= 0 ? result.Color : null,
                c.Box >= 0 ? Integer(Reader, f, c.Box) ?? 0 : null);
            return new DashboardRow(
                Lea(f, cds),
                rtype,
                Flag(f, c.CharterFlag) == true,
                result,
                measure,
                published,
                c.ColorSetByState.Any(i => Flag(f, i) == true));
        }

        public DashboardFileSummary Summary(int read, int kept) => new(Reader.FilePath, name.Indicator, year, Reader.Length, read, kept);

        public void Dispose() => Reader.Dispose();
    }

    /// <summary>
    /// False only for a plain school row (rtype S, not a charter) or the state row: the rows a decision skips. Anything
    /// else, including an unknown rtype or a field that is not plain ASCII, goes on to be decoded, parsed and checked in full.
    /// </summary>
    private static bool MayMatter(DelimitedTextReader reader, ReadOnlySpan<byte> line, DashboardColumns cols)
    {
        var rtype = TrimAscii(reader.Field(line, cols.RType));
        if (rtype is [(byte)'X' or (byte)'x'])
        {
            return false;
        }

        if (rtype is not [(byte)'S' or (byte)'s'] || cols.CharterFlag < 0)
        {
            return true;
        }

        var charter = reader.Field(line, cols.CharterFlag);
        return !Ascii.IsValid(charter) || TrimAscii(charter) is [(byte)'Y' or (byte)'y'];
    }

    /// <summary>Trims as <see cref="string.Trim()"/> does for ASCII text.</summary>
    private static ReadOnlySpan<byte> TrimAscii(ReadOnlySpan<byte> field)
    {
        while (field.Length > 0 && field[0] < 0x80 && char.IsWhiteSpace((char)field[0]))
        {
            field = field[1..];
        }

        while (field.Length > 0 && field[^1] < 0x80 && char.IsWhiteSpace((char)field[^1]))
        {
            field = field[..^1];
        }

        return field;
    }

    private static bool? Flag(DelimitedFields f, int i)
    {
        if (i < 0)
        {
            return null;
        }

        var v = f[i].Trim();
        return v.Length == 0 ? null : v.Equals("Y", StringComparison.OrdinalIgnoreCase);
    }

    private static int Level(DelimitedTextReader r, DelimitedFields f, int i, string column)
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

    private static int? Integer(DelimitedTextReader r, DelimitedFields f, int i)
    {
        var d = Number(r, f, i);
        return d is null ? null : (int)d.Value;
    }

    private static decimal? Number(DelimitedTextReader r, DelimitedFields f, int i)
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
}
