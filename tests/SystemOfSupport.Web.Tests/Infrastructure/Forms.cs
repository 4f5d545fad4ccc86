using System.Text.RegularExpressions;

namespace SystemOfSupport.Web.Tests.Infrastructure;

/// <summary>Posts a page's form as a browser would: with the antiforgery token the page's GET gave.</summary>
internal static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, Dictionary<string, string> fields, string? handler = null)
    {
        var form = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        fields["__RequestVerificationToken"] = TokenField().Match(form).Groups[1].Value;
        var action = handler is null ? page : $"{page}{(page.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
