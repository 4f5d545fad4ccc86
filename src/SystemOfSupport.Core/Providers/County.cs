using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Providers;

/// <summary>
/// One of California's 58 counties: its 2-digit CDS county code (the county's place in alphabetical order), its name,
/// and its county office of education (RULES.md §1).
/// </summary>
/// <param name="Code">The 2-digit county code that starts every CDS code in the county (<c>27</c> Monterey).</param>
/// <param name="Name">The county's name as the state's files spell it (<c>Monterey</c>).</param>
/// <param name="CountyOfficeCds">The county office's LEA-level CDS code (<c>27102720000000</c>).</param>
/// <param name="CountyOfficeName">The county office's name as the state's 2024 assistance-status workbook spells it.</param>
/// <param name="IsSingleDistrict">One school district besides the county office (RULES.md §1, §7).</param>
public sealed record County(string Code, string Name, CdsCode CountyOfficeCds, string CountyOfficeName, bool IsSingleDistrict)
{
    public override string ToString() => $"{Name} ({Code})";
}
