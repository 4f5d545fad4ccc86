using System.CommandLine;
using Spectre.Console;
using SystemOfSupport.Cli.Infrastructure;
using SystemOfSupport.Web;

namespace SystemOfSupport.Cli.Serve;

/// <summary><c>sos serve</c>: the web app (state, county and LEA pages, the JSON API, downloads, import) until Ctrl+C.</summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(IAnsiConsole console)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (semicolon-separated URLs).", DefaultValueFactory = _ => DefaultUrls };
        var store = new StoreOptions();
        var command = new Command("serve", "Serve the pages, the JSON API (/api, OpenAPI at /openapi/v1.json) and the downloads; on an empty database, import the embedded Monterey sample first.")
        {
            urls,
        };
        store.AddTo(command);
        command.SetAction(parse =>
        {
            var args = store.HostArgs(parse);
            args.AddRange(["--urls", parse.GetRequiredValue(urls)]);
            console.MarkupLine($"sos serve: [green]{Markup.Escape(parse.GetRequiredValue(urls))}[/] (Ctrl+C stops)");
            SosWebApp.RunAsync([.. args]).GetAwaiter().GetResult();
            return CliErrors.Ok;
        });
        return command;
    }
}
