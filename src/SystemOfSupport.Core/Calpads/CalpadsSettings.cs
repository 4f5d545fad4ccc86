using SystemOfSupport.Core.Determinations;

namespace SystemOfSupport.Core.Calpads;

/// <summary>Which deadline a CALPADS certification must meet (RULES.md §6 [assumed]: "which deadline counts").</summary>
public enum CalpadsDeadlineRule
{
    /// <summary>The final deadline: the close of the amendment window where there is one, else the certification deadline.</summary>
    AmendmentWindowClose,

    /// <summary>The certification deadline, even where an amendment window follows it.</summary>
    CertificationDeadline,
}

/// <summary>How a data-quality issue counts from the 2026 Dashboard (RULES.md §6: CDE has not set its parameters).</summary>
public enum DataQualityRule
{
    /// <summary>Any submission of the school year that the certification file flags with a data-quality issue.</summary>
    AnyFlagged,

    /// <summary>Data quality is not evaluated until CDE sets its parameters.</summary>
    NotEvaluated,
}

/// <summary>What Method 4 makes of an LEA the certification records do not mention for the school year.</summary>
public enum MissingCertificationsRule
{
    /// <summary>Not met, with a reason saying there are no records.</summary>
    NotMet,

    /// <summary>Taken as having certified nothing.</summary>
    NotCertified,

    /// <summary>An error: the records should cover every district and county office decided.</summary>
    Error,
}

/// <summary>
/// The CALPADS assumptions (RULES.md §6 [assumed]). The settings themselves are in <see cref="DeterminationSettings"/>;
/// this class names their values and reads them.
/// </summary>
public static class CalpadsSettings
{
    public const string AmendmentWindowClose = "amendment-window-close";
    public const string CertificationDeadline = "certification-deadline";
    public const string AnyFlagged = "any-flagged";
    public const string NotEvaluated = "not-evaluated";
    public const string NotMet = "not-met";
    public const string NotCertified = "not-certified";
    public const string Error = "error";

    public static CalpadsDeadlineRule CalpadsDeadlineRule(this DeterminationSettings settings) =>
        settings[DeterminationSettings.CalpadsDeadline] == CertificationDeadline
            ? Calpads.CalpadsDeadlineRule.CertificationDeadline
            : Calpads.CalpadsDeadlineRule.AmendmentWindowClose;

    public static DataQualityRule CalpadsDataQualityRule(this DeterminationSettings settings) =>
        settings[DeterminationSettings.CalpadsDataQuality] == NotEvaluated ? DataQualityRule.NotEvaluated : DataQualityRule.AnyFlagged;

    public static MissingCertificationsRule CalpadsMissingLeaRule(this DeterminationSettings settings) =>
        settings[DeterminationSettings.CalpadsMissingLea] switch
        {
            NotCertified => MissingCertificationsRule.NotCertified,
            Error => MissingCertificationsRule.Error,
            _ => MissingCertificationsRule.NotMet,
        };
}
