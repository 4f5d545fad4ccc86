using System.Globalization;
using System.Text;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Providers;
using SystemOfSupport.Core.Rules;
using SystemOfSupport.Formats.Calpads;
using SystemOfSupport.Formats.LeaDirectories;
using SystemOfSupport.Formats.Runs;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Text;

namespace SystemOfSupport.Formats.Synthetic;

public enum SyntheticEntityKind
{
    District,
    CountyOffice,
    CharterSchool,
    School,
}

/// <summary>One synthetic district, county office, charter school or school.</summary>
public sealed record SyntheticEntity(string Cds, SyntheticEntityKind Kind, string Name, string DistrictName, string County, bool BlankCoeFlag, string? AuthorizerCds);

/// <param name="CalibrationDirectory">The real Dashboard files of the same year the numbers are drawn from (Monterey 2024).</param>
public sealed record SyntheticOptions(int Year, string OutputDirectory, string CalibrationDirectory, int Seed = 1, double Scale = 1.0);

/// <summary>What was written.</summary>
public sealed record SyntheticSummary(int Districts, int CountyOffices, int Charters, int Schools, IReadOnlyList<(string File, int Rows, long Bytes)> Files);

/// <summary>
/// A seeded, statewide-sized synthetic data set in the state's layouts (docs/state-scale.md): the Dashboard downloads,
/// the local-indicator text files, the prior year's assistance-status workbook, an LEA directory and CALPADS
/// certification records. Same seed, scale and calibration files: the same bytes. Nothing in it is real data; every
/// name says "Synthetic" and the directory gets a README saying so.
/// </summary>
public static class SyntheticState
{
    /// <summary>At scale 1: about the state's numbers of districts (COEs apart), charter schools and schools.</summary>
    public const int FullDistricts = 942;
    public const int FullCharters = 1300;
    public const int FullSchools = 10000;

    public const string DirectoryFile = "lea-directory-synthetic.csv";
    public const string CertificationsFile = "calpads-certifications-synthetic.csv";
    public const string ReadmeFile = "README-SYNTHETIC.txt";

    /// <summary>Share of local-indicator results written "Not Met For Two or More Years", and "Not Met".</summary>
    public const double NotMetTwoYears = 0.02;
    public const double NotMet = 0.03;

    /// <summary>Share of districts and COEs in Year 1 of differentiated assistance in the prior year's workbook.</summary>
    public const double PriorYear1 = 0.45;

    private static readonly int[] LocalPriorities = [1, 2, 3, 6, 7, 9, 10];
    private static readonly string[] Submissions = ["Fall1", "Fall2", "EOY1", "EOY2", "EOY3", "EOY4"];
    private static readonly string[] Letters = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"];

    public static SyntheticSummary Generate(SyntheticOptions options)
    {
        if (options.Year != 2024)
        {
            throw new ArgumentException($"--year {options.Year}: synthetic data is made for 2024 only (the year of the shipped calibration files)");
        }

        if (options.Scale is <= 0 or > 10)
        {
            throw new ArgumentException($"--scale {options.Scale.ToString(CultureInfo.InvariantCulture)} must be above 0 and at most 10");
        }

        Directory.CreateDirectory(options.OutputDirectory);
        var random = new Random(options.Seed);
        var entities = Entities(options.Scale, random);
        var files = new List<(string, int, long)>();
        var leas = entities.Where(e => e.Kind is SyntheticEntityKind.District or SyntheticEntityKind.CountyOffice).ToList();

        foreach (var indicator in Indicators.All)
        {
            var name = $"{indicator.FileStem()}download{options.Year}.txt";
            var real = Path.Combine(options.CalibrationDirectory, name);
            if (!File.Exists(real))
            {
                throw new InputFileException(real, null, null, "calibration file missing: the synthetic data are drawn from the real files of the same year");
            }

            var template = SyntheticDashboard.Template.Read(real, indicator);
            var path = Path.Combine(options.OutputDirectory, name);
            // Each file gets its own stream of draws, so one file's layout does not shift another's numbers.
            var rows = SyntheticDashboard.Write(template, entities, path, new Random(random.Next()), recolor: indicator != Indicator.Science);
            files.Add((name, rows, new FileInfo(path).Length));
        }

        files.AddRange(WriteLocalIndicators(options, entities, new Random(random.Next())));
        files.Add(WriteHistory(options, leas, new Random(random.Next())));
        files.Add(WriteDirectory(options, entities, new Random(random.Next())));
        files.Add(WriteCertifications(options, leas, new Random(random.Next())));
        File.WriteAllText(Path.Combine(options.OutputDirectory, ReadmeFile), Readme(options), new UTF8Encoding(false));
        return new SyntheticSummary(
            entities.Count(e => e.Kind == SyntheticEntityKind.District),
            entities.Count(e => e.Kind == SyntheticEntityKind.CountyOffice),
            entities.Count(e => e.Kind == SyntheticEntityKind.CharterSchool),
            entities.Count(e => e.Kind == SyntheticEntityKind.School),
            files);
    }

