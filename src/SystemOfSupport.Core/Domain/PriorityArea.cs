namespace SystemOfSupport.Core.Domain;

/// <summary>The ten LCFF state priorities (EC 52060(d), 52066(d)).</summary>
public enum PriorityArea
{
    Basics = 1,
    StateStandards = 2,
    ParentalInvolvement = 3,
    PupilAchievement = 4,
    PupilEngagement = 5,
    SchoolClimate = 6,
    CourseAccess = 7,
    PupilOutcomes = 8,
    ExpelledPupils = 9,
    FosterYouth = 10,
}

public static class PriorityAreas
{
    public static int Number(this PriorityArea priority) => (int)priority;

    public static string Label(this PriorityArea priority) => $"Priority {(int)priority} ({Name(priority)})";

    public static string Name(this PriorityArea priority) => priority switch
    {
        PriorityArea.Basics => "Basics",
        PriorityArea.StateStandards => "Implementation of State Academic Standards",
        PriorityArea.ParentalInvolvement => "Parent Engagement",
        PriorityArea.PupilAchievement => "Pupil Achievement",
        PriorityArea.PupilEngagement => "Pupil Engagement",
        PriorityArea.SchoolClimate => "School Climate",
        PriorityArea.CourseAccess => "Access to a Broad Course of Study",
        PriorityArea.PupilOutcomes => "Outcomes in a Broad Course of Study",
        PriorityArea.ExpelledPupils => "Coordination of Services for Expelled Pupils",
        PriorityArea.FosterYouth => "Coordination of Services for Foster Youth",
        _ => priority.ToString(),
    };

    public static bool TryFromNumber(int number, out PriorityArea priority)
    {
        priority = (PriorityArea)number;
        return number is >= 1 and <= 10;
    }
}
