namespace SystemOfSupport.Formats.Text;

/// <summary>
/// The fields of one decoded line, found once and read as spans: a reader that keeps a row parses the few columns
/// it needs without a string per field. Reused from row to row; valid until the next <see cref="Load"/>.
/// </summary>
internal sealed class DelimitedFields(char delimiter, int count)
{
    private readonly int[] starts = new int[count];
    private readonly int[] lengths = new int[count];
    private string line = string.Empty;

    /// <summary>Finds the fields of a line already checked to have <c>count</c> of them.</summary>
    public DelimitedFields Load(string text)
    {
        line = text;
        var at = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            var stop = i + 1 < starts.Length ? text.IndexOf(delimiter, at) : text.Length;
            starts[i] = at;
            lengths[i] = stop - at;
            at = stop + 1;
        }

        return this;
    }

    public ReadOnlySpan<char> this[int index] => line.AsSpan(starts[index], lengths[index]);

    /// <summary>A field as a string, for the values kept and for messages.</summary>
    public string Text(int index) => line.Substring(starts[index], lengths[index]);
}
