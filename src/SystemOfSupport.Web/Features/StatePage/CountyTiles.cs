namespace SystemOfSupport.Web.Features.StatePage;

/// <summary>
/// Where each county's square sits on the state page's map: a tile map, each of the 58 counties one square placed
/// roughly where it lies (row north to south, column west to east), not the counties' outlines.
/// </summary>
public static class CountyTiles
{
    public const int Columns = 7;
    public const int Rows = 13;

    private static readonly Dictionary<string, (int Row, int Column)> Places = new(StringComparer.Ordinal)
    {
        ["08"] = (0, 0), ["47"] = (0, 1), ["25"] = (0, 2),
        ["12"] = (1, 0), ["53"] = (1, 1), ["45"] = (1, 2), ["18"] = (1, 3),
        ["23"] = (2, 0), ["52"] = (2, 1), ["32"] = (2, 2), ["46"] = (2, 3),
        ["17"] = (3, 0), ["11"] = (3, 1), ["04"] = (3, 2), ["58"] = (3, 3), ["29"] = (3, 4),
        ["49"] = (4, 0), ["06"] = (4, 1), ["51"] = (4, 2), ["31"] = (4, 3), ["09"] = (4, 4), ["02"] = (4, 5),
        ["21"] = (5, 0), ["28"] = (5, 1), ["57"] = (5, 2), ["34"] = (5, 3), ["03"] = (5, 4), ["05"] = (5, 5), ["26"] = (5, 6),
        ["38"] = (6, 0), ["48"] = (6, 1), ["07"] = (6, 2), ["39"] = (6, 3), ["50"] = (6, 4), ["55"] = (6, 5), ["14"] = (6, 6),
        ["41"] = (7, 0), ["01"] = (7, 1), ["43"] = (7, 2), ["24"] = (7, 3), ["22"] = (7, 4), ["20"] = (7, 5),
        ["44"] = (8, 1), ["35"] = (8, 2), ["10"] = (8, 3), ["54"] = (8, 4),
        ["27"] = (9, 1), ["16"] = (9, 3), ["15"] = (9, 4), ["36"] = (9, 5),
        ["40"] = (10, 1), ["42"] = (10, 2), ["56"] = (10, 3), ["19"] = (10, 4),
        ["30"] = (11, 4), ["33"] = (11, 5),
        ["37"] = (12, 4), ["13"] = (12, 5),
    };

    public static (int Row, int Column) Of(string countyCode) => Places[countyCode];
}
