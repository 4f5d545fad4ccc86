using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;
using SystemOfSupport.Formats.Calpads;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Formats.LeaDirectories;
using SystemOfSupport.Formats.Essa;
using SystemOfSupport.Formats.LocalIndicators;
using SystemOfSupport.Formats.Runs;
using SystemOfSupport.Formats.StatusWorkbooks;

namespace SystemOfSupport.Web.Features.Import;

/// <summary>
/// Every file's first problem, not only the first file's: after a run stops on bad input, each file of the request is
/// read again on its own by the reader the run uses, and each one that fails adds its error (file, line, column).
/// Nothing extra is read when the run succeeds.
/// </summary>
public static class ImportValidation
{
    /// <summary>The errors of every file in <paramref name="request"/>, <paramref name="first"/> (the run's own) first, one per file.</summary>
    public static IReadOnlyList<ImportError> EveryFile(ImportFolder folder, DeterminationRequest request, InputFileException first, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError> { Error(folder, first) };
        foreach (var read in Readers(request))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                read();
            }
            catch (InputFileException ex) when (!errors.Contains(Error(folder, ex)))
            {
                errors.Add(Error(folder, ex));
            }
            catch (InputFileException)
            {
                // The run's own error again.
            }
        }

        return errors;
    }

    public static ImportError Error(ImportFolder? folder, InputFileException ex) => new(folder?.Relative(ex.File) ?? ex.File, ex.Line, ex.Column, ex.Detail);

    /// <summary>
    /// Each file of the request with a way to read it alone, as the run reads it. A local-indicator folder is one unit:
    /// its reader picks the year's files from it.
    /// </summary>
    private static IEnumerable<Action> Readers(DeterminationRequest request)
    {
        var year = request.Year;
        foreach (var path in request.HistoryFiles)
        {
            yield return () => AssistanceStatusWorkbookReader.Read(path);
        }

        foreach (var reader in DashboardFiles(request.DashboardDirectory, year))
        {
            yield return reader;
        }

        if (request.LocalIndicators is { } local)
        {
            yield return () => LocalIndicatorReader.Read(local, year);
        }

        if (DashboardYears.Previous(year) is { } prior)
        {
            foreach (var reader in DashboardFiles(request.PriorDashboardDirectory, prior))
            {
                yield return reader;
            }

            if (request.PriorLocalIndicators is { } priorLocal)
            {
                yield return () => LocalIndicatorReader.Read(priorLocal, prior);
            }
        }

        foreach (var path in request.EssaFiles ?? [])
        {
            yield return () => EssaRun.Run([path], year, request.Settings);
        }

        if (request.DirectoryFile is { } directory)
        {
            yield return () => LeaDirectory.Read(directory);
        }

        if (request.CertificationsFile is { } certifications)
        {
            yield return () => CertificationReader.Read(certifications);
        }

        if (request.CalendarFile is { } calendar)
        {
            yield return () => CalpadsCalendarReader.Read(calendar);
        }
    }

    private static IEnumerable<Action> DashboardFiles(string? directory, int year)
    {
        if (directory is null || !RuleBook.TryGet(year, out var rules) || rules is null)
        {
            return [];
        }

        IReadOnlyList<(string Path, DashboardFileName Name)> used;
        try
        {
            used = DashboardDataSet.Discover(directory, year, rules.IndicatorsUsed.ToHashSet()).Used;
        }
        catch (InputFileException ex)
        {
            return [() => throw ex];
        }

        return used.Select(f => (Action)(() =>
        {
            var needed = rules.ColoredIndicators.Contains(f.Name.Indicator) ? DashboardColumnsNeeded.Color : DashboardColumnsNeeded.Status;
            foreach (var _ in DashboardReader.Read(f.Path, year, needed))
            {
            }
        }));
    }
}
