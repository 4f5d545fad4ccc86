using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Import;

/// <summary>
/// The sample shipped inside this assembly: Monterey County's real Dashboard files for 2018, 2022, 2023 and 2024, the
/// statewide local indicators, the state's 2019 and 2023 workbooks, the ESSA files and the LEA directory. On a first
/// start with an empty database each year is laid out as an import folder (<c>import/sample-monterey/YYYY</c>) and
/// imported in order and published, so each year has the ones before it as history (Year 2 carry-over, Level 3), as the README's runs do.
/// </summary>
public static class SampleData
{
    public const string FolderName = "sample-monterey";

    private const string ResourcePrefix = "sample/";

    /// <summary>Each year's import folder: sub-folder name → the embedded folder or files that go in it.</summary>
    private static readonly (int Year, (string Slot, string[] Sources)[] Slots)[] Years =
    [
        (2018, [(ImportFolder.Dashboard, ["dashboard/2018/"]), (ImportFolder.Local, ["local/2018/"]), (ImportFolder.Directory, ["directory/"])]),
        (2022, [(ImportFolder.Dashboard, ["dashboard/2022/"]), (ImportFolder.History, ["history/assistancestatus19.xlsx"]), (ImportFolder.Directory, ["directory/"])]),
        (2023,
        [
            (ImportFolder.Dashboard, ["dashboard/2023/"]), (ImportFolder.Local, ["local/2023/"]), (ImportFolder.History, ["history/assistancestatus19.xlsx"]),
            (ImportFolder.PriorDashboard, ["dashboard/2022/"]), (ImportFolder.Essa, ["essa/essaassistance23.xlsx"]), (ImportFolder.Directory, ["directory/"]),
        ]),
        (2024,
        [
            (ImportFolder.Dashboard, ["dashboard/2024/"]), (ImportFolder.Local, ["local/2024/"]), (ImportFolder.History, ["history/assistancestatus19.xlsx", "history/assistancestatus23.xlsx"]),
            (ImportFolder.PriorDashboard, ["dashboard/2023/"]), (ImportFolder.PriorLocal, ["local/2023/"]), (ImportFolder.Essa, ["essa/essaassistance24.xlsx"]),
            (ImportFolder.Directory, ["directory/"]),
        ]),
    ];

    /// <summary>Imports the sample when no year is stored yet; returns the results (none when there was data already).</summary>
    public static async Task<IReadOnlyList<ImportResult>> ImportIfEmptyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        if (await scope.ServiceProvider.GetRequiredService<SosDb>().Years.AnyAsync(cancellationToken))
        {
            return [];
        }

        var root = Path.Combine(scope.ServiceProvider.GetRequiredService<IOptions<SosOptions>>().Value.ImportRoot, FolderName);
        var results = new List<ImportResult>();
        foreach (var (year, slots) in Years)
        {
            var folder = Path.Combine(FolderName, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Extract(Path.Combine(root, year.ToString(System.Globalization.CultureInfo.InvariantCulture)), slots);
            using var yearScope = services.CreateScope();
            var result = await yearScope.ServiceProvider.GetRequiredService<ImportYearHandler>().Handle(new ImportYear(year, folder, Publish: true), cancellationToken);
            results.Add(result.Committed ? result : throw new InvalidOperationException($"the embedded {year} sample did not import: {string.Join("; ", result.Errors.Select(e => e.Message))}"));
        }

        return results;
    }

    private static void Extract(string target, (string Slot, string[] Sources)[] slots)
    {
        var assembly = typeof(SampleData).Assembly;
        // Logical names use '/', except the part MSBuild's %(RecursiveDir) gives, which uses the build machine's separator.
        var resources = assembly.GetManifestResourceNames().Select(n => (Name: n, Path: n.Replace('\\', '/')))
            .Where(r => r.Path.StartsWith(ResourcePrefix, StringComparison.Ordinal)).ToList();
        foreach (var (slot, sources) in slots)
        {
            var dir = Path.Combine(target, slot);
            Directory.CreateDirectory(dir);
            foreach (var (name, path) in resources.Where(r => sources.Any(s => s.EndsWith('/') ? r.Path.StartsWith(ResourcePrefix + s, StringComparison.Ordinal) : r.Path == ResourcePrefix + s)))
            {
                using var resource = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"resource {name} is missing");
                using var file = File.Create(Path.Combine(dir, path[(path.LastIndexOf('/') + 1)..]));
                resource.CopyTo(file);
            }
        }
    }
}
