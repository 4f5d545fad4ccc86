using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Tests;
using Xunit.Abstractions;

namespace SystemOfSupport.Formats.Tests.SharedData;

/// <summary>
/// Every Dashboard download file in ../shared/data/cde (2017 statewide originals, Monterey 2018–2024) parses, and
/// the rows read equal the file's data lines. The repository's own copies are checked the same way, so the test
/// checks something even where ../shared is absent.
/// </summary>
[Trait("Category", "SharedData")]
public sealed class SharedDashboardFilesParseTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var root in new[] { Path.Combine(SharedWorkbooksParseTests.SharedCde, "dashboard"), RepoPaths.Data("cde", "dashboard") })
        {
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_with_every_data_line_read(string path)
    {
        DashboardFileName.TryParse(path, out var name).ShouldBeTrue();
        DashboardFileSummary? summary = null;
        var kept = DashboardReader.Read(path, name!.Year, DashboardColumnsNeeded.None, s => summary = s).Count();

        var dataLines = File.ReadLines(path).Skip(1).Count(l => l.Length > 0);
        summary.ShouldNotBeNull();
        summary.RowsRead.ShouldBe(dataLines);
        summary.RowsKept.ShouldBe(kept);
        output.WriteLine($"{Path.GetFileName(path)}: {dataLines} rows, {kept} district, COE and charter rows");
    }
}
