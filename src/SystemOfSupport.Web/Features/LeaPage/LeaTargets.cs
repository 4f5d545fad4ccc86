using System.Globalization;
using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Targets;

namespace SystemOfSupport.Web.Features.LeaPage;

/// <summary>The targets to leave Red: each Red result's smallest improvement that leaves Red, or why none could be worked out.</summary>
/// <param name="Unavailable">Results the stored numbers could not reproduce, with the reason.</param>
public sealed record TargetsView(IReadOnlyList<string> Targets, IReadOnlyList<string> Unavailable, string Note);

/// <summary>
/// <c>sos targets</c>' search on the stored results (the LEA page and its one-page report): a result is used only when the
/// color engine gives back its stored color and level from the stored numbers.
/// </summary>
public static class LeaTargets
{
    public static TargetsView Of(Determination d)
    {
        var red = d.Groups.Where(g => g.Group.IsAccountabilityGroup())
            .SelectMany(g => g.Priorities.SelectMany(p => p.Criteria).SelectMany(c => c.Evidence))
            .Where(r => r.Color == DashboardColor.Red)
            .DistinctBy(r => (r.Group, r.Indicator))
            .OrderBy(r => r.Group).ThenBy(r => r.Indicator)
            .ToList();
        var targets = new List<string>();
        var unavailable = new List<string>();
        foreach (var r in red)
        {
            var measure = new IndicatorMeasure(d.Year, r.Indicator, r.Group, d.Lea.Kind != LeaKind.CharterSchool, r.CurrentStatus, r.CurrentDenominator, r.PriorStatus, r.PriorDenominator, null, false, null)
            {
                Change = r.Change,
            };
            var again = ColorEngine.Compute(measure);
            var label = $"{r.Group} {r.Indicator.DisplayName()}";
            if (r.Indicator == Indicator.Susp)
            {
                unavailable.Add($"{label}: the suspension cut points depend on the file's school type (ED, HD, UD, …), which the store does not keep; sos targets reads it from the file");
            }
            else if (again.Color != r.Color || again.StatusLevel != r.StatusLevel)
            {
                unavailable.Add($"{label}: the stored numbers do not give back its Red ({again.Explanation})");
            }
            else if (RedTargets.For(d.Lea, measure) is { } target)
            {
                targets.Add($"{label}: {target.Description}");
            }
            else
            {
                unavailable.Add($"{label}: no improvement at {r.CurrentDenominator?.ToString(CultureInfo.InvariantCulture) ?? "this"} students leaves Red");
            }
        }

        var note = red.Count == 0 ? "No Red results: nothing to leave."
            : !d.IsIdentified ? "Not identified by Methods 1–3: no identification to end."
            : "Each target holds every other result; which of them together end the identification needs the year's Dashboard files (sos targets).";
        return new TargetsView(targets, unavailable, note);
    }
}
