using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Providers;
using SystemOfSupport.Formats.Runs;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Caching;
using SystemOfSupport.Web.Features.Calpads;
using SystemOfSupport.Web.Features.Exports;
using SystemOfSupport.Web.Features.CountyPage;
using SystemOfSupport.Web.Features.StatePage;
using SystemOfSupport.Web.Features.Years;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.LeaPage;

/// <param name="Cds">The 14-digit CDS code, or the 7-digit CD code of a district or county office.</param>
public sealed record LeaQuery(string Cds, int? Year);

/// <summary>One Dashboard result: its color by name (never by shade alone), its levels and values.</summary>
/// <param name="Color">Red, Orange, Yellow, Green, Blue, or <c>No color</c>.</param>
/// <param name="Students">The current denominator.</param>
public sealed record GridCell(string Indicator, string Color, int StatusLevel, int ChangeLevel, decimal? Status, decimal? Change, int? Students);

/// <param name="Cells">One per <see cref="DashboardGrid.Indicators"/> entry, null where the group has no result on it.</param>
public sealed record GridRow(string Group, string GroupName, string? Letter, IReadOnlyList<int> PrioritiesMet, IReadOnlyList<GridCell?> Cells);

/// <summary>The indicator × student group grid behind the decision, from the Dashboard rows the findings cite.</summary>
public sealed record DashboardGrid(IReadOnlyList<string> Indicators, IReadOnlyList<GridRow> Groups);

public sealed record MethodView(int Number, bool Met, string Reason);

public sealed record Level3View(string Flag, IReadOnlyList<int> Window, string Reason);

public sealed record ProviderView(string Name, string Kind, string Reason);

public sealed record EssaSchool(string Cds, string Name, string Status, int YearsInCsi, bool NotExitedWithinFourYears, string Reason);

public sealed record EssaView(string Reason, IReadOnlyList<EssaSchool> Schools);

/// <summary>The LEA's decision in each stored year.</summary>
public sealed record TimelineYear(int Year, string Status, string Letters, IReadOnlyList<int> MetMethods, string? Level3);

/// <summary>
/// The LEA page: the grid, the letters, each method's reason, Level 3, the provider, ESSA, the plain-words explanation
/// (<see cref="Explanation"/>), the stored years, and the LEA's entry of the findings file as written.
/// </summary>
public sealed record LeaView(
    int Year,
    IReadOnlyList<int> Years,
    string Cds,
    string Name,
    string Kind,
    string CountyCode,
    string CountyName,
    string CountySlug,
    string Status,
    string StatusReason,
    bool InAssistance,
    DashboardGrid Grid,
    IReadOnlyList<MethodView> Methods,
    Level3View? Level3,
    ProviderView? Provider,
    EssaView? Essa,
    IReadOnlyList<string> Explanation,
    IReadOnlyList<TimelineYear> Timeline,
    CalpadsView? Calpads,
    TargetsView Targets,
    string Projection,
    IReadOnlyList<LeaLink> Links,
    JsonElement Findings);

/// <summary>A page about the LEA elsewhere in the app (casework, resources, its one-page report).</summary>
public sealed record LeaLink(string Name, string Url);

