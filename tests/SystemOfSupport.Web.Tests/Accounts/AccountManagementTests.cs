using System.Net;
using System.Net.Http.Json;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Accounts;

/// <summary>State staff manage accounts, on the /accounts page and through the API: add, change role and scope, lock, unlock, new password.</summary>
[Collection(WebServers.Name)]
public class AccountManagementTests(Servers servers)
{
    private const string Password = "Sample-passw0rd";

    public static TheoryData<string> Databases => SosServer.Databases;

    private static Uri Api(string path = "") => new("/api/accounts" + path, UriKind.Relative);

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    /// <summary>A client that signed in on the sign-in page, or the page's answer when it did not.</summary>
    private static async Task<(HttpClient Client, bool SignedIn, string Page)> SignIn(SosServer server, string email, string password)
    {
        var client = server.CreateClient(new() { AllowAutoRedirect = false });
        var response = await Forms.PostAsync(client, "/signin", new() { ["Email"] = email, ["Password"] = password });
        return (client, response.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The page's text, without the white space between tags.</summary>
    private static async Task<string> Html(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), @">\s+<", "><");

    private static async Task<AccountSummary> Find(HttpClient client, string email) =>
        (await client.GetFromJsonAsync<List<AccountSummary>>(Api()))!.Single(a => a.Email == email);

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task State_staff_add_accounts_change_their_scope_lock_unlock_and_reset_passwords_through_the_API(string database)
    {
        var server = servers.For(database);
        var state = await server.SignedInAs(Roles.State);
        var email = NewEmail("county");
        var added = await state.PostAsJsonAsync(Api(), new AddAccount(email, Password, "county", County: "Monterey"));
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var account = await Find(state, email);
        (account.Role, account.County, account.Lea, account.Locked).ShouldBe((Roles.County, "27", (string?)null, false));

        (await state.PutAsJsonAsync(Api($"/{account.Id}/role"), new ChangeRole("lea", Lea: "2766092"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Find(state, email)).ShouldBe(account with { Role = Roles.Lea, County = null, Lea = "27660920000000" });
        var (lea, signedIn, _) = await SignIn(server, email, Password);
        signedIn.ShouldBeTrue();
        (await lea.GetStringAsync(new Uri("/", UriKind.Relative))).ShouldContain("LEA staff, 27660920000000");

        (await state.PutAsJsonAsync(Api($"/{account.Id}/lock"), new LockAccount(true))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Find(state, email)).Locked.ShouldBeTrue();
        var locked = await SignIn(server, email, Password);
        (locked.SignedIn, locked.Page.Contains("locked", StringComparison.Ordinal)).ShouldBe((false, true));
        (await state.PutAsJsonAsync(Api($"/{account.Id}/lock"), new LockAccount(false))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await SignIn(server, email, Password)).SignedIn.ShouldBeTrue();

        (await state.PutAsJsonAsync(Api($"/{account.Id}/password"), new ResetPassword("short"))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await state.PutAsJsonAsync(Api($"/{account.Id}/password"), new ResetPassword("Another-passw0rd"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await SignIn(server, email, Password)).SignedIn.ShouldBeFalse();
        (await SignIn(server, email, "Another-passw0rd")).SignedIn.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Bad_changes_are_refused_and_nobody_removes_their_own_state_role_or_locks_themselves_out(string database)
    {
        var server = servers.For(database);
        var admin = await server.SignedInAs(Roles.State);
        var email = NewEmail("state");
        (await admin.PostAsJsonAsync(Api(), new AddAccount(email, Password, "state"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync(Api(), new AddAccount(email, Password, "state"))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await admin.PostAsJsonAsync(Api(), new AddAccount(NewEmail("x"), Password, "county", County: "Atlantis"))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var (self, _, _) = await SignIn(server, email, Password);
        var me = await Find(self, email);
        var demoted = await self.PutAsJsonAsync(Api($"/{me.Id}/role"), new ChangeRole("county", County: "27"));
        demoted.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await demoted.Content.ReadAsStringAsync()).ShouldContain("your own state role");
        (await self.PutAsJsonAsync(Api($"/{me.Id}/lock"), new LockAccount(true))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Find(self, email)).ShouldBe(me);
        (await self.PutAsJsonAsync(Api($"/{me.Id}/role"), new ChangeRole("superuser"))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await self.PutAsJsonAsync(Api("/no-such-account/lock"), new LockAccount(true))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Another state user may demote them.
        (await admin.PutAsJsonAsync(Api($"/{me.Id}/role"), new ChangeRole("county", County: "27"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Only_state_staff_manage_accounts(string database)
    {
        var server = servers.For(database);
        var anonymous = server.CreateClient(new() { AllowAutoRedirect = false });
        (await anonymous.GetAsync(Api())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync(new Uri("/accounts", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var county = await server.SignedInAs(Roles.County, county: "27");
        (await county.GetAsync(Api())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PostAsJsonAsync(Api(), new AddAccount(NewEmail("x"), Password, "state"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PutAsJsonAsync(Api("/any/role"), new ChangeRole("state"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PutAsJsonAsync(Api("/any/lock"), new LockAccount(true))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PutAsJsonAsync(Api("/any/password"), new ResetPassword(Password))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.GetAsync(new Uri("/accounts", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_accounts_page_adds_and_changes_accounts_with_its_antiforgery_token(string database)
    {
        var server = servers.For(database);
        var email = NewEmail("page-state");
        var admin = await server.SignedInAs(Roles.State);
        (await admin.PostAsJsonAsync(Api(), new AddAccount(email, Password, "state"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (client, _, _) = await SignIn(server, email, Password);

        var added = NewEmail("page-lea");
        var fields = new Dictionary<string, string> { ["email"] = added, ["password"] = Password, ["role"] = Roles.Lea, ["lea"] = "27102720000000" };
        (await client.PostAsync(new Uri("/accounts?handler=Add", UriKind.Relative), new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html(await Forms.PostAsync(client, "/accounts", fields, "Add"));
        page.ShouldContain($"Added {added}.");
        page.ShouldContain($"<th scope=\"row\">{added}</th><td>LEA staff</td><td>LEA 27102720000000</td><td>no</td>");

        var account = await Find(client, added);
        page = await Html(await Forms.PostAsync(client, "/accounts", new() { ["id"] = account.Id, ["locked"] = "true" }, "Lock"));
        page.ShouldContain("Account locked.");
        page.ShouldContain($"Unlock {added}");

        var me = await Find(client, email);
        page = await Html(await Forms.PostAsync(client, "/accounts", new() { ["id"] = me.Id, ["role"] = Roles.Lea, ["lea"] = "27102720000000" }, "Role"));
        page.ShouldContain("Not changed: you cannot take away your own state role");
        (await Find(client, email)).Role.ShouldBe(Roles.State);
    }
}
