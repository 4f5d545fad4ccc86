using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;

namespace SystemOfSupport.Core.Determinations;

/// <summary>A charter school's decision: this year's and last year's criteria, and the status that follows.</summary>
public sealed record CharterDetermination(Lea Charter, int Year, CriteriaFinding Current, int PriorYear, CriteriaFinding? Prior, AssistanceStatus Status, string Reason)
{
    public bool IsIdentified => Status == AssistanceStatus.DifferentiatedAssistance;

    /// <summary>Who provides the assistance (RULES.md §3.7); null when the charter's authorizer is unknown.</summary>
    public Providers.Provider? Provider { get; init; }

    /// <summary>The charter's own CSI-not-exited finding (RULES.md §5), when ESSA files were given.</summary>
    public Essa.EssaLeaFinding? Essa { get; init; }
}

/// <summary>
/// Charter schools (RULES.md §3.6): the same criteria on the charter's own school row, but eligible only when they
/// were met in two consecutive Dashboard years (groups and methods may differ between the years). Support lasts at
/// least one year; Method 4 never applies.
/// </summary>
public static class CharterAssistance
{
    /// <param name="prior">Last Dashboard year's criteria for the same charter, or null when that year's data was not given.</param>
    public static CharterDetermination Determine(DaRuleSet rules, LeaEvidence current, CriteriaFinding? prior, DeterminationSettings settings)
    {
        if (current.Lea.Kind != LeaKind.CharterSchool)
        {
            throw new ArgumentException("only charter schools follow the two-consecutive-years rule", nameof(current));
        }

        var priorYear = DashboardYears.Previous(rules.Year) ?? rules.Year - 1;
        var now = DifferentiatedAssistance.Criteria(rules, current, settings);
        string Met(CriteriaFinding c) => c.Met
            ? $"met the criteria in {c.Year} ({string.Join(", ", c.Methods.Where(m => m.Met).Select(m => $"Method {m.Number}"))})"
            : $"did not meet the criteria in {c.Year}";

        if (prior is null)
        {
            return new CharterDetermination(current.Lea, rules.Year, now, priorYear, null, AssistanceStatus.GeneralAssistance,
                $"The charter {Met(now)}; its {priorYear} criteria are unknown (no {priorYear} Dashboard data given), and eligibility needs two consecutive years.");
        }

        var eligible = now.Met && prior.Met;
        return new CharterDetermination(current.Lea, rules.Year, now, priorYear, prior,
            eligible ? AssistanceStatus.DifferentiatedAssistance : AssistanceStatus.GeneralAssistance,
            eligible
                ? $"The charter {Met(prior)} and {Met(now)}: two consecutive years, so it is eligible for differentiated assistance (at least one year)."
                : $"The charter {Met(prior)} and {Met(now)}: eligibility needs the criteria met in both {priorYear} and {rules.Year}.");
    }
}
