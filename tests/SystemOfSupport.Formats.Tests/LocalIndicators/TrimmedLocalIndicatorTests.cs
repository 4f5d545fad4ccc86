using SystemOfSupport.Formats.LocalIndicators;
using SystemOfSupport.Formats.Xlsx;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.LocalIndicators;

/// <summary>
/// The shipped local-indicator workbooks (data/cde/local-indicators, trimmed by tools/trim-local-indicators.py)
/// keep the columns this project reads, with CDE's values, row numbers and sheet names.
/// </summary>
public class TrimmedLocalIndicatorTests
{
    private static readonly string[] KeptColumns = ["cdsCode", "lea", "priorityNumber", "countyPerformance", "meetingDate", "year"];

    public static TheoryData<int, int> Workbooks()
    {
        var data = new TheoryData<int, int>();
        foreach (var year in new[] { 2023, 2024 })
        {
            foreach (var n in new[] { 1, 2, 3, 6, 7, 9, 10 })
            {
                data.Add(year, n);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void Shipped_workbook_has_the_kept_columns_in_order_under_the_original_sheet_name(int year, int priority)
    {
        var path = Path.Combine(RepoPaths.LocalIndicators(year), $"Pr{priority}{year}.xlsx");
        var sheets = XlsxSheetReader.SheetNames(path);
        sheets.ShouldBe([year == 2023 ? $"pr{priority}{year}" : "Sheet1"]);

        var header = XlsxSheetReader.ReadRows(path).First();
        var names = header.Cells.Select(c => c.Text).ToList();
        if (priority is 9 or 10)
        {
            KeptColumns.ShouldBeSubsetOf(names); // the untrimmed original
        }
        else
        {
            names.ShouldBe(KeptColumns);
        }

        new FileInfo(path).Length.ShouldBeLessThan(200_000);
    }

    /// <summary>Row by row against CDE's originals, when they are present next to the repository (../shared).</summary>
    [Theory]
    [MemberData(nameof(Workbooks))]
    public void Shipped_workbook_reads_identically_to_the_original_in_the_kept_columns(int year, int priority)
    {
        var name = $"Pr{priority}{year}.xlsx";
        var original = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "cde", "local-indicators", year.ToString(System.Globalization.CultureInfo.InvariantCulture), name));
        if (!File.Exists(original))
        {
            return; // the originals are not part of the repository
        }

        var shipped = Path.Combine(RepoPaths.LocalIndicators(year), name);
        XlsxSheetReader.SheetNames(shipped).ShouldBe(XlsxSheetReader.SheetNames(original));
        var expected = Project(original);
        var actual = Project(shipped);
        actual.Count.ShouldBe(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            actual[i].ShouldBe(expected[i], $"{name}, row {expected[i][0]}");
        }

        // And the reader gives the same results from both.
        var fromOriginal = LocalIndicatorReader.Read(original, year).Results.Select(r => (r.Cds, r.Priority, r.Performance, r.Source.Line));
        var fromShipped = LocalIndicatorReader.Read(shipped, year).Results.Select(r => (r.Cds, r.Priority, r.Performance, r.Source.Line));
        fromShipped.ShouldBe(fromOriginal);
    }

    private static List<string?[]> Project(string path)
    {
        var rows = XlsxSheetReader.ReadRows(path).ToList();
        var header = rows[0];
        var columns = KeptColumns.Select(k => header.Cells.Single(c => c.Text == k).Column).ToArray();
        return rows.Select(r => columns.Select(c => r[c]).Prepend(r.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();
    }
}
