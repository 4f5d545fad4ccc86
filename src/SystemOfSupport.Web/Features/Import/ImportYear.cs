using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Calpads;
using SystemOfSupport.Formats.Runs;
using SystemOfSupport.Web.Features.Caching;
using SystemOfSupport.Web.Features.Cases;
using SystemOfSupport.Web.Features.Downloads;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Import;

/// <summary>Decide <paramref name="Year"/> from the files in <paramref name="Folder"/> (inside the import folder) and store it.</summary>
/// <param name="Publish">Show the year to the public at once; otherwise only staff see it until it is published.</param>
public sealed record ImportYear(int Year, string Folder, bool Publish = false);

/// <summary>One problem with the files, where the reader found it.</summary>
public sealed record ImportError(string? File, int? Line, int? Column, string Message);

/// <summary>What an import did: committed the year (every LEA, the counts and the output files) or nothing, with the errors.</summary>
public sealed record ImportResult(int Year, bool Committed, bool Published, IReadOnlyList<ImportError> Errors, int Leas, int CharterSchools, IReadOnlyList<string> History, IReadOnlyList<string> Warnings);

/// <summary>
/// Runs <see cref="DeterminationRunner"/> on an import folder, with this app's stored earlier years as history before
/// the folder's own workbooks, and replaces the year in one transaction: the old year stays whole until the new one is in.
/// </summary>
public sealed class ImportYearHandler(SosDb db, IOptions<SosOptions> options, TimeProvider clock, IOutputCacheStore cache, DecidedViews views)
{
    /// <summary>The progress step while the decisions and output files are stored.</summary>
    public const string StoringStep = "Storing";

    /// <summary>The progress step while every file is read on its own after bad input.</summary>
    public const string CheckingStep = "Checking every file";

    public Task<ImportResult> Handle(ImportYear command, CancellationToken cancellationToken) => Handle(command, null, cancellationToken);

