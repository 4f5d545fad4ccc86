namespace SystemOfSupport.Core.Domain;

/// <summary>Where a value came from, so every finding can point at the state's own row.</summary>
public sealed record SourceRef(string File, int Line);

/// <summary>One Dashboard row: an entity's result on one indicator for one student group.</summary>
public sealed record IndicatorResult(
    CdsCode Cds,
    Indicator Indicator,
    StudentGroup Group,
    DashboardColor Color,
    int StatusLevel,
    int ChangeLevel,
    int? CurrentDenominator,
    decimal? CurrentStatus,
    int? PriorDenominator,
    decimal? PriorStatus,
    decimal? Change,
    bool? CurrentNSizeMet,
    bool? AccountabilityMet,
    SourceRef Source)
{
    public bool HasColor => Color != DashboardColor.None;
}
