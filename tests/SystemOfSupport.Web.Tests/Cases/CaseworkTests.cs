using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SystemOfSupport.Core.Casework;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Cases;
using SystemOfSupport.Web.Features.Import;
using SystemOfSupport.Web.Storage;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Cases;

/// <summary>
/// Casework through the API on each database: cases opened by the sample's import, every lifecycle step and refusal,
/// each kind of record, role scoping, concurrent edits and the audit trail. Each test works on a case of its own.
/// </summary>
[Collection(WebServers.Name)]
public class CaseworkTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    private const string MontereyCoe = "27102720000000";

    private static readonly DateOnly Past = new(2025, 1, 15);

    /// <summary>The <paramref name="index"/>th 2024-term case of a district (not the county office), by id.</summary>
    private static async Task<CaseRow> DistrictCase(HttpClient client, int index) =>
        (await client.Get<CaseList>("/api/cases?year=2024")).Cases.Where(c => c.Cds != MontereyCoe).OrderBy(c => c.Id).ElementAt(index);

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_import_opens_one_case_per_identified_LEA_per_term_and_importing_again_opens_none(string database)
    {
        var server = servers.For(database, "cases-import");
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SosDb>();
        var cases = await db.Set<AssistanceCase>().ToListAsync();
        var identified = await db.Leas.Where(l => l.Year == 2024 && l.InAssistance).ToListAsync();
        identified.Count.ShouldBeGreaterThan(0);
        foreach (var lea in identified)
        {
            var term = lea.Status.EndsWith("Year 2", StringComparison.Ordinal) ? 2023 : 2024;
            cases.ShouldContain(c => c.Cds == lea.Cds && c.TermYear <= term && c.Step != nameof(CaseStep.Closed) && c.Step != nameof(CaseStep.Continued), lea.Name);
        }

        cases.Single(c => c.Cds == MontereyCoe && c.TermYear == 2024).ShouldSatisfyAllConditions(
            c => c.Level3.ShouldBeTrue(), c => c.Method4.ShouldBeFalse(), c => c.CountyCode.ShouldBe("27"), c => c.Step.ShouldBe(nameof(CaseStep.Identified)));
        cases.ShouldContain(c => c.ContinuesCaseId != null, "the sample's COE is identified again in 2024");
        foreach (var continued in cases.Where(c => c.ContinuesCaseId is not null))
        {
            var earlier = cases.Single(c => c.Id == continued.ContinuesCaseId);
            (earlier.Cds, earlier.Step).ShouldBe((continued.Cds, nameof(CaseStep.Continued)));
            earlier.TermYear.ShouldBeLessThan(continued.TermYear);
        }

        var audit = await db.Set<CaseAuditEntry>().CountAsync();
        audit.ShouldBe(cases.Count + cases.Count(c => c.Step == nameof(CaseStep.Continued)));

        using var importScope = server.Services.CreateScope();
        var again = await importScope.ServiceProvider.GetRequiredService<ImportYearHandler>().Handle(new ImportYear(2024, Path.Combine(SampleData.FolderName, "2024"), Publish: true), CancellationToken.None);
        again.Committed.ShouldBeTrue(string.Join("; ", again.Errors.Select(e => e.Message)));
        (await db.Set<AssistanceCase>().CountAsync()).ShouldBe(cases.Count);
        (await db.Set<CaseAuditEntry>().CountAsync()).ShouldBe(audit);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_case_moves_through_every_step_each_refused_until_its_evidence_is_recorded(string database)
    {
        var state = await servers.For(database).SignedInAs(Roles.State);
        var id = (await DistrictCase(state, 0)).Id;
        var url = $"/api/cases/{id}";
        var v = (await state.Case(id)).Version;

        (await state.Refused(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.DataReview)))
            .ShouldBe("Cannot move from identified to data review and root-cause analysis: from identified a case may only move to management consultation or closed or continued into a new term.");
        (await state.Refused(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.Closed)))
            .ShouldBe("Cannot move from identified to closed: first the LEA must have left differentiated assistance (close from monitoring otherwise).");
        (await state.Refused(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.Continued)))
            .ShouldBe("Cannot move from identified to continued into a new term: first the LEA must be identified again in a later year.");
        v = (await state.Ok(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.ManagementConsultation))).Version;

        (await state.Refused(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.DataReview)))
            .ShouldBe("Cannot move from management consultation to data review and root-cause analysis: first hold and record a meeting.");
        (await state.Refused(HttpMethod.Post, url + "/meetings", new AddMeeting(v, Past, "Management consultation", [], null))).ShouldBe("Name at least one participant.");
        (await state.Refused(HttpMethod.Post, url + "/meetings", new AddMeeting(v, Past, "Management consultation", [new("Ana Ruiz", "")], null))).ShouldBe("Give every participant a name and a role.");
        v = (await state.Ok(HttpMethod.Post, url + "/meetings", new AddMeeting(v, Past, "Management consultation",
            [new("Ana Ruiz", "Superintendent"), new("Lee Park", "COE differentiated assistance lead")], "Agreed the data to review"))).Version;
        v = (await state.Ok(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.DataReview))).Version;

        (await state.Refused(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.StrategiesChosen)))
            .ShouldBe("Cannot move from data review and root-cause analysis to strategies chosen: first record the root causes found.");
        v = (await state.Ok(HttpMethod.Put, url + "/summary", new EditCaseSummary(v, "Chronic absence among Foster Youth follows school moves", null, null))).Version;
        v = (await state.Ok(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.StrategiesChosen))).Version;

        (await state.Refused(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.LcapPlanSummary)))
            .ShouldBe("Cannot move from strategies chosen to LCAP plan summary: first record the strategies chosen.");
        v = (await state.Ok(HttpMethod.Put, url + "/summary", new EditCaseSummary(v, "Chronic absence among Foster Youth follows school moves", "Attendance liaison for each Foster Youth", null))).Version;
        v = (await state.Ok(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.LcapPlanSummary))).Version;

        (await state.Refused(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.Monitoring)))
            .ShouldBe("Cannot move from LCAP plan summary to monitoring: first write the LCAP plan summary of the assistance work and record an engagement with educational partners.");
        v = (await state.Ok(HttpMethod.Put, url + "/summary", new EditCaseSummary(v, "Chronic absence among Foster Youth follows school moves", "Attendance liaison for each Foster Youth", "Goal 2 action 4 funds the liaisons"))).Version;
        (await state.Refused(HttpMethod.Post, url + "/engagements", new AddEngagement(v, Past, " ", "Heard"))).ShouldBe("The educational partners engaged is required.");
        v = (await state.Ok(HttpMethod.Post, url + "/engagements", new AddEngagement(v, Past, "Foster Youth liaison, parents", "Transport is the barrier"))).Version;
        v = (await state.Ok(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.Monitoring))).Version;

        (await state.Refused(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.LcapPlanSummary)))
            .ShouldBe("Cannot move from monitoring to LCAP plan summary: from monitoring a case may only move to closed or continued into a new term.");
        v = (await state.Ok(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.Closed))).Version;
        (await state.Refused(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.Monitoring)))
            .ShouldBe("Cannot move from closed to monitoring: a case that is closed takes no further steps.");

        var closed = await state.Case(id);
        closed.Step.ShouldBe(CaseStep.Closed);
        closed.NextSteps.ShouldBeEmpty();
        closed.Meetings.Single().Participants.ShouldBe([new("Ana Ruiz", "Superintendent"), new("Lee Park", "COE differentiated assistance lead")]);
        closed.Audit.Where(a => a.Action.StartsWith("Moved", StringComparison.Ordinal)).Select(a => a.Action).Reverse().ShouldBe(
        [
            "Moved from identified to management consultation", "Moved from management consultation to data review and root-cause analysis",
            "Moved from data review and root-cause analysis to strategies chosen", "Moved from strategies chosen to LCAP plan summary",
            "Moved from LCAP plan summary to monitoring", "Moved from monitoring to closed",
        ]);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_stale_edit_is_refused_with_the_other_change_and_the_audit_trail_is_complete(string database)
    {
        var server = servers.For(database);
        var county = await server.SignedInAs(Roles.County, county: "Monterey");
        var lea = (await DistrictCase(county, 1)).Cds;
        var leaStaff = await server.SignedInAs(Roles.Lea, lea: lea);
        var id = (await DistrictCase(county, 1)).Id;
        var url = $"/api/cases/{id}";
        var seen = (await county.Case(id)).Version;
        (await leaStaff.Case(id)).Version.ShouldBe(seen);

        var note = await leaStaff.Ok(HttpMethod.Post, url + "/notes", new AddNote(seen, "Attendance data for 2024-25 shared"));
        note.Version.ShouldBe(seen + 1);
        var conflict = await county.Send(HttpMethod.Post, url + "/tasks", new AddTask(seen, "Review attendance data", "Lee Park", new DateOnly(2026, 1, 30)));
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var body = (await conflict.Content.ReadFromJsonAsync<CaseConflict>(CaseClient.Json))!;
        body.Version.ShouldBe(seen + 1);
        body.Message.ShouldContain($"version {seen}, now {seen + 1}, by lea-");
        body.ChangesSince.Single().ShouldSatisfyAllConditions(
            a => (a.Entity, a.Action, a.EntityId, a.Before).ShouldBe(("CaseNote", "Added", note.EntityId, (string?)null)),
            a => a.After!.ShouldContain("Attendance data for 2024-25 shared"));
        (await county.Case(id)).Tasks.ShouldBeEmpty();

        var task = await county.Ok(HttpMethod.Post, url + "/tasks", new AddTask(body.Version, "Review attendance data", "Lee Park", new DateOnly(2026, 1, 30)));
        var v = (await county.Ok(HttpMethod.Put, $"{url}/tasks/{task.EntityId}/done", new SetTaskDone(task.Version, true))).Version;
        v = (await county.Ok(HttpMethod.Put, $"{url}/notes/{note.EntityId}", new EditNote(v, "Attendance data for 2023-24 and 2024-25 shared"))).Version;
        (await county.DeleteAsync(new Uri($"{url}/notes/{note.EntityId}?version={v - 1}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        v = (await county.DeleteAsync(new Uri($"{url}/notes/{note.EntityId}?version={v}", UriKind.Relative))).StatusCode == HttpStatusCode.OK ? v + 1 : -1;
        v = (await county.DeleteAsync(new Uri($"{url}/tasks/{task.EntityId}?version={v}", UriKind.Relative))).StatusCode == HttpStatusCode.OK ? v + 1 : -1;

        var view = await county.Case(id);
        view.Version.ShouldBe(v);
        view.Notes.ShouldBeEmpty();
        view.Tasks.ShouldBeEmpty();
        var trail = view.Audit.Where(a => a.Version > seen).OrderBy(a => a.Version).ToList();
        trail.Select(a => a.Version).ShouldBe([.. Enumerable.Range(seen + 1, v - seen)]);
        trail.Select(a => (a.Entity, a.Action)).ShouldBe(
        [
            ("CaseNote", "Added"), ("CaseTask", "Added"), ("CaseTask", "Done"), ("CaseNote", "Edited"), ("CaseNote", "Deleted"), ("CaseTask", "Deleted"),
        ]);
        trail[0].Who.ShouldStartWith("lea-");
        trail.Skip(1).ShouldAllBe(a => a.Who.StartsWith("county-"));
        trail[2].Before!.ShouldContain("\"done\":false");
        trail[2].After!.ShouldContain("\"done\":true");
        trail[3].Before!.ShouldContain("2024-25 shared");
        trail[3].After!.ShouldContain("2023-24 and 2024-25 shared");
        trail[4].ShouldSatisfyAllConditions(a => a.Before!.ShouldContain("2023-24 and 2024-25 shared"), a => a.After.ShouldBeNull(), a => a.EntityId.ShouldBe(note.EntityId));
        trail.ShouldAllBe(a => a.AtUtc > DateTime.UtcNow.AddMinutes(-5));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Two_saves_of_the_same_version_race_and_the_second_is_refused_by_the_database(string database)
    {
        // Both writers passed the version check: the concurrency token makes the database refuse the second.
        var server = servers.For(database);
        using var first = server.Services.CreateScope();
        using var second = server.Services.CreateScope();
        var a = first.ServiceProvider.GetRequiredService<SosDb>();
        var b = second.ServiceProvider.GetRequiredService<SosDb>();
        var id = await a.Set<AssistanceCase>().Where(c => c.TermYear == 2022).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var mine = await a.Set<AssistanceCase>().SingleAsync(c => c.Id == id);
        var theirs = await b.Set<AssistanceCase>().SingleAsync(c => c.Id == id);
        mine.Version++;
        theirs.Version++;
        await a.SaveChangesAsync();
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Each_role_sees_and_changes_only_its_own_cases(string database)
    {
        var server = servers.For(database);
        var state = await server.SignedInAs(Roles.State);
        var row = await DistrictCase(state, 2);
        var url = $"/api/cases/{row.Id}";
        var version = (await state.Case(row.Id)).Version;
        var document = await state.Ok(HttpMethod.Post, url + "/documents", new AddDocument(version, "notes.txt", "text/plain", "plan"u8.ToArray(), null));

        var monterey = await server.SignedInAs(Roles.County, county: "27");
        var alameda = await server.SignedInAs(Roles.County, county: "Alameda");
        var ownLea = await server.SignedInAs(Roles.Lea, lea: row.Cds);
        var otherLea = await server.SignedInAs(Roles.Lea, lea: MontereyCoe);
        var anonymous = server.CreateClient(new() { AllowAutoRedirect = false });

        (await monterey.Get<CaseList>("/api/cases")).Cases.ShouldAllBe(c => c.CountyCode == "27");
        (await monterey.Get<CaseList>("/api/cases")).Cases.ShouldContain(c => c.Id == row.Id);
        (await alameda.Get<CaseList>("/api/cases")).Cases.ShouldBeEmpty();
        (await ownLea.Get<CaseList>("/api/cases")).Cases.ShouldAllBe(c => c.Cds == row.Cds);
        (await otherLea.Get<CaseList>($"/api/cases?lea={row.Cds}")).Cases.ShouldBeEmpty();
        (await state.Get<CaseList>($"/api/cases?lea={row.Cds}")).Cases.ShouldAllBe(c => c.Cds == row.Cds);
        (await state.Get<CaseList>("/api/cases?county=Alameda")).Cases.ShouldBeEmpty();

        foreach (var outsider in new[] { alameda, otherLea })
        {
            (await outsider.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await outsider.Send(HttpMethod.Post, url + "/notes", new AddNote(document.Version, "not mine"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await outsider.GetAsync(new Uri($"/cases/{row.Id}/documents/{document.EntityId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await outsider.GetAsync(new Uri($"/cases/{row.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await outsider.GetAsync(new Uri($"/api/cases/progress/{row.Cds}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await anonymous.GetAsync(new Uri("/api/cases", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.Send(HttpMethod.Post, url + "/notes", new AddNote(document.Version, "anonymous"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync(new Uri("/cases", UriKind.Relative))).Headers.Location!.OriginalString.ShouldStartWith("http://localhost/signin");
        (await anonymous.GetAsync(new Uri($"/cases/{row.Id}/documents/{document.EntityId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        foreach (var insider in new[] { monterey, ownLea })
        {
            var download = await insider.GetAsync(new Uri($"/cases/{row.Id}/documents/{document.EntityId}", UriKind.Relative));
            (await download.Content.ReadAsStringAsync()).ShouldBe("plan");
            download.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        }

        var v = (await ownLea.Ok(HttpMethod.Post, url + "/notes", new AddNote(document.Version, "LEA staff add their own notes"))).Version;
        (await monterey.Ok(HttpMethod.Post, url + "/notes", new AddNote(v, "So does the county office"))).Version.ShouldBe(v + 1);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Documents_are_a_file_within_the_size_limit_or_a_link(string database)
    {
        var state = await servers.For(database).SignedInAs(Roles.State);
        var id = (await DistrictCase(state, 3)).Id;
        var url = $"/api/cases/{id}/documents";
        var v = (await state.Case(id)).Version;

        (await state.Refused(HttpMethod.Post, url, new AddDocument(v, "big.pdf", "application/pdf", new byte[CaseworkHandler.MaxDocumentBytes + 1], null)))
            .ShouldBe("A document may be at most 5 MB; link to larger ones.");
        (await state.Refused(HttpMethod.Post, url, new AddDocument(v, "both", null, [1], "https://example.org/a"))).ShouldBe("Upload a file or give a link (one of the two).");
        (await state.Refused(HttpMethod.Post, url, new AddDocument(v, "neither", null, null, null))).ShouldBe("Upload a file or give a link (one of the two).");
        (await state.Refused(HttpMethod.Post, url, new AddDocument(v, "script", null, null, "javascript:alert(1)"))).ShouldBe("A link must be an http or https address.");
        (await state.Refused(HttpMethod.Post, url, new AddDocument(v, new string('n', 201), null, null, "https://example.org/a"))).ShouldBe("A document's name may be at most 200 characters.");
        var link = await state.Ok(HttpMethod.Post, url, new AddDocument(v, "LCAP 2025-26", null, null, "https://example.org/lcap.pdf"));
        var removed = await state.DeleteAsync(new Uri($"{url}/{link.EntityId}?version={link.Version}", UriKind.Relative));
        removed.StatusCode.ShouldBe(HttpStatusCode.OK);

        var view = await state.Case(id);
        view.Documents.ShouldBeEmpty();
        view.Audit[0].ShouldSatisfyAllConditions(a => a.Action.ShouldBe("Deleted"), a => a.Before!.ShouldContain("https://example.org/lcap.pdf"));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Level_3_records_are_state_staffs_and_come_in_order(string database)
    {
        var server = servers.For(database);
        var state = await server.SignedInAs(Roles.State);
        var county = await server.SignedInAs(Roles.County, county: "27");
        var coe = (await state.Get<CaseList>($"/api/cases?lea={MontereyCoe}&year=2024")).Cases.Single();
        var url = $"/api/cases/{coe.Id}/level3";
        var v = (await state.Case(coe.Id)).Version;

        (await county.Refused(HttpMethod.Post, url, new AddLevel3Record(v, Level3Action.CceeDecision, Past, "Needs CCEE"), HttpStatusCode.Forbidden))
            .ShouldBe("Only state staff record Level 3 actions.");
        (await state.Refused(HttpMethod.Post, url, new AddLevel3Record(v, Level3Action.StateBoardApproval, Past, "Approved")))
            .ShouldBe("The next Level 3 record must be the CCEE's decision, not the State Board's approval.");
        v = (await state.Ok(HttpMethod.Post, url, new AddLevel3Record(v, Level3Action.CceeDecision, Past, "Intensive assistance needed"))).Version;
        (await state.Refused(HttpMethod.Post, url, new AddLevel3Record(v, Level3Action.StateBoardApproval, Past.AddDays(-1), "Approved")))
            .ShouldBe("The State Board's approval cannot be dated 2025-01-14, before the CCEE's decision on 2025-01-15.");
        v = (await state.Ok(HttpMethod.Post, url, new AddLevel3Record(v, Level3Action.StateBoardApproval, Past.AddDays(30), "Approved"))).Version;

        (await state.Case(coe.Id)).Level3Records.Select(r => (r.Action, r.Date)).ShouldBe([(Level3Action.CceeDecision, Past), (Level3Action.StateBoardApproval, Past.AddDays(30))]);
        var district = await DistrictCase(state, 4);
        (await state.Refused(HttpMethod.Post, $"/api/cases/{district.Id}/level3", new AddLevel3Record((await state.Case(district.Id)).Version, Level3Action.CceeDecision, Past, "x")))
            .ShouldBe("Level 3 records are kept only for an LEA that met EC 52072 (Level 3) in its decision.");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_CALPADS_toolkit_is_kept_on_a_Method_4_case_with_validation_and_audit(string database)
    {
        // The sample has no Method 4 LEA: a decided year of our own, on a server of its own, has one.
        var server = servers.For(database, "method4");
        const string Cds = "27999990000000";
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SosDb>();
            db.Years.Add(new DecidedYear { Year = 2025, ImportedUtc = DateTime.UtcNow, Source = "test", Summary = "{}", Warnings = "[]" });
            db.Leas.Add(new LeaDecision
            {
                Year = 2025, Cds = Cds, CountyCode = "27", Name = "Method Four Unified", Kind = "District", Status = "Differentiated Assistance, Year 1",
                InAssistance = true, MetMethods = "4", Letters = string.Empty, Level3 = false, Findings = "{}",
            });
            await db.SaveChangesAsync();
            (await CaseOpening.ForYear(db, 2025, TimeProvider.System, CancellationToken.None)).ShouldBeGreaterThan(0);
            (await CaseOpening.ForYear(db, 2025, TimeProvider.System, CancellationToken.None)).ShouldBe(0);
        }

        var state = await server.SignedInAs(Roles.State);
        var row = (await state.Get<CaseList>($"/api/cases?lea={Cds}")).Cases.Single();
        var view = await state.Case(row.Id);
        view.Method4.ShouldBeTrue();
        view.ToolkitForms.Select(f => f.Form).ShouldBe(Enum.GetValues<ToolkitForm>());
        var url = $"/api/cases/{row.Id}/toolkit";

        (await state.Refused(HttpMethod.Put, url, new SaveToolkitForm(view.Version, ToolkitForm.DataManagementNeedsAssessment, new Dictionary<string, string?> { ["staffing"] = "9" })))
            .ShouldBe("Data staffing and roles (rate 1–4): '9' is not a rating from 1 to 4. Submission calendar and internal deadlines (rate 1–4) is required. "
                + "Validation and error resolution before certification (rate 1–4) is required. Student information system and its interfaces (rate 1–4) is required. Greatest needs found is required.");
        var fields = new Dictionary<string, string?> { ["goal"] = "Certify Fall 1 on time", ["measure"] = "Certification date", ["owner"] = "Data director", ["targetDate"] = "2026-01-23" };
        var v = (await state.Ok(HttpMethod.Put, url, new SaveToolkitForm(view.Version, ToolkitForm.LocalAccountabilityGoals, fields))).Version;
        fields["owner"] = "Assessment coordinator";
        v = (await state.Ok(HttpMethod.Put, url, new SaveToolkitForm(v, ToolkitForm.LocalAccountabilityGoals, fields))).Version;

        view = await state.Case(row.Id);
        view.ToolkitForms.Single(f => f.Form == ToolkitForm.LocalAccountabilityGoals).Values["owner"].ShouldBe("Assessment coordinator");
        view.Audit[0].ShouldSatisfyAllConditions(
            a => a.Action.ShouldBe("Edited Goals for local accountability"), a => a.Before!.ShouldContain("Data director"), a => a.After!.ShouldContain("Assessment coordinator"));

        var notMethod4 = (await state.Get<CaseList>("/api/cases?year=2024")).Cases[0];
        (await state.Refused(HttpMethod.Put, $"/api/cases/{notMethod4.Id}/toolkit", new SaveToolkitForm((await state.Case(notMethod4.Id)).Version, ToolkitForm.LocalAccountabilityGoals, fields)))
            .ShouldBe("The CALPADS toolkit forms are for the case of an LEA that met Method 4.");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Case_progress_gives_the_one_page_report_the_step_next_meeting_open_tasks_and_last_change(string database)
    {
        var state = await servers.For(database).SignedInAs(Roles.State);
        var row = await DistrictCase(state, 5);
        var url = $"/api/cases/{row.Id}";
        var v = (await state.Case(row.Id)).Version;
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        v = (await state.Ok(HttpMethod.Post, url + "/meetings", new AddMeeting(v, future, "Data review", [new("Ana Ruiz", "Superintendent")], null))).Version;
        v = (await state.Ok(HttpMethod.Post, url + "/tasks", new AddTask(v, "Pull chronic absence by group", "Lee Park", future))).Version;

        var progress = await state.Get<CaseProgress>($"/api/cases/progress/{row.Cds}");
        progress.ShouldSatisfyAllConditions(
            p => (p.CaseId, p.Step, p.NextMeeting).ShouldBe((row.Id, CaseStep.Identified, (DateOnly?)future)),
            p => p.OpenTasks.Single().Title.ShouldBe("Pull chronic absence by group"),
            p => p.LastChange!.Version.ShouldBe(v));
        (await state.GetAsync(new Uri("/api/cases/progress/00000000000000", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_case_is_opened_by_hand_for_an_LEA_that_asks_once_by_its_county_office_or_the_state(string database)
    {
        // A server of its own: the case opened here is one no import made.
        var server = servers.For(database, "open-case");
        var cds = await SampleLeas.DistrictWithoutCase(server.Services);

        var monterey = await server.SignedInAs(Roles.County, county: "27");
        var alameda = await server.SignedInAs(Roles.County, county: "Alameda");
        var lea = await server.SignedInAs(Roles.Lea, lea: cds);
        var anonymous = server.CreateClient(new() { AllowAutoRedirect = false });
        var request = new OpenCase(cds, "The district asked for help with chronic absenteeism.");

        (await anonymous.Send(HttpMethod.Post, "/api/cases", request)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await lea.Refused(HttpMethod.Post, "/api/cases", request, HttpStatusCode.Forbidden)).ShouldBe("Only state and county office staff open cases.");
        (await alameda.Send(HttpMethod.Post, "/api/cases", request)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await monterey.Refused(HttpMethod.Post, "/api/cases", request with { Reason = " " })).ShouldBe("The reason for opening the case is required.");

        var created = await monterey.Send(HttpMethod.Post, "/api/cases", request);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var opened = (await created.Content.ReadFromJsonAsync<CaseChanged>(CaseClient.Json))!;
        created.Headers.Location!.OriginalString.ShouldBe($"/cases/{opened.EntityId}");
        var view = await lea.Case(opened.EntityId!.Value);
        (view.Cds, view.TermYear, view.Step, view.Version).ShouldBe((cds, 2024, CaseStep.Identified, 1));
        view.Audit.ShouldHaveSingleItem().Action.ShouldBe("Opened on request: The district asked for help with chronic absenteeism.");

        (await monterey.Refused(HttpMethod.Post, "/api/cases", request)).ShouldStartWith($"{view.LeaName} has an open case already (term 2024, case {opened.EntityId})");
        (await alameda.Get<CaseList>("/api/cases")).Cases.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_OpenAPI_document_describes_the_casework_API(string database)
    {
        var openapi = await servers.For(database).CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        foreach (var path in new[] { "/api/cases", "/api/cases/{id}", "/api/cases/{id}/advance", "/api/cases/{id}/meetings", "/api/cases/{id}/notes/{noteId}", "/api/cases/{id}/toolkit", "/api/cases/progress/{cds}" })
        {
            openapi.ShouldContain($"\"{path}\"");
        }

        openapi.ShouldContain("\"409\"");
    }
}
