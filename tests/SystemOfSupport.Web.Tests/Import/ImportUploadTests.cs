using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Import;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Import;

/// <summary>Importing uploaded files (a zip of an import folder, or files by kind) as a background job, and the upload's defences.</summary>
[Collection(WebServers.Name)]
public class ImportUploadTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    private static string Sample(SosServer server, int year) => Path.Combine(server.ImportRoot, SampleData.FolderName, year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A zip of <paramref name="folder"/>'s files, each under <paramref name="prefix"/> and its path inside the folder.</summary>
    internal static byte[] Zip(string folder, string prefix)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            {
                zip.CreateEntryFromFile(file, prefix + Path.GetRelativePath(folder, file).Replace('\\', '/'));
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static MultipartFormDataContent Form(int year, bool publish, params (string Field, string FileName, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "year" } };
        if (publish)
        {
            form.Add(new StringContent("true"), "publish");
        }

        foreach (var (field, name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, field, name);
        }

        return form;
    }

    /// <summary>A state staff client carrying the antiforgery token the API hands out.</summary>
    private static async Task<HttpClient> StateStaffWithToken(SosServer server)
    {
        var client = await server.SignedInAs(Roles.State);
        var token = (await client.GetFromJsonAsync<AntiforgeryToken>(new Uri("/api/import/token", UriKind.Relative)))!;
        client.DefaultRequestHeaders.Add(token.HeaderName, token.Token);
        return client;
    }

    private static Uri Upload => new("/api/import/upload", UriKind.Relative);

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_zipped_import_folder_is_imported_in_the_background(string database)
    {
        var server = servers.For(database, "uploads");
        var client = await StateStaffWithToken(server);
        using var form = Form(2024, publish: true, ("zip", "monterey-2024.zip", Zip(Sample(server, 2024), "2024/")));
        var status = await ImportJobWatch.StatusAsync(client, await client.PostAsync(Upload, form));
        status.State.ShouldBe(ImportJobState.Committed);
        var result = status.Result!;
        (result.Committed, result.Published, result.Leas, result.CharterSchools).ShouldBe((true, true, 25, 8));
        result.Errors.ShouldBeEmpty();
        Directory.GetDirectories(Path.Combine(server.ImportRoot, ImportUpload.UploadsFolder)).ShouldBeEmpty("the upload is deleted once imported");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Files_uploaded_by_kind_are_laid_out_as_an_import_folder(string database)
    {
        var server = servers.For(database, "uploads");
        var client = await StateStaffWithToken(server);
        var sample = Sample(server, 2023);
        var files = new[] { ImportFolder.Dashboard, ImportFolder.Local, ImportFolder.History, ImportFolder.Directory }
            .SelectMany(kind => Directory.GetFiles(Path.Combine(sample, kind)).Select(f => (kind, Path.GetFileName(f), File.ReadAllBytes(f))))
            .ToArray();
        using var form = Form(2023, publish: true, files);
        var status = await ImportJobWatch.StatusAsync(client, await client.PostAsync(Upload, form));
        status.Result!.Errors.ShouldBeEmpty();
        (status.State, status.Result.Leas).ShouldBe((ImportJobState.Committed, 25));
        status.Result.Warnings.ShouldContain(w => w.Contains("--prior-dashboard", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_broken_upload_reports_every_file_through_the_job_and_stores_nothing(string database)
    {
        var server = servers.For(database, "uploads");
        var client = await StateStaffWithToken(server);
        var before = await client.GetStringAsync(new Uri("/api/leas/27102720000000", UriKind.Relative));
        var broken = Path.Combine(server.ImportRoot, ImportTests.BrokenFolder(server, alsoEla: true));
        using var form = Form(2024, publish: false, ("zip", "broken.zip", Zip(broken, string.Empty)));
        var status = await ImportJobWatch.StatusAsync(client, await client.PostAsync(Upload, form));
        status.State.ShouldBe(ImportJobState.Failed);
        status.Result!.Errors.Select(e => e.File).Order().ShouldBe(["dashboard/eladownload2024.txt", "dashboard/graddownload2024.txt"]);
        (await client.GetStringAsync(new Uri("/api/leas/27102720000000", UriKind.Relative))).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Zip_slip_names_and_zip_bombs_are_refused_before_anything_is_imported(string database)
    {
        var server = servers.For(database, "uploads");
        var client = await StateStaffWithToken(server);
        var uploads = Path.Combine(server.ImportRoot, ImportUpload.UploadsFolder);
        var cases = new[]
        {
            (Zip(("dashboard/../../../escaped.txt", [1, 2, 3])), "not in a kind's folder"),
            (Zip(("../escaped.txt", [1, 2, 3])), "not in a kind's folder"),
            (Zip(("secrets/notes.txt", [1])), "not in a kind's folder"),
            (Zip(("dashboard/graddownload2024.txt", new byte[20 << 20])), "zip bomb"),
            ("not a zip"u8.ToArray(), "not a readable zip"),
        };
        foreach (var (zip, problem) in cases)
        {
            using var form = Form(2024, publish: false, ("zip", "bad.zip", zip));
            var response = await client.PostAsync(Upload, form);
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            var result = (await response.Content.ReadFromJsonAsync<ImportResult>())!;
            result.Errors.ShouldHaveSingleItem().Message.ShouldContain(problem);
        }

        File.Exists(Path.Combine(server.ImportRoot, "escaped.txt")).ShouldBeFalse();
        File.Exists(Path.Combine(server.DataDirectory, "escaped.txt")).ShouldBeFalse();
        (Directory.Exists(uploads) ? Directory.GetFiles(uploads, "bad*", SearchOption.AllDirectories) : []).ShouldBeEmpty();
        using var unknown = Form(2024, publish: false, ("secrets", "a.txt", [1]));
        (await client.PostAsync(Upload, unknown)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Uploads_need_state_staff_and_the_antiforgery_token_and_unknown_jobs_are_not_found(string database)
    {
        var server = servers.For(database, "uploads");
        var withoutToken = await server.SignedInAs(Roles.State);
        using (var form = Form(2024, publish: false, ("zip", "a.zip", Zip(("dashboard/a.txt", [1])))))
        {
            (await withoutToken.PostAsync(Upload, form)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var county = await server.SignedInAs(Roles.County, county: "27");
        (await county.GetAsync(new Uri("/api/import/token", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var form = Form(2024, publish: false, ("zip", "a.zip", Zip(("dashboard/a.txt", [1])))))
        {
            (await county.PostAsync(Upload, form)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await county.PostAsJsonAsync(new Uri("/api/import/jobs", UriKind.Relative), new ImportYear(2024, "x"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await withoutToken.GetAsync(new Uri($"/api/import/jobs/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await withoutToken.GetAsync(new Uri($"/import/jobs/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_server_folder_job_started_through_the_API_reports_its_steps(string database)
    {
        var client = await servers.For(database, "uploads").SignedInAs(Roles.State);
        var started = await client.PostAsJsonAsync(new Uri("/api/import/jobs", UriKind.Relative), new ImportYear(2023, SampleData.FolderName + "/2023", Publish: true));
        var status = await ImportJobWatch.StatusAsync(client, started);
        (status.State, status.Done, status.Total, status.Result!.Leas).ShouldBe((ImportJobState.Committed, 1, 1, 25));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_import_page_uploads_a_zip_with_its_antiforgery_token(string database)
    {
        var server = servers.For(database, "uploads");
        var client = await server.SignedInAs(Roles.State);
        var page = await client.GetStringAsync(new Uri("/import", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = Form(2024, publish: true, ("zip", "monterey-2024.zip", Zip(Sample(server, 2024), string.Empty)));
        using (var refused = Form(2024, publish: true, ("zip", "monterey-2024.zip", Zip(Sample(server, 2024), string.Empty))))
        {
            (await client.PostAsync(new Uri("/import?handler=Upload", UriKind.Relative), refused)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        form.Add(new StringContent(token), "__RequestVerificationToken");
        var html = await ImportJobWatch.PageAsync(client, await client.PostAsync(new Uri("/import?handler=Upload", UriKind.Relative), form));
        html.ShouldContain("Imported 2024");
        html.ShouldContain("25 districts and county offices and 8 charter schools stored, and published");
    }
}