    /// <summary>
    /// The entities, in CDS order. At scale 1 all 58 counties (their real county-office codes, 10xxx); below 1 a
    /// seeded choice of round(58 × scale) counties. Districts, charters and schools are spread over the counties at
    /// random; a single-district county gets one district.
    /// </summary>
    public static IReadOnlyList<SyntheticEntity> Entities(double scale, Random random)
    {
        var counties = Counties.All.ToList();
        if (scale < 1)
        {
            var keep = Math.Max(1, (int)Math.Round(58 * scale));
            counties = [.. counties.OrderBy(_ => random.Next()).Take(keep).OrderBy(c => c.Code, StringComparer.Ordinal)];
        }

        int Count(int full) => Math.Max(1, (int)Math.Round(full * scale));
        var districtsPer = Spread(Count(FullDistricts), counties, random, singleDistrictCap: true);
        var chartersPer = Spread(Count(FullCharters), counties, random, singleDistrictCap: false);
        var schoolsPer = Spread(Count(FullSchools), counties, random, singleDistrictCap: false);
        var all = new List<SyntheticEntity>();
        for (var c = 0; c < counties.Count; c++)
        {
            var county = counties[c];
            var coeName = $"Synthetic {county.Name} County Office";
            var coe = new SyntheticEntity(county.CountyOfficeCds.Value, SyntheticEntityKind.CountyOffice, coeName, coeName, county.Name, random.NextDouble() < 0.2, null);
            all.Add(coe);
            var districts = new List<SyntheticEntity>();
            for (var d = 1; d <= districtsPer[c]; d++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"Synthetic {county.Name} District {d:000}");
                districts.Add(new SyntheticEntity(string.Create(CultureInfo.InvariantCulture, $"{county.Code}6{d:0000}0000000"), SyntheticEntityKind.District, name, name, county.Name, false, null));
            }

            all.AddRange(districts);
            var hosts = districts.Count > 0 ? districts : [coe];
            for (var s = 1; s <= chartersPer[c]; s++)
            {
                var host = random.NextDouble() < 0.1 ? coe : hosts[random.Next(hosts.Count)];
                all.Add(new SyntheticEntity(string.Create(CultureInfo.InvariantCulture, $"{host.Cds[..7]}0{s:000000}"), SyntheticEntityKind.CharterSchool,
                    string.Create(CultureInfo.InvariantCulture, $"Synthetic Charter {county.Code}-{s:0000}"), host.Name, county.Name, false, host.Cds));
            }

            for (var s = 1; s <= schoolsPer[c]; s++)
            {
                var host = hosts[random.Next(hosts.Count)];
                all.Add(new SyntheticEntity(string.Create(CultureInfo.InvariantCulture, $"{host.Cds[..7]}6{s:000000}"), SyntheticEntityKind.School,
                    string.Create(CultureInfo.InvariantCulture, $"Synthetic School {county.Code}-{s:00000}"), host.Name, county.Name, false, null));
            }
        }

