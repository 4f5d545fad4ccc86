namespace SystemOfSupport.Core.Domain;

/// <summary>
/// Bad input: names the file, the line (or spreadsheet row) and column, and what was expected.
/// </summary>
public sealed class InputFileException : Exception
{
    public InputFileException(string file, int? line, int? column, string message)
        : base(Format(file, line, column, message))
    {
        File = file;
        Line = line;
        Column = column;
        Detail = message;
    }

    public InputFileException()
        : this("(unknown)", null, null, "bad input")
    {
    }

    public InputFileException(string message)
        : this("(unknown)", null, null, message)
    {
    }

    public InputFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "(unknown)";
        Detail = message;
    }

    public InputFileException(string file, string message, Exception innerException)
        : base(Format(file, null, null, message), innerException)
    {
        File = file;
        Detail = message;
    }

    public string File { get; }

    public int? Line { get; }

    public int? Column { get; }

    public string Detail { get; }

    private static string Format(string file, int? line, int? column, string message) =>
        (line, column) switch
        {
            (int l, int c) => $"{file}: line {l}, column {c}: {message}",
            (int l, null) => $"{file}: line {l}: {message}",
            _ => $"{file}: {message}",
        };
}
