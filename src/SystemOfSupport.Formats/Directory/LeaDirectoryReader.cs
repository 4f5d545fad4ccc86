using System.Globalization;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Providers;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Text;

namespace SystemOfSupport.Formats.LeaDirectories;

/// <summary>
/// Reads an LEA directory CSV file (layout in data/directory/README.md): RFC 4180, UTF-8 or Windows-1252, a header row
/// whose columns are found by name, case-insensitively, in any order (other columns are ignored). Any problem is an
/// <see cref="InputFileException"/> naming the file, the line and the column, and nothing is returned.
/// </summary>
public static class LeaDirectoryReader
{
    public const string CdsColumn = "CDS";
    public const string NameColumn = "Name";
    public const string CityColumn = "City";
    public const string CountyColumn = "County";
    public const string GradeSpanColumn = "GradeSpan";
    public const string AdaColumn = "ADA";
    public const string CharterAuthorizerColumn = "CharterAuthorizerCDS";

    /// <summary>The required columns, in the order this project writes them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [CdsColumn, NameColumn, CityColumn, CountyColumn, GradeSpanColumn, AdaColumn, CharterAuthorizerColumn];

    public static LeaDirectory Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using (var reader = StateTextEncoding.OpenReader(path, StateTextEncoding.Utf8OrWindows1252))
        {
            try
            {
                return Read(reader, path);
            }
            catch (IOException ex)
            {
                throw new InputFileException(path, "cannot be read: " + ex.Message, ex);
            }
        }
    }

    /// <summary>Reads directory text; <paramref name="file"/> names it in errors and in each entry's source.</summary>
    public static LeaDirectory Read(TextReader reader, string file)
    {
        var table = CsvTable.Open(reader, file, Columns, "an LEA directory");
        var column = Columns.ToDictionary(c => c, table.IndexOf, StringComparer.OrdinalIgnoreCase);
        var entries = new List<LeaDirectoryEntry>();
        var firstLine = new Dictionary<CdsCode, int>();
        foreach (var (line, fields) in table.Rows())
        {
            var entry = new RowParser(file, line, fields, column).Parse(firstLine);
            firstLine.Add(entry.Cds, line);
            entries.Add(entry);
        }

        return new LeaDirectory(entries);
    }

    private sealed class RowParser(string file, int line, IReadOnlyList<string> fields, Dictionary<string, int> column)
    {
        public LeaDirectoryEntry Parse(Dictionary<CdsCode, int> firstLine)
        {
            var cds = ParseCds(CdsColumn, "the LEA's CDS code");
            if (firstLine.TryGetValue(cds, out var earlier))
            {
                throw Error(CdsColumn, $"CDS {cds} is listed twice: first on line {earlier.ToString(CultureInfo.InvariantCulture)}");
            }

            var name = Text(NameColumn) ?? throw Error(NameColumn, "the LEA's Name is empty");
            var county = ParseCounty(cds);
            var ada = ParseAda();
            var authorizer = ParseAuthorizer(cds);
            return new LeaDirectoryEntry(cds, name, Text(CityColumn), county, Text(GradeSpanColumn), ada, authorizer, new SourceRef(file, line));
        }

        private CdsCode ParseCds(string columnName, string what)
        {
            var text = Text(columnName) ?? string.Empty;
            if (!CdsCode.TryParse(text, out var cds))
            {
                throw Error(columnName, $"'{text}' is not a CDS code: {what} must be 14 digits (county 2, district 5, school 7)");
            }

            if (!Counties.TryGetOf(cds, out _))
            {
                throw Error(columnName, $"CDS {cds} begins with county code {cds.CountyCode}, which is not one of California's 58 (01 Alameda … 58 Yuba)");
            }

            return cds;
        }

        private County ParseCounty(CdsCode cds)
        {
            var text = Text(CountyColumn) ?? string.Empty;
            if (!Counties.TryGetByName(text, out var county))
            {
                throw Error(CountyColumn, $"unknown county '{text}': expected one of California's 58 county names, as the state spells them (Alameda … Yuba)");
            }

            var ofCode = Counties.Of(cds);
            if (county != ofCode)
            {
                throw Error(CountyColumn, $"county '{text}' does not match CDS {cds}, whose county code {cds.CountyCode} is {ofCode.Name}");
            }

            return county;
        }

        private decimal ParseAda()
        {
            var text = Text(AdaColumn) ?? throw Error(AdaColumn, "ADA is empty: expected the LEA's average daily attendance, a number of 0 or more such as 1234.56");
            if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ada))
            {
                throw Error(AdaColumn, $"ADA '{text}' is not a number: expected digits with an optional decimal point, such as 1234.56 (no thousands separators)");
            }

            return ada < 0 ? throw Error(AdaColumn, $"ADA {text} is negative: average daily attendance is 0 or more") : ada;
        }

        private CdsCode? ParseAuthorizer(CdsCode cds)
        {
            var isCharter = !cds.IsLeaLevel;
            if (Text(CharterAuthorizerColumn) is null)
            {
                return isCharter
                    ? throw Error(CharterAuthorizerColumn, $"charter school {cds} has no {CharterAuthorizerColumn}: give the CDS code of the district or county office that authorized it")
                    : null;
            }

            if (!isCharter)
            {
                throw Error(CharterAuthorizerColumn, $"{cds} is a district or county office (its CDS ends in {CdsCode.LeaSchoolCode}); only a charter school has a {CharterAuthorizerColumn}");
            }

            var authorizer = ParseCds(CharterAuthorizerColumn, "an authorizer");
            return authorizer.IsLeaLevel
                ? authorizer
                : throw Error(CharterAuthorizerColumn, $"authorizer {authorizer} is not an LEA-level code: a district's or county office's CDS code ends in {CdsCode.LeaSchoolCode}");
        }

        /// <summary>The trimmed field, or null when blank.</summary>
        private string? Text(string columnName)
        {
            var text = fields[column[columnName]].Trim();
            return text.Length == 0 ? null : text;
        }

        private InputFileException Error(string columnName, string message) => new(file, line, column[columnName] + 1, message);
    }
}
