using SystemOfSupport.Core;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Providers;
using SystemOfSupport.Core.Rules;
using SystemOfSupport.Formats.StatusWorkbooks;
using SystemOfSupport.Formats.Dashboard;
using SystemOfSupport.Formats.LeaDirectories;
using SystemOfSupport.Formats.LocalIndicators;

namespace SystemOfSupport.Formats.Runs;

/// <summary>
/// What <c>sos determine</c> is asked to do. Without a Dashboard directory the year is replayed from its own
/// workbook among the history files.
/// </summary>
public sealed record DeterminationRequest(
    int Year,
    string? DashboardDirectory,
    string? LocalIndicators,
    IReadOnlyList<string> HistoryFiles,
    DeterminationSettings Settings,
    bool AllowMissingIndicators = false,
    string? PriorDashboardDirectory = null,
    string? PriorLocalIndicators = null,
    string? DirectoryFile = null,
    IReadOnlyList<string>? EssaFiles = null,
    string? CertificationsFile = null,
    string? CalendarFile = null);

/// <summary>A step of a run, for progress bars: <paramref name="Done"/> of <paramref name="Total"/> units.</summary>
public sealed record RunProgress(string Step, int Done, int Total);

/// <summary>The decisions of one run and everything needed to write and explain them.</summary>
public sealed record DeterminationRun(
    int Year,
    DaRuleSet Rules,
    IReadOnlyList<Determination> Determinations,
    AssistanceHistory History,
    DashboardDataSet Dashboard,
    LocalIndicatorSet Local,
    DeterminationSettings Settings,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<CharterDetermination> Charters,
    LeaDirectory? Directory = null,
    Core.Essa.EssaAssessment? Essa = null)
{
    /// <summary>Decided from projected results, not the state's files: every output says so.</summary>
    public bool Projected { get; init; }

    /// <summary>Method 4 came from CALPADS certification records (otherwise it is N, not evaluated).</summary>
    public bool Method4Evaluated { get; init; }

    /// <summary>The CALPADS certification records read for Method 4 (none when no file was given), for those who keep them.</summary>
    public IReadOnlyList<Core.Calpads.CertificationRecord> Certifications { get; init; } = [];
}

/// <summary>Reads the state's files for a year, once each, and decides every district and county office.</summary>
public static class DeterminationRunner
{
    public static DeterminationRun Run(DeterminationRequest request, IProgress<RunProgress>? progress = null) => Run(request, null, progress);

