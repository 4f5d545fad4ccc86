using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Cases;

/// <summary>Which cases a viewer sees and edits: state staff all, county office staff their county's, LEA staff their LEA's, the public none.</summary>
public static class CaseAccess
{
    public static IQueryable<AssistanceCase> Cases(this Viewer viewer, SosDb db)
    {
        var cases = db.Set<AssistanceCase>();
        return viewer switch
        {
            { IsState: true } => cases,
            { Name: null } => cases.Where(_ => false),
            { County: { } county } => cases.Where(c => c.CountyCode == county),
            { Lea: { } lea } => cases.Where(c => c.Cds == lea),
            _ => cases.Where(_ => false),
        };
    }
}
