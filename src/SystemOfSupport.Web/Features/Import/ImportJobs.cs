using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using SystemOfSupport.Formats.Runs;

namespace SystemOfSupport.Web.Features.Import;

[JsonConverter(typeof(JsonStringEnumConverter<ImportJobState>))]
public enum ImportJobState
{
    /// <summary>Waiting for the import before it (one year is imported at a time).</summary>
    Queued,
    Running,
    Committed,
    Failed,
}

/// <summary>
/// An import in the background: the current step and how far it is (<paramref name="Done"/> of <paramref name="Total"/>),
/// and, once finished, its result.
/// </summary>
public sealed record ImportJobStatus(Guid Id, int Year, ImportJobState State, string Step, int Done, int Total, ImportResult? Result)
{
    public bool Finished => State is ImportJobState.Committed or ImportJobState.Failed;
}

/// <summary>
/// Imports run as background jobs, one at a time, so a page or API call returns at once with the job's id and its
/// status is polled. The last <see cref="Kept"/> jobs are remembered (in memory: a restart forgets them, the stored years stay).
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<ImportJobs> log) : IDisposable
{
    public const int Kept = 50;

    private readonly ConcurrentDictionary<Guid, ImportJobStatus> jobs = new();
    private readonly ConcurrentQueue<Guid> order = new();
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public void Dispose() => oneAtATime.Dispose();

    public ImportJobStatus? Find(Guid id) => jobs.GetValueOrDefault(id);

    /// <summary>Queues <paramref name="command"/> and returns its status at once.</summary>
    public ImportJobStatus Start(ImportYear command)
    {
        var status = new ImportJobStatus(Guid.NewGuid(), command.Year, ImportJobState.Queued, "Waiting", 0, 1, null);
        jobs[status.Id] = status;
        order.Enqueue(status.Id);
        Forget();
        _ = Task.Run(() => Run(status.Id, command));
        return status;
    }

    private async Task Run(Guid id, ImportYear command)
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            await oneAtATime.WaitAsync(stopping);
            try
            {
                Update(id, s => s with { State = ImportJobState.Running, Step = "Starting" });
                using var scope = scopes.CreateScope();
                var handler = scope.ServiceProvider.GetRequiredService<ImportYearHandler>();
                var result = await handler.Handle(command, new JobProgress(this, id), stopping);
                Update(id, s => s with { State = result.Committed ? ImportJobState.Committed : ImportJobState.Failed, Step = "Finished", Done = 1, Total = 1, Result = result });
            }
            finally
            {
                oneAtATime.Release();
            }
        }
        catch (Exception ex)
        {
            // A failure the handler does not turn into an import error (the database is down, the app is stopping): the job says so.
            log.LogError(ex, "Import job {Id} for {Year} failed", id, command.Year);
            var error = new ImportError(null, null, null, $"the import stopped: {ex.Message}");
            Update(id, s => s with { State = ImportJobState.Failed, Step = "Finished", Result = new ImportResult(command.Year, false, false, [error], 0, 0, [], []) });
        }
    }

    private void Update(Guid id, Func<ImportJobStatus, ImportJobStatus> change)
    {
        if (jobs.TryGetValue(id, out var status))
        {
            jobs[id] = change(status);
        }
    }

    private void Forget()
    {
        while (order.Count > Kept && order.TryPeek(out var oldest) && jobs.TryGetValue(oldest, out var status) && status.Finished && order.TryDequeue(out _))
        {
            jobs.TryRemove(oldest, out _);
        }
    }

    /// <summary>Reports straight into the job's status (no synchronization context to post to).</summary>
    private sealed class JobProgress(ImportJobs jobs, Guid id) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => jobs.Update(id, s => s with { Step = value.Step, Done = value.Done, Total = Math.Max(value.Total, 1) });
    }
}
