using SystemOfSupport.Core.Casework;

namespace SystemOfSupport.Web.Features.Cases;

/// <summary>The list's filters: county (name or code), step, term year, one LEA.</summary>
public sealed record CaseFilter(string? County = null, CaseStep? Step = null, int? Year = null, string? Lea = null);

public sealed record CaseRow(int Id, string Cds, string LeaName, string CountyCode, string County, int TermYear, CaseStep Step, string StepLabel, int OpenTasks, DateOnly? NextMeeting);

public sealed record CaseList(CaseFilter Filter, IReadOnlyList<CaseRow> Cases, IReadOnlyList<int> TermYears);

public sealed record Participant(string Name, string Role);

public sealed record MeetingView(int Id, DateOnly Date, string Purpose, IReadOnlyList<Participant> Participants, string? Notes);

public sealed record EngagementView(int Id, DateOnly Date, string Partners, string Summary);

public sealed record NoteView(int Id, DateTime WrittenUtc, string Author, string Text);

public sealed record TaskView(int Id, string Title, string Owner, DateOnly Due, bool Done);

public sealed record DocumentView(int Id, string Name, string? ContentType, int? Bytes, string? Link, DateTime AddedUtc, string AddedBy);

public sealed record Level3View(int Id, Level3Action Action, string ActionLabel, DateOnly Date, string Decision);

public sealed record ToolkitFormView(ToolkitForm Form, string Title, IReadOnlyList<ToolkitField> Fields, IReadOnlyDictionary<string, string?> Values, DateTime? SavedUtc);

public sealed record AuditView(int Version, DateTime AtUtc, string Who, string Entity, int? EntityId, string Action, string? Before, string? After);

/// <summary>A move the case may make from its step: allowed now, or refused with the reason.</summary>
public sealed record NextStep(CaseStep To, string Action, bool Allowed, string? Refusal);

/// <summary>Everything on one case. <see cref="Version"/> goes back with every change.</summary>
public sealed record CaseView(
    int Id,
    string Cds,
    string LeaName,
    string CountyCode,
    string County,
    int TermYear,
    CaseStep Step,
    string StepLabel,
    int Version,
    bool Method4,
    bool Level3,
    string? RootCauses,
    string? Strategies,
    string? PlanSummary,
    int? ContinuesCaseId,
    int? ContinuedByCaseId,
    IReadOnlyList<NextStep> NextSteps,
    IReadOnlyList<MeetingView> Meetings,
    IReadOnlyList<EngagementView> Engagements,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<TaskView> Tasks,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<Level3View> Level3Records,
    IReadOnlyList<ToolkitFormView> ToolkitForms,
    IReadOnlyList<AuditView> Audit);