public sealed class LeaHandler(SosDb db, YearsHandler years, Viewer viewer, CalpadsHandler calpads, DecidedViews views, TimeProvider clock)
{
    public async Task<LeaView?> Handle(LeaQuery query, CancellationToken cancellationToken)
    {
        var code = query.Cds.Trim();
        if (code.Length == 7)
        {
            code += CdsCode.LeaSchoolCode;
        }

        if (!CdsCode.TryParse(code, out var cds) || !Counties.TryGetOf(cds, out var county) || await years.Choose(query.Year, cancellationToken) is not { } choice)
        {
            return null;
        }

        // Every stored year of the LEA the viewer may see, in one query (the timeline, and the year shown), kept per scope
        // until the next import or publish; never the findings, which are the same for every viewer and kept apart.
        var timeline = await views.GetOrCreate(
            (nameof(TimelineRow), cds.Value, viewer.ScopeKey),
            () => viewer.Leas(db).Where(l => l.Cds == cds.Value).OrderBy(l => l.Year)
                .Select(l => new TimelineRow(l.Year, l.Name, l.Kind, l.Status, l.InAssistance, l.Letters, l.MetMethods, l.Level3))
                .ToListAsync(cancellationToken),
            t => 512L * (t.Count + 1));
        if (timeline.SingleOrDefault(t => t.Year == choice.Year) is not { } row)
        {
            return null;
        }

        var stored = await views.GetOrCreate(
            (nameof(StoredFindings), choice.Year, cds.Value),
            () => Findings(choice.Year, cds.Value, row.Kind == nameof(LeaKind.CharterSchool), cancellationToken),
            f => f.Size);
        var determination = stored.Determination;
        return new LeaView(
            choice.Year,
            choice.Years,
            cds.Value,
            row.Name,
            CountyHandler.KindName(determination.Lea.Kind),
            county.Code,
            county.Name,
            StateOverviewHandler.Slug(county),
            row.Status,
            determination.StatusReason,
            row.InAssistance,
            stored.Grid,
            [.. determination.Methods.Select(m => new MethodView(m.Number, m.Met, m.Reason))],
            determination.Level3 is { } l3 ? new Level3View(CountyHandler.Level3Words(l3.Flag), l3.Window, l3.Reason) : null,
            determination.Provider is { } p ? new ProviderView(p.Name, p.Kind.ToString(), p.Reason) : null,
            determination.Essa is { } e
                ? new EssaView(e.Reason, [.. e.Schools.Select(s => new EssaSchool(s.School.Value, s.SchoolName, s.Status.ToString(), s.YearsInCsi, s.NotExitedWithinFourYears, s.Reason))])
                : null,
            stored.Explanation,
            [.. timeline.Select(t => new TimelineYear(t.Year, t.Status, t.Letters, CountyHandler.MethodNumbers(t.MetMethods), CountyHandler.Level3Words(t.Kind, t.Level3)))],
            await Calpads(cds.Value, cancellationToken),
            stored.Targets,
            ProjectionNote,
            [new("Casework", $"/cases?lea={cds.Value}"), new("Resources", $"/resources?lea={cds.Value}"), new("One-page report", $"/reports/{cds.Value}")],
            stored.Json);
    }

    /// <summary>
    /// The LEA's CALPADS section as of today, for the viewer's scope: the same until the next import (several queries
    /// otherwise made on every request by staff, whom the output cache does not serve).
    /// </summary>
    private async Task<CalpadsView?> Calpads(string cds, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var section = await views.GetOrCreate(
            (nameof(LeaCalpads), cds, viewer.ScopeKey, today),
            async () => new LeaCalpads(await calpads.Handle(new CalpadsQuery(null, null, cds), cancellationToken)),
            _ => 8 * 1024);
        return section.View;
    }

    /// <summary>One stored year of the LEA, as the timeline and the page's heading need it.</summary>
    private sealed record TimelineRow(int Year, string Name, string Kind, string Status, bool InAssistance, string Letters, string MetMethods, bool? Level3);

    /// <summary>A CALPADS section, or none, as a cache entry (the cache keeps no nulls).</summary>
    private sealed record LeaCalpads(CalpadsView? View);

    /// <summary>
    /// An LEA's stored findings, read once, and what the page makes of them for every viewer alike (the grid, the
    /// explanation, the targets search): only the timeline and CALPADS, which depend on the viewer, are queried per request.
    /// </summary>
    /// <param name="Size">Its approximate size in memory: the JSON's characters, kept twice over (parsed and as objects).</param>
    private sealed record StoredFindings(Determination Determination, JsonElement Json, DashboardGrid Grid, IReadOnlyList<string> Explanation, TargetsView Targets, long Size);

