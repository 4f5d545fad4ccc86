using SystemOfSupport.Formats.Tests.SharedData;
using SystemOfSupport.Tests;
using Xunit.Abstractions;

namespace SystemOfSupport.Formats.Tests.Dashboard;

/// <summary>
/// The shipped 2017 ELPI file is the state's original with columns dropped and nothing else changed: every kept
/// column, by name, has the original's cells, line by line. Without <c>../shared</c> it checks nothing and says so.
/// </summary>
[Trait("Category", "SharedData")]
public sealed class TrimmedElpi2017Tests(ITestOutputHelper output)
{
    [Fact]
    public void Kept_columns_equal_the_original_line_by_line()
    {
        var original = Path.Combine(SharedWorkbooksParseTests.SharedCde, "dashboard", "statewide-partial", "2017", "elpidownload2017f.txt");
        if (!File.Exists(original))
        {
            output.WriteLine($"{original} absent: nothing checked");
            return;
        }

        var trimmed = File.ReadAllLines(RepoPaths.Data("cde", "dashboard", "statewide-partial", "2017", "elpidownload2017f.txt")).Select(l => l.Split('\t')).ToList();
        var full = File.ReadAllLines(original).Select(l => l.Split('\t')).ToList();
        trimmed.Count.ShouldBe(full.Count);
        var columns = trimmed[0].Select(name => Array.IndexOf(full[0], name)).ToArray();
        columns.ShouldAllBe(i => i >= 0);
        for (var line = 0; line < full.Count; line++)
        {
            trimmed[line].ShouldBe(columns.Select(i => full[line][i]).ToArray(), $"line {line + 1}");
        }
    }
}
