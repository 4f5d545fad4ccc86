using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Formats.Runs;

namespace SystemOfSupport.Web.Features.Import;

/// <summary>
/// A year's files laid out in one folder, one sub-folder per kind, as <c>sos determine</c>'s options take them:
/// <c>dashboard/</c> (required unless the year is replayed from its own workbook in <c>history/</c>), <c>local/</c>,
/// <c>history/</c> (workbooks, read in name order), <c>prior-dashboard/</c>, <c>prior-local/</c>, <c>essa/</c>, and
/// <c>directory/</c>, <c>certifications/</c>, <c>calendar/</c> with one CSV each.
/// </summary>
public sealed class ImportFolder
{
    public const string Dashboard = "dashboard";
    public const string Local = "local";
    public const string History = "history";
    public const string PriorDashboard = "prior-dashboard";
    public const string PriorLocal = "prior-local";
    public const string Essa = "essa";
    public const string Directory = "directory";
    public const string Certifications = "certifications";
    public const string Calendar = "calendar";

    private ImportFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>The folder <paramref name="relative"/> inside <paramref name="root"/>; a path that leaves the root is refused.</summary>
    public static ImportFolder Within(string root, string relative)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, relative.Trim()));
        var rootFull = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(root));
        if (!full.StartsWith(rootFull + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) && full != rootFull)
        {
            throw new ArgumentException($"'{relative}' is outside the import folder {rootFull}");
        }

        return System.IO.Directory.Exists(full) ? new ImportFolder(full) : throw new ArgumentException($"no folder '{relative}' in the import folder {rootFull}");
    }

    /// <summary>What <c>sos determine</c> would be asked, with <paramref name="earlierHistory"/> read before the folder's own history files.</summary>
    public DeterminationRequest Request(int year, IReadOnlyList<string> earlierHistory) => new(
        year,
        Folder(Dashboard),
        Folder(Local),
        [.. earlierHistory, .. Files(History)],
        DeterminationSettings.Defaults,
        PriorDashboardDirectory: Folder(PriorDashboard),
        PriorLocalIndicators: Folder(PriorLocal),
        DirectoryFile: OneFile(Directory),
        EssaFiles: Files(Essa),
        CertificationsFile: OneFile(Certifications),
        CalendarFile: OneFile(Calendar));

    /// <summary>A path as the import page shows it: inside the folder, relative to it.</summary>
    public string Relative(string path) => System.IO.Path.IsPathRooted(path) && path.StartsWith(Path, StringComparison.Ordinal)
        ? System.IO.Path.GetRelativePath(Path, path)
        : path;

    private string? Folder(string name) => System.IO.Directory.Exists(System.IO.Path.Combine(Path, name)) ? System.IO.Path.Combine(Path, name) : null;

    private string[] Files(string name) => Folder(name) is { } dir
        ? [.. System.IO.Directory.GetFiles(dir).Where(f => !System.IO.Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)]
        : [];

    private string? OneFile(string name) => Files(name) switch
    {
        [] => null,
        [var one] => one,
        var many => throw new ArgumentException($"{name}/ holds {many.Length} files; it takes one"),
    };
}
