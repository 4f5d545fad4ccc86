namespace SystemOfSupport.Web.Features.Downloads;

/// <summary>The media types of the files a run writes.</summary>
public static class ContentTypes
{
    public static string Of(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".csv" => "text/csv; charset=utf-8",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
