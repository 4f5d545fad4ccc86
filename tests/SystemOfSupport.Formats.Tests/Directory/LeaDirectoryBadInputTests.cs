using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.LeaDirectories;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.LeaDirectories;

/// <summary>Each kind of bad input is an <see cref="InputFileException"/> naming the file, line and column.</summary>
public class LeaDirectoryBadInputTests
{
    private const string Header = "CDS,Name,City,County,GradeSpan,ADA,CharterAuthorizerCDS";
    private const string Coe = "27102720000000,Monterey County Office of Education,Salinas,Monterey,P-Adult,345.29,";
    private const string District = "27754730000000,Gonzales Unified,Gonzales,Monterey,P-Adult,1946.91,";
    private const string Charter = "27660926118962,International School of Monterey,,Monterey,,414.25,27660920000000";

    private static InputFileException Fails(string text, out string path)
    {
        using var dir = RepoPaths.NewTempDir();
        path = dir.File("directory.csv");
        File.WriteAllText(path, text);
        var file = path;
        return Should.Throw<InputFileException>(() => LeaDirectory.Read(file));
    }

    private static void ShouldBeAt(InputFileException ex, string path, int line, int? column, string detail)
    {
        ex.File.ShouldBe(path);
        ex.Line.ShouldBe(line);
        ex.Column.ShouldBe(column);
        ex.Detail.ShouldContain(detail);
    }

    [Fact]
    public void Missing_column_is_named()
    {
        var ex = Fails("CDS,Name,City,County,GradeSpan,CharterAuthorizerCDS\n27754730000000,Gonzales Unified,Gonzales,Monterey,P-Adult,\n", out var path);
        ShouldBeAt(ex, path, 1, 7, "missing required column 'ADA'");
        ex.Message.ShouldContain("directory.csv: line 1, column 7");
    }

    [Fact]
    public void Column_named_twice()
    {
        var ex = Fails(Header + ",ada\n" + District + ",1\n", out var path);
        ShouldBeAt(ex, path, 1, 8, "column 'ada' appears twice (columns 6 and 8)");
    }

    [Fact]
    public void Empty_file()
    {
        var ex = Fails(string.Empty, out var path);
        ShouldBeAt(ex, path, 1, null, "the file is empty");
    }

    [Theory]
    [InlineData("2775473000000", "'2775473000000' is not a CDS code")]
    [InlineData("27754730000O00", "is not a CDS code")]
    [InlineData("", "'' is not a CDS code")]
    [InlineData("59100000000000", "county code 59, which is not one of California's 58")]
    public void Malformed_CDS(string cds, string detail)
    {
        var ex = Fails($"{Header}\n{Coe}\n{cds},Gonzales Unified,Gonzales,Monterey,P-Adult,1946.91,\n", out var path);
        ShouldBeAt(ex, path, 3, 1, detail);
    }

    [Fact]
    public void Empty_name()
    {
        var ex = Fails($"{Header}\n27754730000000, ,Gonzales,Monterey,P-Adult,1946.91,\n", out var path);
        ShouldBeAt(ex, path, 2, 2, "Name is empty");
    }

    [Theory]
    [InlineData("abc", "ADA 'abc' is not a number")]
    [InlineData("1,946.91", "is not a number")]
    [InlineData("1e3", "is not a number")]
    [InlineData("", "ADA is empty")]
    [InlineData("-0.5", "ADA -0.5 is negative")]
    public void Non_numeric_blank_or_negative_ADA(string ada, string detail)
    {
        var field = ada.Contains(',', StringComparison.Ordinal) ? $"\"{ada}\"" : ada;
        var ex = Fails($"{Header}\n{Coe}\n27754730000000,Gonzales Unified,Gonzales,Monterey,P-Adult,{field},\n", out var path);
        ShouldBeAt(ex, path, 3, 6, detail);
    }

    [Fact]
    public void Unknown_county_name()
    {
        var ex = Fails($"{Header}\n27754730000000,Gonzales Unified,Gonzales,Montery,P-Adult,1946.91,\n", out var path);
        ShouldBeAt(ex, path, 2, 4, "unknown county 'Montery'");
    }

    [Fact]
    public void County_that_disagrees_with_the_CDS_code()
    {
        var ex = Fails($"{Header}\n27754730000000,Gonzales Unified,Gonzales,Tulare,P-Adult,1946.91,\n", out var path);
        ShouldBeAt(ex, path, 2, 4, "county 'Tulare' does not match CDS 27754730000000, whose county code 27 is Monterey");
    }

    [Fact]
    public void Duplicate_CDS_names_the_earlier_line()
    {
        var ex = Fails($"{Header}\n{District}\n{Coe}\n\n{District}\n", out var path);
        ShouldBeAt(ex, path, 5, 1, "CDS 27754730000000 is listed twice: first on line 2");
    }

    [Theory]
    [InlineData("27660926118962", "authorizer 27660926118962 is not an LEA-level code")]
    [InlineData("2766092", "'2766092' is not a CDS code")]
    [InlineData("", "has no CharterAuthorizerCDS")]
    public void Charter_authorizer_that_is_not_an_LEA_level_code_or_is_missing(string authorizer, string detail)
    {
        var ex = Fails($"{Header}\n27660922730240,Learning for Life Charter,,Monterey,,221.04,{authorizer}\n", out var path);
        ShouldBeAt(ex, path, 2, 7, detail);
    }

    [Fact]
    public void Authorizer_on_a_district()
    {
        var ex = Fails($"{Header}\n27754730000000,Gonzales Unified,Gonzales,Monterey,P-Adult,1946.91,27102720000000\n", out var path);
        ShouldBeAt(ex, path, 2, 7, "only a charter school has a CharterAuthorizerCDS");
    }

    [Fact]
    public void Truncated_last_row()
    {
        var ex = Fails($"{Header}\n{Coe}\n{Charter}\n27754730000000,Gonzales Uni", out var path);
        ShouldBeAt(ex, path, 4, 3, "expected 7 comma-separated fields as in the header, found 2 (the file looks truncated)");
    }

    [Fact]
    public void Short_or_long_row_in_the_middle()
    {
        var shortRow = Fails($"{Header}\n27754730000000,Gonzales Unified,Gonzales\n{Coe}\n", out var path);
        ShouldBeAt(shortRow, path, 2, 4, "found 3");
        shortRow.Detail.ShouldNotContain("truncated");

        var longRow = Fails($"{Header}\n{Coe},extra\n", out path);
        ShouldBeAt(longRow, path, 2, 8, "found 8");
    }

    [Fact]
    public void Unclosed_quote()
    {
        var ex = Fails($"{Header}\n{Coe}\n27754730000000,\"Gonzales Unified,Gonzales,Monterey,P-Adult,1946.91,\n", out var path);
        ShouldBeAt(ex, path, 3, 2, "never closed");
    }

    [Fact]
    public void Missing_file()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("none.csv");
        Should.Throw<InputFileException>(() => LeaDirectory.Read(path)).Detail.ShouldContain("cannot be opened");
    }
}
