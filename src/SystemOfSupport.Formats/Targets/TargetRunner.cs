using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;
using SystemOfSupport.Core.Targets;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Formats.Runs;

namespace SystemOfSupport.Formats.Targets;

/// <summary>One LEA's targets to leave Red and the fewest of them that would end its identification.</summary>
public sealed record LeaTargets(Determination Determination, IReadOnlyList<Target> Targets, EligibilityExit Exit);

/// <summary>Reads a year's Dashboard files once, decides every district and COE, and works out their targets.</summary>
public static class TargetRunner
{
    public static IReadOnlyList<LeaTargets> Run(DeterminationRequest request, IReadOnlySet<CdsCode>? only = null)
    {
        var rules = RuleBook.For(request.Year);
        var directory = request.DashboardDirectory ?? throw new ArgumentException("targets need the year's Dashboard files (--dashboard)");
        var rows = DashboardDataSet.Discover(directory, request.Year, rules.IndicatorsUsed.ToHashSet()).Used
            .SelectMany(f => DashboardReader.ReadRows(f.Path))
            .Where(r => r.RecordType == "D" || (r.RecordType == "S" && r.Charter))
            .ToList();
        var measures = rows.ToDictionary(r => (r.Result.Cds, r.Result.Indicator, r.Result.Group), r => r.Measure);
        var source = new DashboardFileSummary(directory, Indicator.Ela, request.Year, 0, rows.Count, rows.Count);
        var run = DeterminationRunner.Run(request, DashboardDataSet.FromRecords(request.Year, rows.Select(r => new DashboardRecord(r.Lea, r.Result)), source));

        var results = new List<LeaTargets>();
        foreach (var d in run.Determinations.Where(d => only is null || only.Contains(d.Lea.Cds)))
        {
            var lea = run.Dashboard.Leas.GetValueOrDefault(d.Lea.Cds);
            var targets = rules.Groups
                .SelectMany(g => rules.IndicatorsUsed.Select(i => measures.GetValueOrDefault((d.Lea.Cds, i, g))))
                .OfType<IndicatorMeasure>()
                .Select(m => RedTargets.For(d.Lea, m))
                .OfType<Target>()
                .ToList();
            var local = run.Local.ForLea(d.Lea.Cds);
            var evidence = new LeaEvidence(d.Lea, lea?.Results ?? LeaResults.Empty, lea is not null, local, local.Count > 0, run.History);
            results.Add(new LeaTargets(d, targets, RedTargets.SmallestExit(rules, evidence, targets, request.Settings)));
        }

        return results;
    }
}
