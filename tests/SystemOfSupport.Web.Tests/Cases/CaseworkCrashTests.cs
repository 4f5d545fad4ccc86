using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SystemOfSupport.Core.Casework;
using SystemOfSupport.Tests;
using SystemOfSupport.Web.Features.Cases;
using SystemOfSupport.Web.Storage;
using SystemOfSupport.Web.Tests.Backup;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Cases;

/// <summary>
/// Casework writes survive the server being killed (SIGKILL): <c>sos serve</c> runs as a process of its own on a store of
/// its own, is killed right after each acknowledged write and in the middle of a burst of writes, and is started again
/// on the same store. Every acknowledged write is there with its audit entry; every write is whole (change, version
/// bump and audit entry) or absent.
/// </summary>
[Collection(WebServers.Name)]
public partial class CaseworkCrashTests
{
    private const string Email = "county@example.org";
    private const string Password = "Sample-passw0rd";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static TheoryData<string> Databases => SosServer.Databases;

    /// <summary>One store per database (starting on an empty one imports the sample, the slow part): kills after each write, then in a burst.</summary>
    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Casework_writes_survive_a_kill_whole_or_not_at_all(string database)
    {
        await using var store = new TestStore(database);
        using var server = new Serve(store);
        await server.Start();
        var (code, output) = CliRunner.Run(["users", "add", "--email", Email, "--password", Password, "--role", "county", "--county", "27", .. store.Options]);
        code.ShouldBe(0, output);
        await EachAcknowledgedWriteSurvivesAKillRightAfterIt(server);
        await AKillInABurstOfWritesLeavesEachOneWholeOrAbsent(server);
    }

    private static async Task EachAcknowledgedWriteSurvivesAKillRightAfterIt(Serve server)
    {
        var client = await server.SignIn();
        var id = (await client.Get<CaseList>("/api/cases?year=2024&step=Identified")).Cases.OrderBy(c => c.Id).First().Id;
        var url = $"/api/cases/{id}";
        var version = (await client.Case(id)).Version;

        var writes = new (string Name, Func<int, Task<CaseChanged>> Send, Func<CaseView, bool> Present)[]
        {
            ("note", v => client.Ok(HttpMethod.Post, url + "/notes", new AddNote(v, "kept through a kill")), c => c.Notes.Any(n => n.Text == "kept through a kill")),
            ("meeting", v => client.Ok(HttpMethod.Post, url + "/meetings", new AddMeeting(v, new DateOnly(2025, 1, 15), "consultation", [new("Ana", "Director")], null)),
                c => c.Meetings.Any(m => m.Purpose == "consultation")),
            ("step", v => client.Ok(HttpMethod.Post, url + "/advance", new AdvanceCase(v, CaseStep.ManagementConsultation)), c => c.Step == CaseStep.ManagementConsultation),
        };
        foreach (var (name, send, present) in writes)
        {
            var changed = await send(version);
            changed.Version.ShouldBe(version + 1);
            server.Kill();

            await server.Start();
            client = await server.SignIn();
            var after = await client.Case(id);
            present(after).ShouldBeTrue($"the acknowledged {name} is gone after the kill");
            after.Version.ShouldBe(changed.Version, name);
            AuditIsComplete(after);
            after.Audit.ShouldContain(a => a.Version == changed.Version && a.Who == Email, name);
            version = changed.Version;
        }
    }

