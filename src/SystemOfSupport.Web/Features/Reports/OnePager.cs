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

public sealed record OnePagerQuery(string Cds, int? Year);

/// <summary>One LEA on one page: its status and reasons, its history, its targets, the top matched resources, and its case.</summary>
public sealed record OnePager(LeaView Lea, IReadOnlyList<string> Reasons, TargetsView Targets, IReadOnlyList<MatchView> Resources, OnePagerCase? Case, DateTime GeneratedUtc);

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

        return new OnePager(lea, Reasons(determination), LeaTargets.Of(determination), [.. (matches?.Matches ?? []).Take(TopResources)], progress, clock.GetUtcNow().UtcDateTime);
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
}