    /// <summary>
    /// Decides from results already in hand (a projection) instead of <see cref="DeterminationRequest.DashboardDirectory"/>;
    /// <paramref name="givenPrior"/>: last year's results already read, so charters' prior year is not read again.
    /// </summary>
    public static DeterminationRun Run(DeterminationRequest request, DashboardDataSet? given, IProgress<RunProgress>? progress = null, DashboardDataSet? givenPrior = null)
    {
        if (!RuleBook.TryGet(request.Year, out var rules) || rules is null)
        {
            throw new ArgumentException($"--year {request.Year} is not supported; supported years: {string.Join(", ", RuleBook.SupportedYears.Order())}");
        }

        var warnings = new List<string>();
        var directory = request.DirectoryFile is null ? null : LeaDirectory.Read(request.DirectoryFile);
        var essa = request.EssaFiles is { Count: > 0 } essaFiles ? Formats.Essa.EssaRun.Run(essaFiles, request.Year, request.Settings) : null;
        var certifications = request.CertificationsFile is null ? null : Calpads.CertificationReader.Read(request.CertificationsFile, directory);
        var calendar = request.CalendarFile is null ? Core.Calpads.CalpadsCalendar.BuiltIn : Calpads.CalpadsCalendarReader.Read(request.CalendarFile);
        warnings.AddRange(essa?.Warnings ?? []);
        if (request.DashboardDirectory is null && given is null)
        {
            return WithProviders(Replay(request, rules, ReadHistory(request, progress), warnings), directory, essa?.Assessment, warnings);
        }

        // The history workbooks and the local-indicator files (one thread each) are read while the Dashboard files are
        // (on every core); their errors still come in the order the reads always went: history, Dashboard, local.
        var historyRead = Task.Run(() => ReadHistory(request, null));
        var localRead = rules.UsesLocalIndicators && request.LocalIndicators is { } localPath
            ? Task.Run(() => LocalIndicatorReader.Read(localPath, request.Year))
            : null;
        DashboardDataSet? dashboard = given;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? dashboardFailure = null;
        try
        {
            dashboard ??= LoadDashboard(request.DashboardDirectory!, request.Year, rules, progress);
        }
        catch (Exception ex)
        {
            dashboardFailure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
        }

        progress?.Report(new RunProgress("History", 0, request.HistoryFiles.Count));
        var workbooks = historyRead.GetAwaiter().GetResult();
        progress?.Report(new RunProgress("History", workbooks.Count, request.HistoryFiles.Count));
        if (workbooks.FirstOrDefault(w => w.Workbook.Year >= request.Year) is { Workbook: not null } late)
        {
            throw new InputFileException(late.Path, null, null,
                $"this is the {late.Workbook.Year} assistance status; --history must be from years before --year {request.Year} (to replay {request.Year} from its workbook, leave out --dashboard)");
        }

        dashboardFailure?.Throw();
        var history = new AssistanceHistory(workbooks.SelectMany(w => w.Workbook.Rows));
        if (dashboard!.MissingIndicators.Count > 0)
        {
            var missing = string.Join(", ", dashboard.MissingIndicators.Select(i => i.DisplayName()));
            if (!request.AllowMissingIndicators)
            {
                throw new InputFileException(request.DashboardDirectory ?? "(projection)", null, null,
                    $"no Dashboard file for {missing} ({request.Year} rules use it); add the file, or pass --partial to decide without it");
            }

            warnings.Add($"Partial Dashboard data: no file for {missing}; groups cannot meet the priorities those indicators serve.");
        }

        LocalIndicatorSet local;
        if (!rules.UsesLocalIndicators)
        {
            local = LocalIndicatorSet.Empty(request.Year);
            if (request.LocalIndicators is not null)
            {
                warnings.Add($"Local indicators were not used in {request.Year} (only Method 1); --local was not read.");
            }
        }
        else if (request.LocalIndicators is null)
        {
            local = LocalIndicatorSet.Empty(request.Year);
            warnings.Add("No local-indicator files (--local): Methods 2 and 3 see no local indicator Not Met for Two or More Years.");
        }
        else
        {
            progress?.Report(new RunProgress("Local indicators", 0, 1));
            local = localRead!.GetAwaiter().GetResult();
            progress?.Report(new RunProgress("Local indicators", 1, 1));
            warnings.AddRange(local.Warnings);
        }

        var prior = DashboardYears.Previous(request.Year);
        if (request.HistoryFiles.Count == 0 && rules.Status.CarriedOverFrom is not null)
        {
            warnings.Add($"No history (--history): nobody can be carried into Year 2 from {prior}; give the {prior} state workbook or this tool's {prior} output.");
        }

        var evidence = Universe(request, dashboard, history).Select(e =>
        {
            var localRows = local.ForLea(e.Lea.Cds);
            return new LeaEvidence(e.Lea, e.Results, e.Results.Count > 0, localRows, localRows.Count > 0, history)
            {
                Method4 = certifications is not null && rules.HasMethod4
                    ? Core.Calpads.CalpadsAssistance.EvaluateMethod4(request.Year, e.Lea.Cds, e.Lea.Kind, certifications, calendar, request.Settings)
                    : null,
            };
        }).ToList();

        progress?.Report(new RunProgress("Determining", 0, evidence.Count));
        // Each LEA is decided alone from read-only evidence: side by side, in order.
        var determinations = InOrder.Map(evidence, e => DifferentiatedAssistance.Determine(rules, e, request.Settings),
            progress is null ? null : done => progress.Report(new RunProgress("Determining", done, evidence.Count)));

        var charters = Charters(request, rules, dashboard, givenPrior, local, history, warnings, progress);
        return WithProviders(
            new DeterminationRun(request.Year, rules, determinations, history, dashboard, local, request.Settings, warnings, charters)
            {
                Method4Evaluated = certifications is not null && rules.HasMethod4,
                Certifications = certifications ?? [],
            },
            directory,
            essa?.Assessment,
            warnings);
    }

    private static DashboardDataSet LoadDashboard(string directory, int year, DaRuleSet rules, IProgress<RunProgress>? progress)
    {
        var fileCount = DashboardDataSet.Discover(directory, year, rules.IndicatorsUsed.ToHashSet()).Used.Count;
        var done = 0;
        progress?.Report(new RunProgress("Dashboard files", 0, fileCount));
        return DashboardDataSet.Load(directory, year, rules.IndicatorsUsed, rules.ColoredIndicators,
            _ => progress?.Report(new RunProgress("Dashboard files", ++done, fileCount)));
    }

