using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SystemOfSupport.Formats.Runs;
using SystemOfSupport.Web.Storage;

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
public sealed class ImportJobs(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<SosOptions> options, ILogger<ImportJobs> log) : IDisposable
{
    public const int Kept = 50;

    private readonly ConcurrentDictionary<Guid, ImportJobStatus> jobs = new();
    private readonly ConcurrentQueue<Guid> order = new();
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public void Dispose() => oneAtATime.Dispose();

    public ImportJobStatus? Find(Guid id) => jobs.GetValueOrDefault(id);

    /// <summary>
    /// Queues <paramref name="command"/> and returns its status at once. <paramref name="uploaded"/>: the folder holds
    /// an upload, deleted when the job ends (what it decided is stored, output files included).
    /// </summary>
    public ImportJobStatus Start(ImportYear command, bool uploaded = false)
    {
        var status = new ImportJobStatus(Guid.NewGuid(), command.Year, ImportJobState.Queued, "Waiting", 0, 1, null);
        jobs[status.Id] = status;
        order.Enqueue(status.Id);
        Forget();
        _ = Task.Run(() => Run(status.Id, command, uploaded));
        return status;
    }

    private async Task Run(Guid id, ImportYear command, bool uploaded)
    {
        ImportResult result;
        try
        {
            result = await Import(id, command, lifetime.ApplicationStopping);
        }
        catch (Exception ex)
        {
            // A failure the handler does not turn into an import error (the database is down, the app is stopping): the job says so.
            log.LogError(ex, "Import job {Id} for {Year} failed", id, command.Year);
            result = new ImportResult(command.Year, false, false, [new ImportError(null, null, null, $"the import stopped: {ex.Message}")], 0, 0, [], []);
        }

        var folder = Path.Combine(options.Value.ImportRoot, command.Folder);
        if (uploaded && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Update(id, s => s with { State = result.Committed ? ImportJobState.Committed : ImportJobState.Failed, Step = "Finished", Done = 1, Total = 1, Result = result });
    }

    private async Task<ImportResult> Import(Guid id, ImportYear command, CancellationToken stopping)
    {
        await oneAtATime.WaitAsync(stopping);
        try
        {
            Update(id, s => s with { State = ImportJobState.Running, Step = "Starting" });
            using var scope = scopes.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ImportYearHandler>().Handle(command, new JobProgress(this, id), stopping);
        }
        finally
        {
            oneAtATime.Release();
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
