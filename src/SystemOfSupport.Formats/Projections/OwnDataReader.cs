using System.Globalization;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Text;

namespace SystemOfSupport.Formats.Projections;

/// <summary>
/// One LEA's own current-year numbers for one indicator and student group, before the state publishes
/// (layout in data/projections/README.md).
/// </summary>
public sealed record OwnResult(
    CdsCode Cds,
    Indicator Indicator,
    StudentGroup Group,
    int Denominator,
    decimal? Numerator,
    decimal? AverageDistance,
    decimal? PriorStatus,
    int? PriorDenominator,
    SourceRef Source)
{
    /// <summary>The status as the Dashboard reports it: average distance from standard, or the rate in percent, to one decimal.</summary>
    public decimal Status => Math.Round(ExactStatus, 1, MidpointRounding.AwayFromZero);

    /// <summary>The unrounded rate (or distance): the Dashboard computes change from it, not from the rounded status.</summary>
    public decimal ExactStatus => AverageDistance ?? (100m * Numerator!.Value / Denominator);
}

/// <summary>Reads the own-data CSV for projections: every problem names the file, line and column.</summary>
public static class OwnDataReader
{
    public const string CdsColumn = "CDS";
    public const string IndicatorColumn = "Indicator";
    public const string GroupColumn = "StudentGroup";
    public const string NumeratorColumn = "Numerator";
    public const string DenominatorColumn = "Denominator";
    public const string AverageDistanceColumn = "AverageDistance";
    public const string PriorStatusColumn = "PriorStatus";
    public const string PriorDenominatorColumn = "PriorDenominator";

    private static readonly string[] Required = [CdsColumn, IndicatorColumn, GroupColumn, DenominatorColumn];

    public static IReadOnlyList<OwnResult> Read(string path)
    {
        using var reader = StateTextEncoding.OpenReader(path);
        var table = CsvTable.Open(reader, path, Required, "own Dashboard data");
        int cds = table.IndexOf(CdsColumn), indicator = table.IndexOf(IndicatorColumn), group = table.IndexOf(GroupColumn),
            numerator = table.IndexOf(NumeratorColumn), denominator = table.IndexOf(DenominatorColumn), distance = table.IndexOf(AverageDistanceColumn),
            priorStatus = table.IndexOf(PriorStatusColumn), priorDenominator = table.IndexOf(PriorDenominatorColumn);
        if (numerator < 0 && distance < 0)
        {
            throw new InputFileException(path, table.HeaderLine, table.Header.Count + 1,
                $"needs a '{NumeratorColumn}' column (rates) or an '{AverageDistanceColumn}' column (ELA and Math), or both");
        }

        var results = new List<OwnResult>();
        var seen = new Dictionary<(CdsCode, Indicator, StudentGroup), int>();
        foreach (var (line, f) in table.Rows())
        {
            InputFileException Error(int column, string message) => new(path, line, column + 1, message);
            string Cell(int column) => column < 0 ? string.Empty : f[column].Trim();

            if (!CdsCode.TryParse(Cell(cds), out var code))
            {
                throw Error(cds, $"'{Cell(cds)}' is not a 14-digit CDS code");
            }

            if (!Indicators.TryParse(Cell(indicator), out var ind) || ind == Indicator.Science)
            {
                throw Error(indicator, $"unknown indicator '{Cell(indicator)}'; expected ela, math, elpi, chronic, grad, susp or cci");
            }

            if (!StudentGroups.TryParse(Cell(group), out var g))
            {
                throw Error(group, $"unknown student group '{Cell(group)}'; expected one of {string.Join(", ", StudentGroups.KnownCodes)}");
            }

            var den = Number(Cell(denominator), () => Error(denominator, $"Denominator must be a whole number of students, 0 or more, found '{Cell(denominator)}'"), whole: true)
                      ?? throw Error(denominator, "Denominator is required");
            var isTest = ind is Indicator.Ela or Indicator.Math;
            decimal? num = null, avg = null;
            if (isTest)
            {
                avg = Number(Cell(distance), () => Error(distance, $"AverageDistance must be a number of points, found '{Cell(distance)}'"), whole: false)
                      ?? throw Error(Math.Max(distance, 0), $"{ind.DisplayName()} needs AverageDistance (average distance from standard)");
            }
            else
            {
                num = Number(Cell(numerator), () => Error(numerator, $"Numerator must be a whole number of students, 0 or more, found '{Cell(numerator)}'"), whole: true)
                      ?? throw Error(Math.Max(numerator, 0), $"{ind.DisplayName()} needs Numerator (students counted)");
                if (num > den)
                {
                    throw Error(numerator, $"Numerator {num} is larger than Denominator {den}");
                }

                if (den == 0)
                {
                    throw Error(denominator, "Denominator must be more than 0 for a rate");
                }
            }

            var prior = Number(Cell(priorStatus), () => Error(priorStatus, $"PriorStatus must be a number, found '{Cell(priorStatus)}'"), whole: false);
            var priorDen = Number(Cell(priorDenominator), () => Error(priorDenominator, $"PriorDenominator must be a whole number, found '{Cell(priorDenominator)}'"), whole: true);
            if (!seen.TryAdd((code, ind, g), line))
            {
                throw Error(group, $"duplicate row for {code} {ind.DisplayName()} {g}: already given on line {seen[(code, ind, g)]}");
            }

            results.Add(new OwnResult(code, ind, g, (int)den, num, avg, prior, priorDen is null ? null : (int)priorDen, new SourceRef(Path.GetFileName(path), line)));
        }

        return results;
    }

    private static decimal? Number(string text, Func<InputFileException> error, bool whole)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || (whole && (value < 0 || value != decimal.Truncate(value))))
        {
            throw error();
        }

        return value;
    }
}
