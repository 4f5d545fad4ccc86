using System.Text;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.StatusWorkbooks;

/// <summary>
/// Reads RFC 4180 CSV records: comma-separated, fields optionally enclosed in double quotes (a quote inside doubled),
/// quoted fields may span lines; CRLF, LF or CR line ends. Each record carries the 1-based line it starts on.
/// </summary>
public static class CsvRecordReader
{
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(TextReader reader, string file)
    {
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var recordLine = 1;
        var inQuotes = false;
        var wasQuoted = false;
        var atFieldStart = true;
        var any = false;
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var ch = (char)next;
            any = true;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n' || (ch == '\r' && reader.Peek() != '\n'))
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when atFieldStart:
                    inQuotes = true;
                    wasQuoted = true;
                    atFieldStart = false;
                    break;
                case '"':
                    throw new InputFileException(file, line, fields.Count + 1,
                        "a double quote inside an unquoted field (RFC 4180: quote the whole field and double the quote)");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    wasQuoted = false;
                    break;
                case '\r' or '\n':
                    if (ch == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    fields.Add(field.ToString());
                    yield return (recordLine, fields);
                    fields = [];
                    field.Clear();
                    atFieldStart = true;
                    wasQuoted = false;
                    any = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (wasQuoted)
                    {
                        throw new InputFileException(file, line, fields.Count + 1,
                            $"unexpected '{ch}' after the closing quote of a quoted field");
                    }

                    atFieldStart = false;
                    field.Append(ch);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new InputFileException(file, recordLine, fields.Count + 1,
                "a quoted field is never closed (the file ends inside it)");
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }
}
