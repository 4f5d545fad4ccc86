using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Resources;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Core.Tests.Resources;

public class ResourceMatchingTests
{
    private static readonly IReadOnlyList<Resource> Shipped =
        ResourceCatalogue.Parse(File.ReadAllText(RepoPaths.Data("resources", "catalogue.json")), "catalogue.json");

    private static Resource R(string id, PriorityArea[] priorities, StudentGroup[] groups, Indicator[]? indicators = null, int[]? levels = null) =>
        new(id, id, ResourceKind.StatewideInitiative, "summary", null, priorities, groups, indicators ?? [], [Audience.District], levels ?? [1]);

    private static readonly LeaNeeds FosterYouthChronic = new(
        LeaKind.District,
        [new GroupNeed(StudentGroup.FOS, PriorityArea.PupilEngagement, [Indicator.Chronic]), new GroupNeed(StudentGroup.SWD, PriorityArea.PupilAchievement, [Indicator.Ela])],
        [],
        2);

    [Fact]
    public void An_LEA_identified_for_chronic_absenteeism_among_foster_youth_is_shown_the_resources_tagged_for_them_first()
    {
        var matches = ResourceMatching.Rank(new LeaNeeds(LeaKind.District, [new GroupNeed(StudentGroup.FOS, PriorityArea.PupilEngagement, [Indicator.Chronic])], [], 2), Shipped);

        var first = matches.TakeWhile(m => m.Tier == MatchTier.GroupAndPriority).ToList();
        first.Count.ShouldBeGreaterThan(0);
        first.ShouldAllBe(m => m.Resource.Groups.Contains(StudentGroup.FOS) && (m.Resource.Priorities.Contains(PriorityArea.PupilEngagement) || m.Resource.Indicators.Contains(Indicator.Chronic)));
        // Every resource tagged for both comes before anything else.
        var tagged = Shipped.Where(r => !r.Retired && r.Groups.Contains(StudentGroup.FOS) && (r.Priorities.Contains(PriorityArea.PupilEngagement) || r.Indicators.Contains(Indicator.Chronic))).Select(r => r.Id).Order();
        first.Select(m => m.Resource.Id).Order().ShouldBe(tagged);
        matches[0].Resource.Id.ShouldBe("foster-youth-coordination");
        matches[0].Why[0].ShouldBe("For Foster Youth in Priority 5 (Pupil Engagement) (Chronic Absenteeism): the LEA was identified there for that group.");
        matches.Skip(first.Count).ShouldAllBe(m => m.Tier > MatchTier.GroupAndPriority);
    }

    [Fact]
    public void Tiers_run_group_and_priority_then_priority_then_group_then_general_and_resources_matching_nothing_are_left_out()
    {
        var resources = new[]
        {
            R("general", [], []),
            R("group-only", [], [StudentGroup.FOS]),
            R("priority-only", [PriorityArea.PupilEngagement], []),
            R("indicator-only", [], [], [Indicator.Chronic]),
            R("both", [PriorityArea.PupilEngagement], [StudentGroup.FOS]),
            R("wrong-pair", [PriorityArea.PupilAchievement], [StudentGroup.FOS]),
            R("elsewhere", [PriorityArea.CourseAccess], [StudentGroup.AS]),
            R("retired", [PriorityArea.PupilEngagement], [StudentGroup.FOS]) with { Retired = true },
        };

        var matches = ResourceMatching.Rank(FosterYouthChronic, resources);

        matches.Select(m => (m.Resource.Id, m.Tier)).ShouldBe(
        [
            ("both", MatchTier.GroupAndPriority),
            ("wrong-pair", MatchTier.PriorityOnly),
            ("indicator-only", MatchTier.PriorityOnly),
            ("priority-only", MatchTier.PriorityOnly),
            ("group-only", MatchTier.GroupOnly),
            ("general", MatchTier.General),
        ]);
        // FOS is tagged, but for priority 4, which SWD (not FOS) was identified on: a priority match and a group match, not a pair.
        matches.Single(m => m.Resource.Id == "wrong-pair").Why.ShouldBe(
        [
            "For Priority 4 (Pupil Achievement), where the LEA was identified.",
            "For Foster Youth, a group the LEA was identified for.",
        ]);
        matches.Single(m => m.Resource.Id == "general").Why.ShouldBe(["Support for all LEAs."]);
    }

    [Fact]
    public void Within_a_tier_more_matching_tags_and_the_LEAs_level_of_support_rank_higher()
    {
        var matches = ResourceMatching.Rank(FosterYouthChronic,
        [
            R("a-level-1", [PriorityArea.PupilEngagement], [StudentGroup.FOS]),
            R("b-level-2", [PriorityArea.PupilEngagement], [StudentGroup.FOS], levels: [2]),
            R("c-indicator-too", [PriorityArea.PupilEngagement], [StudentGroup.FOS], [Indicator.Chronic]),
        ]);

        matches.Select(m => m.Resource.Id).ShouldBe(["c-indicator-too", "b-level-2", "a-level-1"]);
        matches[1].Why.ShouldContain("Serves Level 2, the LEA's level of support.");
    }

