using SystemOfSupport.Tests;
using SystemOfSupport.Web.Tests.Reports;

namespace SystemOfSupport.Web.Tests.Cli;

/// <summary><c>sos report onepager</c> through the real command line, on the embedded sample.</summary>
public class ReportCommandTests
{
    [PdfTheory]
    [InlineData("Monterey")]
    public void Onepager_writes_a_PDF_and_the_HTML_for_every_LEA_of_the_county_from_the_embedded_sample(string county)
    {
        using var output = RepoPaths.NewTempDir();
        var (code, text) = CliRunner.Run("report", "onepager", "--county", county, "--out", output.Path);
        code.ShouldBe(0, text);
        text.ShouldContain("No store given: using the embedded sample.");
        text.ShouldContain("Wrote 33 one-pagers for Monterey County (PDF and HTML)");
        var pdfs = Directory.GetFiles(output.Path, "*.pdf");
        pdfs.Length.ShouldBe(25 + 8, "24 districts, the county office and 8 charter schools in 2024");
        Directory.GetFiles(output.Path, "*.html").Length.ShouldBe(33);
        foreach (var pdf in pdfs)
        {
            OnePagerTests.PageCount(File.ReadAllBytes(pdf)).ShouldBe(1, pdf);
        }

        // The operator sees the case the sample import opened for the county office (Year 1 in 2024).
        File.ReadAllText(Path.Combine(output.Path, "27102720000000-2024-onepager.html")).ShouldContain("Step: identified (term 2024)");
    }

    [Fact]
    public void Onepager_for_an_unknown_county_is_bad_input_and_writes_nothing()
    {
        using var output = RepoPaths.NewTempDir();
        var (code, text) = CliRunner.Run("report", "onepager", "--county", "Atlantis", "--out", Path.Combine(output.Path, "out"));
        code.ShouldBe(2, text);
        text.ShouldContain("--county: no California county named 'Atlantis'");
        Directory.Exists(Path.Combine(output.Path, "out")).ShouldBeFalse();
    }

    [Fact]
    public void Onepager_lists_its_options()
    {
        var (code, text) = CliRunner.Run("report", "onepager", "--help");
        code.ShouldBe(0, text);
        foreach (var option in new[] { "--county", "--out", "--year", "--data", "--postgres" })
        {
            text.ShouldContain(option);
        }
    }
}
