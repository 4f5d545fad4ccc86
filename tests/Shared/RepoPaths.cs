namespace SystemOfSupport.Tests;

/// <summary>Locates the repository's shipped data from a test's working directory.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SystemOfSupport.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SystemOfSupport.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Data(params string[] parts) => Path.Combine([Root, "data", .. parts]);

    public static string MontereyDashboard(int year) => Data("cde", "dashboard", "monterey-county", year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string LocalIndicators(int year) => Data("cde", "local-indicators", year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string StatusWorkbook(string name) => Data("cde", "assistance-status", name);

    /// <summary>A fresh temporary directory, removed by the caller's <c>using</c>.</summary>
    public static TempDir NewTempDir() => new();
}

internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sos-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
