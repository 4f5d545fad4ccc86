using SystemOfSupport.Core.Colors;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Forecast;
using SystemOfSupport.Core.Rules;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Formats.Runs;

namespace SystemOfSupport.Formats.Forecast;

/// <summary>
/// What <c>sos forecast</c> is asked to do: forecast <paramref name="Year"/> from the base year's (the Dashboard year
/// before it) files in <paramref name="DashboardDirectory"/>.
/// </summary>
/// <param name="ChangeFiles">
/// Other years' Dashboard files whose <c>change</c> column stands in for an indicator the base year published without
/// one (2023's status-only CCI); never the forecast year or later.
/// </param>
public sealed record ForecastRequest(
    int Year,
    string DashboardDirectory,
    string? LocalIndicators,
    IReadOnlyList<string> HistoryFiles,
    IReadOnlyList<string> ChangeFiles,
    int Simulations,
    int Seed,
    DeterminationSettings Settings);

/// <summary>Where one indicator's observed changes came from.</summary>
public sealed record ChangeSource(Indicator Indicator, int Observations, IReadOnlyList<string> Files);

/// <summary>A forecast, the base year's own decision behind its Year 2 carry-over, the changes drawn from, and the warnings.</summary>
public sealed record ForecastRun(
    IdentificationForecast Forecast,
    DeterminationRun BaseRun,
    ChangeDistribution Changes,
    IReadOnlyList<ChangeSource> ChangeSources,
    IReadOnlyList<string> Warnings);

/// <summary>Reads the base year's files once, decides the base year, builds the change distribution and runs the simulations.</summary>
public static class ForecastRunner
{
    /// <summary>The forecast years with a base year one year before them, both with rules and color tables.</summary>
    public static IReadOnlyList<int> SupportedYears { get; } =
    [
        .. RuleBook.SupportedYears.Order().Where(y =>
            DashboardYears.Previous(y) == y - 1
            && RuleBook.TryGet(y - 1, out _)
            && ColorEngine.SupportedYears.Contains(y)
            && ColorEngine.SupportedYears.Contains(y - 1)),
    ];

    public static ForecastRun Run(ForecastRequest request, IProgress<RunProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseYear = CheckYears(request);
        if (request.Simulations < 1)
        {
            throw new ArgumentException($"--simulations must be at least 1, not {request.Simulations}");
        }

        var rules = RuleBook.For(request.Year);
        var warnings = new List<string>();

        // The base year decided as `sos determine` decides it: its statuses give the forecast year's Year 2.
        var baseRun = DeterminationRunner.Run(
            new DeterminationRequest(baseYear, request.DashboardDirectory, request.LocalIndicators, request.HistoryFiles, request.Settings),
            progress);
        warnings.AddRange(baseRun.Warnings.Select(w => $"{baseYear} decision: {w}"));

        var used = rules.IndicatorsUsed.ToHashSet();
        var byStart = request.Settings.BucketsByStartingLevel();

        // One file's rows at a time (a statewide file is mostly school rows): what is kept is the observed changes, which
        // indicators have a status, the files behind each indicator, and the LEAs' own rows.
        var observations = new List<ChangeObservation>();
        var rated = new HashSet<Indicator>();
        var filesOf = used.ToDictionary(i => i, _ => new List<string>());
        var leaRowsRead = new List<DashboardRow>();
        foreach (var file in DashboardDataSet.Discover(request.DashboardDirectory, baseYear, used).Used)
        {
            foreach (var r in DashboardReader.ReadRows(file.Path))
            {
                if (Observe(r, byStart) is { } observation)
                {
                    observations.Add(observation);
                }

                if (r.Measure.CurrentStatus is not null)
                {
                    rated.Add(r.Result.Indicator);
                }

                if (filesOf.TryGetValue(r.Result.Indicator, out var files) && !files.Contains(r.Result.Source.File))
                {
                    files.Add(r.Result.Source.File);
                }

                if (r.RecordType == "D")
                {
                    leaRowsRead.Add(r);
                }
            }
        }

        var sources = used.Order()
            .Select(i => new ChangeSource(i, observations.Count(o => o.Indicator == i), filesOf[i]))
            .ToList();
        AddChangeFiles(request, byStart, observations, sources, warnings);

        foreach (var unrated in used.Order().Where(i => !rated.Contains(i)))
        {
            warnings.Add($"{unrated.DisplayName()}: no {baseYear} status in the files, so no {request.Year} result to forecast: not simulated.");
        }

        foreach (var missing in sources.Where(s => s.Observations == 0 && rated.Contains(s.Indicator)))
        {
            if (!request.Settings.MissingChangeIsMaintained())
            {
                throw new InvalidOperationException(
                    $"no observed {missing.Indicator.DisplayName()} change in the {baseYear} files and none from --change-from (setting {ForecastSettings.MissingChangeKey}=error)");
            }

            warnings.Add($"{missing.Indicator.DisplayName()}: no observed change in the {baseYear} files and none from --change-from: its {request.Year} status is taken as {baseYear}'s, colored as Maintained ({ForecastSettings.MissingChangeKey}={ForecastSettings.Maintained}).");
        }

        var changes = new ChangeDistribution(observations, request.Settings.BucketMinimum());
        var leaRows = leaRowsRead.ToLookup(r => r.Result.Cds);
        var leas = baseRun.Determinations
            .Where(d => baseRun.Dashboard.Leas.ContainsKey(d.Lea.Cds))
            .Select(d => new ForecastLea(
                d.Lea,
                [.. leaRows[d.Lea.Cds].Select(r => new BaseYearResult(r.Measure, r.Result.Source))],
                baseRun.Local.ForLea(d.Lea.Cds),
                d.Status))
            .ToList();
        var model = new ForecastModel(rules, baseYear, changes, BaseYearHistory.Extend(baseRun.History, baseYear, baseRun.Determinations),
            request.Settings, request.Simulations, request.Seed);
        progress?.Report(new RunProgress("Simulating", 0, leas.Count));
        var forecast = IdentificationForecaster.Run(model, leas, done => progress?.Report(new RunProgress("Simulating", done, leas.Count)));
        foreach (var group in forecast.GroupsNotSimulated)
        {
            warnings.Add($"{group.DisplayName()} ({group}): rated in {request.Year} but not in {baseYear}, so there is no {baseYear} result to move: not simulated, never lettered.");
        }

        return new ForecastRun(forecast, baseRun, changes, sources, warnings);
    }

