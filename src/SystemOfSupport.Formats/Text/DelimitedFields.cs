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
        var span = text.Span;
        var at = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            var stop = i + 1 < starts.Length ? at + span[at..].IndexOf(delimiter) : span.Length;
            starts[i] = at;
            lengths[i] = stop - at;
            at = stop + 1;
        }

        return this;
    }
}
