using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Essa;
using SystemOfSupport.Formats.Essa;
using static SystemOfSupport.Formats.Tests.Essa.EssaTestData;

namespace SystemOfSupport.Formats.Tests.Essa;

/// <summary>The CSI four-year rule (RULES.md §5) on the state's real files, statewide.</summary>
public class EssaRunTests
{
    [Theory]
    [InlineData(2024, EssaSettings.SkipPandemicYears, 125, 165)]
    [InlineData(2023, EssaSettings.SkipPandemicYears, 136, 175)]
    [InlineData(2022, EssaSettings.SkipPandemicYears, 0, 0)]
    [InlineData(2024, EssaSettings.EveryYear, 99, 125)]
    public void Statewide_findings_from_all_five_files(int year, string csiYears, int leas, int schools)
    {
        var run = EssaRun.Run(All, year, DeterminationSettings.Defaults.With(EssaSettings.CsiYears, csiYears));

        run.Files.Count.ShouldBe(5);
        run.Warnings.ShouldBeEmpty();
        run.Assessment.Findings.Count.ShouldBe(leas);
        run.Assessment.Findings.Sum(f => f.SchoolsNotExited.Count).ShouldBe(schools);
    }

    [Fact]
    public void The_2024_file_alone_gives_the_same_2024_findings()
    {
        var alone = EssaRun.Run([Path(File2024)], 2024, DeterminationSettings.Defaults).Assessment.Findings;
        var all = EssaRun.Run(All, 2024, DeterminationSettings.Defaults).Assessment.Findings;
        alone.Select(f => (f.Lea, f.SchoolsNotExited.Count)).ShouldBe(all.Select(f => (f.Lea, f.SchoolsNotExited.Count)));
    }

    [Fact]
    public void Known_2024_findings()
    {
        var findings = EssaRun.Run([Path(File2024)], 2024, DeterminationSettings.Defaults).Assessment.Findings.ToDictionary(f => f.Lea.Value);

        var lausd = findings["19647330000000"];
        lausd.LeaName.ShouldBe("Los Angeles Unified");
        lausd.Kind.ShouldBe(LeaKind.District);
        var alonzo = lausd.SchoolsNotExited.Single(s => s.School.Value == "19647330102764");
        alonzo.SchoolName.ShouldBe("Richard A. Alonzo Community Day");
        alonzo.CsiYears.ShouldBe([2018, 2019, 2022, 2023, 2024]);

        var siatech = findings["37684520106120"];
        siatech.Kind.ShouldBe(LeaKind.CharterSchool);
        siatech.LeaName.ShouldBe("SIATech");

        var sacramentoCoe = findings["34103480000000"];
        sacramentoCoe.Kind.ShouldBe(LeaKind.CountyOffice);
        sacramentoCoe.SchoolsNotExited.ShouldContain(s => s.SchoolName == "Elinor Lincoln Hickey Jr./Sr. High" && s.FirstCsiYear == 2018);
    }

    [Fact]
    public void A_year_no_file_covers_is_bad_input()
    {
        var ex = Should.Throw<InputFileException>(() => EssaRun.Run([Path(File2023)], 2024, DeterminationSettings.Defaults));
        ex.Message.ShouldContain("no file has designations for 2024 (--year): the files cover 2018–2023");
    }

    [Fact]
    public void A_pandemic_year_is_a_usage_error_before_reading()
    {
        Should.Throw<ArgumentException>(() => EssaRun.Run(["missing.xlsx"], 2021, DeterminationSettings.Defaults)).Message.ShouldContain("2021 is not an ESSA status year");
    }

    [Fact]
    public void The_same_years_file_twice_is_bad_input()
    {
        Should.Throw<InputFileException>(() => EssaRun.Run([Path(File2022), Path(File2022)], 2022, DeterminationSettings.Defaults))
            .Message.ShouldContain("give each reporting year's file once");
    }

    [Fact]
    public void Files_without_a_Charter_column_are_warned_about()
    {
        var run = EssaRun.Run([Path(File2018), Path(File2019)], 2019, DeterminationSettings.Defaults);
        run.Warnings.ShouldHaveSingleItem().ShouldContain("without a Charter column");
        run.Assessment.Findings.ShouldBeEmpty(); // two status years cannot make four
    }
}