    /// <summary>The base year, once the forecast year is known to have one and the directory holds its files.</summary>
    private static int CheckYears(ForecastRequest request)
    {
        if (!SupportedYears.Contains(request.Year))
        {
            var why = !RuleBook.TryGet(request.Year, out _) ? $"there are no rules for {request.Year}"
                : DashboardYears.Previous(request.Year) is not int p ? "there is no Dashboard year before it"
                : p != request.Year - 1 ? $"its Dashboard year before is {p}, and a change over {request.Year - p} years is not a year-over-year change"
                : $"{p} has no rules or color tables";
            throw new ArgumentException(
                $"--year {request.Year} cannot be forecast: {why}; supported (base year → forecast year): {string.Join(", ", SupportedYears.Select(y => $"{y - 1} → {y}"))}");
        }

        var baseYear = request.Year - 1;
        if (!Directory.Exists(request.DashboardDirectory))
        {
            throw new InputFileException(request.DashboardDirectory, null, null, "the Dashboard directory does not exist");
        }

        var years = Directory.EnumerateFiles(request.DashboardDirectory)
            .Select(f => DashboardFileName.TryParse(f, out var name) ? name?.Year : null)
            .OfType<int>()
            .Distinct()
            .Order()
            .ToList();
        if (years.Count == 0 || years.Any(y => y != baseYear))
        {
            var found = years.Count == 0 ? "no Dashboard download files" : $"Dashboard files of {string.Join(", ", years)}";
            throw new InputFileException(request.DashboardDirectory, null, null,
                $"{found}; a {request.Year} forecast starts from the {baseYear} files (the base year) — give the {baseYear} directory with --dashboard");
        }

        return baseYear;
    }

    /// <summary>A row's observed change, bucketed by the level it started from (or ended at); null when the row has no change.</summary>
    private static ChangeObservation? Observe(DashboardRow row, bool byStartingLevel)
    {
        if (row.Result.Change is not decimal change || row.Measure.PriorStatus is not decimal prior || row.Measure.CurrentStatus is not decimal current)
        {
            return null;
        }

        return new ChangeObservation(row.Result.Indicator, NextYear.StatusLevel(row.Measure, byStartingLevel ? prior : current), change);
    }

    /// <summary>
    /// The --change-from files: their changes count only for an indicator with none in the base year's files, and
    /// never from the forecast year or later (those changes are the answer).
    /// </summary>
    private static void AddChangeFiles(ForecastRequest request, bool byStart, List<ChangeObservation> observations, List<ChangeSource> sources, List<string> warnings)
    {
        var baseYear = request.Year - 1;
        var observedInBaseYear = sources.Where(s => s.Observations > 0).Select(s => s.Indicator).ToHashSet();
        foreach (var path in request.ChangeFiles)
        {
            if (!DashboardFileName.TryParse(path, out var name) || name is null)
            {
                throw new InputFileException(path, null, null, "--change-from takes Dashboard download files, named {indicator}downloadYYYY.txt (e.g. ccidownload2018.txt)");
            }

            if (name.Year >= request.Year)
            {
                throw new InputFileException(path, null, null,
                    $"a {name.Year} file cannot inform a {request.Year} forecast: its changes are what is being forecast (give a file from {baseYear} or earlier)");
            }

            var index = sources.FindIndex(s => s.Indicator == name.Indicator);
            if (index < 0)
            {
                warnings.Add($"--change-from {Path.GetFileName(path)}: {name.Indicator.DisplayName()} is not used by the {request.Year} rules; not read.");
                continue;
            }

            if (observedInBaseYear.Contains(name.Indicator))
            {
                warnings.Add($"--change-from {Path.GetFileName(path)}: not read, the {baseYear} files have observed {name.Indicator.DisplayName()} changes of their own.");
                continue;
            }

            var source = sources[index];
            var added = DashboardReader.ReadRows(path).Select(r => Observe(r, byStart)).OfType<ChangeObservation>().ToList();
            observations.AddRange(added);
            sources[index] = source with { Observations = source.Observations + added.Count, Files = [.. source.Files, Path.GetFileName(path)] };
            warnings.Add($"{name.Indicator.DisplayName()}: no observed change in the {baseYear} files, so its changes come from {Path.GetFileName(path)} ({added.Count:N0} changes, {name.Year - 1} → {name.Year}).");
        }
    }
}
