using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SystemOfSupport.Formats.Synthetic;
using SystemOfSupport.Web;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Import;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Benchmarks;

/// <summary>
/// <c>--web-load [--duration 60] [--clients 50] [--warmup 10] [--staff] [--scale 1.0] [--seed 1] [--data DIR] [--postgres CONNECTION]</c>:
/// the web app under load on the state-scale synthetic year. Starts the app in this process (Kestrel on a loopback port,
/// a fresh SQLite store, or a fresh PostgreSQL database), times the import of the synthetic 2024 state year through
/// <see cref="ImportYearHandler"/> (what the Import page and API run), then runs <c>--clients</c> concurrent clients, each
/// requesting the LEA page, the county page, the state page and the main API calls in turn (a random LEA or county each
/// time) for <c>--duration</c> seconds after <c>--warmup</c> seconds. Prints requests/s, p50/p95/p99 and errors per
/// request kind, and the process memory sampled every second (start, end, max). <c>--duration 300</c> is the 5-minute soak.
/// The public's requests are answered from the output cache once seen; <c>--staff</c> signs the clients in as state
/// staff, whose requests are never cached, so every request runs the handlers and the queries.
/// </summary>
internal static class WebLoad
{
    private const int Year = 2024;

    private static readonly (string Kind, Func<Targets, Random, string> Url)[] Requests =
    [
        ("LEA page /leas/{cds}", (t, r) => $"/leas/{t.Leas[r.Next(t.Leas.Count)]}"),
        ("County page /counties/{county}", (t, r) => $"/counties/{t.Counties[r.Next(t.Counties.Count)]}"),
        ("State page /", (_, _) => "/"),
        ("API /api/leas/{cds}", (t, r) => $"/api/leas/{t.Leas[r.Next(t.Leas.Count)]}"),
        ("API /api/counties/{county}", (t, r) => $"/api/counties/{t.Counties[r.Next(t.Counties.Count)]}"),
        ("API /api/state", (_, _) => "/api/state"),
        ("API /api/counties", (_, _) => "/api/counties"),
        ("API /api/years", (_, _) => "/api/years"),
    ];

    private sealed record Targets(IReadOnlyList<string> Leas, IReadOnlyList<string> Counties);

