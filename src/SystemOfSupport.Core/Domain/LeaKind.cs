namespace SystemOfSupport.Core.Domain;

public enum LeaKind
{
    District,
    CountyOffice,
    CharterSchool,
}

/// <summary>An LEA as the Dashboard and the state's files name it.</summary>
public sealed record Lea(CdsCode Cds, LeaKind Kind, string Name, string County)
{
    public static LeaKind KindOf(CdsCode cds, bool coeFlag, bool charterFlag) =>
        charterFlag && !cds.IsLeaLevel ? LeaKind.CharterSchool
        : coeFlag || cds.IsCountyOfficeCode ? LeaKind.CountyOffice
        : LeaKind.District;
}
