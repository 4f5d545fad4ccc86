using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Forecast;

/// <summary>One LEA's forecast probability beside what then happened.</summary>
public sealed record CalibrationPoint(Lea Lea, double Forecast, bool Observed);

/// <summary>The LEAs whose forecast fell in [<see cref="From"/>, <see cref="To"/>): how many, their mean forecast and how often the event happened.</summary>
public sealed record ReliabilityBin(double From, double To, int Count, double? MeanForecast, double? ObservedRate);

/// <summary>
/// How well one forecast probability matched the outcomes: the Brier score (mean squared difference, 0 is perfect),
/// the climatology reference (always forecasting the observed rate: rate × (1 − rate)) and a reliability table.
/// </summary>
public sealed record ForecastCalibration(string Outcome, IReadOnlyList<CalibrationPoint> Points, double BrierScore, double ObservedRate, double ClimatologyBrierScore, IReadOnlyList<ReliabilityBin> Bins)
{
    /// <summary>Brier skill against climatology: 1 perfect, 0 no better than the observed rate; null when every LEA had the same outcome.</summary>
    public double? SkillScore => ClimatologyBrierScore > 0 ? 1 - (BrierScore / ClimatologyBrierScore) : null;

    /// <summary>The mean forecast of the LEAs where the event happened, and of the others (null when a side is empty).</summary>
    public (double? Observed, double? NotObserved) MeanForecastByOutcome =>
        (Mean(Points.Where(p => p.Observed)), Mean(Points.Where(p => !p.Observed)));

    public static ForecastCalibration Compute(string outcome, IReadOnlyList<CalibrationPoint> points, int bins = 5)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (points.Count == 0)
        {
            throw new ArgumentException("no LEA is both forecast and in the expected workbook: nothing to calibrate", nameof(points));
        }

        var brier = points.Average(p => Math.Pow(p.Forecast - (p.Observed ? 1 : 0), 2));
        var rate = points.Average(p => p.Observed ? 1.0 : 0.0);
        var table = Enumerable.Range(0, bins).Select(b =>
        {
            double from = (double)b / bins, to = (double)(b + 1) / bins;
            // The last bin is closed, so a probability of 1 has a bin.
            var inBin = points.Where(p => p.Forecast >= from && (p.Forecast < to || (b == bins - 1 && p.Forecast <= to))).ToList();
            return new ReliabilityBin(from, to, inBin.Count, Mean(inBin), inBin.Count == 0 ? null : inBin.Average(p => p.Observed ? 1.0 : 0.0));
        }).ToList();
        return new ForecastCalibration(outcome, points, brier, rate, rate * (1 - rate), table);
    }

    private static double? Mean(IEnumerable<CalibrationPoint> points)
    {
        var list = points.ToList();
        return list.Count == 0 ? null : list.Average(p => p.Forecast);
    }
}