    public static async Task<int> Run(string[] args)
    {
        var duration = TimeSpan.FromSeconds(EndToEnd.Option(args, "--duration", 60));
        var warmup = TimeSpan.FromSeconds(EndToEnd.Option(args, "--warmup", 10));
        var clients = EndToEnd.Option(args, "--clients", 50);
        var scale = EndToEnd.Option(args, "--scale", 1.0);
        var seed = EndToEnd.Option(args, "--seed", 1);
        var postgres = EndToEnd.OptionText(args, "--postgres");
        var synthetic = EndToEnd.OptionText(args, "--data") ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"sos-e2e-{Year}-scale{scale}-seed{seed}"));
        if (!File.Exists(Path.Combine(synthetic, "assistancestatus23.xlsx")))
        {
            SyntheticState.Generate(new SyntheticOptions(Year, synthetic, Path.Combine(EndToEnd.FindRoot(), "data", "cde", "dashboard", "monterey-county", "2024"), seed, scale));
        }

        var data = Path.Combine(Path.GetTempPath(), "sos-web-load-" + Guid.NewGuid().ToString("N"));
        string? database = null;
        var settings = new List<string> { "--urls", "http://127.0.0.1:0", "--Sos:Data", data, "--Logging:LogLevel:Default", "Warning", "--environment", "Production" };
        if (postgres is not null)
        {
            database = "sos_load_" + Guid.NewGuid().ToString("N");
            settings.AddRange(["--Sos:Database", SosOptions.Postgres, "--ConnectionStrings:Sos", new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString]);
        }

        try
        {
            await using var app = await SosWebApp.StartAsync([.. settings], CancellationToken.None);
            var folder = LayOut(synthetic, Path.Combine(data, "import"));
            var import = await TimeImport(app, folder);
            var targets = await FindTargets(app);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Store: {(postgres is null ? "SQLite" : "PostgreSQL")}. Import of the synthetic {Year} state year ({import.Result.Leas:N0} districts and COEs, {import.Result.CharterSchools:N0} charters) through ImportYearHandler: {import.Elapsed.TotalSeconds:F1} s{(import.Result.Committed ? string.Empty : " — FAILED: " + string.Join("; ", import.Result.Errors.Select(e => e.Message)))}"));
            await Load(app.Urls.Single(), targets, clients, warmup, duration, args.Contains("--staff") ? await StaffAccount(app) : null);
            return import.Result.Committed ? 0 : 1;
        }
        finally
        {
            if (database is not null)
            {
                await using var db = new SosDb(new DbContextOptionsBuilder<SosDb>().UseNpgsql(new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString).Options);
                await db.Database.EnsureDeletedAsync();
            }

            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The synthetic set's files as an import folder: dashboard/, local/, history/.</summary>
    private static string LayOut(string synthetic, string importRoot)
    {
        const string Name = "state-2024";
        foreach (var (kind, pattern) in new[] { (ImportFolder.Dashboard, $"*download{Year}.txt"), (ImportFolder.Local, $"Pr*{Year}.txt"), (ImportFolder.History, "assistancestatus23.xlsx") })
        {
            var dir = Path.Combine(importRoot, Name, kind);
            Directory.CreateDirectory(dir);
            foreach (var file in Directory.GetFiles(synthetic, pattern))
            {
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            }
        }

        return Name;
    }

    private static async Task<(ImportResult Result, TimeSpan Elapsed)> TimeImport(WebApplication app, string folder)
    {
        using var scope = app.Services.CreateScope();
        var watch = Stopwatch.StartNew();
        var steps = new StepTimes(watch);
        var result = await scope.ServiceProvider.GetRequiredService<ImportYearHandler>().Handle(new ImportYear(Year, folder, Publish: true), steps, CancellationToken.None);
        Console.WriteLine("Import steps (seconds from the start when each began): " + string.Join(", ", steps.Started.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Step} {s.At.TotalSeconds:F1}"))));
        return (result, watch.Elapsed);
    }

    /// <summary>When each step of the run first reported.</summary>
    private sealed class StepTimes(Stopwatch watch) : IProgress<Formats.Runs.RunProgress>
    {
        public List<(string Step, TimeSpan At)> Started { get; } = [];

        public void Report(Formats.Runs.RunProgress value)
        {
            lock (Started)
            {
                if (Started.Count == 0 || Started[^1].Step != value.Step)
                {
                    Started.Add((value.Step, watch.Elapsed));
                }
            }
        }
    }

    private static async Task<Targets> FindTargets(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SosDb>();
        var leas = await db.Leas.Where(l => l.Year == Year && l.Kind != "CharterSchool").Select(l => l.Cds).ToListAsync();
        var counties = await db.Leas.Where(l => l.Year == Year).Select(l => l.CountyCode).Distinct().ToListAsync();
        return new Targets(leas, counties);
    }

    /// <summary>A state staff account, as <c>sos users add</c> makes it: email and password.</summary>
    private static async Task<(string Email, string Password)> StaffAccount(WebApplication app)
    {
        const string Email = "load@example.org", Password = "Load-passw0rd";
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AddAccountHandler>().Handle(new AddAccount(Email, Password, Roles.State));
        return (Email, Password);
    }

    private static async Task Load(string site, Targets targets, int clients, TimeSpan warmup, TimeSpan duration, (string Email, string Password)? staff)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10), UseCookies = true, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(site), Timeout = TimeSpan.FromSeconds(30) };
        if (staff is { } account)
        {
            // Sign in as the sign-in page's form does, with its antiforgery token; the cookie then goes with every request.
            var form = await http.GetStringAsync(new Uri("/signin", UriKind.Relative));
            var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            using var fields = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = account.Password, ["__RequestVerificationToken"] = token });
            using var signedIn = await http.PostAsync(new Uri("/signin", UriKind.Relative), fields);
            var home = await http.GetStringAsync(new Uri("/", UriKind.Relative));
            if (!home.Contains($"Signed in as {account.Email}", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the load clients could not sign in");
            }
        }

        using var process = Process.GetCurrentProcess();
        var memory = new List<long>();
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup;
        var end = warmup + duration;
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            var samples = Requests.Select(_ => new List<double>()).ToArray();
            var errors = new int[Requests.Length];
            for (var i = c % Requests.Length; clock.Elapsed < end; i = (i + 1) % Requests.Length)
            {
                var url = Requests[i].Url(targets, random);
                var started = clock.Elapsed;
                var ok = false;
                try
                {
                    using var response = await http.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                    ok = response.StatusCode == HttpStatusCode.OK;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    ok = false;
                }

                if (started >= measureFrom && clock.Elapsed <= end)
                {
                    samples[i].Add((clock.Elapsed - started).TotalMilliseconds);
                    errors[i] += ok ? 0 : 1;
                }
            }

            return (samples, errors);
        })).Append(Task.Run(async () =>
        {
            // The memory sampler: one reading a second over the measured part of the run.
            while (clock.Elapsed < end)
            {
                if (clock.Elapsed >= measureFrom)
                {
                    process.Refresh();
                    memory.Add(process.WorkingSet64);
                }

                await Task.Delay(1000);
            }

            return (Array.Empty<List<double>>(), Array.Empty<int>());
        })));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clients} concurrent clients{(staff is null ? " (the public)" : " signed in as state staff (nothing cached)")} on loopback, {duration.TotalSeconds:F0} s measured after {warmup.TotalSeconds:F0} s warm-up, {Environment.ProcessorCount} cores (clients and server in one process):"));
        Console.WriteLine("| Request | Requests | Requests/s | p50 | p95 | p99 | Errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var all = new List<double>();
        var allErrors = 0;
        for (var i = 0; i < Requests.Length; i++)
        {
            var times = perClient.Where(p => p.Item1.Length > 0).SelectMany(p => p.Item1[i]).Order().ToList();
            var errors = perClient.Where(p => p.Item2.Length > 0).Sum(p => p.Item2[i]);
            all.AddRange(times);
            allErrors += errors;
            Console.WriteLine(Row(Requests[i].Kind, times, errors, duration));
        }

        all.Sort();
        Console.WriteLine(Row("All", all, allErrors, duration));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Working set (MB), sampled each second: start {memory.FirstOrDefault() / 1e6:F0}, end {memory.LastOrDefault() / 1e6:F0}, max {(memory.Count == 0 ? 0 : memory.Max()) / 1e6:F0}, min {(memory.Count == 0 ? 0 : memory.Min()) / 1e6:F0}"));
    }

    private static string Row(string kind, List<double> sorted, int errors, TimeSpan duration) => string.Create(CultureInfo.InvariantCulture,
        $"| {kind} | {sorted.Count:N0} | {sorted.Count / duration.TotalSeconds:F0} | {Percentile(sorted, 0.50):F1} ms | {Percentile(sorted, 0.95):F1} ms | {Percentile(sorted, 0.99):F1} ms | {errors} |");

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
