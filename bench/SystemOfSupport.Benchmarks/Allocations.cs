using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace SystemOfSupport.Benchmarks;

/// <summary>
/// Where a run allocates, by type: the runtime's own allocation sampling (an event about every 100 KB allocated,
/// naming the type that crossed it), listened to in-process. A sample, not a count: types that allocate little may
/// not appear, and each figure is about the number of samples × 100 KB.
/// </summary>
internal sealed class Allocations : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> bytesByType = new(StringComparer.Ordinal);
    private long total;

    public bool Recording { get; set; }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!Recording || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var type = eventData.PayloadNames?.IndexOf("TypeName") is { } t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        // Large objects (85,000 bytes or more) are told apart: their budget running out triggers a full collection.
        if (eventData.PayloadNames?.IndexOf("AllocationKind") is { } k and >= 0 && Convert.ToInt32(eventData.Payload[k], CultureInfo.InvariantCulture) == 1)
        {
            type = "[large] " + type;
        }

        var amount = eventData.PayloadNames?.IndexOf("AllocationAmount64") is { } a and >= 0 ? Convert.ToInt64(eventData.Payload[a], CultureInfo.InvariantCulture) : 100_000;
        bytesByType.AddOrUpdate(type, amount, (_, b) => b + amount);
        Interlocked.Add(ref total, amount);
    }

    public void Print(int top)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Allocations of one run by type (sampled, ~{total / 1e6:F0} MB in all), the top {top}:"));
        Console.WriteLine("| Type | MB | Share |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (type, bytes) in bytesByType.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{type}` | {bytes / 1e6:F1} | {100.0 * bytes / total:F1}% |"));
        }
    }
}
