namespace SystemOfSupport.Formats.Text;

/// <summary>Writes RFC 4180 CSV: a field is quoted only when it holds a comma, a quote or a line break.</summary>
public static class CsvText
{
    public static string Field(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;

    /// <summary>One record, without its line end.</summary>
    public static string Record(IEnumerable<string> fields) => string.Join(',', fields.Select(Field));
}
