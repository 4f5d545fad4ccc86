using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.Tests.Hostile;

/// <summary>
/// Runs a reader on a hostile file on a thread of its own: it must finish within a time limit, allocate within a bound,
/// and either return or throw an <see cref="InputFileException"/> that names the file — never anything else.
/// </summary>
internal static class HostileRun
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>What one run did: returned (no error), or the reader's clear error.</summary>
    public sealed record Outcome(InputFileException? Error, long AllocatedBytes);

    public static Outcome Read(string path, Action<string> read, string mutation, long maxAllocatedBytes = 2L << 30)
    {
        Exception? failure = null;
        long allocated = 0;
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                read(path);
            }
#pragma warning disable CA1031 // the point is to see every exception a reader lets out
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ex;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }, maxStackSize: 16 << 20)
        { IsBackground = true };
        thread.Start();
        thread.Join(TimeLimit).ShouldBeTrue($"{Path.GetFileName(path)} ({mutation}): the reader did not finish within {TimeLimit.TotalSeconds} s");
        allocated.ShouldBeLessThan(maxAllocatedBytes, $"{Path.GetFileName(path)} ({mutation}): the reader allocated {allocated:N0} bytes");
        switch (failure)
        {
            case null:
                return new Outcome(null, allocated);
            case InputFileException clear:
                clear.File.ShouldNotBeNullOrWhiteSpace($"{mutation}: the error names no file");
                clear.Message.ShouldNotBeNullOrWhiteSpace();
                return new Outcome(clear, allocated);
            default:
                throw new ShouldAssertException($"{Path.GetFileName(path)} ({mutation}): the reader threw {failure.GetType().Name} instead of a clear error: {failure}");
        }
    }
}
