using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Cases;
using SystemOfSupport.Web.Tests.Cases;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Security;

/// <summary>Headers, cookies, antiforgery, sign-in throttling and lockout, and the API's cross-site check.</summary>
[Collection(WebServers.Name)]
public class WebSecurityTests(Servers servers)
{
    private const string Password = "Sample-passw0rd";

    public static TheoryData<string> Databases => SosServer.Databases;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Pages_the_API_and_downloads_carry_the_security_headers(string database)
    {
        var client = servers.For(database).CreateClient();
        foreach (var url in new[] { "/", "/signin", "/api/years", "/downloads/assistancestatus23.csv", "/no-such-page" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var headers = response.Headers;
            headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'", customMessage: url);
            headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'", customMessage: url);
            headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff", url);
            headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY", url);
            headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer", url);
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Sign_in_cookies_are_HttpOnly_and_SameSite_and_Secure_when_configured(string database)
    {
        var server = servers.For(database);
        var email = await Account(server, Roles.State);
        var cookies = await SignInCookies(server.CreateClient(new() { AllowAutoRedirect = false }), email);
        cookies.ShouldContain(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        cookies.ShouldAllBe(c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase));
        cookies.ShouldAllBe(c => !c.Contains("secure;", StringComparison.OrdinalIgnoreCase), "plain http, not configured: not Secure");

        await using var secure = server.WithWebHostBuilder(b => b.UseSetting("Sos:Security:SecureCookies", "true"));
        // Secure cookies are set only over https (antiforgery refuses plain http then): the setting is for a TLS front end.
        var secureCookies = await SignInCookies(secure.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }), email);
        secureCookies.ShouldNotBeEmpty();
        secureCookies.ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_form_post_without_its_antiforgery_token_is_refused(string database)
    {
        var server = servers.For(database);
        var state = await server.SignedInAs(Roles.State);
        var caseId = (await state.Get<CaseList>("/api/cases")).Cases[0].Id;
        var version = (await state.Case(caseId)).Version;
        foreach (var (page, fields) in new (string, Dictionary<string, string>)[]
        {
            ("/signin", new() { ["Email"] = "nobody@example.org", ["Password"] = Password }),
            ("/import", new() { ["Year"] = "2024", ["Folder"] = "sample/2024" }),
            ("/import?handler=Upload", new() { ["Year"] = "2024" }),
            ("/?year=2018&handler=Publish", []),
            ($"/cases/{caseId}?handler=Note", new() { ["Version"] = $"{version}", ["NoteText"] = "forged" }),
            ("/resources/edit", new() { ["Form.Id"] = "forged", ["Form.Name"] = "Forged", ["Form.Summary"] = "Forged" }),
            ("/accounts?handler=Add", new() { ["email"] = "forged@example.org", ["password"] = Password, ["role"] = Roles.State }),
            ("/signout", []),
        })
        {
            var response = await state.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(fields));
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, page);
        }

        using var upload = new MultipartFormDataContent { { new StringContent("2024"), "year" } };
        (await state.PostAsync(new Uri("/api/import/upload", UriKind.Relative), upload)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the API upload");

        // Still signed in (the sign-out without a token did nothing), and nothing was changed.
        (await state.GetAsync(new Uri("/import", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await state.Case(caseId)).Version.ShouldBe(version);
        (await state.GetAsync(new Uri("/api/resources/forged", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await state.Get<AccountSummary[]>("/api/accounts")).ShouldNotContain(a => a.Email == "forged@example.org");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Sign_in_attempts_past_the_limit_are_answered_429(string database)
    {
        await using var limited = servers.For(database).WithWebHostBuilder(b => b.UseSetting("Sos:Security:SignInAttemptsPerMinute", "3"));
        var client = limited.CreateClient(new() { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await Forms.PostAsync(client, "/signin", new() { ["Email"] = "nobody@example.org", ["Password"] = "Wrong-passw0rd" })).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one(string database)
    {
        var server = servers.For(database);
        var email = await Account(server, Roles.County, county: "Monterey");
        var client = server.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            (await Forms.PostAsync(client, "/signin", new() { ["Email"] = email, ["Password"] = "Wrong-passw0rd" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var right = await Forms.PostAsync(client, "/signin", new() { ["Email"] = email, ["Password"] = Password });
        right.StatusCode.ShouldBe(HttpStatusCode.OK, "not signed in (no redirect)");
        (await right.Content.ReadAsStringAsync()).ShouldContain("locked");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_API_post_a_browser_marks_as_cross_site_is_refused(string database)
    {
        var state = await servers.For(database).SignedInAs(Roles.State);
        foreach (var (header, value) in new[] { ("Origin", "https://attacker.example"), ("Sec-Fetch-Site", "cross-site") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/years/2018/publish", UriKind.Relative));
            request.Headers.Add(header, value);
            (await state.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, header);
        }

        using var sameOrigin = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/years/2018/publish", UriKind.Relative));
        sameOrigin.Headers.Add("Origin", "http://localhost");
        (await state.SendAsync(sameOrigin)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    private static async Task<string> Account(SosServer server, string role, string? county = null)
    {
        var email = $"security-{Guid.NewGuid():N}@example.org";
        using var scope = server.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AddAccountHandler>().Handle(new AddAccount(email, Password, role, county, null));
        return email;
    }

    private static async Task<List<string>> SignInCookies(HttpClient client, string email)
    {
        var page = await client.GetAsync(new Uri("/signin", UriKind.Relative));
        var cookies = page.Headers.TryGetValues("Set-Cookie", out var antiforgery) ? antiforgery.ToList() : [];
        var response = await Forms.PostAsync(client, "/signin", new() { ["Email"] = email, ["Password"] = Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        cookies.AddRange(response.Headers.GetValues("Set-Cookie"));
        return cookies;
    }
}
