using System.Globalization;
using SystemOfSupport.Formats.Essa;
using SystemOfSupport.Formats.Xlsx;
using SystemOfSupport.Tests;
using static SystemOfSupport.Formats.Tests.Essa.EssaTestData;

namespace SystemOfSupport.Formats.Tests.Essa;

/// <summary>
/// The shipped ESSA files (data/cde/essa, trimmed by tools/trim-essa.py) keep the state's sheet names, row numbers
/// and values in the columns this project reads.
/// </summary>
public class TrimmedEssaTests
{
    private static string Original(string name) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoPaths.Root, "..", "shared", "data", "cde", "essa", name));

    public static TheoryData<string> Names() => [.. AllNames];

    [Theory]
    [MemberData(nameof(Names))]
    public void Shipped_file_is_small(string name) => new FileInfo(Path(name)).Length.ShouldBeLessThan(1_000_000);

    /// <summary>Row by row against CDE's originals, when they are present next to the repository (../shared).</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void Shipped_file_reads_identically_to_the_original(string name)
    {
        var original = Original(name);
        if (!File.Exists(original))
        {
            return; // the originals are not part of the repository
        }

        var shipped = Path(name);
        var expected = EssaAssistanceReader.Read(original);
        var actual = EssaAssistanceReader.Read(shipped);
        actual.Sheet.ShouldBe(expected.Sheet);
        actual.HeaderRow.ShouldBe(expected.HeaderRow);
        actual.Notes.ShouldBe(expected.Notes);
        actual.Designations.Select(d => d with { Source = d.Source with { File = "" } })
            .ShouldBe(expected.Designations.Select(d => d with { Source = d.Source with { File = "" } }));

        if (name.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            XlsxSheetReader.SheetNames(shipped).ShouldBe(XlsxSheetReader.SheetNames(original));
            foreach (var sheet in XlsxSheetReader.SheetNames(original))
            {
                var shippedHeader = HeaderNames(shipped, sheet);
                var kept = shippedHeader.Values.ToHashSet();
                var expectedRows = Project(original, sheet, HeaderNames(original, sheet), kept);
                var actualRows = Project(shipped, sheet, shippedHeader, kept);
                actualRows.Count.ShouldBe(expectedRows.Count);
                for (var i = 0; i < expectedRows.Count; i++)
                {
                    actualRows[i].ShouldBe(expectedRows[i], $"{name}, sheet '{sheet}'");
                }
            }
        }
    }

    /// <summary>Column number → name on the sheet's header row (the first naming both cds and schoolname); empty when it has none.</summary>
    private static Dictionary<int, string> HeaderNames(string path, string sheet)
    {
        var header = XlsxSheetReader.ReadRows(path, sheet).FirstOrDefault(r =>
            r.Cells.Any(c => c.Text == "cds") && r.Cells.Any(c => c.Text == "schoolname"));
        return header?.Cells.ToDictionary(c => c.Column, c => c.Text) ?? [];
    }

    /// <summary>Each row as "row: name=value|…" over the kept columns; cells outside the header keep their column number.</summary>
    private static List<string> Project(string path, string sheet, Dictionary<int, string> names, HashSet<string> kept) =>
        [.. XlsxSheetReader.ReadRows(path, sheet).Select(r => r.RowNumber.ToString(CultureInfo.InvariantCulture) + ": " + string.Join("|", r.Cells
            .Select(c => (Name: names.TryGetValue(c.Column, out var n) ? n : c.Column.ToString(CultureInfo.InvariantCulture), c.Text))
            .Where(c => names.Count == 0 || kept.Contains(c.Name))
            .Select(c => c.Name + "=" + c.Text)))];
}