    /// <summary>
    /// The districts and county offices decided: those with Dashboard rows and, under the default scope, the history's
    /// other LEAs in the same counties (so an LEA with no results this year still gets its Year 2).
    /// </summary>
    private static IEnumerable<LeaDashboard> Universe(DeterminationRequest request, DashboardDataSet dashboard, AssistanceHistory history)
    {
        var rules = RuleBook.For(request.Year);
        var leas = dashboard.Leas.Values
            .Where(l => l.Lea.Kind == LeaKind.District || (l.Lea.Kind == LeaKind.CountyOffice && rules.CountyOfficesDetermined))
            .ToDictionary(l => l.Lea.Cds);
        if (request.Settings[DeterminationSettings.Scope] == "dashboard-counties")
        {
            var counties = leas.Keys.Select(c => c.CountyCode).ToHashSet();
            foreach (var h in history.LatestRows.Where(h => counties.Contains(h.Cds.CountyCode) && !leas.ContainsKey(h.Cds)
                         && (rules.CountyOfficesDetermined || !h.Cds.IsCountyOfficeCode)))
            {
                var kind = h.Cds.IsCountyOfficeCode ? LeaKind.CountyOffice : LeaKind.District;
                leas.Add(h.Cds, new LeaDashboard(new Lea(h.Cds, kind, h.LeaName, h.County ?? string.Empty), LeaResults.Empty));
            }
        }

        return leas.Values.OrderBy(l => l.Lea.Cds);
    }

    /// <summary>
    /// Adds each LEA's ESSA finding (RULES.md §5) and names its provider (RULES.md §3.7): a district's is its county office, a county office's is CDE, and a
    /// charter's depends on its authorizer, which only the LEA directory (--directory) gives.
    /// </summary>
    private static DeterminationRun WithProviders(DeterminationRun run, LeaDirectory? directory, Core.Essa.EssaAssessment? essa, List<string> warnings)
    {
        var map = run.Settings.LeadAgencyMap;
        var essaByLea = essa?.Findings.ToDictionary(f => f.Lea) ?? [];
        var leas = run.Determinations.Select(d => d with { Provider = ProviderRules.For(d.Lea, null, map), Essa = essaByLea.GetValueOrDefault(d.Lea.Cds) }).ToList();
        var unknown = 0;
        var charters = run.Charters.Select(c =>
        {
            c = c with { Essa = essaByLea.GetValueOrDefault(c.Charter.Cds) };
            if (directory is not null && directory.TryGet(c.Charter.Cds, out var entry) && entry.CharterAuthorizer is { } authorizer)
            {
                return c with { Provider = ProviderRules.For(c.Charter, authorizer, map) };
            }

            unknown++;
            return c;
        }).ToList();
        if (unknown > 0)
        {
            warnings.Add($"{unknown} charter school(s) have no authorizer in the LEA directory{(directory is null ? " (--directory not given)" : string.Empty)}: their provider is not named.");
        }

        return run with { Determinations = leas, Charters = charters, Directory = directory, Essa = essa };
    }

