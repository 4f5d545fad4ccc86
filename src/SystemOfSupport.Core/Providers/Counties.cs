using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Providers;

/// <summary>
/// California's 58 counties as data (RULES.md §1). The county offices' district codes cannot be derived (only their
/// leading <c>10</c> can), so they are copied from the state's <c>assistancestatus24.xlsx</c>, whose rows include all
/// 58 county offices; a test checks this table against that workbook.
/// </summary>
public static class Counties
{
    private sealed record Row(string Code, string Name, string CountyOfficeDistrictCode, string CountyOfficeName);

    // County code, county, the county office's 5-digit district code, its name. Source: assistancestatus24.xlsx.
    private static readonly Row[] Table =
    [
        new("01", "Alameda", "10017", "Alameda County Office of Education"),
        new("02", "Alpine", "10025", "Alpine County Office of Education"),
        new("03", "Amador", "10033", "Amador County Office of Education"),
        new("04", "Butte", "10041", "Butte County Office of Education"),
        new("05", "Calaveras", "10058", "Calaveras County Office of Education"),
        new("06", "Colusa", "10066", "Colusa County Office of Education"),
        new("07", "Contra Costa", "10074", "Contra Costa County Office of Education"),
        new("08", "Del Norte", "10082", "Del Norte County Office of Education"),
        new("09", "El Dorado", "10090", "El Dorado County Office of Education"),
        new("10", "Fresno", "10108", "Fresno County Office of Education"),
        new("11", "Glenn", "10116", "Glenn County Office of Education"),
        new("12", "Humboldt", "10124", "Humboldt County Office of Education"),
        new("13", "Imperial", "10132", "Imperial County Office of Education"),
        new("14", "Inyo", "10140", "Inyo County Office of Education"),
        new("15", "Kern", "10157", "Kern County Office of Education"),
        new("16", "Kings", "10165", "Kings County Office of Education"),
        new("17", "Lake", "10173", "Lake County Office of Education"),
        new("18", "Lassen", "10181", "Lassen County Office of Education"),
        new("19", "Los Angeles", "10199", "Los Angeles County Office of Education"),
        new("20", "Madera", "10207", "Madera County Superintendent of Schools"),
        new("21", "Marin", "10215", "Marin County Office of Education"),
        new("22", "Mariposa", "10223", "Mariposa County Office of Education"),
        new("23", "Mendocino", "10231", "Mendocino County Office of Education"),
        new("24", "Merced", "10249", "Merced County Office of Education"),
        new("25", "Modoc", "10256", "Modoc County Office of Education"),
        new("26", "Mono", "10264", "Mono County Office of Education"),
        new("27", "Monterey", "10272", "Monterey County Office of Education"),
        new("28", "Napa", "10280", "Napa County Office of Education"),
        new("29", "Nevada", "10298", "Nevada County Office of Education"),
        new("30", "Orange", "10306", "Orange County Department of Education"),
        new("31", "Placer", "10314", "Placer County Office of Education"),
        new("32", "Plumas", "10322", "Plumas County Office of Education"),
        new("33", "Riverside", "10330", "Riverside County Office of Education"),
        new("34", "Sacramento", "10348", "Sacramento County Office of Education"),
        new("35", "San Benito", "10355", "San Benito County Office of Education"),
        new("36", "San Bernardino", "10363", "San Bernardino County Office of Education"),
        new("37", "San Diego", "10371", "San Diego County Office of Education"),
        new("38", "San Francisco", "10389", "San Francisco County Office of Education"),
        new("39", "San Joaquin", "10397", "San Joaquin County Office of Education"),
        new("40", "San Luis Obispo", "10405", "San Luis Obispo County Office of Education"),
        new("41", "San Mateo", "10413", "San Mateo County Office of Education"),
        new("42", "Santa Barbara", "10421", "Santa Barbara County Office of Education"),
        new("43", "Santa Clara", "10439", "Santa Clara County Office of Education"),
        new("44", "Santa Cruz", "10447", "Santa Cruz County Office of Education"),
        new("45", "Shasta", "10454", "Shasta County Office of Education"),
        new("46", "Sierra", "10462", "Sierra County Office of Education"),
        new("47", "Siskiyou", "10470", "Siskiyou County Office of Education"),
        new("48", "Solano", "10488", "Solano County Office of Education"),
        new("49", "Sonoma", "10496", "Sonoma County Office of Education"),
        new("50", "Stanislaus", "10504", "Stanislaus County Office of Education"),
        new("51", "Sutter", "10512", "Sutter County Office of Education"),
        new("52", "Tehama", "10520", "Tehama County Department of Education"),
        new("53", "Trinity", "10538", "Trinity County Office of Education"),
        new("54", "Tulare", "10546", "Tulare County Office of Education"),
        new("55", "Tuolumne", "10553", "Tuolumne County Superintendent of Schools"),
        new("56", "Ventura", "10561", "Ventura County Office of Education"),
        new("57", "Yolo", "10579", "Yolo County Office of Education"),
        new("58", "Yuba", "10587", "Yuba County Office of Education"),
    ];

    /// <summary>One school district besides the county office [verified from the 2024 status file] (RULES.md §1).</summary>
    private static readonly string[] SingleDistrictCounties =
        ["Alpine", "Amador", "Del Norte", "Mariposa", "Plumas", "San Francisco", "Sierra"];

    private static readonly FrozenSet<string> SingleDistrict = SingleDistrictCounties.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>All 58, in county-code (alphabetical) order.</summary>
    public static IReadOnlyList<County> All { get; } =
    [
        .. Table.Select(r => new County(
            r.Code, r.Name, CdsCode.FromCdCode(r.Code + r.CountyOfficeDistrictCode), r.CountyOfficeName, SingleDistrict.Contains(r.Name))),
    ];

    private static readonly FrozenDictionary<string, County> ByCodeTable = All.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, County> ByNameTable = All.ToFrozenDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The counties with one district besides the county office.</summary>
    public static IReadOnlyList<County> SingleDistrictOnes { get; } = [.. All.Where(c => c.IsSingleDistrict)];

    public static bool TryGetByCode(string? code, [MaybeNullWhen(false)] out County county)
    {
        county = null;
        return code is not null && ByCodeTable.TryGetValue(code.Trim(), out county);
    }

    /// <summary>Finds a county by name, case-insensitively, ignoring surrounding spaces.</summary>
    public static bool TryGetByName(string? name, [MaybeNullWhen(false)] out County county)
    {
        county = null;
        return name is not null && ByNameTable.TryGetValue(name.Trim(), out county);
    }

    /// <summary>The county a CDS code belongs to (its first two digits).</summary>
    public static bool TryGetOf(CdsCode cds, [MaybeNullWhen(false)] out County county) => TryGetByCode(cds.CountyCode, out county);

    public static County ByCode(string code) =>
        TryGetByCode(code, out var county)
            ? county
            : throw new ArgumentOutOfRangeException(nameof(code), code, "not one of California's 58 county codes (01 Alameda … 58 Yuba)");

    public static County ByName(string name) =>
        TryGetByName(name, out var county)
            ? county
            : throw new ArgumentOutOfRangeException(nameof(name), name, "not one of California's 58 counties");

    /// <summary>The county of a CDS code; throws when its first two digits are not a county code.</summary>
    public static County Of(CdsCode cds) =>
        TryGetOf(cds, out var county)
            ? county
            : throw new ArgumentOutOfRangeException(nameof(cds), cds.Value, $"county code {cds.CountyCode} is not one of California's 58 (01 Alameda … 58 Yuba)");
}
