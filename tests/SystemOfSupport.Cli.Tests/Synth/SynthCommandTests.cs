using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Cli.Tests.Synth;

/// <summary><c>sos synth</c>, then <c>sos dashboard verify</c> and <c>sos determine</c> on what it wrote, as the README says.</summary>
public class SynthCommandTests
{
    [Fact]
    public void Synth_then_verify_and_determine_run_end_to_end()
    {
        using var dir = RepoPaths.NewTempDir();
        var data = Path.Combine(dir.Path, "synth");
        var (code, output) = CliRunner.Run("synth", "--year", "2024", "--out", data, "--seed", "5", "--scale", "0.05",
            "--calibration", RepoPaths.MontereyDashboard(2024));
        code.ShouldBe(CliErrors.Ok, output);
        output.ShouldContain("SYNTHETIC data");
        File.Exists(Path.Combine(data, "README-SYNTHETIC.txt")).ShouldBeTrue();

        var (verify, verifyOutput) = CliRunner.Run("dashboard", "verify", data);
        verify.ShouldBe(CliErrors.Ok, verifyOutput);

        var outDir = Path.Combine(dir.Path, "out");
        var (determine, determineOutput) = CliRunner.Run("determine", "--year", "2024", "--dashboard", data, "--local", data,
            "--history", Path.Combine(data, "assistancestatus23.xlsx"), "--out", outDir);
        determine.ShouldBe(CliErrors.Ok, determineOutput);
        File.Exists(Path.Combine(outDir, "assistancestatus24.xlsx")).ShouldBeTrue();
        File.Exists(Path.Combine(outDir, "findings24.json")).ShouldBeTrue();
    }

    [Fact]
    public void Another_year_is_a_usage_error()
    {
        using var dir = RepoPaths.NewTempDir();
        var (code, output) = CliRunner.Run("synth", "--year", "2023", "--out", dir.Path, "--calibration", RepoPaths.MontereyDashboard(2024));
        code.ShouldBe(CliErrors.Usage, output);
        output.ShouldContain("2024 only");
    }
}
