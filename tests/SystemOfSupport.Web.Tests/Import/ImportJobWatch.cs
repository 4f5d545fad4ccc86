using System.Net;
using System.Net.Http.Json;
using SystemOfSupport.Web.Features.Import;

namespace SystemOfSupport.Web.Tests.Import;

/// <summary>Follows an import job to its end, as the page's refresh or an API client's polling does.</summary>
internal static class ImportJobWatch
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>The finished job's status, polled through the API.</summary>
    public static async Task<ImportJobStatus> StatusAsync(HttpClient client, HttpResponseMessage started)
    {
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var status = (await started.Content.ReadFromJsonAsync<ImportJobStatus>())!;
        started.Headers.Location!.OriginalString.ShouldBe($"/api/import/jobs/{status.Id}");
        var deadline = DateTime.UtcNow + Patience;
        while (!status.Finished)
        {
            (DateTime.UtcNow < deadline).ShouldBeTrue($"import job {status.Id} still {status.State} at {status.Step}");
            await Task.Delay(100);
            status = (await client.GetFromJsonAsync<ImportJobStatus>(started.Headers.Location))!;
        }

        return status;
    }

    /// <summary>The job page's HTML once it stops asking to be refreshed, after the form's redirect to it.</summary>
    public static async Task<string> PageAsync(HttpClient client, HttpResponseMessage posted)
    {
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = posted.Headers.Location!;
        page.OriginalString.ShouldStartWith("/import/jobs/");
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var response = await client.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            if (!response.Headers.Contains("Refresh"))
            {
                return html;
            }

            html.ShouldContain("<progress");
            (DateTime.UtcNow < deadline).ShouldBeTrue($"import page {page} still running");
            await Task.Delay(100);
        }
    }
}
