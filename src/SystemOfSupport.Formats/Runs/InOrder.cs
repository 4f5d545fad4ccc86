using System.Runtime.ExceptionServices;

namespace SystemOfSupport.Formats.Runs;

/// <summary>Independent pieces of work run side by side, with results and errors as a sequential loop would give them.</summary>
internal static class InOrder
{
    /// <summary>
    /// Maps every item in parallel; the results keep the items' order, and when any item fails, the failure of the
    /// first such item in that order is thrown as itself (not wrapped), whatever finished first.
    /// </summary>
    public static TResult[] Map<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> map)
    {
        var results = new TResult[items.Count];
        var failures = new Exception?[items.Count];
        Parallel.For(0, items.Count, i =>
        {
            try
            {
                results[i] = map(items[i]);
            }
            catch (Exception ex)
            {
                failures[i] = ex;
            }
        });
        if (Array.Find(failures, f => f is not null) is { } first)
        {
            ExceptionDispatchInfo.Throw(first);
        }

        return results;
    }
}
