using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SystemOfSupport.Formats.Tests.SharedData;

/// <summary>One worksheet as its XML states it: its name, its part, its <c>&lt;row&gt;</c> elements, and those with a value.</summary>
internal sealed record XmlSheetCount(string Name, string Part, int RowElements, int RowsWithAValue);

/// <summary>
/// Counts an xlsx workbook's rows straight from its package, independently of the project's reader: the zip is opened with
/// <see cref="System.IO.Compression"/>, each part is read with a plain <see cref="XmlReader"/> (no Open XML SDK).
/// Sheets come from <c>xl/workbook.xml</c> and its relationships; a cell has a value when its text is non-empty (shared
/// strings resolved, inline strings read, phonetic runs ignored).
/// </summary>
internal static class XlsxPackageCounts
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static IReadOnlyList<XmlSheetCount> Count(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var relationships = Relationships(zip, "xl/_rels/workbook.xml.rels");
        var sharedStringsPart = relationships.Values.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
        var sharedStrings = sharedStringsPart is null ? [] : SharedStrings(zip, sharedStringsPart);

        var result = new List<XmlSheetCount>();
        using var workbook = Open(zip, "xl/workbook.xml");
        while (workbook.Read())
        {
            if (workbook.NodeType != XmlNodeType.Element || workbook.LocalName != "sheet")
            {
                continue;
            }

            var name = workbook.GetAttribute("name") ?? throw new InvalidDataException("a sheet without a name in " + path);
            var id = workbook.GetAttribute("id", RelationshipsNamespace) ?? throw new InvalidDataException($"sheet '{name}' has no r:id in {path}");
            var part = relationships[id].Target;
            var (rows, withValue) = CountRows(zip, part, sharedStrings);
            result.Add(new XmlSheetCount(name, part, rows, withValue));
        }

        return result;
    }

    private static (int Rows, int WithValue) CountRows(ZipArchive zip, string part, List<string> sharedStrings)
    {
        var rows = 0;
        var withValue = 0;
        using var reader = Open(zip, part);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
            {
                continue;
            }

            rows++;
            if (!reader.IsEmptyElement)
            {
                using var row = reader.ReadSubtree();
                if (RowHasValue(row, sharedStrings))
                {
                    withValue++;
                }
            }
        }

        return (rows, withValue);
    }

    private static bool RowHasValue(XmlReader row, List<string> sharedStrings)
    {
        while (row.Read())
        {
            if (row.NodeType != XmlNodeType.Element || row.LocalName != "c" || row.IsEmptyElement)
            {
                continue;
            }

            var type = row.GetAttribute("t");
            string? value = null;
            string? inline = null;
            using (var cell = row.ReadSubtree())
            {
                var more = cell.Read();
                while (more)
                {
                    if (cell.NodeType == XmlNodeType.Element && cell.LocalName == "v")
                    {
                        value = cell.ReadElementContentAsString();
                        more = !cell.EOF;
                        continue;
                    }

                    if (cell.NodeType == XmlNodeType.Element && cell.LocalName == "is" && !cell.IsEmptyElement)
                    {
                        using var item = cell.ReadSubtree();
                        inline = ItemText(item);
                    }

                    more = cell.Read();
                }
            }

            var text = type switch
            {
                "s" when value is not null => sharedStrings[int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture)],
                "inlineStr" => inline ?? value,
                _ => value,
            };
            if (!string.IsNullOrEmpty(text))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> SharedStrings(ZipArchive zip, string part)
    {
        var list = new List<string>();
        using var reader = Open(zip, part);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                if (reader.IsEmptyElement)
                {
                    list.Add(string.Empty);
                    continue;
                }

                using var item = reader.ReadSubtree();
                list.Add(ItemText(item));
            }
        }

        return list;
    }

    /// <summary>The text of an <c>&lt;si&gt;</c> or <c>&lt;is&gt;</c>: every <c>&lt;t&gt;</c> outside phonetic runs (<c>&lt;rPh&gt;</c>).</summary>
    private static string ItemText(XmlReader item)
    {
        var text = new StringBuilder();
        var phonetic = 0;
        var more = item.Read();
        while (more)
        {
            if (item.NodeType == XmlNodeType.Element && item.LocalName == "t" && phonetic == 0 && !item.IsEmptyElement)
            {
                // Leaves the reader on the node after </t>, which is looked at next without reading past it.
                text.Append(item.ReadElementContentAsString());
                more = !item.EOF;
                continue;
            }

            if (item.NodeType == XmlNodeType.Element && item.LocalName == "rPh" && !item.IsEmptyElement)
            {
                phonetic++;
            }
            else if (item.NodeType == XmlNodeType.EndElement && item.LocalName == "rPh")
            {
                phonetic--;
            }

            more = item.Read();
        }

        return text.ToString();
    }

    private static Dictionary<string, (string Type, string Target)> Relationships(ZipArchive zip, string part)
    {
        var map = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        using var reader = Open(zip, part);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship")
            {
                var target = reader.GetAttribute("Target") ?? string.Empty;
                map[reader.GetAttribute("Id") ?? string.Empty] = (reader.GetAttribute("Type") ?? string.Empty, Resolve("xl/", target));
            }
        }

        return map;
    }

    /// <summary>A relationship target as a zip entry name: absolute (<c>/xl/…</c>) or relative to <paramref name="baseFolder"/>.</summary>
    private static string Resolve(string baseFolder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : baseFolder + target;
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }

    private static XmlReader Open(ZipArchive zip, string part)
    {
        var entry = zip.GetEntry(part)
            ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, part, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidDataException($"no part '{part}' in the package");
        return XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CloseInput = true });
    }
}