    [Fact]
    public void An_LEAs_needs_come_from_its_findings_met_priorities_counting_local_indicators_and_Level_3()
    {
        var lea = new Lea(CdsCode.Parse("27661590000000"), LeaKind.District, "Sample Unified", "Monterey");
        var source = new SourceRef("chronicdownload2024.txt", 7);
        var chronic = new IndicatorResult(lea.Cds, Indicator.Chronic, StudentGroup.FOS, DashboardColor.Red, 1, 3, 40, 45.0m, 38, 44.0m, 1.0m, true, true, source);
        var susp = chronic with { Indicator = Indicator.Susp };
        var d = new Determination(
            lea,
            2024,
            [
                new GroupFinding(StudentGroup.FOS, "B",
                [
                    new PriorityFinding(PriorityArea.PupilEngagement, true, [new Finding("Red on Chronic Absenteeism", true, true, "Red", [chronic]), new Finding("Red on Graduation", true, false, "no result", [])]),
                    new PriorityFinding(PriorityArea.SchoolClimate, true, [new Finding("Red on Suspension", true, true, "Red", [susp])]),
                    new PriorityFinding(PriorityArea.PupilAchievement, false, []),
                ]),
                new GroupFinding(StudentGroup.ALL, null, [new PriorityFinding(PriorityArea.PupilEngagement, true, [])]),
            ],
            1,
            [new MethodFinding(1, true, "FOS met priorities 5 and 6")],
            AssistanceStatus.DifferentiatedAssistanceYear1,
            "identified",
            [new LocalIndicatorFinding(PriorityArea.ParentalInvolvement, LocalPerformance.NotMetForTwoOrMoreYears, true, null), new LocalIndicatorFinding(PriorityArea.Basics, LocalPerformance.Met, false, null)],
            new Level3Finding(2024, [2021, 2022, 2023, 2024], true, [], null, [], "three of four years"),
            []);

        var needs = LeaNeeds.Of(d);

        needs.GroupNeeds.Select(n => (n.Group, n.Priority, string.Join(' ', n.Indicators))).ShouldBe(
            [(StudentGroup.FOS, PriorityArea.PupilEngagement, "Chronic"), (StudentGroup.FOS, PriorityArea.SchoolClimate, "Susp")]);
        needs.LocalPriorities.ShouldBe([PriorityArea.ParentalInvolvement]);
        needs.Level.ShouldBe(3);
        needs.Priorities.ShouldBe([PriorityArea.PupilEngagement, PriorityArea.SchoolClimate, PriorityArea.ParentalInvolvement]);
    }

    [Fact]
    public void The_shipped_catalogue_tags_every_lead_agency_and_initiative_with_a_level_and_an_audience()
    {
        Shipped.Count.ShouldBeGreaterThanOrEqualTo(25);
        Shipped.ShouldAllBe(r => r.Levels.Count > 0 && r.Audiences.Count > 0 && r.Summary.Length > 40);
        Shipped.Select(r => r.Kind).Distinct().Count().ShouldBe(3);
    }

    [Theory]
    [InlineData("[{\"id\":\"x\",\"name\":\"X\",\"kind\":\"LeadAgency\",\"summary\":\"s\",\"levels\":[1],\n \"groups\":[\"ZZ\"]}]", 1, 2, "x: groups: 'ZZ' is not a student group code")]
    [InlineData("[\n  {\"id\":\"x\",\"name\":\"X\",\"kind\":\"Agency\",\"summary\":\"s\",\"levels\":[1]}]", 2, 3, "x: kind: 'Agency' is not one of")]
    [InlineData("[\n\n  {\"id\":\"x\",\"name\":\"X\",\"kind\":\"LeadAgency\",\"summary\":\"s\",\"levels\":[4]}]", 3, 3, "x: levels: needs one or more of 1, 2, 3")]
    [InlineData("[{\"id\":\"x\",\n \"name\": }]", 2, 10, "")]
    [InlineData("[{\"id\":\"x\",\"name\":\"X\",\"kind\":\"LeadAgency\",\"summary\":\"s\",\"levels\":[1],\"colour\":1}]", 1, 2, "colour")]
    public void A_bad_catalogue_entry_names_the_file_line_and_column(string json, int line, int column, string message)
    {
        var ex = Should.Throw<InputFileException>(() => ResourceCatalogue.Parse(json, "catalogue.json"));
        (ex.File, ex.Line, ex.Column).ShouldBe(("catalogue.json", (int?)line, (int?)column));
        ex.Detail.ShouldContain(message);
    }

    [Fact]
    public void A_resource_written_back_as_an_entry_reads_the_same()
    {
        foreach (var r in Shipped)
        {
            var again = ResourceCatalogue.ToResource(ResourceCatalogue.ToEntry(r), (f, m) => new InvalidOperationException(f + m));
            again.ShouldBeEquivalentTo(r);
        }
    }
}
