namespace SystemOfSupport.Core.Domain;

/// <summary>
/// A 14-digit County-District-School code. Kept as a string because leading zeros matter.
/// </summary>
public readonly record struct CdsCode : IComparable<CdsCode>
{
    public const int Length = 14;
    public const string LeaSchoolCode = "0000000";

    private CdsCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>County (2) + district (5): the state's <c>CDcode</c>.</summary>
    public string CdCode => Value[..7];

    public string CountyCode => Value[..2];

    public string DistrictCode => Value.Substring(2, 5);

    public string SchoolCode => Value[7..];

    /// <summary>True for a district or county office row (school part all zeros).</summary>
    public bool IsLeaLevel => SchoolCode == LeaSchoolCode;

    /// <summary>Every county office's district code starts with 10 (RULES.md §1), even where a file leaves <c>coe_flag</c> blank.</summary>
    public bool IsCountyOfficeCode => DistrictCode.StartsWith("10", StringComparison.Ordinal);

    public static bool TryParse(string? text, out CdsCode code)
    {
        code = default;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Length != Length)
        {
            return false;
        }

        foreach (var ch in trimmed)
        {
            if (ch is < '0' or > '9')
            {
                return false;
            }
        }

        code = new CdsCode(trimmed);
        return true;
    }

    public static CdsCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a 14-digit CDS code");

    /// <summary>The LEA-level code for a 7-digit CD code.</summary>
    public static CdsCode FromCdCode(string cdCode) => Parse(cdCode + LeaSchoolCode);

    public int CompareTo(CdsCode other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;

    public static bool operator <(CdsCode left, CdsCode right) => left.CompareTo(right) < 0;

    public static bool operator <=(CdsCode left, CdsCode right) => left.CompareTo(right) <= 0;

    public static bool operator >(CdsCode left, CdsCode right) => left.CompareTo(right) > 0;

    public static bool operator >=(CdsCode left, CdsCode right) => left.CompareTo(right) >= 0;
}
