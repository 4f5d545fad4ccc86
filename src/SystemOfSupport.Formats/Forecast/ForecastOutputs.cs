using System.Globalization;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Forecast;
using SystemOfSupport.Core.Rules;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Text;

namespace SystemOfSupport.Formats.Forecast;

/// <summary>A forecast checked against the state's published decisions for the forecast year.</summary>
/// <param name="Identified">P(identified) against "Differentiated Assistance, Year 1" (identified by any method).</param>
/// <param name="InAssistance">P(in DA) against any Differentiated Assistance status (Year 1 or Year 2).</param>
/// <param name="Persistence">The naive reference: identified again exactly when identified in the base year (probability 1 or 0).</param>
/// <param name="NotInExpected">Forecast LEAs the workbook has no status for.</param>
public sealed record ForecastCheck(ForecastCalibration Identified, ForecastCalibration InAssistance, ForecastCalibration Persistence, IReadOnlyList<Lea> NotInExpected);

/// <summary>
/// The forecast's files: <c>forecastYY.csv</c> (every probability) and, against a published workbook,
/// <c>calibrationYY.csv</c> (each LEA's forecast beside the outcome) and <c>reliabilityYY.csv</c> (the bins and the
/// Brier scores). RFC 4180, CRLF, UTF-8 without a byte-order mark; each written atomically.
/// </summary>
public static class ForecastOutputs
{
    public const string IdentifiedOutcome = "identified";
    public const string InAssistanceOutcome = "in-da";
    public const string PersistenceOutcome = "identified-persistence";

    public static string ForecastFileName(int year) => $"forecast{year % 100:00}.csv";

    public static string CalibrationFileName(int year) => $"calibration{year % 100:00}.csv";

    public static string ReliabilityFileName(int year) => $"reliability{year % 100:00}.csv";

    /// <summary>Compares each forecast LEA with its status for the forecast year in <paramref name="expected"/> (that year's workbook or a later one).</summary>
    public static ForecastCheck Check(IdentificationForecast forecast, AssistanceStatusWorkbook expected, string expectedPath)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(expected);
        if (expected.Year < forecast.Year)
        {
            throw new InputFileException(expectedPath, null, null, $"this is the {expected.Year} workbook; it has no {forecast.Year} statuses to check the forecast against");
        }

        var identified = RuleBook.For(forecast.Year).Status.Identified;
        var identifiedBefore = RuleBook.For(forecast.BaseYear).Status.Identified;
        var byCds = expected.Rows.ToDictionary(r => r.Cds);
        var identifiedPoints = new List<CalibrationPoint>();
        var inDaPoints = new List<CalibrationPoint>();
        var persistencePoints = new List<CalibrationPoint>();
        var missing = new List<Lea>();
        foreach (var f in forecast.Leas)
        {
            if (!byCds.TryGetValue(f.Lea.Cds, out var row) || !row.StatusByYear.TryGetValue(forecast.Year, out var status))
            {
                missing.Add(f.Lea);
                continue;
            }

            identifiedPoints.Add(new CalibrationPoint(f.Lea, f.Identified, status == identified));
            inDaPoints.Add(new CalibrationPoint(f.Lea, f.InAssistance, status.IsDifferentiated()));
            persistencePoints.Add(new CalibrationPoint(f.Lea, f.BaseStatus == identifiedBefore ? 1 : 0, status == identified));
        }

        return new ForecastCheck(
            ForecastCalibration.Compute(IdentifiedOutcome, identifiedPoints),
            ForecastCalibration.Compute(InAssistanceOutcome, inDaPoints),
            ForecastCalibration.Compute(PersistenceOutcome, persistencePoints),
            missing);
    }

    public static void WriteForecast(IdentificationForecast forecast, string path)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var rules = RuleBook.For(forecast.Year);
        var methods = rules.Methods.Order().ToList();
        var groups = rules.Groups;
        string[] header =
        [
            "Year", "BaseYear", "CDS", "LEA", "LEAtype", "BaseStatus", "PIdentified", "PInDA",
            .. methods.Select(m => $"PMethod{m}"),
            .. groups.Select(g => $"P{g}Letter"),
            "MostLikelyLetters", "ResultsSimulated", "ResultsUncertain", "Simulations", "Seed",
        ];
        Write(path, [.. forecast.Leas.Select(f => (IReadOnlyList<string>)
        [
            Text(forecast.Year), Text(forecast.BaseYear), f.Lea.Cds.Value, f.Lea.Name, Kind(f.Lea.Kind), f.BaseStatus.Label(),
            Probability(f.Identified), Probability(f.InAssistance),
            .. methods.Select(m => Probability(f.Methods[m])),
            .. groups.Select(g => Probability(f.Lettered[g])),
            f.MostLikelyLettersText, Text(f.ResultsSimulated), Text(f.ResultsUncertain),
            Text(forecast.Simulations), Text(forecast.Seed),
        ])], header);
    }

    public static void WriteCalibration(int year, ForecastCheck check, string path)
    {
        ArgumentNullException.ThrowIfNull(check);
        var rows = new[] { check.Identified, check.InAssistance }.SelectMany(c => c.Points.Select(p => (IReadOnlyList<string>)
        [
            Text(year), c.Outcome, p.Lea.Cds.Value, p.Lea.Name, Probability(p.Forecast), p.Observed ? "Y" : "N",
            Probability(Math.Pow(p.Forecast - (p.Observed ? 1 : 0), 2)),
        ]));
        Write(path, [.. rows], ["Year", "Outcome", "CDS", "LEA", "Forecast", "Observed", "SquaredError"]);
    }

    public static void WriteReliability(int year, ForecastCheck check, string path)
    {
        ArgumentNullException.ThrowIfNull(check);
        var rows = new[] { check.Identified, check.InAssistance }.SelectMany(c => c.Bins.Select(b => (IReadOnlyList<string>)
        [
            Text(year), c.Outcome, Probability(c.BrierScore), Probability(c.ClimatologyBrierScore), Probability(b.From), Probability(b.To), Text(b.Count),
            b.MeanForecast is double m ? Probability(m) : string.Empty, b.ObservedRate is double o ? Probability(o) : string.Empty,
        ]));
        Write(path, [.. rows], ["Year", "Outcome", "BrierScore", "ClimatologyBrierScore", "BinFrom", "BinTo", "LEAs", "MeanForecast", "ObservedRate"]);
    }

    private static void Write(string path, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<string> header) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, AssistanceStatusCsvWriter.Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
            writer.WriteLine(CsvText.Record(header));
            foreach (var row in rows)
            {
                writer.WriteLine(CsvText.Record(row));
            }

            writer.Flush();
        });

    private static string Kind(LeaKind kind) => kind == LeaKind.CountyOffice ? "County Office of Education" : "School District";

    private static string Probability(double p) => p.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
