using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Essa;

/// <summary>
/// One school's ESSA designation for one status year, from one row of a state ESSA assistance file.
/// </summary>
/// <param name="School">The school's 14-digit CDS code.</param>
/// <param name="Lea">
/// The LEA answerable for the school: the district or county office's LEA-level code (the first seven digits and
/// <c>0000000</c>); for a charter school its own code, since a charter is its own LEA (the state's files put the
/// authorizing district's CD code in a charter's first seven digits).
/// </param>
/// <param name="LeaName">The district or county office's name; for a charter school, the school's own name.</param>
/// <param name="IsCharter">From the file's <c>Charter</c> column (DF or LF); null when the file has none (2018, 2019).</param>
/// <param name="Year">The status year: <c>AssistanceStatusYYYY</c>'s YYYY (for 2018–19, 2018).</param>
/// <param name="Exit">The file's <c>Exit</c> value, on the designation for the file's reporting year only.</param>
/// <param name="ReportingYear">The reporting year of the file the value came from; a later file's value wins.</param>
public sealed record SchoolDesignation(
    CdsCode School,
    CdsCode Lea,
    string SchoolName,
    string LeaName,
    string? County,
    bool? IsCharter,
    int Year,
    EssaStatus Status,
    EssaExit? Exit,
    int ReportingYear,
    SourceRef Source);
