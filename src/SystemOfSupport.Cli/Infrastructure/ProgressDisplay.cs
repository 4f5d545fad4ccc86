using Spectre.Console;
using SystemOfSupport.Formats.Runs;

namespace SystemOfSupport.Cli.Infrastructure;

/// <summary>Shows a run's progress as bars on an interactive terminal, and stays silent otherwise.</summary>
public static class ProgressDisplay
{
    public static T Run<T>(IAnsiConsole console, Func<IProgress<RunProgress>?, T> work)
    {
        if (!console.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            return work(null);
        }

        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new Reporter(report =>
                {
                    if (!tasks.TryGetValue(report.Step, out var task))
                    {
                        task = ctx.AddTask(report.Step, maxValue: Math.Max(1, report.Total));
                        tasks.Add(report.Step, task);
                    }

                    task.MaxValue = Math.Max(1, report.Total);
                    task.Value = report.Done;
                });
                return work(progress);
            });
    }

    // Synchronous: Progress<T> would post to the thread pool and arrive after the bars are gone.
    private sealed class Reporter(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
