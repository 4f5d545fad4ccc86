using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Providers;

// Not "...Formats.Directory": a namespace of that name would hide System.IO.Directory from all of SystemOfSupport.Formats.
namespace SystemOfSupport.Formats.LeaDirectories;

/// <summary>
/// One LEA of an LEA directory file (data/directory/README.md): a district, county office or charter school.
/// </summary>
/// <param name="Cds">The LEA's CDS code: a district or county office ends in <c>0000000</c>, a charter school does not.</param>
/// <param name="City">Blank is null.</param>
/// <param name="County">The county named in the file, which the CDS code's county digits agree with.</param>
/// <param name="GradeSpan">As the state's workbooks write it (<c>K-8</c>, <c>P-Adult</c>); blank is null.</param>
/// <param name="Ada">Average daily attendance (RULES.md §7 sizes a district's funding allowance by it).</param>
/// <param name="CharterAuthorizer">A charter school's authorizer (a district or county office); null for the others.</param>
/// <param name="Source">The file and line the entry was read from.</param>
public sealed record LeaDirectoryEntry(
    CdsCode Cds,
    string Name,
    string? City,
    County County,
    string? GradeSpan,
    decimal Ada,
    CdsCode? CharterAuthorizer,
    SourceRef Source)
{
    /// <summary>A school-level code is a charter school: the directory lists LEAs only.</summary>
    public LeaKind Kind => Lea.KindOf(Cds, coeFlag: false, charterFlag: !Cds.IsLeaLevel);

    public Lea ToLea() => new(Cds, Kind, Name, County.Name);
}
