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

    public LeaEvidence Build() => new(Lea, results, results.Count > 0, local, local.Count > 0, Prior, HasHistory);

    public Determination Determine(int year, DeterminationSettings? settings = null) =>
        DifferentiatedAssistance.Determine(Core.Rules.RuleBook.For(year), Build(), settings ?? DeterminationSettings.Defaults);
}
