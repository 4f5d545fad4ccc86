using Spectre.Console;

namespace SystemOfSupport.Tests;

/// <summary>Runs the real command line (<c>sos</c>) in-process and captures what it prints, as a plain 200-column terminal.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        var code = SystemOfSupport.Cli.Program.Run(args, console, writer, writer);
        return (code, writer.ToString());
    }
}
