namespace SystemOfSupport.Formats.StatusWorkbooks;

/// <summary>
/// A finished table in the state's district/COE layout (RULES.md §8): <see cref="Columns"/> are the header names in
/// order; each row has one string per column, <c>*</c> for blank. <see cref="PublishedLabel"/> is the second note line
/// of the data sheet and of the definition sheets (e.g. <c>SystemOfSupport, November 2026</c>; the state writes
/// <c>California Department of Education November 2024</c>).
/// </summary>
public sealed record AssistanceStatusTable(
    int Year,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    string PublishedLabel)
{
    /// <summary>Whose decisions the table holds: names the data sheet (<c>{Entity} {Year}</c>) and the titles.</summary>
    public AssistanceFileEntity Entity { get; init; } = AssistanceFileEntity.DistrictAndCoe;

    /// <summary>Checks the shape every writer relies on; throws <see cref="ArgumentException"/> naming the problem.</summary>
    internal void Validate()
    {
        if (Year is < 1900 or > 9999)
        {
            throw new ArgumentException($"report year {Year} is out of range", nameof(Year));
        }

        ArgumentNullException.ThrowIfNull(Columns);
        ArgumentNullException.ThrowIfNull(Rows);
        if (Columns.Count == 0)
        {
            throw new ArgumentException("the table has no columns", nameof(Columns));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Columns.Count; i++)
        {
            var name = Columns[i];
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"column {i + 1} has no name", nameof(Columns));
            }

            if (!seen.Add(name.Trim()))
            {
                throw new ArgumentException($"column '{name}' appears twice", nameof(Columns));
            }
        }

        for (var r = 0; r < Rows.Count; r++)
        {
            var row = Rows[r] ?? throw new ArgumentException($"row {r + 1} is null", nameof(Rows));
            if (row.Count != Columns.Count)
            {
                throw new ArgumentException(
                    $"row {r + 1} has {row.Count} values but the table has {Columns.Count} columns", nameof(Rows));
            }
        }
    }

    /// <summary>A cell's text as written: null or empty becomes <c>*</c>.</summary>
    internal static string CellText(string? value) => string.IsNullOrEmpty(value) ? AssistanceStatusColumns.Blank : value;
}

/// <summary>The state publishes one file for districts and COEs and another for charter schools.</summary>
public sealed record AssistanceFileEntity(string SheetPrefix, string Title)
{
    public static AssistanceFileEntity DistrictAndCoe { get; } = new("District and COE", "LCFF District/COE Eligibility File");

    public static AssistanceFileEntity Charter { get; } = new("Charter", "LCFF Charter School Eligibility File");
}
