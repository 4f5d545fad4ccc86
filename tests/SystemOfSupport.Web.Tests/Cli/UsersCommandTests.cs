using SystemOfSupport.Tests;
using SystemOfSupport.Web.Features.Accounts;

namespace SystemOfSupport.Web.Tests.Cli;

/// <summary><c>sos users add</c> and <c>sos serve</c>'s options, through the real command line.</summary>
public class UsersCommandTests
{
    [Fact]
    public async Task Users_add_stores_an_account_in_the_servers_data_and_refuses_a_second_with_the_same_email()
    {
        using var data = RepoPaths.NewTempDir();
        var (code, output) = CliRunner.Run("users", "add", "--email", "coe@example.org", "--password", "Sample-passw0rd", "--role", "county", "--county", "Monterey", "--data", data.Path);
        code.ShouldBe(0, output);
        output.ShouldContain("added coe@example.org (County, county 27)");
        File.Exists(Path.Combine(data.Path, "sos.db")).ShouldBeTrue();

        var again = await Should.ThrowAsync<ArgumentException>(() =>
            SosWebApp.AddAccountAsync(["--Sos:Data", data.Path], new AddAccount("coe@example.org", "Sample-passw0rd", Roles.State)));
        again.Message.ShouldContain("is already taken");
    }

    [Fact]
    public void Users_add_without_the_scope_its_role_needs_is_a_usage_error()
    {
        using var data = RepoPaths.NewTempDir();
        var (code, output) = CliRunner.Run("users", "add", "--email", "lea@example.org", "--password", "Sample-passw0rd", "--role", "lea", "--data", data.Path);
        code.ShouldBe(1, output);
        output.ShouldContain("the Lea role needs --lea");
    }

    [Fact]
    public void Serve_lists_its_options()
    {
        var (code, output) = CliRunner.Run("serve", "--help");
        code.ShouldBe(0, output);
        output.ShouldContain("--urls");
        output.ShouldContain("http://127.0.0.1:5080");
        output.ShouldContain("--data");
        output.ShouldContain("--postgres");
    }
}
