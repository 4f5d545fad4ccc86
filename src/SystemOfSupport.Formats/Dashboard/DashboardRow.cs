using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.Dashboard;

/// <summary>The levels, color and box a row publishes; null where the file has no such column.</summary>
public sealed record PublishedLevels(int? StatusLevel, int? ChangeLevel, DashboardColor? Color, int? Box);

/// <summary>
/// One Dashboard row of any kind, with the entity it belongs to (<see cref="RecordType"/> X state, D district or county office, S school): the row
/// as the rules read it, the numbers the color engine reads, and what the state published.
/// </summary>
/// <param name="ColorSetByState">
/// The state set the color by hand: <c>dataerrorflag</c>, 2018 suspension's <c>certifyflag</c> (data not certified:
/// Orange) or 2017 ELPI's <c>flag50pct</c> (under half tested: Orange) is Y.
/// </param>
public sealed record DashboardRow(Lea Lea, string RecordType, bool Charter, IndicatorResult Result, IndicatorMeasure Measure, PublishedLevels Published, bool ColorSetByState);