    /// <summary>
    /// Charter schools: this year's criteria on each charter's row and, from the prior year's Dashboard (and local
    /// indicator) files, last year's — eligible only when both were met (RULES.md §3.6).
    /// </summary>
    private static List<CharterDetermination> Charters(
        DeterminationRequest request, DaRuleSet rules, DashboardDataSet dashboard, DashboardDataSet? givenPrior, LocalIndicatorSet local, AssistanceHistory history,
        List<string> warnings, IProgress<RunProgress>? progress)
    {
        var charters = dashboard.Leas.Values.Where(l => l.Lea.Kind == LeaKind.CharterSchool).OrderBy(l => l.Lea.Cds).ToList();
        if (charters.Count == 0)
        {
            return [];
        }

        Dictionary<CdsCode, CriteriaFinding>? prior = null;
        var priorYear = DashboardYears.Previous(request.Year);
        if (request.PriorDashboardDirectory is null || priorYear is null || !RuleBook.TryGet(priorYear.Value, out var priorRules) || priorRules is null)
        {
            warnings.Add($"No {priorYear} Dashboard files (--prior-dashboard): charter schools need the criteria met in two consecutive years, so none is identified; their {request.Year} criteria are reported.");
        }
        else
        {
            progress?.Report(new RunProgress($"{priorYear} Dashboard (charters)", 0, 1));
            var priorData = givenPrior ?? DashboardDataSet.Load(request.PriorDashboardDirectory, priorYear.Value, priorRules.IndicatorsUsed, priorRules.ColoredIndicators);
            var priorLocal = priorRules.UsesLocalIndicators && request.PriorLocalIndicators is not null
                ? LocalIndicatorReader.Read(request.PriorLocalIndicators, priorYear.Value)
                : LocalIndicatorSet.Empty(priorYear.Value);
            if (priorRules.UsesLocalIndicators && request.PriorLocalIndicators is null)
            {
                warnings.Add($"No {priorYear} local-indicator files (--prior-local): charters' {priorYear} Methods 2 and 3 see no local indicator.");
            }

            prior = priorData.Leas.Values.Where(l => l.Lea.Kind == LeaKind.CharterSchool).ToDictionary(
                l => l.Lea.Cds,
                l =>
                {
                    var rows = priorLocal.ForLea(l.Lea.Cds);
                    return DifferentiatedAssistance.Criteria(priorRules, new LeaEvidence(l.Lea, l.Results, true, rows, rows.Count > 0, history), request.Settings);
                });
            progress?.Report(new RunProgress($"{priorYear} Dashboard (charters)", 1, 1));
        }

        progress?.Report(new RunProgress("Charter schools", 0, charters.Count));
        return
        [
            .. InOrder.Map(charters, c =>
            {
                var rows = local.ForLea(c.Lea.Cds);
                var evidence = new LeaEvidence(c.Lea, c.Results, true, rows, rows.Count > 0, history);
                var last = prior is null ? null
                    : prior.TryGetValue(c.Lea.Cds, out var found) ? found
                    : new CriteriaFinding(priorYear!.Value, [], [], [], [$"No {priorYear} Dashboard rows for this charter school."]);
                return CharterAssistance.Determine(rules, evidence, last, request.Settings);
            }, progress is null ? null : done => progress.Report(new RunProgress("Charter schools", done, charters.Count))),
        ];
    }

    /// <summary>Decides a year from its published workbook: letters and methods as published, the rest afresh.</summary>
    private static DeterminationRun Replay(DeterminationRequest request, DaRuleSet rules, IReadOnlyList<(string Path, AssistanceStatusWorkbook Workbook)> workbooks, List<string> warnings)
    {
        var source = workbooks.LastOrDefault(w => w.Workbook.Year == request.Year);
        if (source.Workbook is null)
        {
            throw new ArgumentException($"without --dashboard, --history must include the {request.Year} assistance-status workbook to replay");
        }

        if (workbooks.FirstOrDefault(w => w.Workbook.Year > request.Year) is { Workbook: not null } late)
        {
            throw new InputFileException(late.Path, null, null, $"this is the {late.Workbook.Year} assistance status; a replay of {request.Year} takes that year's workbook and earlier ones");
        }

        var history = new AssistanceHistory(workbooks.SelectMany(w => w.Workbook.Rows));
        warnings.Add($"Replayed from {Path.GetFileName(source.Path)}: the state's letters and methods; no Dashboard or local-indicator files were read.");
        var determinations = source.Workbook.Rows
            .Where(r => rules.CountyOfficesDetermined || !r.Cds.IsCountyOfficeCode)
            .OrderBy(r => r.Cds)
            .Select(r => DifferentiatedAssistance.Replay(
                rules,
                new Lea(r.Cds, r.Cds.IsCountyOfficeCode ? LeaKind.CountyOffice : LeaKind.District, r.LeaName, r.County ?? string.Empty),
                r,
                history,
                request.Settings))
            .ToList();
        return new DeterminationRun(request.Year, rules, determinations, history, DashboardDataSet.None(request.Year),
            LocalIndicatorSet.Empty(request.Year), request.Settings, warnings, []);
    }

    /// <summary>Reads the history files, in the order given (a later file's row for the same LEA and year wins).</summary>
    private static List<(string Path, AssistanceStatusWorkbook Workbook)> ReadHistory(DeterminationRequest request, IProgress<RunProgress>? progress)
    {
        var workbooks = new List<(string, AssistanceStatusWorkbook)>();
        foreach (var path in request.HistoryFiles)
        {
            progress?.Report(new RunProgress("History", workbooks.Count, request.HistoryFiles.Count));
            workbooks.Add((path, AssistanceStatusWorkbookReader.Read(path)));
        }

        progress?.Report(new RunProgress("History", workbooks.Count, request.HistoryFiles.Count));
        return workbooks;
    }
}
