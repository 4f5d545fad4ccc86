using SystemOfSupport.Formats.LocalIndicators;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Xlsx;
using SystemOfSupport.Tests;
using Xunit.Abstractions;

namespace SystemOfSupport.Formats.Tests.SharedData;

/// <summary>
/// Every workbook in the project's shared real data (<c>../shared/data/cde</c>, beside the repository; CI has it) parses:
/// each xlsx opens with <see cref="XlsxSheetReader"/> sheet by sheet, with as many rows as its XML holds (counted
/// independently by <see cref="XlsxPackageCounts"/>); each assistance-status workbook reads with its known LEA count;
/// each year's local-indicator files read with one result per data row. Without <c>../shared</c> (a bare clone) every
/// case passes and says, in its output, that it checked nothing.
/// </summary>
[Trait("Category", "SharedData")]
public sealed class SharedWorkbooksParseTests(ITestOutputHelper output)
{
    /// <summary>The theory case that stands for "no shared data here".</summary>
    public const string Absent = "(../shared/data/cde absent)";

    private static readonly Dictionary<string, int> LeaCounts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["assistancestatus19.xlsx"] = 1002,
        ["assistancestatus19-rev.xlsx"] = 997,
        ["assistancestatus23.xlsx"] = 991,
        ["assistancestatus24.xlsx"] = 994,
    };

    public static string SharedCde => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "cde"));

    private static bool Present => Directory.Exists(SharedCde);

    public static TheoryData<string> Workbooks()
    {
        var data = new TheoryData<string>();
        if (!Present)
        {
            data.Add(Absent);
            return data;
        }

        foreach (var path in Directory.EnumerateFiles(SharedCde, "*.xlsx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(SharedCde, path).Replace('\\', '/'));
        }

        return data;
    }

    public static TheoryData<string> StatusWorkbooks()
    {
        var data = new TheoryData<string>();
        if (!Present)
        {
            data.Add(Absent);
            return data;
        }

        var folder = Path.Combine(SharedCde, "assistance-status");
        var present = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>()
            : [];
        foreach (var name in present.Concat(LeaCounts.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void Every_sheet_of_the_workbook_reads_with_one_row_per_row_element(string relativePath)
    {
        if (SaysAbsent(relativePath))
        {
            return;
        }

        var path = Path.Combine(SharedCde, relativePath);
        var expected = XlsxPackageCounts.Count(path);
        var sheets = XlsxSheetReader.SheetNames(path);
        sheets.ShouldBe(expected.Select(s => s.Name), $"{relativePath}: the sheets, in workbook order");

        foreach (var sheet in expected)
        {
            var rows = 0;
            var withCells = 0;
            var lastRow = 0;
            foreach (var row in XlsxSheetReader.ReadRows(path, sheet.Name))
            {
                rows++;
                row.RowNumber.ShouldBeGreaterThan(lastRow, $"{relativePath}, sheet '{sheet.Name}': row numbers ascend");
                lastRow = row.RowNumber;
                if (row.Cells.Count > 0)
                {
                    withCells++;
                }
            }

            output.WriteLine($"{relativePath} | {sheet.Name} ({sheet.Part}): {withCells} rows with a value, {rows} <row> elements");
            withCells.ShouldBe(sheet.RowsWithAValue, $"{relativePath}, sheet '{sheet.Name}': rows with at least one non-empty cell");
            rows.ShouldBe(sheet.RowElements, $"{relativePath}, sheet '{sheet.Name}': <row> elements");
        }
    }

    [Theory]
    [MemberData(nameof(StatusWorkbooks))]
    public void Every_assistance_status_workbook_reads_with_its_LEA_count(string name)
    {
        if (SaysAbsent(name))
        {
            return;
        }

        var path = Path.Combine(SharedCde, "assistance-status", name);
        File.Exists(path).ShouldBeTrue($"{path} is missing from the shared data");

        var workbook = AssistanceStatusWorkbookReader.Read(path);

        output.WriteLine($"{name}: {workbook.Year}, sheet '{workbook.SheetName}', header row {workbook.HeaderRow}, {workbook.Rows.Count} LEAs");
        workbook.Rows.Count.ShouldBe(workbook.Rows.Select(r => r.Cds).Distinct().Count());
        workbook.Rows.ShouldAllBe(r => r.StatusByYear.ContainsKey(workbook.Year));
        if (LeaCounts.TryGetValue(name, out var expected))
        {
            workbook.Rows.Count.ShouldBe(expected, name);
        }
        else
        {
            workbook.Rows.ShouldNotBeEmpty(name);
            output.WriteLine($"{name}: no known LEA count to compare with");
        }
    }

    [Theory]
    [InlineData(2017)]
    [InlineData(2018)]
    [InlineData(2023)]
    [InlineData(2024)]
    public void Every_local_indicator_file_reads_with_one_result_per_data_row(int year)
    {
        if (!Present)
        {
            SaysAbsent(Absent);
            return;
        }

        var folder = Path.Combine(SharedCde, "local-indicators", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.Exists(folder).ShouldBeTrue($"{folder} is missing from the shared data");
        var files = Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        files.ShouldNotBeEmpty();

        var expected = 0;
        foreach (var file in files)
        {
            // Text: every non-blank line but the header. Xlsx: every row with a value but the header (one sheet).
            var dataRows = file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
                ? File.ReadLines(file).Count(l => !string.IsNullOrWhiteSpace(l)) - 1
                : XlsxPackageCounts.Count(file).ShouldHaveSingleItem().RowsWithAValue - 1;
            output.WriteLine($"{Path.GetFileName(file)}: {dataRows} data rows");
            expected += dataRows;
        }

        var set = LocalIndicatorReader.Read(folder, year);

        foreach (var warning in set.Warnings)
        {
            output.WriteLine("warning: " + warning);
        }

        files.ShouldAllBe(f => set.FilesRead.Contains(f));
        set.Count.ShouldBe(expected);
        set.Results.ShouldAllBe(r => r.Year == year);
        output.WriteLine($"{set.Count} results for {set.Leas.Count} LEAs from {set.FilesRead.Count} files");
    }

    private bool SaysAbsent(string theoryCase)
    {
        if (theoryCase != Absent)
        {
            return false;
        }

        output.WriteLine($"Checked nothing: the shared data directory {SharedCde} does not exist (it sits beside the repository on CI).");
        return true;
    }
}
