using System.Globalization;
using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Targets;
using SystemOfSupport.Web.Features.LeaPage;
using SystemOfSupport.Web.Features.Resources;

namespace SystemOfSupport.Web.Features.Reports;

/// <summary>Where an LEA's assistance case stands, as the one-pager shows it.</summary>
/// <param name="Step">The lifecycle step the case is at (<c>Data review and root-cause analysis</c>).</param>
/// <param name="Term">The assistance term (<c>2024–2026</c>).</param>
public sealed record OnePagerCase(string Step, string Term, DateOnly? NextMeeting, int OpenTasks);

/// <summary>
/// The casework feature's answer for one LEA: registered by that feature (none registered means no case is shown as
/// "No case recorded"). The one-pager asks it with the LEA's 14-digit CDS code and the Dashboard year shown.
/// </summary>
public interface ICaseProgress
{
    Task<OnePagerCase?> Progress(string cds, int year, CancellationToken cancellationToken);
}

/// <summary>The targets section: each Red result's smallest improvement that leaves Red, or why none could be worked out.</summary>
/// <param name="Unavailable">Results the stored numbers could not reproduce, with the reason.</param>
public sealed record OnePagerTargets(IReadOnlyList<string> Targets, IReadOnlyList<string> Unavailable, string Note);

public sealed record OnePagerQuery(string Cds, int? Year);

/// <summary>One LEA on one page: its status and reasons, its history, its targets, the top matched resources, and its case.</summary>
public sealed record OnePager(LeaView Lea, IReadOnlyList<string> Reasons, OnePagerTargets Targets, IReadOnlyList<MatchView> Resources, OnePagerCase? Case, DateTime GeneratedUtc);

public sealed class OnePagerHandler(LeaHandler leas, ResourceHubHandler hub, IEnumerable<ICaseProgress> cases, TimeProvider clock)
{
    /// <summary>Resources shown on the page; the full list is at <c>/resources?lea=CDS</c>.</summary>
    public const int TopResources = 4;

    /// <summary>Reason lines shown; the LEA page has them all.</summary>
    public const int MaxReasons = 8;

    public async Task<OnePager?> Handle(OnePagerQuery query, CancellationToken cancellationToken)
    {
        if (await leas.Handle(new LeaQuery(query.Cds, query.Year), cancellationToken) is not { } lea)
        {
            return null;
        }

        var determination = LeaHandler.DeterminationOf(lea);
        var matches = await hub.ForLea(new LeaResourcesQuery(lea.Cds, lea.Year), cancellationToken);
        OnePagerCase? progress = null;
        foreach (var source in cases)
        {
            progress ??= await source.Progress(lea.Cds, lea.Year, cancellationToken);
        }

        return new OnePager(lea, Reasons(determination), Targets(determination), [.. (matches?.Matches ?? []).Take(TopResources)], progress, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The status reason, each method met, Level 3, and each group's met priorities (<see cref="Explanation"/>'s words).</summary>
    private static List<string> Reasons(Determination d)
    {
        var reasons = new List<string> { d.StatusReason };
        reasons.AddRange(d.Methods.Where(m => m.Met).Select(m => $"Method {m.Number}: {m.Reason}"));
        if (d.Level3 is { Flag: true } l3)
        {
            reasons.Add($"Level 3 (EC 52072): {l3.Reason}");
        }

        // Explanation words each met priority on an indented line under its group.
        var explanation = Explanation.Lines(d);
        string? group = null;
        foreach (var line in explanation)
        {
            var trimmed = line.TrimStart();
            if (line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal))
            {
                group = trimmed.Split(' ', 2)[0];
            }
            else if (trimmed.StartsWith("priority ", StringComparison.Ordinal) && group is not null)
            {
                reasons.Add($"{group}: {trimmed}");
            }
        }

        return reasons.Count <= MaxReasons ? reasons : [.. reasons.Take(MaxReasons - 1), $"… and {reasons.Count - MaxReasons + 1} more on the LEA page."];
    }

    /// <summary>
    /// <c>sos targets</c>'s search (<see cref="RedTargets.For"/>) on each Red result the findings cite. The store keeps
    /// the rows' numbers but not every column the color engine reads (the suspension file's school type, ELA/Math's
    /// grade 11 cut points), so a result is used only when the engine, given the stored numbers, gives back its stored
    /// color and status level; the others are named with the reason.
    /// </summary>
    private static OnePagerTargets Targets(Determination d)
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
        return new OnePagerTargets(targets, unavailable, note);
    }
}