    private static async Task AKillInABurstOfWritesLeavesEachOneWholeOrAbsent(Serve server)
    {
        var client = await server.SignIn();
        var cases = (await client.Get<CaseList>("/api/cases?year=2024")).Cases.OrderBy(c => c.Id).Take(4).ToList();
        cases.Count.ShouldBeGreaterThan(1);
        var started = new Dictionary<int, int>();
        foreach (var row in cases)
        {
            started[row.Id] = (await client.Case(row.Id)).Version;
        }

        // One writer per case, each sending its notes one after another until the server dies under them.
        var acknowledged = new int[cases.Count];
        var total = 0;
        using var enough = new SemaphoreSlim(0);
        var writers = cases.Select((row, writer) => Task.Run(async () =>
        {
            var version = started[row.Id];
            try
            {
                for (var i = 0; ; i++)
                {
                    version = (await client.Ok(HttpMethod.Post, $"/api/cases/{row.Id}/notes", new AddNote(version, $"burst {i}"))).Version;
                    acknowledged[writer] = i + 1;
                    if (Interlocked.Increment(ref total) == 4 * cases.Count)
                    {
                        enough.Release();
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // The server was killed: this write may or may not have been committed.
            }
        })).ToList();
        (await enough.WaitAsync(Patience)).ShouldBeTrue("the burst never got going");
        server.Kill();
        await Task.WhenAll(writers);

        await server.Start();
        client = await server.SignIn();
        foreach (var (row, writer) in cases.Select((row, writer) => (row, writer)))
        {
            var after = await client.Case(row.Id);
            var burst = after.Notes.Where(n => n.Text.StartsWith("burst ", StringComparison.Ordinal)).ToList();
            burst.Select(n => n.Text).ShouldBe([.. Enumerable.Range(0, burst.Count).Select(i => $"burst {i}")], $"case {row.Id}: the notes kept are the first ones sent, in order");
            burst.Count.ShouldBeInRange(acknowledged[writer], acknowledged[writer] + 1, $"case {row.Id}: every acknowledged note is kept, and at most the one in flight besides");
            after.Version.ShouldBe(started[row.Id] + burst.Count, $"case {row.Id}: one version per note kept");
            AuditIsComplete(after);
            foreach (var note in burst)
            {
                after.Audit.ShouldContain(a => a.Entity == nameof(CaseNote) && a.EntityId == note.Id && a.Action == "Added", $"case {row.Id}: {note.Text} has its audit entry");
            }
        }
    }

    /// <summary>One audit entry per version, from the case's opening to now: no change without its entry, no entry without its change.</summary>
    private static void AuditIsComplete(CaseView view) =>
        view.Audit.Select(a => a.Version).Order().ToArray().ShouldBe(Enumerable.Range(1, view.Version).ToArray(), $"case {view.Id}'s audit trail");

    /// <summary><c>sos serve</c> on a store, as a process of its own on a free port; killed when disposed.</summary>
    private sealed partial class Serve(TestStore store) : IDisposable
    {
        private Process? process;
        private Uri? address;

        public async Task Start()
        {
            var listening = new Uri($"http://127.0.0.1:{FreePort()}");
            var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "sos.dll"), "serve", "--urls", listening.ToString().TrimEnd('/'), .. store.Options])
            {
                start.ArgumentList.Add(arg);
            }

            // Its output is read and dropped: a full pipe would stall it.
            var process = this.process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var probe = new HttpClient { BaseAddress = listening };
            using var timeout = new CancellationTokenSource(Patience);
            while (true)
            {
                process.HasExited.ShouldBeFalse($"sos serve ended with {(process.HasExited ? process.ExitCode : 0)}");
                try
                {
                    if ((await probe.GetAsync(new Uri("/api/years", UriKind.Relative), timeout.Token)).IsSuccessStatusCode)
                    {
                        address = listening;
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(100, timeout.Token);
            }
        }

        /// <summary>A client signed in as the county account through the sign-in form.</summary>
        public async Task<HttpClient> SignIn()
        {
            var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = address };
            var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative));
            var response = await client.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = Email,
                ["Password"] = Password,
                ["__RequestVerificationToken"] = TokenField().Match(form).Groups[1].Value,
            }));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            return client;
        }

        /// <summary>SIGKILL: no shutdown, no flush, no chance to finish what it was doing.</summary>
        public void Kill()
        {
            process!.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
            process = null;
        }

        public void Dispose()
        {
            if (process is not null)
            {
                Kill();
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static string DotnetHost() =>
            Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex TokenField();
    }
}
