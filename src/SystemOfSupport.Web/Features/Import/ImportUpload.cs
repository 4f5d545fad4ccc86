using System.IO.Compression;
using Microsoft.Extensions.Options;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Import;

/// <summary>Limits on uploaded files (the <c>Sos:Upload</c> section).</summary>
public sealed class UploadOptions
{
    public const string Section = "Sos:Upload";

    /// <summary>The whole request (fixed: request limits are endpoint metadata): a state year's files are about 200 MB.</summary>
    public const long MaxRequestBytes = 1L << 30;

    /// <summary>All files together once a zip is expanded.</summary>
    public long MaxExpandedBytes { get; set; } = 2L << 30;

    public int MaxZipEntries { get; set; } = 1000;

    /// <summary>A zip entry expanding to more than this many times its compressed size (past its first MB) is taken for a zip bomb.</summary>
    public int MaxCompressionRatio { get; set; } = 100;
}

/// <summary>
/// Lays uploaded files out as an import folder (<see cref="ImportFolder"/>) in a fresh folder under
/// <c>import/uploads/</c>: a zip of such a folder (its kinds at the top, or inside one top folder), or single files
/// each under its kind's form field (<c>dashboard</c>, <c>local</c>, …). Names are reduced to plain file names inside
/// a known kind's folder, so nothing can be written outside it; a zip's sizes are counted as it is expanded, not taken from its directory.
/// The folder is deleted when its import job ends (<see cref="ImportJobs"/>).
/// </summary>
public sealed class ImportUpload(IOptions<SosOptions> sos, IOptions<UploadOptions> limits)
{
    public const string UploadsFolder = "uploads";

    /// <summary>The form field for a zip of a whole import folder.</summary>
    public const string ZipField = "zip";

    private const long RatioGrace = 1 << 20;

    /// <summary>The kinds of files an import folder holds, as form fields and sub-folders.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
    [
        ImportFolder.Dashboard, ImportFolder.Local, ImportFolder.History, ImportFolder.PriorDashboard, ImportFolder.PriorLocal,
        ImportFolder.Essa, ImportFolder.Directory, ImportFolder.Certifications, ImportFolder.Calendar,
    ];

    public UploadOptions Limits => limits.Value;

    /// <summary>Saves the files; returns the new folder, relative to the import root, or the reasons nothing was kept.</summary>
    public async Task<(string? Folder, IReadOnlyList<ImportError> Errors)> SaveAsync(IFormFileCollection files, CancellationToken cancellationToken)
    {
        var relative = Path.Combine(UploadsFolder, DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
        var target = Path.Combine(sos.Value.ImportRoot, relative);
        var errors = new List<ImportError>();
        long written = 0;
        try
        {
            if (files.Count == 0)
            {
                errors.Add(new ImportError(null, null, null, "no files were uploaded: give a zip of an import folder, or the files under their kinds"));
            }

            foreach (var file in files)
            {
                if (file.Name == ZipField)
                {
                    await using var stream = file.OpenReadStream();
                    written += await ExpandAsync(stream, file.FileName, target, limits.Value.MaxExpandedBytes - written, errors, cancellationToken);
                }
                else if (Kinds.Contains(file.Name) && PlainName(file.FileName) is { } name)
                {
                    Directory.CreateDirectory(Path.Combine(target, file.Name));
                    await using var output = File.Create(Path.Combine(target, file.Name, name));
                    await file.CopyToAsync(output, cancellationToken);
                    written += file.Length;
                }
                else
                {
                    errors.Add(new ImportError(file.FileName, null, null, Kinds.Contains(file.Name)
                        ? "not a plain file name"
                        : $"uploaded as '{file.Name}': each file goes under one of {string.Join(", ", Kinds)}, or a zip under '{ZipField}'"));
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentOutOfRangeException)
        {
            // ZipArchive's answer to a file too short to be a zip is an out-of-range seek.
            errors.Add(new ImportError(files.FirstOrDefault(f => f.Name == ZipField)?.FileName, null, null, $"not a readable zip: {ex.Message}"));
        }

        if (errors.Count == 0 && Directory.Exists(target))
        {
            return (relative, errors);
        }

        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        return (null, errors);
    }

    /// <summary>Expands a zip into <paramref name="target"/>; returns the bytes written.</summary>
    private async Task<long> ExpandAsync(Stream zip, string zipName, string target, long budget, List<ImportError> errors, CancellationToken cancellationToken)
    {
        await using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/') && !e.FullName.EndsWith('\\')).ToList();
        if (entries.Count > limits.Value.MaxZipEntries)
        {
            errors.Add(new ImportError(zipName, null, null, $"{entries.Count} files in the zip; at most {limits.Value.MaxZipEntries}"));
            return 0;
        }

        var paths = entries.Select(e => e.FullName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)).ToList();
        // A zip of the folder itself has one top folder above the kinds.
        var skip = paths.Count > 0 && paths.All(p => p.Length == 3) && paths.Select(p => p[0]).Distinct().Count() == 1 ? 1 : 0;
        long written = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var parts = paths[i][skip..];
            if (parts.Length != 2 || !Kinds.Contains(parts[0]) || PlainName(parts[1]) is not { } name)
            {
                errors.Add(new ImportError($"{zipName}: {entries[i].FullName}", null, null, $"not in a kind's folder: the zip holds {string.Join("/, ", Kinds)}/ with files directly inside"));
                continue;
            }

            var folder = Path.Combine(target, parts[0]);
            Directory.CreateDirectory(folder);
            await using var input = await entries[i].OpenAsync(cancellationToken);
            await using var output = File.Create(Path.Combine(folder, name));
            var copied = await CopyLimitedAsync(input, output, entries[i].CompressedLength, budget - written, cancellationToken);
            if (copied < 0)
            {
                errors.Add(new ImportError($"{zipName}: {entries[i].FullName}", null, null,
                    $"expands past the upload limits ({limits.Value.MaxExpandedBytes / (1 << 20):N0} MB in all, {limits.Value.MaxCompressionRatio}× its compressed size): refused as a possible zip bomb"));
                return written;
            }

            written += copied;
        }

        return written;
    }

    /// <summary>Copies at most <paramref name="budget"/> bytes and no more than the ratio allows; -1 when either is passed.</summary>
    private async Task<long> CopyLimitedAsync(Stream input, Stream output, long compressed, long budget, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        var allowed = Math.Min(budget, RatioGrace + (compressed * limits.Value.MaxCompressionRatio));
        long copied = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            copied += read;
            if (copied > allowed)
            {
                return -1;
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return copied;
    }

    /// <summary>The name alone, when it is a plain file name (no folders, not hidden, no characters a file name cannot hold).</summary>
    private static string? PlainName(string name) =>
        name.Length > 0 && name == Path.GetFileName(name) && !name.StartsWith('.') && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && !name.Contains('\\', StringComparison.Ordinal)
            ? name
            : null;
}
