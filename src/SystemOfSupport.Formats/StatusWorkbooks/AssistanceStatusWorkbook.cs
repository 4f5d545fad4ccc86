using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.StatusWorkbooks;

/// <summary>
/// One district/COE assistance-status file as read: the state's workbook, or this tool's own xlsx or CSV.
/// </summary>
/// <param name="Year">
/// The report (Dashboard) year: from a <c>District and COE YYYY</c> sheet name, else <c>ReportYear</c> (or
/// <c>ReportingYear</c>), else a year in another data sheet's name, else the file name's, else the latest
/// <c>AssistanceStatusYYYY</c> column; a 2017 file with only <c>Assistance_Status</c> and no year anywhere is 2017.
/// </param>
/// <param name="SheetName">
/// The data sheet read (<c>District and COE YYYY</c>; in 2017's and 2018's single-sheet workbooks, whatever the sheet is
/// named); empty for a CSV file.
/// </param>
/// <param name="Columns">The header names in file order, as written (trimmed).</param>
/// <param name="Rows">One row per LEA, in file order.</param>
public sealed record AssistanceStatusWorkbook(
    int Year,
    string SheetName,
    IReadOnlyList<string> Columns,
    IReadOnlyList<AssistanceHistoryRow> Rows)
{
    /// <summary>The 1-based row (xlsx) or line (CSV) of the header.</summary>
    public int HeaderRow { get; init; }

    /// <summary>The text of the rows above the header (the state's five notes; none in a CSV file).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Every data row's text, one string per <see cref="Columns"/> entry, as in the file; an empty or missing cell is
    /// <c>*</c>. Parallel to <see cref="Rows"/>.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cells { get; init; } = [];

    /// <summary>
    /// The file's own columns and values as a table to write back out. The published label defaults to the file's
    /// second note line (the state's "California Department of Education November 2024"), or empty.
    /// </summary>
    public AssistanceStatusTable ToTable(string? publishedLabel = null) =>
        new(Year, Columns, Cells, publishedLabel ?? (Notes.Count > 1 ? Notes[1] : string.Empty));
}