        return [.. all.OrderBy(e => e.Cds, StringComparer.Ordinal)];
    }

    private static int[] Spread(int total, List<County> counties, Random random, bool singleDistrictCap)
    {
        var counts = new int[counties.Count];
        for (var i = 0; i < total; i++)
        {
            int k;
            do
            {
                k = random.Next(counties.Count);
            }
            while (singleDistrictCap && counties[k].IsSingleDistrict && counts[k] >= 1 && counties.Any(c => !c.IsSingleDistrict));
            counts[k]++;
        }

        return counts;
    }

    /// <summary>CDE's |-delimited PrNYYYY.txt: every district, COE and charter (priorities 9 and 10: COEs only).</summary>
    private static List<(string, int, long)> WriteLocalIndicators(SyntheticOptions options, IReadOnlyList<SyntheticEntity> entities, Random random)
    {
        var year = options.Year.ToString(CultureInfo.InvariantCulture);
        var leas = entities.Where(e => e.Kind != SyntheticEntityKind.School).ToList();
        var written = new List<(string, int, long)>();
        foreach (var priority in LocalPriorities)
        {
            var name = $"Pr{priority.ToString(CultureInfo.InvariantCulture)}{year}.txt";
            var path = Path.Combine(options.OutputDirectory, name);
            var sb = new StringBuilder("cdsCode|lea|priorityNumber|countyPerformance|meetingDate|year\r\n");
            var rows = 0;
            foreach (var lea in leas.Where(l => priority < 9 || l.Kind == SyntheticEntityKind.CountyOffice))
            {
                var draw = random.NextDouble();
                var performance = draw < NotMetTwoYears ? "Not Met For Two or More Years" : draw < NotMetTwoYears + NotMet ? "Not Met" : "Met";
                var date = new DateOnly(options.Year, 6, 1).AddDays(random.Next(30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                sb.Append(CultureInfo.InvariantCulture, $"{lea.Cds}|{lea.Name}|{priority}|{performance}|{date}|{year}\r\n");
                rows++;
            }

            File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
            written.Add((name, rows, new FileInfo(path).Length));
        }

        return written;
    }

    /// <summary>
    /// The prior year's workbook (assistancestatusYY.xlsx, the prior year's standard layout), written with
    /// <see cref="AssistanceStatusWorkbookWriter"/>: about <see cref="PriorYear1"/> of the LEAs in Year 1, each with two
    /// to four lettered groups and Method 1; the rest General Assistance. Earlier years' statuses drawn at 40% DA.
    /// </summary>
    private static (string, int, long) WriteHistory(SyntheticOptions options, IReadOnlyList<SyntheticEntity> leas, Random random)
    {
        var prior = DashboardYears.Previous(options.Year) ?? throw new ArgumentException($"no Dashboard year before {options.Year}");
        var columns = AssistanceStatusColumns.StandardLayout(prior);
        var groups = AssistanceStatusColumns.PriorityGroups.Where(g => g != StudentGroup.LTEL || prior >= 2024).ToList();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var lea in leas)
        {
            var year1 = random.NextDouble() < PriorYear1;
            var lettered = year1 ? groups.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToHashSet() : [];
            var row = new List<string>(columns.Count);
            foreach (var column in columns)
            {
                row.Add(column switch
                {
                    _ when AssistanceStatusColumns.Is(column, AssistanceStatusColumns.CdCode) => lea.Cds[..7],
                    _ when AssistanceStatusColumns.Is(column, AssistanceStatusColumns.Cds) => lea.Cds,
                    _ when AssistanceStatusColumns.Is(column, AssistanceStatusColumns.LeaName) => lea.Name,
                    _ when AssistanceStatusColumns.Is(column, AssistanceStatusColumns.CityName) => "Synthetic City",
                    _ when AssistanceStatusColumns.Is(column, AssistanceStatusColumns.CountyName) => lea.County,
                    _ when AssistanceStatusColumns.Is(column, AssistanceStatusColumns.GradeSpan) => "K-12",
                    _ when AssistanceStatusColumns.Is(column, AssistanceStatusColumns.ReportYear) => prior.ToString(CultureInfo.InvariantCulture),
                    _ when AssistanceStatusColumns.Is(column, AssistanceStatusColumns.TotalStudentGroups) => lettered.Count.ToString(CultureInfo.InvariantCulture),
                    _ when AssistanceStatusColumns.TryParsePriorities(column, out var g) => lettered.Contains(g) ? Letters[random.Next(Letters.Length)] : AssistanceStatusColumns.Blank,
                    _ when AssistanceStatusColumns.TryParseStatus(column, out var y) => y == prior
                        ? (year1 ? AssistanceStatus.DifferentiatedAssistanceYear1 : AssistanceStatus.GeneralAssistance).Label()
                        : (random.NextDouble() < 0.4 ? AssistanceStatus.DifferentiatedAssistance : AssistanceStatus.GeneralAssistance).Label(),
                    _ when AssistanceStatusColumns.TryParseMetMethod(column, out var m) => m == 1 && year1 ? "Y" : "N",
                    _ when AssistanceStatusColumns.TryParseEc52072(column, out _) => "N",
                    _ => AssistanceStatusColumns.Blank,
                });
            }

            rows.Add(row);
        }

        var name = $"assistancestatus{prior % 100:00}.xlsx";
        var path = Path.Combine(options.OutputDirectory, name);
        var table = new AssistanceStatusTable(prior, columns, rows, "SYNTHETIC data made by sos synth — not the state's decision");
        AssistanceStatusWorkbookWriter.Write(table, path, StatusTableBuilder.WordingFor(RuleBook.For(prior)));
        return (name, rows.Count, new FileInfo(path).Length);
    }

    /// <summary>The LEA directory (data/directory/README.md): districts, COEs and charters, with ADA.</summary>
    private static (string, int, long) WriteDirectory(SyntheticOptions options, IReadOnlyList<SyntheticEntity> entities, Random random)
    {
        var sb = new StringBuilder(CsvText.Record(LeaDirectoryReader.Columns)).Append("\r\n");
        var rows = 0;
        foreach (var e in entities.Where(e => e.Kind != SyntheticEntityKind.School))
        {
            var (mu, sigma, span) = e.Kind switch
            {
                SyntheticEntityKind.CharterSchool => (5.8, 0.8, "K-8"),
                SyntheticEntityKind.CountyOffice => (6.5, 1.0, "K-12"),
                _ => (7.5, 1.4, "K-12"),
            };
            var ada = Math.Round(Math.Exp(mu + (sigma * SyntheticDashboard.Normal(random))), 2).ToString("0.00", CultureInfo.InvariantCulture);
            sb.Append(CsvText.Record([e.Cds, e.Name, "Synthetic City", e.County, span, ada, e.AuthorizerCds ?? string.Empty])).Append("\r\n");
            rows++;
        }

        var path = Path.Combine(options.OutputDirectory, DirectoryFile);
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return (DirectoryFile, rows, new FileInfo(path).Length);
    }

    /// <summary>
    /// CALPADS certification records (data/calpads/README.md) for the school year the Dashboard reads: about 1% of
    /// districts and COEs certified no End of Year submission (Method 4 in 2024), about 5% certified one late.
    /// </summary>
    private static (string, int, long) WriteCertifications(SyntheticOptions options, IReadOnlyList<SyntheticEntity> leas, Random random)
    {
        var first = options.Year - 1;
        var schoolYear = string.Create(CultureInfo.InvariantCulture, $"{first}-{options.Year % 100:00}");
        var sb = new StringBuilder("CDS,SchoolYear,Submission,CertifiedOn,AmendedOn,DataQualityIssue\r\n");
        var rows = 0;
        foreach (var lea in leas)
        {
            var noEoy = random.NextDouble() < 0.01;
            var late = random.NextDouble() < 0.05;
            foreach (var submission in Submissions)
            {
                var deadline = submission switch
                {
                    "Fall1" => new DateOnly(first, 12, 15),
                    "Fall2" => new DateOnly(options.Year, 3, 1),
                    _ => new DateOnly(options.Year, 7, 26),
                };
                var eoy = submission.StartsWith("EOY", StringComparison.Ordinal);
                var certified = eoy && noEoy ? string.Empty
                    : deadline.AddDays(eoy && late ? random.Next(1, 20) : -random.Next(0, 15)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                sb.Append(CultureInfo.InvariantCulture, $"{lea.Cds},{schoolYear},{submission},{certified},,N\r\n");
                rows++;
            }
        }

        var path = Path.Combine(options.OutputDirectory, CertificationsFile);
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return (CertificationsFile, rows, new FileInfo(path).Length);
    }

    private static string Readme(SyntheticOptions options) => string.Create(CultureInfo.InvariantCulture, $"""
        SYNTHETIC DATA - NOT REAL. Made by `sos synth --year {options.Year} --seed {options.Seed} --scale {options.Scale}`.
        Calibrated on the real files in {options.CalibrationDirectory}; every number here is drawn at random from them
        and jittered, every name says "Synthetic". County codes and county-office CDS codes are the real ones; all other
        codes are made up. Method: docs/state-scale.md.

        """);
}
