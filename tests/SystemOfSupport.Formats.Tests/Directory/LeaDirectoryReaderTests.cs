using SystemOfSupport.Core.Determinations;
using System.Text;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Providers;
using SystemOfSupport.Formats.LeaDirectories;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.LeaDirectories;

public class LeaDirectoryReaderTests
{
    private static readonly string Example = RepoPaths.Data("directory", "monterey-lea-directory.csv");

    private static CdsCode Cds(string text) => CdsCode.Parse(text);

    [Fact]
    public void The_shipped_Monterey_example_has_the_county_office_24_districts_and_8_charter_schools()
    {
        var directory = LeaDirectory.Read(Example);

        directory.Count.ShouldBe(33);
        directory.Entries.Count(e => e.Kind == LeaKind.CountyOffice).ShouldBe(1);
        directory.Entries.Count(e => e.Kind == LeaKind.District).ShouldBe(24);
        directory.Entries.Count(e => e.Kind == LeaKind.CharterSchool).ShouldBe(8);
        directory.Entries.ShouldAllBe(e => e.County.Name == "Monterey" && e.Ada >= 0);

        var coe = directory[Cds("27102720000000")];
        coe.Name.ShouldBe("Monterey County Office of Education");
        coe.City.ShouldBe("Salinas");
        coe.GradeSpan.ShouldBe("P-Adult");
        coe.CharterAuthorizer.ShouldBeNull();
        coe.Source.Line.ShouldBe(2);

        var charter = directory[Cds("27660926118962")];
        charter.Name.ShouldBe("International School of Monterey");
        charter.City.ShouldBeNull();
        charter.GradeSpan.ShouldBeNull();
        charter.CharterAuthorizer.ShouldBe(Cds("27660920000000"));
        charter.ToLea().ShouldBe(new Lea(Cds("27660926118962"), LeaKind.CharterSchool, "International School of Monterey", "Monterey"));
    }

    [Fact]
    public void The_example_lists_the_districts_and_county_office_of_the_state_workbook_with_its_cities_and_grade_spans()
    {
        var directory = LeaDirectory.Read(Example);
        var workbook = AssistanceStatusWorkbookReader.ReadXlsx(RepoPaths.StatusWorkbook("assistancestatus24.xlsx"))
            .Rows.Where(r => r.County == "Monterey").ToList();

        workbook.Count.ShouldBe(25);
        foreach (var row in workbook)
        {
            var entry = directory[row.Cds];
            (entry.Name, entry.City, entry.GradeSpan).ShouldBe((row.LeaName, row.City, row.GradeSpan));
        }
    }

    [Fact]
    public void Providers_follow_from_the_example()
    {
        var directory = LeaDirectory.Read(Example);
        var map = DeterminationSettings.Defaults.LeadAgencyMap;

        directory.ProviderFor(Cds("27754730000000"), map).Name.ShouldBe("Monterey County Office of Education");
        directory.ProviderFor(Cds("27102720000000"), map).Kind.ShouldBe(ProviderKind.Department);
        directory.ProviderFor(Cds("27751500118349"), map).Kind.ShouldBe(ProviderKind.CountyOffice);
        var byCoe = directory.ProviderFor(Cds("27102720112177"), map);
        byCoe.Kind.ShouldBe(ProviderKind.GeographicLeadAgency);
        byCoe.Name.ShouldBe("Tulare County Office of Education");
        directory.CharterSchoolsAuthorizedBy(Cds("27102720000000")).Count.ShouldBe(5);
    }

    [Fact]
    public void Columns_are_found_by_name_in_any_order_and_case_with_quoted_fields_and_extra_columns()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("directory.csv");
        File.WriteAllText(path,
            "\uFEFFcharterauthorizercds,ada,Notes,gradespan,COUNTY,city,name,cds\r\n"
            + "27660920000000,12.5,x,,monterey,,\"Smith \"\"Jr.\"\" Academy, Inc.\",27660920000001\r\n"
            + "\r\n"
            + ",100,\"multi\r\nline note\",K-8, Monterey ,Salinas,Graves Elementary,27660270000000\r\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        var directory = LeaDirectory.Read(path);

        directory.Count.ShouldBe(2);
        var charter = directory[Cds("27660920000001")];
        charter.Name.ShouldBe("Smith \"Jr.\" Academy, Inc.");
        charter.Ada.ShouldBe(12.5m);
        charter.County.Name.ShouldBe("Monterey");
        charter.Source.ShouldBe(new SourceRef(path, 2));
        var district = directory[Cds("27660270000000")];
        district.GradeSpan.ShouldBe("K-8");
        district.Source.Line.ShouldBe(4);
    }

    [Fact]
    public void Windows_1252_text_is_read()
    {
        using var dir = RepoPaths.NewTempDir();
        var path = dir.File("directory.csv");
        var bytes = Encoding.ASCII.GetBytes("CDS,Name,City,County,GradeSpan,ADA,CharterAuthorizerCDS\n27660270000000,Graves Elementary,")
            .Concat(new byte[] { 0x4C, 0x61, 0x20, 0x43, 0x61, 0xF1, 0x61, 0x64, 0x61 }) // "La Cañada" in Windows-1252
            .Concat(Encoding.ASCII.GetBytes(",Monterey,K-8,35.8,\n"))
            .ToArray();
        File.WriteAllBytes(path, bytes);

        LeaDirectory.Read(path)[Cds("27660270000000")].City.ShouldBe("La Cañada");
    }
}