    private async Task<StoredFindings> Findings(int year, string cds, bool charter, CancellationToken cancellationToken)
    {
        var json = await db.Leas.Where(l => l.Year == year && l.Cds == cds).Select(l => l.Findings).SingleAsync(cancellationToken);
        var determination = DeterminationOf(charter, json);
        return new StoredFindings(
            determination,
            JsonSerializer.Deserialize<JsonElement>(json),
            Grid(determination.Groups),
            Explanation.Lines(determination),
            LeaTargets.Of(determination),
            4L * json.Length);
    }

    /// <summary>Why the page does not project: a projection starts from the LEA's own numbers for the coming year, which the store does not hold.</summary>
    public const string ProjectionNote =
        "A projection of the next decision needs the LEA's own numbers for the coming year: `sos project --year YYYY --own FILE "
        + "--prior-dashboard DIR` projects the colors and the decision from them with this year's published results as the prior "
        + "(layout in data/projections/README.md).";

    /// <summary>The grid as the page shows it, to download: one row per student group, each indicator's color and values in words.</summary>
    public static ExportTable Export(LeaView view) => new(
        $"{view.Cds}-{view.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        ["Student group", "Code", "Letter", "Priorities met", .. view.Grid.Indicators],
        [.. view.Grid.Groups.Select(g => (IReadOnlyList<string>)
        [
            g.GroupName, g.Group, g.Letter ?? string.Empty, string.Join(",", g.PrioritiesMet),
            .. g.Cells.Select(c => c is null ? string.Empty : $"{c.Color}; {string.Join("; ", LeaModel.Values(c))}"),
        ])]);
    /// <summary>The decision a view was made from (its stored findings), for features that read more of it than the page shows.</summary>
    public static Determination DeterminationOf(LeaView view) =>
        DeterminationOf(view.Kind == CountyHandler.KindName(LeaKind.CharterSchool), view.Findings.GetRawText());

    private static Determination DeterminationOf(bool charter, string findings) => charter
        ? AsDetermination(Deserialize<CharterDetermination>(findings))
        : Deserialize<Determination>(findings);

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, FindingsJson.Options) ?? throw new JsonException($"stored findings are not a {typeof(T).Name}");

    /// <summary>A charter school's decision in the shape <see cref="Explanation"/> words: this year's criteria and the status.</summary>
    private static Determination AsDetermination(CharterDetermination c) =>
        new(c.Charter, c.Year, c.Current.Groups, c.Current.TotalStudentGroups, c.Current.Methods, c.Status, c.Reason, c.Current.LocalIndicators, null, c.Current.Notes)
        {
            Provider = c.Provider,
            Essa = c.Essa,
        };

    private static DashboardGrid Grid(IReadOnlyList<GroupFinding> groups)
    {
        var results = groups.ToDictionary(
            g => g.Group,
            g => g.Priorities.SelectMany(p => p.Criteria).SelectMany(c => c.Evidence).DistinctBy(r => r.Indicator).ToDictionary(r => r.Indicator));
        var indicators = results.Values.SelectMany(r => r.Keys).Distinct().Order().ToList();
        return new DashboardGrid(
            [.. indicators.Select(i => i.DisplayName())],
            [
                .. groups.Where(g => results[g.Group].Count > 0).Select(g => new GridRow(
                    g.Group.ToString(),
                    g.Group.DisplayName(),
                    g.Letter,
                    [.. g.MetPriorities.Select(p => p.Number())],
                    [.. indicators.Select(i => results[g.Group].TryGetValue(i, out var r) ? Cell(r) : null)])),
            ]);
    }

    private static GridCell Cell(IndicatorResult r) => new(
        r.Indicator.DisplayName(),
        r.Color == DashboardColor.None ? "No color" : r.Color.ToString(),
        r.StatusLevel,
        r.ChangeLevel,
        r.CurrentStatus,
        r.Change,
        r.CurrentDenominator);
}
