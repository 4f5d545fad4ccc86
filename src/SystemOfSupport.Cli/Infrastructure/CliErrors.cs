using System.Text.Json;
using Spectre.Console;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Cli.Infrastructure;

/// <summary>Exit codes and the one place bad input becomes a clear message.</summary>
public static class CliErrors
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int BadInput = 2;

    public static int Guard(IAnsiConsole console, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (InputFileException ex)
        {
            Report(console, ex.Message);
            return BadInput;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or JsonException)
        {
            Report(console, ex.Message);
            return Usage;
        }
    }

    private static void Report(IAnsiConsole console, string message) =>
        console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
}
