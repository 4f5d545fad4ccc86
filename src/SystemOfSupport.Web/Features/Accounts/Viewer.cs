using System.Security.Claims;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Accounts;

/// <summary>The roles an account can have (<c>sos users add --role</c>).</summary>
public static class Roles
{
    /// <summary>State staff: every year, published or not, and the import.</summary>
    public const string State = "State";

    /// <summary>County office staff: their county's districts, county office and charter schools in unpublished years too.</summary>
    public const string County = "County";

    /// <summary>LEA staff: their own LEA in unpublished years too.</summary>
    public const string Lea = "Lea";

    public const string StateStaffPolicy = "StateStaff";

    public static IReadOnlyList<string> All { get; } = [State, County, Lea];
}

/// <summary>
/// Who is looking, and so what they may see: everyone sees the published years; staff also see unpublished years'
/// decisions within their scope (state staff all, county office staff their county, LEA staff their LEA).
/// </summary>
public sealed record Viewer(string? Name, bool IsState, string? County, string? Lea)
{
    public const string CountyClaim = "sos:county";
    public const string LeaClaim = "sos:lea";

    public static Viewer Public { get; } = new(null, false, null, null);

    public static Viewer Of(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true
        ? new Viewer(user.Identity.Name, user.IsInRole(Roles.State), user.FindFirstValue(CountyClaim), user.FindFirstValue(LeaClaim))
        : Public;

    /// <summary>The decisions this viewer may see: published years' and, in unpublished years, those in scope.</summary>
    public IQueryable<LeaDecision> Leas(SosDb db)
    {
        if (IsState)
        {
            return db.Leas;
        }

        var published = db.Years.Where(y => y.Published).Select(y => y.Year);
        return db.Leas.Where(l => published.Contains(l.Year) || l.CountyCode == County || l.Cds == Lea);
    }

    /// <summary>The years with something this viewer may see.</summary>
    public IQueryable<DecidedYear> Years(SosDb db) => IsState
        ? db.Years
        : db.Years.Where(y => y.Published || db.Leas.Any(l => l.Year == y.Year && (l.CountyCode == County || l.Cds == Lea)));

    /// <summary>The statewide output files: published years', and every year's for state staff.</summary>
    public IQueryable<OutputFile> Files(SosDb db)
    {
        if (IsState)
        {
            return db.Files;
        }

        var published = db.Years.Where(y => y.Published).Select(y => y.Year);
        return db.Files.Where(f => published.Contains(f.Year));
    }

    /// <summary>What the viewer may see, for keying views that depend on it (<see cref="Caching.DecidedViews"/>): not who they are.</summary>
    public (bool IsState, string? County, string? Lea) ScopeKey => IsState ? (true, null, null) : (false, County, Lea);

    /// <summary>How the layout names the viewer's scope.</summary>
    public string Scope => IsState ? "state staff" : County is not null ? $"county office staff, county {County}" : Lea is not null ? $"LEA staff, {Lea}" : "public";
}
