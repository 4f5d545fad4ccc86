using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Formats.Runs;

namespace SystemOfSupport.Formats.Projections;

/// <summary>One projected Dashboard result: the numbers, what the color engine makes of them, and where they came from.</summary>
public sealed record ProjectedResult(Lea Lea, IndicatorMeasure Measure, ColorResult Color, SourceRef Source);

/// <summary>A projection's results and the assistance decisions that follow from them.</summary>
public sealed record ProjectionRun(DeterminationRun Run, IReadOnlyList<ProjectedResult> Results, IReadOnlyList<string> Warnings);

/// <summary>
/// Projects an LEA's Dashboard colors, and the assistance decision, from its own current-year numbers with last
/// year's published results as the prior — before the state publishes.
/// </summary>
public static class ProjectionRunner
{
    /// <summary>
    /// <paramref name="request"/> gives the year, local indicators, history and settings as for a determination;
    /// its <see cref="DeterminationRequest.PriorDashboardDirectory"/> (last year's published files) is required.
    /// </summary>
    public static ProjectionRun Run(DeterminationRequest request, string ownData, IProgress<RunProgress>? progress = null)
    {
        var priorDirectory = request.PriorDashboardDirectory
            ?? throw new ArgumentException("a projection needs last year's published Dashboard files (--prior-dashboard) for the prior status");
        var priorYear = DashboardYears.Previous(request.Year) ?? throw new ArgumentException($"{request.Year} has no prior Dashboard year");
        var rules = RuleBook.For(request.Year);
        var own = OwnDataReader.Read(ownData);
        var prior = PriorRows(priorDirectory, priorYear, rules);
        var warnings = new List<string>();
        var noPrior = 0;
        var projected = new List<ProjectedResult>(own.Count);
        foreach (var row in own)
        {
            var last = prior.GetValueOrDefault((row.Cds, row.Indicator, row.Group));
            if (last is null)
            {
                noPrior++;
            }

            // The suspension type, grade 11 cut points and DASS belong to the entity, not the group: a group new this
            // year (LTEL in 2024) takes them from the entity's other rows.
            var entity = last ?? prior.GetValueOrDefault((row.Cds, row.Indicator, StudentGroup.ALL))
                ?? prior.Values.FirstOrDefault(p => p.Result.Cds == row.Cds && p.Result.Indicator == row.Indicator);

            var priorStatus = row.PriorStatus ?? last?.Measure.CurrentStatus;
            var priorExact = row.PriorStatus ?? last?.Measure.ExactCurrentStatus;
            var measure = new IndicatorMeasure(
                request.Year,
                row.Indicator,
                row.Group,
                IsLeaLevel: row.Cds.IsLeaLevel,
                row.Status,
                row.Denominator,
                priorStatus,
                row.PriorDenominator ?? last?.Measure.CurrentDenominator,
                entity?.Measure.SuspensionType,
                entity?.Measure.HsCutPoints ?? false,
                SmallDenominator: row.Denominator < NextYear.SmallDenominatorThreshold)
            {
                Dass = entity?.Measure.Dass ?? false,
                Change = priorExact is { } p ? Math.Round(row.ExactStatus - p, 1, MidpointRounding.AwayFromZero) : null,
            };
            var lea = entity?.Lea ?? new Lea(row.Cds, Lea.KindOf(row.Cds, coeFlag: false, charterFlag: !row.Cds.IsLeaLevel), row.Cds.Value, string.Empty);
            projected.Add(new ProjectedResult(lea, measure, ColorEngine.Compute(measure), row.Source));
        }

        if (noPrior > 0)
        {
            warnings.Add($"{noPrior} of the {own.Count} own results have no {priorYear} published result to compare with: they get a status but no color, as on the Dashboard.");
        }

        var nsize = ColorEngine.For(request.Year).NSize;
        var records = projected.Select(p => new DashboardRecord(p.Lea, new IndicatorResult(
            p.Lea.Cds,
            p.Measure.Indicator,
            p.Measure.Group,
            p.Color.Color,
            p.Color.StatusLevel,
            p.Color.ChangeLevel,
            p.Measure.CurrentDenominator,
            p.Measure.CurrentStatus,
            p.Measure.PriorDenominator,
            p.Measure.PriorStatus,
            p.Measure.Change,
            p.Measure.CurrentDenominator >= nsize.ForColor(p.Measure.Group, p.Measure.IsLeaLevel),
            p.Color.AccountabilityMet,
            p.Source)));
        var source = new DashboardFileSummary(ownData, Indicator.Ela, request.Year, new FileInfo(ownData).Length, own.Count, own.Count);
        var dashboard = DashboardDataSet.FromRecords(request.Year, records, source);
        // Last year's rows, read once above, also give the charters their prior year.
        var priorData = DashboardDataSet.FromRecords(priorYear, prior.Values.Select(r => new DashboardRecord(r.Lea, r.Result)),
            new DashboardFileSummary(priorDirectory, Indicator.Ela, priorYear, 0, prior.Count, prior.Count));
        var run = DeterminationRunner.Run(request, dashboard, progress, priorData);
        return new ProjectionRun(run with { Warnings = [.. warnings, .. run.Warnings], Projected = true }, projected, warnings);
    }

    private static Dictionary<(CdsCode, Indicator, StudentGroup), DashboardRow> PriorRows(string directory, int year, DaRuleSet rules)
    {
        var rows = new Dictionary<(CdsCode, Indicator, StudentGroup), DashboardRow>();
        foreach (var (path, _) in DashboardDataSet.Discover(directory, year, rules.IndicatorsUsed.ToHashSet()).Used)
        {
            foreach (var row in DashboardReader.ReadRows(path).Where(r => r.RecordType != "X"))
            {
                rows.TryAdd((row.Result.Cds, row.Result.Indicator, row.Result.Group), row);
            }
        }

        return rows;
    }
}
