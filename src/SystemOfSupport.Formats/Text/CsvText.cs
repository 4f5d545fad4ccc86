using System.Globalization;

namespace SystemOfSupport.Formats.Text;

/// <summary>
/// Writes RFC 4180 CSV: a field is quoted only when it holds a comma, a quote or a line break. Text that a spreadsheet
/// would take for a formula (starting with <c>= + - @</c>, tab or carriage return) gets a leading single quote, so
/// opening an exported file in Excel never runs a cell; numbers (<c>-12.5</c>) are left as they are.
/// </summary>
public static class CsvText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Field(string field)
    {
        var safe = Neutralized(field);
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    /// <summary>One record, without its line end.</summary>
    public static string Record(IEnumerable<string> fields) => string.Join(',', fields.Select(Field));

    /// <summary>The field as a spreadsheet may safely open it: formula-like text prefixed with <c>'</c>.</summary>
    public static string Neutralized(string field) => NeedsQuote(field) ? "'" + field : field;

    /// <summary>The inverse of <see cref="Neutralized"/>, for reading this tool's own CSV back.</summary>
    public static string? Restored(string? field) => field is { Length: > 1 } && field[0] == '\'' && NeedsQuote(field[1..]) ? field[1..] : field;

    private static bool NeedsQuote(string field)
    {
        var start = field.AsSpan().TrimStart('\'');
        if (start.IsEmpty || Array.IndexOf(FormulaStarts, start[0]) < 0)
        {
            return false;
        }

        // Text already quoted in front gets one more quote, so that reading back tells it from the quote added here.
        return start.Length < field.Length || !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }
}
