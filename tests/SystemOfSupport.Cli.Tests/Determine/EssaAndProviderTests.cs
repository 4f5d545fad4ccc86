using SystemOfSupport.Tests;

namespace SystemOfSupport.Cli.Tests.Determine;

public class EssaAndProviderTests
{
    [Fact]
    public void Determine_adds_the_CSI_not_exited_finding_and_names_providers()
    {
        using var tmp = RepoPaths.NewTempDir();
        var (code, output) = CliRunner.Run("determine", "--year", "2024", "--dashboard", RepoPaths.MontereyDashboard(2024), "--local", RepoPaths.LocalIndicators(2024),
            "--prior-dashboard", RepoPaths.MontereyDashboard(2023), "--prior-local", RepoPaths.LocalIndicators(2023),
            "--essa", RepoPaths.Data("cde", "essa", "essaassistance24.xlsx"), "--directory", RepoPaths.Data("directory", "monterey-lea-directory.csv"),
            "--out", tmp.Path);
        code.ShouldBe(0, output);
        output.ShouldContain("ESSA: 2 of these LEAs have a CSI school not exited within four years");
        output.ShouldNotContain("their provider is not named");

        var (_, coe) = CliRunner.Run("explain", "--year", "2024", "--cds", "27102720000000", "--from", tmp.Path);
        coe.ShouldContain("Provider: California Department of Education");
        coe.ShouldContain("Salinas Community (27102722730265): in CSI since 2018");

        var findings = File.ReadAllText(tmp.File("findings24.json"));
        findings.ShouldContain("\"kind\":\"GeographicLeadAgency\"");
    }
}

public class Method4Tests
{
    [Fact]
    public void Certification_records_decide_Method_4_in_determine()
    {
        using var tmp = RepoPaths.NewTempDir();
        var (code, output) = CliRunner.Run("determine", "--year", "2024", "--dashboard", RepoPaths.MontereyDashboard(2024), "--local", RepoPaths.LocalIndicators(2024),
            "--history", RepoPaths.StatusWorkbook("assistancestatus23.xlsx"), "--certifications", RepoPaths.Data("calpads", "certifications-example.csv"),
            "--directory", RepoPaths.Data("directory", "monterey-lea-directory.csv"), "--out", tmp.Path);
        code.ShouldBe(0, output);

        // The shipped example has Graves Elementary certify no End of Year submission in 2023-24 (synthetic; the state found none).
        var (_, graves) = CliRunner.Run("explain", "--year", "2024", "--cds", "27660270000000", "--from", tmp.Path);
        graves.ShouldContain("Method 4: Y");
        graves.ShouldContain("Differentiated Assistance, Year 1");
        File.ReadAllText(tmp.File("findings24.json")).ShouldNotContain("Method 4 (CALPADS certification) was not evaluated");
    }
}
