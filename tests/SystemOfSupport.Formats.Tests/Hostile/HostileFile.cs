namespace SystemOfSupport.Formats.Tests.Hostile;

/// <summary>A damaged copy of a sample, under the sample's own name (readers find the year and layout from it), in a directory of its own.</summary>
internal sealed class HostileFile : IDisposable
{
    private readonly string directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sos-hostile-" + Guid.NewGuid().ToString("N"));

    public HostileFile(HostileSample sample, byte[] content)
    {
        System.IO.Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, System.IO.Path.GetFileName(sample.Sample));
        File.WriteAllBytes(Path, content);
    }

    public string Path { get; }

    public void Dispose() => System.IO.Directory.Delete(directory, recursive: true);
}
