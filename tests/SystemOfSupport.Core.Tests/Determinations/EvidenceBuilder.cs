using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Tests.Determinations;

/// <summary>Builds an LEA's evidence row by row, as a Dashboard file would give it.</summary>
internal sealed class EvidenceBuilder
{
    private readonly LeaResults results = new();
    private readonly List<LocalIndicatorResult> local = [];
    private int line = 1;
    private int denominator = 120;

    public EvidenceBuilder(LeaKind kind = LeaKind.District, string cds = "27661590000000")
    {
        Lea = new Lea(CdsCode.Parse(kind == LeaKind.CountyOffice ? "27102720000000" : cds), kind, "Test Unified", "Monterey");
    }

    public Lea Lea { get; }

    public AssistanceStatus? Prior { get; set; }

    public bool HasHistory { get; set; } = true;

    public EvidenceBuilder Color(StudentGroup group, Indicator indicator, DashboardColor color, int statusLevel = 1, bool? currNSizeMet = true)
    {
        results.TryAdd(new IndicatorResult(Lea.Cds, indicator, group, color, statusLevel, color == DashboardColor.None ? 0 : 3,
            denominator, -50m, 110, -45m, -5m, currNSizeMet, color != DashboardColor.None, new SourceRef($"{indicator.FileStem()}download.txt", ++line))).ShouldBeTrue();
        return this;
    }

    /// <summary>The current denominator of the rows added from here on.</summary>
    public EvidenceBuilder Denominator(int students)
    {
        denominator = students;
        return this;
    }

    public EvidenceBuilder Status(StudentGroup group, Indicator indicator, int statusLevel, bool currNSizeMet) =>
        Color(group, indicator, DashboardColor.None, statusLevel, currNSizeMet);

    public EvidenceBuilder Local(PriorityArea priority, LocalPerformance performance)
    {
        local.Add(new LocalIndicatorResult(Lea.Cds, priority, performance, 2024, new SourceRef($"Pr{(int)priority}2024.xlsx", local.Count + 2)));
        return this;
    }

    /// <summary>Earlier years' rows, for Level 3; <see cref="Prior"/> adds the prior year's status to them.</summary>
    public List<AssistanceHistoryRow> History { get; } = [];

    public LeaEvidence Build(int year)
    {
        var rows = new List<AssistanceHistoryRow>(History);
        if (HasHistory && Core.Rules.DashboardYears.Previous(year) is int prior)
        {
            var statuses = Prior is { } p ? new Dictionary<int, AssistanceStatus> { [prior] = p } : [];
            rows.Add(new AssistanceHistoryRow(Lea.Cds, Lea.Name, null, Lea.County, null, prior, new Dictionary<StudentGroup, string>(), null,
                statuses, new Dictionary<int, bool>(), null, new SourceRef("history.xlsx", 7)));
        }

        return new(Lea, results, results.Count > 0, local, local.Count > 0, new AssistanceHistory(rows));
    }

    public Determination Determine(int year, DeterminationSettings? settings = null) =>
        DifferentiatedAssistance.Determine(Core.Rules.RuleBook.For(year), Build(year), settings ?? DeterminationSettings.Defaults);
}
