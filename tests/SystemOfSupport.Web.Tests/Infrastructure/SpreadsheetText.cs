using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SystemOfSupport.Web.Tests.Infrastructure;

/// <summary>Downloads read back: an xlsx's first sheet as rows of text (every cell must be an inline string), a CSV's records.</summary>
public static class SpreadsheetText
{
    public static List<List<string>> Xlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return [.. sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
        {
            c.DataType!.Value.ShouldBe(CellValues.InlineString);
            c.CellFormula.ShouldBeNull();
            return c.InlineString!.Text!.Text;
        }).ToList())];
    }

    /// <summary>RFC 4180 records (quoted fields, doubled quotes, CRLF), without the byte-order mark.</summary>
    public static List<List<string>> Csv(byte[] bytes)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (quoted && ch == '"' && next == '"')
            {
                field.Append('"');
                i++;
            }
            else if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && ch == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (!quoted && ch == '\r' && next == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(ch);
            }
        }

        return records;
    }
}
