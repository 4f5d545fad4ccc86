using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using SystemOfSupport.Web.Features.Cases;

namespace SystemOfSupport.Web.Tests.Cases;

/// <summary>The casework API as a client calls it (enums as names, as the server writes them).</summary>
internal static class CaseClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> Get<T>(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public static Task<CaseView> Case(this HttpClient client, int id) => client.Get<CaseView>($"/api/cases/{id}");

    public static Task<HttpResponseMessage> Send<T>(this HttpClient client, HttpMethod method, string url, T body) =>
        client.SendAsync(new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = JsonContent.Create(body, options: Json) });

    /// <summary>Sends a change that must succeed; returns the case's new version.</summary>
    public static async Task<CaseChanged> Ok<T>(this HttpClient client, HttpMethod method, string url, T body)
    {
        var response = await client.Send(method, url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CaseChanged>(Json))!;
    }

    /// <summary>Sends a change that must be refused with <paramref name="status"/>; returns the problem's detail.</summary>
    public static async Task<string> Refused<T>(this HttpClient client, HttpMethod method, string url, T body, HttpStatusCode status = HttpStatusCode.UnprocessableEntity)
    {
        var response = await client.Send(method, url, body);
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("detail").GetString()!;
    }
}