    /// <summary>
    /// Decides and stores the year, reporting each step to <paramref name="progress"/>. On bad input every file of the
    /// folder is read on its own too, so the result lists each file's error (<see cref="ImportValidation"/>).
    /// </summary>
    public async Task<ImportResult> Handle(ImportYear command, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        ImportFolder? folder = null;
        DeterminationRequest? request = null;
        var scratch = Path.Combine(options.Value.Data, "tmp", Guid.NewGuid().ToString("N"));
        try
        {
            folder = ImportFolder.Within(options.Value.ImportRoot, command.Folder);
            var earlier = await EarlierYears(command.Year, scratch, cancellationToken);
            request = folder.Request(command.Year, earlier);
            var run = await Task.Run(() => DeterminationRunner.Run(request, progress), cancellationToken);
            progress?.Report(new RunProgress(StoringStep, 0, 1));
            await Replace(run, Describe(command.Folder, request, earlier), command.Publish, scratch, cancellationToken);
            await PublicViews.Changed(cache, views, cancellationToken);
            progress?.Report(new RunProgress(StoringStep, 1, 1));
            return new ImportResult(run.Year, true, command.Publish, [], run.Determinations.Count, run.Charters.Count, [.. request.HistoryFiles.Select(Path.GetFileName).OfType<string>()], run.Warnings);
        }
        catch (InputFileException ex) when (folder is not null && request is not null)
        {
            progress?.Report(new RunProgress(CheckingStep, 0, 1));
            var errors = await Task.Run(() => ImportValidation.EveryFile(folder, request, ex, cancellationToken), cancellationToken);
            return new ImportResult(command.Year, false, false, errors, 0, 0, [], []);
        }
        catch (InputFileException ex)
        {
            return Failed(command, ImportValidation.Error(folder, ex));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or JsonException)
        {
            return Failed(command, new ImportError(null, null, null, ex.Message));
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static ImportResult Failed(ImportYear command, ImportError error) => new(command.Year, false, false, [error], 0, 0, [], []);

    /// <summary>The stored years before <paramref name="year"/>, as this tool's CSV output, for Year 2 carry-over and Level 3.</summary>
    private async Task<IReadOnlyList<string>> EarlierYears(int year, string scratch, CancellationToken cancellationToken)
    {
        var files = await db.Files.Where(f => f.Year < year && f.Name.StartsWith("assistancestatus") && f.Name.EndsWith(".csv"))
            .OrderBy(f => f.Year).ToListAsync(cancellationToken);
        var paths = new List<string>();
        foreach (var file in files)
        {
            Directory.CreateDirectory(scratch);
            var path = Path.Combine(scratch, file.Name);
            await File.WriteAllBytesAsync(path, file.Content, cancellationToken);
            paths.Add(path);
        }

        return paths;
    }

    private static string Describe(string folder, DeterminationRequest request, IReadOnlyList<string> earlier)
    {
        var history = request.HistoryFiles.Select(f => (earlier.Contains(f) ? "this app's " : string.Empty) + Path.GetFileName(f)).ToList();
        return $"import folder {folder.Replace('\\', '/')}" + (history.Count > 0 ? $", with history {string.Join(", ", history)}" : string.Empty);
    }

    private async Task Replace(DeterminationRun run, string source, bool publish, string scratch, CancellationToken cancellationToken)
    {
        var label = "SystemOfSupport (sos serve), " + clock.GetUtcNow().ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        var written = OutputSet.Write(run, Path.Combine(scratch, "out"), label);
        var files = new List<OutputFile>();
        foreach (var path in written)
        {
            files.Add(new OutputFile { Name = Path.GetFileName(path), Year = run.Year, ContentType = ContentTypes.Of(path), Content = await File.ReadAllBytesAsync(path, cancellationToken) });
        }

        var year = new DecidedYear
        {
            Year = run.Year,
            ImportedUtc = clock.GetUtcNow().UtcDateTime,
            Published = publish,
            Source = source,
            Summary = JsonSerializer.Serialize(RunSummary.Of(run), FindingsJson.Options),
            Warnings = JsonSerializer.Serialize(run.Warnings, FindingsJson.Options),
        };

        // Serializing the findings is most of the CPU of storing: on every core, before the transaction opens.
        List<LeaDecision> leas = [.. run.Determinations.AsParallel().AsOrdered().Select(Row), .. run.Charters.AsParallel().AsOrdered().Select(Row)];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Leas.Where(l => l.Year == run.Year).ExecuteDeleteAsync(cancellationToken);
        await db.Files.Where(f => f.Year == run.Year).ExecuteDeleteAsync(cancellationToken);
        await db.Years.Where(y => y.Year == run.Year).ExecuteDeleteAsync(cancellationToken);
        await db.Set<StoredDirectoryEntry>().Where(d => d.Year == run.Year).ExecuteDeleteAsync(cancellationToken);
        await db.Set<StoredCertification>().Where(c => c.Year == run.Year).ExecuteDeleteAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await Insert([year], cancellationToken);
            await Insert((run.Directory?.Entries ?? []).Select(e => StoredDirectoryEntry.Of(run.Year, e)), cancellationToken);
            await Insert(run.Certifications.Select(c => StoredCertification.Of(run.Year, c)), cancellationToken);
            await Insert(leas, cancellationToken);
            await Insert(files, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        // The year's cases open in the same transaction: a killed import leaves neither decisions without cases nor cases without decisions.
        db.ChangeTracker.Clear();
        await CaseOpening.ForYear(db, run.Year, clock, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Rows inserted per SaveChanges: the change tracker stays small, and the transaction keeps it all or nothing.</summary>
    private const int BatchSize = 500;

    /// <summary>Inserts new rows in batches, tracking none of them afterwards (nothing reads them back from this context).</summary>
    private async Task Insert<T>(IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        foreach (var batch in rows.Chunk(BatchSize))
        {
            db.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private static LeaDecision Row(Determination d) => new()
    {
        Year = d.Year,
        Cds = d.Lea.Cds.Value,
        CountyCode = d.Lea.Cds.CountyCode,
        Name = d.Lea.Name,
        Kind = d.Lea.Kind.ToString(),
        Status = d.Status.Label(),
        InAssistance = d.Status.IsDifferentiated(),
        MetMethods = MetMethods(d.Methods),
        Letters = Letters(d.Groups),
        Level3 = d.Level3?.Flag,
        Provider = d.Provider?.Name,
        Findings = JsonSerializer.Serialize(d, FindingsJson.Options),
    };

    private static LeaDecision Row(CharterDetermination c) => new()
    {
        Year = c.Year,
        Cds = c.Charter.Cds.Value,
        CountyCode = c.Charter.Cds.CountyCode,
        Name = c.Charter.Name,
        Kind = c.Charter.Kind.ToString(),
        Status = c.Status.Label(),
        InAssistance = c.Status.IsDifferentiated(),
        MetMethods = MetMethods(c.Current.Methods),
        Letters = Letters(c.Current.Groups),
        Provider = c.Provider?.Name,
        Findings = JsonSerializer.Serialize(c, FindingsJson.Options),
    };

    private static string MetMethods(IEnumerable<MethodFinding> methods) => string.Join(",", methods.Where(m => m.Met).Select(m => m.Number));

    private static string Letters(IEnumerable<GroupFinding> groups) => string.Join(" ", groups.Where(g => g.Letter is not null).Select(g => $"{g.Group}={g.Letter}"));
}
