using System.CommandLine;
using Spectre.Console;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Web;
using SystemOfSupport.Web.Features.Accounts;

namespace SystemOfSupport.Cli.Serve;

/// <summary><c>sos users add</c>: an account for <c>sos serve</c>'s staff pages, in the same data as the server's.</summary>
public static class UsersCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var email = new Option<string>("--email") { Description = "The account's email, its sign-in name.", Required = true };
        var password = new Option<string>("--password") { Description = "Its password (at least 6 characters, with a digit, a lower and an upper case letter and a symbol).", Required = true };
        var role = new Option<string>("--role") { Description = "state (every LEA), county (--county's LEAs) or lea (--lea only): what it sees of years not yet published.", Required = true };
        var county = new Option<string?>("--county") { Description = "For --role county: the county's name or 2-digit code." };
        var lea = new Option<string?>("--lea") { Description = "For --role lea: the LEA's 14-digit CDS code or 7-digit CD code." };
        var store = new StoreOptions();
        var add = new Command("add", "Add an account.") { email, password, role, county, lea };
        store.AddTo(add);
        add.SetAction(parse =>
        {
            var added = SosWebApp.AddAccountAsync(
                [.. store.HostArgs(parse)],
                new AddAccount(parse.GetRequiredValue(email), parse.GetRequiredValue(password), parse.GetRequiredValue(role), parse.GetValue(county), parse.GetValue(lea)))
                .GetAwaiter().GetResult();
            var scope = added.County is { } c ? $", county {c}" : added.Lea is { } l ? $", LEA {l}" : string.Empty;
            console.MarkupLine($"added [green]{Markup.Escape(added.Email)}[/] ({added.Role}{scope})");
            return CliErrors.Ok;
        });
        return new Command("users", "Accounts for sos serve.") { add };
    }
}
