using System.Runtime.ExceptionServices;

namespace SystemOfSupport.Core;

/// <summary>Independent pieces of work run side by side, with results and errors as a sequential loop would give them.</summary>
public static class InOrder
{
    /// <summary>
    /// Maps every item in parallel; the results keep the items' order, and when any item fails, the failure of the
    /// first such item in that order is thrown as itself (not wrapped), whatever finished first.
    /// <paramref name="completed"/> is told how many items are done after each one, one call at a time and never
    /// going backwards (for progress bars, whose consumers need not be thread-safe).
    /// <paramref name="cost"/>, when given, starts the costliest items first, so that a large item started last does
    /// not run on alone while the other cores idle; results and errors keep the items' order all the same.
    /// </summary>
    public static TResult[] Map<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> map, Action<int>? completed = null, Func<TItem, long>? cost = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(map);
        var results = new TResult[items.Count];
        var failures = new Exception?[items.Count];
        var done = 0;
        var reported = 0;
        var gate = new Lock();
        int[]? schedule = cost is null ? null : [.. Enumerable.Range(0, items.Count).OrderByDescending(i => cost(items[i]))];
        Parallel.For(0, items.Count, k =>
        {
            var i = schedule is null ? k : schedule[k];
            try
            {
                results[i] = map(items[i]);
            }
            catch (Exception ex)
            {
                failures[i] = ex;
            }

            if (completed is null)
            {
                return;
            }

            var count = Interlocked.Increment(ref done);
            lock (gate)
            {
                // Another thread may have reported a later count while this one waited.
                if (count > reported)
                {
                    reported = count;
                    completed(count);
                }
            }
        });
        if (Array.Find(failures, f => f is not null) is { } first)
        {
            ExceptionDispatchInfo.Throw(first);
        }

        return results;
    }
}
