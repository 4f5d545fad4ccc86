using System.Buffers;

namespace SystemOfSupport.Formats.Runs;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/> and given back when disposed: the findings
/// file's multi-megabyte chunk buffers are reused from run to run instead of allocated as new large objects (whose
/// budget running out makes the collector do a full collection).
/// </summary>
internal sealed class PooledBufferWriter(int initialCapacity) : IBufferWriter<byte>, IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public int WrittenCount { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, WrittenCount);

    public void ResetWrittenCount() => WrittenCount = 0;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (WrittenCount + count > buffer.Length)
        {
            throw new InvalidOperationException("advanced past the end of the buffer");
        }

        WrittenCount += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => buffer.AsMemory(Reserve(sizeHint));

    public Span<byte> GetSpan(int sizeHint = 0) => buffer.AsSpan(Reserve(sizeHint));

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    /// <summary>Makes room for at least <paramref name="sizeHint"/> bytes (at least one) and returns where they start.</summary>
    private int Reserve(int sizeHint)
    {
        var needed = WrittenCount + Math.Max(sizeHint, 1);
        if (needed > buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, checked(buffer.Length * 2)));
            WrittenSpan.CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        return WrittenCount;
    }
}
