using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace SystemOfSupport.Formats.Text;

/// <summary>
/// The fields of one decoded line, found once and read as spans: a reader that keeps a row parses the few columns
/// it needs without a string per field, and a line given as bytes is decoded into a buffer reused from row to row,
/// not into a string. Valid until the next <c>Load</c>.
/// </summary>
internal sealed class DelimitedFields(char delimiter, int count)
{
    private readonly int[] starts = new int[count];
    private readonly int[] lengths = new int[count];
    private char[] buffer = [];
    private ReadOnlyMemory<char> line;

    /// <summary>Finds the fields of a line already checked to have <c>count</c> of them.</summary>
    public DelimitedFields Load(string text) => Find(text.AsMemory());

    /// <summary>Decodes <paramref name="bytes"/> as <see cref="Encoding.GetString(ReadOnlySpan{byte})"/> would, into the reused buffer, and finds its fields.</summary>
    public DelimitedFields Load(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        var most = encoding.GetMaxCharCount(bytes.Length);
        if (buffer.Length < most)
        {
            buffer = new char[Math.Max(most, buffer.Length * 2)];
        }

        return Find(buffer.AsMemory(0, encoding.GetChars(bytes, buffer)));
    }

    public ReadOnlySpan<char> this[int index] => line.Span.Slice(starts[index], lengths[index]);

    /// <summary>A field as a string, for the values kept and for messages.</summary>
    public string Text(int index) => new(this[index]);

    private DelimitedFields Find(ReadOnlyMemory<char> text)
    {
        line = text;
        if (starts.Length == 0)
        {
            return this;
        }

        var span = text.Span;
        var last = starts.Length - 1;
        var field = 0;
        var at = 0;
        // Fields are a few characters long: eight characters compared at once, and each delimiter found taken from
        // the mask, instead of a search started per field.
        if (Vector128.IsHardwareAccelerated)
        {
            var chars = MemoryMarshal.Cast<char, ushort>(span);
            var delimiters = Vector128.Create((ushort)delimiter);
            for (var i = 0; field < last && i <= chars.Length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                var mask = Vector128.Equals(Vector128.Create(chars.Slice(i, Vector128<ushort>.Count)), delimiters).ExtractMostSignificantBits();
                while (mask != 0 && field < last)
                {
                    var stop = i + BitOperations.TrailingZeroCount(mask);
                    starts[field] = at;
                    lengths[field] = stop - at;
                    at = stop + 1;
                    field++;
                    mask &= mask - 1;
                }
            }
        }

        // The rest (the line's tail, or every field without vector support).
        for (; field < last; field++)
        {
            var stop = at + span[at..].IndexOf(delimiter);
            starts[field] = at;
            lengths[field] = stop - at;
            at = stop + 1;
        }

        starts[last] = at;
        lengths[last] = span.Length - at;
        return this;
    }
}
