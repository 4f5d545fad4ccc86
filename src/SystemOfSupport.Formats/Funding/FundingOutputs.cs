namespace SystemOfSupport.Formats.Funding;

/// <summary>
/// Writes a funding run's <c>coefundingYYYY-YY.xlsx</c> and <c>.csv</c>. Both are built in memory first, so bad data
/// fails before anything is written; each file is then moved into place whole (temporary file, then rename).
/// </summary>
public static class FundingOutputs
{
    public static IReadOnlyList<string> Write(FundingRunResult run, string directory, string label)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var stem = FundingTables.FileStem(run.Result);
        var lines = FundingTables.Lines(run.Result, label);
        var files = new List<(string Path, byte[] Bytes)>
        {
            (Path.Combine(directory, stem + ".xlsx"), Bytes(s => FundingWorkbookWriter.Write(run, label, s))),
            (Path.Combine(directory, stem + ".csv"), Bytes(s => StatusWorkbooks.AssistanceStatusCsvWriter.Write(lines, s))),
        };
        Directory.CreateDirectory(directory);
        foreach (var (path, bytes) in files)
        {
            StatusWorkbooks.AtomicFile.Write(path, s => s.Write(bytes));
        }

        return [.. files.Select(f => f.Path)];
    }

    private static byte[] Bytes(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }
}
